/**
 * Projects (học theo dự án): a teacher's project for a class, teams of its learners, milestones
 * where each team posts evidence and gets feedback, and a final product per team. Under the
 * central policy (kinds `project`, `project_team`, `project_feedback`): the class's teachers and
 * the school leader see everything, a learner their own team, a parent their child's team, the
 * outside mentor only the projects they mentor — and they reach learners only through feedback.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { enqueueMany } from '../platform/outbox';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { classes, enrolments } from '../organisations/schema';
import { accounts, persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { learningPlaces } from './place-schema';
import { projectEvidence, projectFeedback, projectMilestones, projectTeamMembers, projectTeams, projects } from './project-schema';
import { readablePlace } from './places';
import { isHttpsUrl, milestoneStatus } from './project-rules';
import { downloadResponse, findFiles, recordFiles } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { isVettedMentorFor, vettedMentorChoices } from '../network/service';
import { notify } from '../notifications/service';
import { m } from '#lib/paraglide/messages.js';

type Project = typeof projects.$inferSelect;
type Team = typeof projectTeams.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

export interface ProjectInput {
	classId: string;
	title: string;
	description: string;
	drivingQuestion: string;
	placeId?: string | null;
	mentorId?: string | null;
}

async function membersOf(db: Executor, where: SQL) {
	return db.select({ teamId: projectTeamMembers.teamId, projectId: projectTeamMembers.projectId, learnerId: projectTeamMembers.learnerId }).from(projectTeamMembers).where(where);
}

const projectResource = (pr: Project, memberIds: string[]): Resource => ({ path: pr.path, memberIds, mentorId: pr.mentorId });
const teamResource = (pr: Project, team: Team, memberIds: string[]): Resource => ({ path: team.path, memberIds, mentorId: pr.mentorId });

async function loadProject(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [pr] = await db.select().from(projects).where(eq(projects.id, id));
	const members = pr ? await membersOf(db, eq(projectTeamMembers.projectId, id)) : [];
	authorize(p, action, 'project', pr ? projectResource(pr, members.map((x) => x.learnerId)) : undefined);
	return { project: pr, members };
}

async function loadTeam(db: Executor, p: Principal, teamId: string, action: 'read' | 'update') {
	const [team] = await db.select().from(projectTeams).where(eq(projectTeams.id, teamId));
	const [pr] = team ? await db.select().from(projects).where(eq(projects.id, team.projectId)) : [];
	const memberIds = team ? (await membersOf(db, eq(projectTeamMembers.teamId, teamId))).map((x) => x.learnerId) : [];
	const resource = team && pr ? teamResource(pr, team, memberIds) : undefined;
	authorize(p, action, 'project_team', resource);
	return { team, project: pr, memberIds, resource: resource! };
}

/**
 * Who may be an outside mentor: only a vetted member of the community network whose vetting covers
 * the class (registered at the city, the school's unit or the school); never one pending, rejected
 * or suspended. The mentor reaches learners only through the project's feedback.
 */
async function checkMentor(db: Executor, mentorId: string, classPath: string) {
	if (!(await isVettedMentorFor(db, mentorId, classPath))) throw invalid('mentorId', m.net_mentor_not_vetted());
}

/** Whom a teacher may ask to mentor a project: vetted network members covering one of the classes they may create projects for. */
export async function mentorChoices(db: Executor, p: Principal) {
	const rows = await db.select({ path: classes.path }).from(classes).where(scopeCondition(p, 'create', 'project', { path: classes.path }));
	return vettedMentorChoices(db, [...new Set(rows.map((r) => r.path))]);
}

