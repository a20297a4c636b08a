/**
 * Clubs (câu lạc bộ) of a school, a management unit or the city, under the central policy (kinds
 * `club`, `club_membership`, `club_content`, `club_activity`): everyone along the club's path
 * reads its description, news and showcase; the leader or officer at its level creates it and
 * names the advisor; the advisor (and those leaders and officers) decide membership requests,
 * record activities and attendance, post news and products; members see members and activities.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { downloadResponse, findFiles, recordFiles } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { orgUnits, schools } from '../organisations/schema';
import { guardianships, persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { clubActivities, clubAttendance, clubMembers, clubPosts, clubShowcase, clubs, forumSpaces } from './schema';
import { clubLevel, isHttpsUrl, mayDecide, mayRequestAgain, type ClubKind, type ClubLevel } from './rules';
import { m } from '#lib/paraglide/messages.js';
import { underPattern } from '../db/like';

type Club = typeof clubs.$inferSelect;
const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

export interface ClubInput {
	/** Where it lives: a school, or an org unit (a management unit, or the department for the city). */
	schoolId?: string | null;
	orgUnitId?: string | null;
	kind: ClubKind;
	name: string;
	description: string;
	advisorId: string;
	openTo: ('learners' | 'staff' | 'parents')[];
}

/** The approved members' ids of a club, as SQL (for list filters). */
const approvedIdsSql = (clubId: SQL | typeof clubs.id) => sql`array(select cm.person_id from club_members cm where cm.club_id = ${clubId} and cm.status = 'approved')`;
const clubColumns = { path: clubs.path, advisorId: clubs.advisorId, openTo: clubs.openTo, memberIds: approvedIdsSql(clubs.id) };

export const clubResource = (c: Club, memberIds: string[]): Resource => ({ path: c.path, advisorId: c.advisorId, openTo: c.openTo, memberIds });

/** After the club itself was found visible: a change one may not make is 403, never 404. */
function mustCan(p: Principal, action: 'create' | 'update', kind: 'club_membership' | 'club_content' | 'club_activity', resource: Resource) {
	if (!can(p, action, kind, resource)) throw new ForbiddenError(m.error_forbidden());
}

async function approvedIds(db: Executor, clubId: string) {
	return (await db.select({ id: clubMembers.personId }).from(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.status, 'approved')))).map((r) => r.id);
}

async function loadClub(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [club] = await db.select().from(clubs).where(eq(clubs.id, id));
	const memberIds = club ? await approvedIds(db, id) : [];
	const resource = club ? clubResource(club, memberIds) : undefined;
	authorize(p, action, 'club', resource);
	return { club, memberIds, resource: resource! };
}

/** Where a new club would live, from the input: the school's path or the unit's. */
async function placeOf(db: Executor, input: Pick<ClubInput, 'schoolId' | 'orgUnitId'>) {
	if (input.schoolId) {
		const [s] = await db.select({ id: schools.id, path: schools.path }).from(schools).where(eq(schools.id, input.schoolId));
		if (!s) throw invalid('schoolId', m.club_place_unknown());
		return { schoolId: s.id, path: s.path };
	}
	if (input.orgUnitId) {
		const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, input.orgUnitId));
		if (!u) throw invalid('orgUnitId', m.club_place_unknown());
		return { schoolId: null, path: u.path };
	}
	throw invalid('schoolId', m.club_place_unknown());
}

/** The advisor is a staff member working where the club lives (at, under or above its path). */
async function checkAdvisor(db: Executor, advisorId: string, path: string) {
	const [a] = await db.select({ kind: persons.kind, path: persons.path }).from(persons).where(eq(persons.id, advisorId));
	if (!a || a.kind !== 'staff' || !(a.path.startsWith(path) || path.startsWith(a.path))) throw invalid('advisorId', m.club_advisor_invalid());
}