export async function createProject(db: Executor, p: Principal, input: ProjectInput) {
	const [cls] = await db.select().from(classes).where(eq(classes.id, input.classId));
	if (!cls) throw invalid('classId', m.prj_class_unknown());
	authorizeCreate(p, 'project', { path: cls.path });
	if (input.placeId) await readablePlace(db, p, input.placeId);
	if (input.mentorId) await checkMentor(db, input.mentorId, cls.path);
	return db.transaction(async (tx) => {
		const [pr] = await tx
			.insert(projects)
			.values({ schoolId: cls.schoolId, classId: cls.id, path: cls.path, title: input.title, description: input.description, drivingQuestion: input.drivingQuestion, placeId: input.placeId ?? null, mentorId: input.mentorId ?? null, createdBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'project', entityId: pr.id, scopePath: pr.path, schoolId: pr.schoolId, after: pr });
		return pr;
	});
}

/**
 * The class's teacher sets or clears a project's outside mentor: only a vetted network member whose
 * vetting covers the class (checkMentor). Audited; a new mentor is notified.
 */
export async function setMentor(db: Executor, p: Principal, projectId: string, mentorId: string | null) {
	const { project: pr } = await loadProject(db, p, projectId, 'update');
	if (mentorId) await checkMentor(db, mentorId, pr.path);
	return db.transaction(async (tx) => {
		const [after] = await tx.update(projects).set({ mentorId, updatedAt: new Date() }).where(eq(projects.id, projectId)).returning();
		await writeAudit(tx, p, { action: 'set_mentor', entityType: 'project', entityId: projectId, scopePath: pr.path, schoolId: pr.schoolId, before: { mentorId: pr.mentorId }, after: { mentorId } });
		if (mentorId && mentorId !== pr.mentorId) await notify(tx, { to: [mentorId], kind: 'network_mentor', title: m.net_notify_mentor_title({ project: pr.title }), link: `/projects/${projectId}`, schoolId: pr.schoolId, key: `network_mentor:${projectId}:${mentorId}:${after.updatedAt.getTime()}` });
		return after;
	});
}

/** Projects the caller may see: their classes', their own or their child's team's, the ones they mentor. */
export async function listProjects(db: Executor, p: Principal, f: { classId?: string }) {
	authorizeList(p, 'project');
	const memberIds = sql`array(select ptm.learner_id from project_team_members ptm where ptm.project_id = ${projects.id})`;
	const conds: SQL[] = [scopeCondition(p, 'read', 'project', { path: projects.path, memberIds, mentorId: projects.mentorId })];
	if (f.classId) conds.push(eq(projects.classId, f.classId));
	const rows = await db
		.select({ project: projects, className: classes.name, placeName: learningPlaces.name })
		.from(projects)
		.innerJoin(classes, eq(classes.id, projects.classId))
		.leftJoin(learningPlaces, eq(learningPlaces.id, projects.placeId))
		.where(and(...conds))
		.orderBy(desc(projects.createdAt))
		.limit(500);
	return rows.map((r) => ({ ...r.project, className: r.className, placeName: r.placeName }));
}

/**
 * One team's work as the caller may see it: members, each milestone's evidence, feedback and
 * status (project-rules.ts), the final product, and what the caller may do.
 */
async function teamWork(db: Executor, p: Principal, pr: Project, team: Team, memberIds: string[]) {
	const resource = teamResource(pr, team, memberIds);
	const milestones = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, pr.id)).orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.position));
	const evidence = await db.select().from(projectEvidence).where(eq(projectEvidence.teamId, team.id)).orderBy(asc(projectEvidence.createdAt));
	const feedback = await db.select().from(projectFeedback).where(eq(projectFeedback.teamId, team.id)).orderBy(asc(projectFeedback.createdAt));
	const people = [...new Set([...memberIds, ...evidence.map((e) => e.authorId), ...feedback.map((f) => f.authorId)])];
	const names = new Map((people.length ? await db.select(nameColumns).from(persons).where(inArray(persons.id, people)) : []).map((r) => [r.id, fullName(r)]));
	return {
		id: team.id,
		name: team.name,
		finalProduct: team.finalProduct,
		finalProductUrl: team.finalProductUrl,
		members: sortVietnamese((memberIds.length ? await db.select(nameColumns).from(persons).where(inArray(persons.id, memberIds)) : [])).map((r) => ({ id: r.id, name: fullName(r) })),
		milestones: milestones.map((ms) => {
			const ev = evidence.filter((e) => e.milestoneId === ms.id);
			const fb = feedback.filter((f) => f.milestoneId === ms.id);
			return {
				id: ms.id,
				title: ms.title,
				dueOn: ms.dueOn,
				status: milestoneStatus(ev.map((e) => e.createdAt), fb.map((f) => f.createdAt)),
				evidence: ev.map((e) => ({ id: e.id, text: e.text, url: e.url, fileId: e.fileId, authorName: names.get(e.authorId) ?? '', createdAt: e.createdAt })),
				feedback: fb.map((f) => ({ id: f.id, body: f.body, authorName: names.get(f.authorId) ?? '', byMentor: f.authorId === pr.mentorId, createdAt: f.createdAt }))
			};
		}),
		mayPost: can(p, 'update', 'project_team', resource) && memberIds.includes(p.personId),
		mayGiveFeedback: can(p, 'create', 'project_feedback', resource)
	};
}

/** A project with the teams the caller may see (a learner: their own; a parent: their child's). */
export async function getProject(db: Executor, p: Principal, id: string) {
	const { project: pr, members } = await loadProject(db, p, id);
	const [cls] = await db.select({ name: classes.name }).from(classes).where(eq(classes.id, pr.classId));
	const [place] = pr.placeId ? await db.select({ id: learningPlaces.id, name: learningPlaces.name, path: learningPlaces.path, createdBy: learningPlaces.createdBy }).from(learningPlaces).where(eq(learningPlaces.id, pr.placeId)) : [];
	const [mentor] = pr.mentorId ? await db.select(nameColumns).from(persons).where(eq(persons.id, pr.mentorId)) : [];
	const collator = new Intl.Collator('vi');
	const teams = (await db.select().from(projectTeams).where(eq(projectTeams.projectId, id))).sort((a, b) => collator.compare(a.name, b.name));
	const visible = teams.filter((t) => can(p, 'read', 'project_team', teamResource(pr, t, members.filter((x) => x.teamId === t.id).map((x) => x.learnerId))));
	const canManage = can(p, 'update', 'project', projectResource(pr, members.map((x) => x.learnerId)));
	const learners = canManage
		? sortVietnamese(await db.select(nameColumns).from(enrolments).innerJoin(persons, eq(persons.id, enrolments.learnerId)).where(eq(enrolments.classId, pr.classId))).map((r) => ({ id: r.id, name: fullName(r), teamId: members.find((x) => x.learnerId === r.id)?.teamId ?? null }))
		: [];
	const milestones = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, id)).orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.position));
	return {
		...pr,
		className: cls?.name ?? '',
		place: place && can(p, 'read', 'learning_place', { path: place.path, authorId: place.createdBy }) ? { id: place.id, name: place.name } : place ? { id: null, name: place.name } : null,
		mentorName: mentor ? fullName(mentor) : null,
		milestones: milestones.map((ms) => ({ id: ms.id, title: ms.title, dueOn: ms.dueOn })),
		teams: await Promise.all(visible.map((t) => teamWork(db, p, pr, t, members.filter((x) => x.teamId === t.id).map((x) => x.learnerId)))),
		teamCount: teams.length,
		canManage,
		learners
	};
}

/** One team's work (404 for anyone who may not see it: a learner of another team, another class). */
export async function getTeam(db: Executor, p: Principal, teamId: string) {
	const { team, project: pr, memberIds } = await loadTeam(db, p, teamId, 'read');
	return { projectId: pr.id, projectTitle: pr.title, ...(await teamWork(db, p, pr, team, memberIds)) };
}