/** A leader (or officer) creates a club where they work and names its advisor; the club's forum space comes with it. Audited. */
export async function createClub(db: Executor, p: Principal, input: ClubInput) {
	const place = await placeOf(db, input);
	authorizeCreate(p, 'club', { path: place.path });
	await checkAdvisor(db, input.advisorId, place.path);
	return db.transaction(async (tx) => {
		const [club] = await tx
			.insert(clubs)
			.values({ schoolId: place.schoolId, path: place.path, kind: input.kind, name: input.name, description: input.description, advisorId: input.advisorId, openTo: [...new Set(input.openTo)], createdBy: p.personId })
			.returning();
		await tx.insert(forumSpaces).values({ path: club.path, schoolId: club.schoolId, kind: 'club', clubId: club.id, name: club.name });
		await writeAudit(tx, p, { action: 'create', entityType: 'club', entityId: club.id, scopePath: club.path, schoolId: club.schoolId, after: club });
		return club;
	});
}

/** Clubs the caller may see (along their path), with the caller's own membership status. */
export async function listClubs(db: Executor, p: Principal, f: { kind?: ClubKind; level?: ClubLevel } = {}) {
	authorizeList(p, 'club');
	const conds: SQL[] = [scopeCondition(p, 'read', 'club', clubColumns)];
	if (f.kind) conds.push(eq(clubs.kind, f.kind));
	if (f.level === 'school') conds.push(sql`${clubs.schoolId} is not null`);
	else if (f.level) conds.push(sql`${clubs.schoolId} is null`);
	const rows = await db
		.select({ club: clubs, advisor: nameColumns, schoolName: schools.name, myStatus: clubMembers.status, members: sql<number>`(select count(*)::int from club_members x where x.club_id = ${clubs.id} and x.status = 'approved')` })
		.from(clubs)
		.innerJoin(persons, eq(persons.id, clubs.advisorId))
		.leftJoin(schools, eq(schools.id, clubs.schoolId))
		.leftJoin(clubMembers, and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.personId, p.personId)))
		.where(and(...conds))
		.orderBy(asc(clubs.name))
		.limit(500);
	return rows
		.map((r) => ({ ...r.club, level: clubLevel(r.club), advisorName: fullName(r.advisor), schoolName: r.schoolName, memberCount: r.members, myStatus: r.myStatus ?? null }))
		.filter((c) => !f.level || c.level === f.level);
}

/**
 * A club as the caller may see it: its public face for everyone along its path; members and
 * activities for members and managers; waiting requests for whoever decides them.
 */