/** The class's teacher forms a team of the class's learners, each in at most one team of the project. Audited. */
export async function addTeam(db: Executor, p: Principal, projectId: string, input: { name: string; learnerIds: string[] }) {
	const { project: pr, members } = await loadProject(db, p, projectId, 'update');
	const ids = [...new Set(input.learnerIds)];
	const enrolled = new Set((await db.select({ id: enrolments.learnerId }).from(enrolments).where(and(eq(enrolments.classId, pr.classId), inArray(enrolments.learnerId, ids)))).map((r) => r.id));
	if (ids.some((id) => !enrolled.has(id))) throw invalid('learnerIds', m.prj_learner_not_in_class());
	if (ids.some((id) => members.some((x) => x.learnerId === id))) throw invalid('learnerIds', m.prj_learner_in_team());
	return db.transaction(async (tx) => {
		const [team] = await tx.insert(projectTeams).values({ projectId, schoolId: pr.schoolId, path: pr.path, name: input.name }).returning();
		await tx.insert(projectTeamMembers).values(ids.map((learnerId) => ({ teamId: team.id, projectId, learnerId })));
		await writeAudit(tx, p, { action: 'add_team', entityType: 'project', entityId: projectId, scopePath: pr.path, schoolId: pr.schoolId, after: { team, learnerIds: ids } });
		return { ...team, learnerIds: ids };
	});
}

export async function addMilestone(db: Executor, p: Principal, projectId: string, input: { title: string; dueOn: string }) {
	const { project: pr } = await loadProject(db, p, projectId, 'update');
	return db.transaction(async (tx) => {
		const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
		const [ms] = await tx.insert(projectMilestones).values({ projectId, title: input.title, dueOn: input.dueOn, position: n }).returning();
		await writeAudit(tx, p, { action: 'add_milestone', entityType: 'project', entityId: projectId, scopePath: pr.path, schoolId: pr.schoolId, after: ms });
		return ms;
	});
}

async function milestoneOf(db: Executor, projectId: string, milestoneId: string) {
	const [ms] = await db.select().from(projectMilestones).where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)));
	if (!ms) throw invalid('milestoneId', m.prj_milestone_unknown());
	return ms;
}

function checkLink(text: string, url: string | null | undefined, field = 'url') {
	if (url && !isHttpsUrl(url)) throw invalid(field, m.prj_https_only());
	if (!text && !url) throw invalid('text', m.prj_evidence_empty());
}