export async function getClub(db: Executor, p: Principal, id: string) {
	const { club, memberIds, resource } = await loadClub(db, p, id);
	const [advisor] = await db.select(nameColumns).from(persons).where(eq(persons.id, club.advisorId));
	const [mine] = await db.select().from(clubMembers).where(and(eq(clubMembers.clubId, id), eq(clubMembers.personId, p.personId)));
	const seesInside = can(p, 'read', 'club_activity', resource);
	const decides = can(p, 'update', 'club_membership', { ...resource, personId: undefined });
	const manages = can(p, 'create', 'club_content', resource);
	const rows = seesInside || decides ? await db.select({ m: clubMembers, n: nameColumns }).from(clubMembers).innerJoin(persons, eq(persons.id, clubMembers.personId)).where(eq(clubMembers.clubId, id)) : [];
	const named = (list: typeof rows) => sortVietnamese(list.map((r) => ({ ...r.n, role: r.m.role, status: r.m.status, requestedAt: r.m.requestedAt }))).map((r) => ({ id: r.id, name: fullName(r), role: r.role, status: r.status, requestedAt: r.requestedAt }));
	const activities = seesInside ? await db.select().from(clubActivities).where(eq(clubActivities.clubId, id)).orderBy(desc(clubActivities.startsAt)) : [];
	const attendance = activities.length ? await db.select().from(clubAttendance).where(inArray(clubAttendance.activityId, activities.map((a) => a.id))) : [];
	const posts = await db.select({ post: clubPosts, author: nameColumns }).from(clubPosts).innerJoin(persons, eq(persons.id, clubPosts.authorId)).where(eq(clubPosts.clubId, id)).orderBy(desc(clubPosts.createdAt));
	const showcase = await db.select().from(clubShowcase).where(eq(clubShowcase.clubId, id)).orderBy(desc(clubShowcase.createdAt));
	const [space] = await db.select({ id: forumSpaces.id }).from(forumSpaces).where(eq(forumSpaces.clubId, id));
	const [school] = club.schoolId ? await db.select({ name: schools.name }).from(schools).where(eq(schools.id, club.schoolId)) : [];
	return {
		...club,
		level: clubLevel(club),
		schoolName: school?.name ?? null,
		advisorName: advisor ? fullName(advisor) : '',
		myStatus: mine?.status ?? null,
		mayJoin: can(p, 'create', 'club_membership', { ...resource, personId: p.personId }) && mayRequestAgain(mine?.status ?? null),
		isMember: memberIds.includes(p.personId),
		mayManage: manages,
		mayDecide: decides,
		memberCount: memberIds.length,
		members: seesInside || decides ? named(rows.filter((r) => r.m.status === 'approved')) : [],
		requests: decides ? named(rows.filter((r) => r.m.status === 'requested')) : [],
		activities: activities.map((a) => ({ ...a, attendance: attendance.filter((x) => x.activityId === a.id).map((x) => ({ personId: x.personId, present: x.present })) })),
		posts: posts.map((r) => ({ ...r.post, authorName: fullName(r.author) })),
		showcase,
		forumSpaceId: space && can(p, 'read', 'forum_space', { path: club.path, audience: 'members', memberIds: [...memberIds, club.advisorId], moderatorIds: [club.advisorId] }) ? space.id : null
	};
}

/** Parents of a learner. */
async function parentsOf(db: Executor, learnerId: string) {
	return (await db.select({ id: guardianships.guardianId }).from(guardianships).where(eq(guardianships.learnerId, learnerId))).map((r) => r.id);
}

/** The caller asks to join (a learner of a school under the club's path, staff or parents as it is open to); the advisor is told. */
export async function requestMembership(db: Executor, p: Principal, clubId: string) {
	const { club, resource } = await loadClub(db, p, clubId);
	mustCan(p, 'create', 'club_membership', { ...resource, personId: p.personId });
	return db.transaction(async (tx) => {
		const [current] = await tx.select().from(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.personId, p.personId))).for('update');
		if (!mayRequestAgain(current?.status ?? null)) throw new ConflictError(current?.status === 'approved' ? m.club_already_member() : m.club_already_requested());
		const now = new Date();
		const [row] = await tx
			.insert(clubMembers)
			.values({ clubId, personId: p.personId, status: 'requested', requestedAt: now })
			.onConflictDoUpdate({ target: [clubMembers.clubId, clubMembers.personId], set: { status: 'requested', requestedAt: now, decidedBy: null, decidedAt: null, role: 'member' } })
			.returning();
		await writeAudit(tx, p, { action: 'request_membership', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, before: current ?? null, after: row });
		await notify(tx, {
			to: [club.advisorId],
			kind: 'club_membership_requested',
			title: m.club_notify_requested_title({ club: club.name }),
			body: m.club_notify_requested_body({ name: p.displayName, club: club.name }),
			link: `/clubs/${clubId}`,
			schoolId: club.schoolId,
			key: `club-request:${clubId}:${p.personId}:${now.getTime()}`
		});
		return row;
	});
}

/** The advisor (or a leader or officer over the club) approves or rejects a waiting request; the person and their parents are told. Audited. */
export async function decideMembership(db: Executor, p: Principal, clubId: string, personId: string, input: { decision: 'approved' | 'rejected'; role?: 'member' | 'leader' }) {
	const { club, resource } = await loadClub(db, p, clubId);
	mustCan(p, 'update', 'club_membership', { ...resource, personId: undefined });
	return db.transaction(async (tx) => {
		const [current] = await tx.select().from(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.personId, personId))).for('update');
		if (!current) throw invalid('personId', m.club_request_unknown());
		if (!mayDecide(current.status)) throw new ConflictError(m.club_request_decided());
		const now = new Date();
		const [row] = await tx
			.update(clubMembers)
			.set({ status: input.decision, role: input.role ?? 'member', decidedBy: p.personId, decidedAt: now })
			.where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.personId, personId)))
			.returning();
		await writeAudit(tx, p, { action: input.decision === 'approved' ? 'approve_membership' : 'reject_membership', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, before: current, after: row });
		const approved = input.decision === 'approved';
		await notify(tx, {
			to: [personId, ...(await parentsOf(tx, personId))],
			kind: 'club_membership_decided',
			title: approved ? m.club_notify_approved_title({ club: club.name }) : m.club_notify_rejected_title({ club: club.name }),
			body: approved ? m.club_notify_approved_body({ club: club.name }) : m.club_notify_rejected_body({ club: club.name }),
			link: `/clubs/${clubId}`,
			schoolId: club.schoolId,
			key: `club-decision:${clubId}:${personId}:${now.getTime()}`
		});
		return row;
	});
}

/**
 * A member leaves (or withdraws a waiting request); the advisor or a manager may also take a
 * member off. The row stays, as `left`, so the history of who was a member is kept. Audited.
 */
export async function leaveClub(db: Executor, p: Principal, clubId: string, personId: string) {
	const { club, resource } = await loadClub(db, p, clubId);
	if (personId !== p.personId) mustCan(p, 'update', 'club_membership', { ...resource, personId: undefined });
	return db.transaction(async (tx) => {
		const [current] = await tx.select().from(clubMembers).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.personId, personId))).for('update');
		if (!current || (current.status !== 'approved' && current.status !== 'requested')) throw invalid('personId', m.club_not_a_member());
		const [row] = await tx.update(clubMembers).set({ status: 'left', decidedBy: p.personId, decidedAt: new Date() }).where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.personId, personId))).returning();
		await writeAudit(tx, p, { action: 'leave', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, before: current, after: row });
		return row;
	});
}

async function manage(db: Executor, p: Principal, clubId: string, kind: 'club_content' | 'club_activity') {
	const loaded = await loadClub(db, p, clubId);
	mustCan(p, 'create', kind, loaded.resource);
	return loaded;
}

/** The advisor records an activity (sinh hoạt) with its time and place. Audited. */
export async function addActivity(db: Executor, p: Principal, clubId: string, input: { title: string; startsAt: Date; place: string; description: string }) {
	const { club } = await manage(db, p, clubId, 'club_activity');
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(clubActivities).values({ clubId, title: input.title, startsAt: input.startsAt, place: input.place, description: input.description, createdBy: p.personId }).returning();
		await writeAudit(tx, p, { action: 'add_activity', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, after: row });
		return row;
	});
}

/** Who came to an activity: every approved member is recorded, present or not. Audited. */
export async function recordAttendance(db: Executor, p: Principal, clubId: string, activityId: string, input: { presentIds: string[] }) {
	const { club, memberIds } = await manage(db, p, clubId, 'club_activity');
	const [activity] = await db.select().from(clubActivities).where(and(eq(clubActivities.id, activityId), eq(clubActivities.clubId, clubId)));
	if (!activity) throw invalid('activityId', m.club_activity_unknown());
	const strangers = input.presentIds.filter((id) => !memberIds.includes(id));
	if (strangers.length) throw invalid('presentIds', m.club_not_members());
	return db.transaction(async (tx) => {
		const rows = memberIds.map((personId) => ({ activityId, personId, present: input.presentIds.includes(personId) }));
		if (rows.length) await tx.insert(clubAttendance).values(rows).onConflictDoUpdate({ target: [clubAttendance.activityId, clubAttendance.personId], set: { present: sql`excluded.present` } });
		await writeAudit(tx, p, { action: 'attendance', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, after: { activityId, presentIds: input.presentIds } });
		return { activityId, present: input.presentIds.length, absent: rows.length - input.presentIds.length };
	});
}