/** Emails of people (their own, else their account's). */
async function emailsOf(db: Executor, ids: string[]) {
	if (!ids.length) return [];
	const rows = await db.select({ email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})` }).from(persons).leftJoin(accounts, eq(accounts.personId, persons.id)).where(inArray(persons.id, ids));
	return [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))];
}

/**
 * A member of the team posts evidence for a milestone: text, an https link and/or one uploaded file
 * (already streamed into the store by the caller; discarded if the post fails). The teacher is told.
 */
export async function postEvidence(db: Executor, p: Principal, teamId: string, milestoneId: string, input: { text: string; url?: string | null; upload?: StoredUpload }) {
	try {
		return await postEvidenceChecked(db, p, teamId, milestoneId, input);
	} catch (e) {
		if (input.upload) await discardUploads([input.upload]);
		throw e;
	}
}

async function postEvidenceChecked(db: Executor, p: Principal, teamId: string, milestoneId: string, input: { text: string; url?: string | null; upload?: StoredUpload }) {
	const { team, project: pr, memberIds } = await loadTeam(db, p, teamId, 'update');
	if (!memberIds.includes(p.personId)) throw new ConflictError(m.prj_members_only());
	const ms = await milestoneOf(db, pr.id, milestoneId);
	if (!input.upload) checkLink(input.text, input.url);
	else if (input.url && !isHttpsUrl(input.url)) throw invalid('url', m.prj_https_only());
	return db.transaction(async (tx) => {
		const [file] = input.upload ? await recordFiles(tx, p, { schoolId: team.schoolId, path: team.path }, [input.upload]) : [];
		const [ev] = await tx.insert(projectEvidence).values({ milestoneId, teamId, schoolId: team.schoolId, authorId: p.personId, text: input.text, url: input.url ?? null, fileId: file?.id ?? null }).returning();
		await writeAudit(tx, p, { action: 'post_evidence', entityType: 'project_team', entityId: teamId, scopePath: team.path, schoolId: team.schoolId, after: ev });
		const subject = m.prj_notify_evidence_subject({ project: pr.title, team: team.name });
		const body = m.prj_notify_evidence_body({ project: pr.title, team: team.name, milestone: ms.title, author: p.displayName });
		await enqueueMany(tx, (await emailsOf(tx, [pr.createdBy])).map((recipient) => ({ channel: 'email', recipient, subject, body })));
		return ev;
	});
}

/** A class teacher, the school leader or the project's outside mentor gives feedback on a team's milestone; the team is told. */
/** The file of a piece of evidence, for whoever may read the team's work. */
export async function downloadEvidenceFile(db: Executor, p: Principal, teamId: string, evidenceId: string, inline: boolean) {
	await loadTeam(db, p, teamId, 'read');
	const [ev] = await db.select().from(projectEvidence).where(and(eq(projectEvidence.id, evidenceId), eq(projectEvidence.teamId, teamId)));
	const [file] = ev?.fileId ? await findFiles(db, [ev.fileId]) : [];
	if (!file) throw new NotFoundError(m.error_not_found());
	return downloadResponse(file, { inline });
}

export async function giveFeedback(db: Executor, p: Principal, teamId: string, milestoneId: string, input: { body: string }) {
	const { team, project: pr, memberIds, resource } = await loadTeam(db, p, teamId, 'read');
	authorizeCreate(p, 'project_feedback', resource);
	const ms = await milestoneOf(db, pr.id, milestoneId);
	return db.transaction(async (tx) => {
		const [fb] = await tx.insert(projectFeedback).values({ milestoneId, teamId, schoolId: team.schoolId, authorId: p.personId, body: input.body }).returning();
		await writeAudit(tx, p, { action: 'give_feedback', entityType: 'project_team', entityId: teamId, scopePath: team.path, schoolId: team.schoolId, after: fb });
		const subject = m.prj_notify_feedback_subject({ project: pr.title });
		const body = m.prj_notify_feedback_body({ project: pr.title, team: team.name, milestone: ms.title, author: p.displayName });
		await enqueueMany(tx, (await emailsOf(tx, memberIds)).map((recipient) => ({ channel: 'email', recipient, subject, body })));
		return fb;
	});
}

/** The team's final product (a description and an https link), written by its members. Audited. */
export async function setFinalProduct(db: Executor, p: Principal, teamId: string, input: { text: string; url?: string | null }) {
	const { team, memberIds } = await loadTeam(db, p, teamId, 'update');
	if (!memberIds.includes(p.personId)) throw new ConflictError(m.prj_members_only());
	checkLink(input.text, input.url);
	return db.transaction(async (tx) => {
		const [after] = await tx.update(projectTeams).set({ finalProduct: input.text, finalProductUrl: input.url ?? null, updatedAt: new Date() }).where(eq(projectTeams.id, teamId)).returning();
		await writeAudit(tx, p, { action: 'final_product', entityType: 'project_team', entityId: teamId, scopePath: team.path, schoolId: team.schoolId, before: { finalProduct: team.finalProduct, finalProductUrl: team.finalProductUrl }, after: { finalProduct: after.finalProduct, finalProductUrl: after.finalProductUrl } });
		return after;
	});
}

/** Classes the caller may create a project for (their class grants), for the new-project form. */
export async function projectClasses(db: Executor, p: Principal) {
	const rows = await db.select({ id: classes.id, name: classes.name, path: classes.path }).from(classes).where(scopeCondition(p, 'create', 'project', { path: classes.path })).orderBy(asc(classes.name));
	return rows.map((r) => ({ id: r.id, name: r.name }));
}