/** A news post (bản tin), read by everyone who sees the club. Audited. */
export async function addClubPost(db: Executor, p: Principal, clubId: string, input: { title: string; body: string }) {
	const { club } = await manage(db, p, clubId, 'club_content');
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(clubPosts).values({ clubId, authorId: p.personId, title: input.title, body: input.body }).returning();
		await writeAudit(tx, p, { action: 'add_post', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, after: row });
		return row;
	});
}

/**
 * A product for the showcase: a description, an https link and/or one uploaded file (already
 * streamed into the store by the caller; discarded if this fails). Files only for a school's club,
 * since every stored file belongs to a school. Audited.
 */
export async function addShowcaseItem(db: Executor, p: Principal, clubId: string, input: { title: string; description: string; url?: string | null; upload?: StoredUpload }) {
	try {
		const { club } = await manage(db, p, clubId, 'club_content');
		if (input.url && !isHttpsUrl(input.url)) throw invalid('url', m.club_https_only());
		if (input.upload && !club.schoolId) throw invalid('file', m.club_showcase_file_school_only());
		return await db.transaction(async (tx) => {
			const [file] = input.upload ? await recordFiles(tx, p, { schoolId: club.schoolId!, path: club.path }, [input.upload]) : [];
			const [row] = await tx.insert(clubShowcase).values({ clubId, title: input.title, description: input.description, url: input.url || null, fileId: file?.id ?? null, createdBy: p.personId }).returning();
			await writeAudit(tx, p, { action: 'add_showcase', entityType: 'club', entityId: clubId, scopePath: club.path, schoolId: club.schoolId, after: row });
			return row;
		});
	} catch (e) {
		if (input.upload) await discardUploads([input.upload]);
		throw e;
	}
}

/** The file of a showcase item, for whoever may read the club. */
export async function downloadShowcaseFile(db: Executor, p: Principal, clubId: string, itemId: string, inline: boolean) {
	await loadClub(db, p, clubId);
	const [item] = await db.select().from(clubShowcase).where(and(eq(clubShowcase.id, itemId), eq(clubShowcase.clubId, clubId)));
	const [file] = item?.fileId ? await findFiles(db, [item.fileId]) : [];
	if (!file) throw new NotFoundError(m.error_not_found());
	return downloadResponse(file, { inline });
}

/** Where the caller may create a club (their schools and units) and whom they may name advisor, for the form. */
export async function clubCreateChoices(db: Executor, p: Principal) {
	const places: { value: string; label: string; path: string }[] = [];
	for (const g of p.grants) {
		if (!g.scopeId || !can(p, 'create', 'club', { path: g.scopePath })) continue;
		if (g.scopeType === 'school') {
			const [s] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, g.scopeId));
			if (s) places.push({ value: `school:${g.scopeId}`, label: s.name, path: g.scopePath });
		} else if (g.scopeType === 'org_unit' || g.scopeType === 'city') {
			const [u] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, g.scopeId));
			if (u) places.push({ value: `unit:${g.scopeId}`, label: u.name, path: g.scopePath });
		}
	}
	const unique = [...new Map(places.map((x) => [x.value, x])).values()];
	if (!unique.length) return { places: [], advisors: [] };
	const under = sql.join(unique.map((x) => sql`${persons.path} like ${underPattern(x.path)}`), sql` or `);
	const staff = await db.select(nameColumns).from(persons).where(and(eq(persons.kind, 'staff'), sql`(${under})`)).limit(500);
	return { places: unique.map(({ value, label }) => ({ value, label })), advisors: sortVietnamese(staff).map((r) => ({ id: r.id, name: fullName(r) })) };
}
