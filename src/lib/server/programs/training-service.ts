/**
 * Training courses of the city program: organising (officers at their level), sessions, quotas
 * per school, enrolment, attendance, scores, completion, feedback, certificates and targets.
 * Under the central policy: kinds `training_course` (read along the path by program staff, and by
 * learners/parents for their audience; changed by officers within) and `training_enrolment`
 * (path = the trainee's: an officer within, a school leader for their school, oneself).
 *
 * Quotas and capacity hold under concurrency: every enrolment runs in a transaction that first
 * locks the course row (`select … for update`), so two leaders racing for a school's last place
 * are counted one after the other. Completion is the pure rule `isCompleted`, applied again in
 * the same transaction whenever attendance, scores or sessions change, and kept as `completed_at`
 * so that figures are plain SQL aggregates. A completion stands once reached (as Moodle's course
 * completion does): a session added later or a stricter rule completes more trainees but never
 * takes a completion — and its certificate — back; only a correction of the trainee's own
 * attendance or score re-examines theirs.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, mayEver, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit, writeAudits } from '../audit/service';
import { notifyInBatches, notifyMany } from '../notifications/service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName, sortVietnamese, splitFullName } from '../people/names';
import { meetingUrl, newRoomName } from '../platform/meeting-link';
import { trainingAttendance, trainingCourseFiles, trainingCourses, trainingEnrolments, trainingFeedback, trainingQuotas, trainingSessions, trainingTargets } from './training-schema';
import { capacityCheck, isCompleted, mayGiveFeedback, ONLINE_GROUPS, PLAN_TARGETS, quotaCheck, REMINDER_HOURS, scoreProblem, sessionReminderDue, TARGET_KEYS, audienceFor, type TargetKey } from './training-rules';
import type { CourseInput, EnrolInput, SessionInput } from './training-inputs';
import { deleteStoredBytes, linkedFileResponse, linkedFiles, recordFiles, unlinkFile, type FileLink } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { m } from '#lib/paraglide/messages.js';

export type Course = typeof trainingCourses.$inferSelect;
type Enrolment = typeof trainingEnrolments.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

export const courseResource = (c: Pick<Course, 'path' | 'audience'>): Resource => ({ path: c.path, audience: c.audience });
const courseColumns = { path: trainingCourses.path, audience: trainingCourses.audience };
const enrolmentColumns = { path: trainingEnrolments.path, personId: trainingEnrolments.personId };
const enrolmentResource = (e: Pick<Enrolment, 'path' | 'personId'>): Resource => ({ path: e.path, personId: e.personId });

export async function loadCourse(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read'): Promise<Course> {
	const [c] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
	authorize(p, action, 'training_course', c ? courseResource(c) : undefined);
	return c;
}

const courseFiles: FileLink = { table: trainingCourseFiles, ownerId: trainingCourseFiles.courseId, fileId: trainingCourseFiles.fileId };

/** The documents of courses (slides, handouts, a guide for parents), by course. */
export const courseDocuments = (db: Executor, courseIds: readonly string[]) => linkedFiles(db, courseFiles, courseIds);

/** Refuses whoever may not run the course, before an upload is stored. */
export async function mayAddCourseDocuments(db: Executor, p: Principal, courseId: string): Promise<void> {
	await loadCourse(db, p, courseId, 'update');
}

/** The organiser adds documents to a course (audited); the uploads are removed again if refused. */
export async function addCourseDocuments(db: Executor, p: Principal, courseId: string, uploads: StoredUpload[]) {
	try {
		if (!uploads.length) throw new ValidationError(m.error_invalid_input(), [{ path: 'file', message: m.prgtrn_no_document() }]);
		const c = await loadCourse(db, p, courseId, 'update');
		return await db.transaction(async (tx) => {
			await lockCourse(tx, c.id);
			const docs = await recordFiles(tx, p, { schoolId: null, path: c.path }, uploads);
			await tx.insert(trainingCourseFiles).values(docs.map((f) => ({ courseId: c.id, fileId: f.id })));
			await writeAudit(tx, p, { action: 'update', entityType: 'training_course', entityId: c.id, scopePath: c.path, after: { filesAdded: docs.map((f) => f.id) } });
			return { files: (await courseDocuments(tx, [c.id])).get(c.id) ?? [] };
		});
	} catch (e) {
		await discardUploads(uploads);
		throw e;
	}
}

/** The organiser takes a document off a course (audited); the file is deleted. */
export async function removeCourseDocument(db: Executor, p: Principal, courseId: string, fileId: string) {
	const c = await loadCourse(db, p, courseId, 'update');
	const result = await db.transaction(async (tx) => {
		await lockCourse(tx, c.id);
		const file = await unlinkFile(tx, p, courseFiles, c.id, fileId);
		await writeAudit(tx, p, { action: 'update', entityType: 'training_course', entityId: c.id, scopePath: c.path, after: { fileRemoved: file.id } });
		return { files: (await courseDocuments(tx, [c.id])).get(c.id) ?? [] };
	});
	await deleteStoredBytes([fileId]);
	return result;
}

/** A course document, for whoever may read the course (its trainees, its audience of parents or learners, its officers). */
export async function courseDocument(db: Executor, p: Principal, courseId: string, fileId: string) {
	const c = await loadCourse(db, p, courseId);
	return linkedFileResponse(db, courseFiles, c.id, fileId);
}

/** May the caller run this course (sessions, quotas, attendance, scores, any certificate)? */
export const organises = (p: Principal, c: Course) => can(p, 'update', 'training_course', courseResource(c));

/** The org units where the caller may organise a course (the create form's choices). */
export async function organiserUnits(db: Executor, p: Principal) {
	const ids = [...new Set(p.grants.filter((g) => g.scopeType === 'org_unit' || g.scopeType === 'city').map((g) => g.scopeId).filter((x): x is string => !!x))];
	if (!ids.length) return [];
	const us = await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, ids));
	return us.filter((u) => can(p, 'create', 'training_course', { path: u.path })).map((u) => ({ id: u.id, name: u.name }));
}

function checkCourse(input: { startsOn?: string; endsOn?: string; maxScore?: number | null; passMark?: number | null }) {
	if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) throw invalid('endsOn', m.prgtrn_ends_before_starts());
	if (input.passMark != null && (input.maxScore == null || input.passMark > input.maxScore)) throw invalid('passMark', m.prgtrn_pass_mark_over_max());
}

export async function createCourse(db: Executor, p: Principal, input: CourseInput) {
	const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, input.orgUnitId));
	if (!unit) throw invalid('orgUnitId', m.prgtrn_organiser_required());
	authorizeCreate(p, 'training_course', { path: unit.path });
	checkCourse(input);
	return db.transaction(async (tx) => {
		const [c] = await tx
			.insert(trainingCourses)
			.values({
				orgUnitId: unit.id,
				path: unit.path,
				programYear: input.programYear,
				title: input.title,
				targetGroup: input.targetGroup,
				audience: audienceFor(input.targetGroup),
				description: input.description,
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				status: input.status,
				capacity: input.capacity ?? null,
				maxScore: input.maxScore ?? null,
				passMark: input.passMark ?? null,
				requiredShare: input.requiredShare,
				materials: input.materials.map((x) => ({ title: x.title, body: x.body, url: x.url ?? null })),
				createdBy: p.personId
			})
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'training_course', entityId: c.id, scopePath: c.path, after: c });
		return c;
	});
}

export async function updateCourse(db: Executor, p: Principal, id: string, input: Partial<Omit<CourseInput, 'orgUnitId' | 'programYear' | 'targetGroup'>>) {
	const before = await loadCourse(db, p, id, 'update');
	checkCourse({ ...before, ...input });
	return db.transaction(async (tx) => {
		const set: Partial<typeof trainingCourses.$inferInsert> = { ...input, materials: input.materials?.map((x) => ({ title: x.title, body: x.body, url: x.url ?? null })) };
		if (!input.materials) delete set.materials;
		const [after] = await tx.update(trainingCourses).set(set).where(eq(trainingCourses.id, id)).returning();
		await refreshCompletion(tx, after);
		await writeAudit(tx, p, { action: 'update', entityType: 'training_course', entityId: id, scopePath: after.path, before, after });
		return after;
	});
}

/** Courses the caller may see, newest first, with their counts (enrolments counted as the caller may see them). */
export async function listCourses(db: Executor, p: Principal, f: { targetGroup?: string; programYear?: number } = {}) {
	authorizeList(p, 'training_course');
	const conds: SQL[] = [scopeCondition(p, 'read', 'training_course', courseColumns)];
	if (f.targetGroup) conds.push(eq(trainingCourses.targetGroup, f.targetGroup as Course['targetGroup']));
	if (f.programYear) conds.push(eq(trainingCourses.programYear, f.programYear));
	const rows = await db
		.select({
			course: trainingCourses,
			organiser: orgUnits.name,
			sessions: sql<number>`(select count(*)::int from training_sessions s where s.course_id = "training_courses"."id")`
		})
		.from(trainingCourses)
		.innerJoin(orgUnits, eq(orgUnits.id, trainingCourses.orgUnitId))
		.where(and(...conds))
		.orderBy(desc(trainingCourses.startsOn))
		.limit(500);
	const ids = rows.map((r) => r.course.id);
	const enrolled = ids.length && mayEver(p, 'read', 'training_enrolment')
		? await db
				.select({ courseId: trainingEnrolments.courseId, n: count(), done: sql<number>`count(${trainingEnrolments.completedAt})::int` })
				.from(trainingEnrolments)
				.where(and(inArray(trainingEnrolments.courseId, ids), scopeCondition(p, 'read', 'training_enrolment', enrolmentColumns)))
				.groupBy(trainingEnrolments.courseId)
		: [];
	const byCourse = new Map(enrolled.map((e) => [e.courseId, e]));
	return rows.map((r) => ({ ...r.course, organiser: r.organiser, sessions: r.sessions, enrolled: Number(byCourse.get(r.course.id)?.n ?? 0), completed: byCourse.get(r.course.id)?.done ?? 0 }));
}

async function sessionsOf(db: Executor, courseId: string) {
	return db.select().from(trainingSessions).where(eq(trainingSessions.courseId, courseId)).orderBy(asc(trainingSessions.startsAt));
}

/** Quotas with the places used, per school. */
async function quotasOf(db: Executor, courseId: string) {
	return db
		.select({
			schoolId: trainingQuotas.schoolId,
			schoolName: schools.name,
			path: trainingQuotas.path,
			places: trainingQuotas.places,
			used: sql<number>`(select count(*)::int from training_enrolments e where e.course_id = ${courseId} and e.school_id = "training_quotas"."school_id")`
		})
		.from(trainingQuotas)
		.innerJoin(schools, eq(schools.id, trainingQuotas.schoolId))
		.where(eq(trainingQuotas.courseId, courseId))
		.orderBy(asc(schools.name));
}

/** Names of trainers: persons in Sen by id, then the free-text names. */
async function trainerNames(db: Executor, ids: string[]) {
	if (!ids.length) return new Map<string, string>();
	const rows = await db.select(nameColumns).from(persons).where(inArray(persons.id, [...new Set(ids)]));
	return new Map(rows.map((r) => [r.id, fullName(r)]));
}

/**
 * One course with what the caller may do: sessions (the online room only for trainees and the
 * organiser), quotas (all for the organiser, their school's for a leader), the enrolments they may
 * see with attendance and scores, their own enrolment, and the feedback form.
 */
export async function getCourse(db: Executor, p: Principal, id: string, now = new Date()) {
	const c = await loadCourse(db, p, id);
	const manage = organises(p, c);
	const [organiser] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, c.orgUnitId));
	const sessions = await sessionsOf(db, id);
	const mayReadEnrolments = mayEver(p, 'read', 'training_enrolment');
	const enrolments = mayReadEnrolments
		? await db
				.select({ e: trainingEnrolments, ...nameColumns, email: persons.email, schoolName: schools.name })
				.from(trainingEnrolments)
				.innerJoin(persons, eq(persons.id, trainingEnrolments.personId))
				.leftJoin(schools, eq(schools.id, trainingEnrolments.schoolId))
				.where(and(eq(trainingEnrolments.courseId, id), scopeCondition(p, 'read', 'training_enrolment', enrolmentColumns)))
		: [];
	const attendance = enrolments.length
		? await db.select().from(trainingAttendance).where(inArray(trainingAttendance.enrolmentId, enrolments.map((x) => x.e.id)))
		: [];
	const mine = enrolments.find((x) => x.e.personId === p.personId)?.e ?? null;
	const names = await trainerNames(db, sessions.flatMap((s) => s.trainerIds));
	const allQuotas = await quotasOf(db, id);
	const quotas = manage ? allQuotas : allQuotas.filter((q) => can(p, 'create', 'training_enrolment', { path: q.path }));
	const [feedback] = await db.select().from(trainingFeedback).where(and(eq(trainingFeedback.courseId, id), eq(trainingFeedback.personId, p.personId)));
	const feedbackAll = manage ? await db.select().from(trainingFeedback).where(eq(trainingFeedback.courseId, id)).orderBy(desc(trainingFeedback.createdAt)) : [];
	const joinable = manage || !!mine;
	const online = ONLINE_GROUPS.includes(c.targetGroup);
	const documents = (await courseDocuments(db, [c.id])).get(c.id) ?? [];
	return {
		course: { ...c, organiser: organiser?.name ?? '' },
		online,
		manage,
		documents,
		sessions: sessions.map((s) => ({
			id: s.id,
			title: s.title,
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			place: s.place,
			online: !!s.room,
			meetingLink: s.room && joinable ? meetingUrl(s.room) : null,
			trainers: [...s.trainerIds.map((t) => names.get(t)).filter((x): x is string => !!x), ...s.trainerNames]
		})),
		quotas,
		enrolments: sortVietnamese(enrolments.map((x) => ({ ...x, ...x.e }))).map((x) => ({
			id: x.e.id,
			personId: x.e.personId,
			name: fullName(x),
			schoolName: x.schoolName,
			external: !x.e.schoolId && !!x.email,
			preScore: x.e.preScore,
			postScore: x.e.postScore,
			completed: !!x.e.completedAt,
			attended: Object.fromEntries(attendance.filter((a) => a.enrolmentId === x.e.id).map((a) => [a.sessionId, a.attended])) as Record<string, boolean>
		})),
		mine: mine ? { id: mine.id, completed: !!mine.completedAt, preScore: mine.preScore, postScore: mine.postScore } : null,
		mayEnrol: !online && c.status !== 'cancelled' && c.status !== 'finished' && (manage || quotas.length > 0 || can(p, 'create', 'training_enrolment', { path: c.path })),
		mayEnrolExternal: !online && can(p, 'create', 'training_enrolment', { path: c.path }),
		feedback: {
			may: mayGiveFeedback({ audience: c.audience, status: c.status, firstSessionAt: sessions[0]?.startsAt ?? null }, !!mine, now),
			given: feedback ? { usefulness: feedback.usefulness, applicability: feedback.applicability, comment: feedback.comment } : null,
			received: feedbackAll.map((f) => ({ usefulness: f.usefulness, applicability: f.applicability, comment: f.comment, createdAt: f.createdAt }))
		}
	};
}

/** Staff of the schools whose quota the caller fills (a leader's own staff), not yet enrolled: the enrolment form's choices. */
export async function enrolmentCandidates(db: Executor, p: Principal, courseId: string) {
	const c = await loadCourse(db, p, courseId);
	const quotas = (await quotasOf(db, courseId)).filter((q) => can(p, 'create', 'training_enrolment', { path: q.path }));
	if (!quotas.length) return [];
	const rows = await db
		.select({ ...nameColumns, schoolId: persons.schoolId, path: persons.path })
		.from(persons)
		.where(
			and(
				eq(persons.kind, 'staff'),
				inArray(persons.schoolId, quotas.map((q) => q.schoolId)),
				sql`not exists (select 1 from training_enrolments e where e.course_id = ${c.id} and e.person_id = ${persons.id})`
			)
		);
	return sortVietnamese(rows.filter((r) => can(p, 'create', 'training_enrolment', { path: r.path, personId: r.id }))).map((r) => ({ id: r.id, name: fullName(r), schoolId: r.schoolId }));
}

export async function addSession(db: Executor, p: Principal, courseId: string, input: SessionInput) {
	const c = await loadCourse(db, p, courseId, 'update');
	const startsAt = new Date(input.startsAt);
	const endsAt = new Date(input.endsAt);
	if (endsAt <= startsAt) throw invalid('endsAt', m.prgtrn_session_ends_before_starts());
	if (!input.online && !input.place) throw invalid('place', m.prgtrn_session_place_required());
	if (input.trainerIds.length) {
		const found = await db.select({ id: persons.id }).from(persons).where(inArray(persons.id, input.trainerIds));
		if (found.length !== new Set(input.trainerIds).size) throw invalid('trainerIds', m.prgtrn_trainer_unknown());
	}
	return db.transaction(async (tx) => {
		await lockCourse(tx, courseId);
		const [s] = await tx
			.insert(trainingSessions)
			.values({ courseId, schoolId: null, path: c.path, title: input.title, startsAt, endsAt, place: input.place, room: input.online ? newRoomName() : null, trainerIds: input.trainerIds, trainerNames: input.trainerNames })
			.returning();
		await refreshCompletion(tx, c);
		await writeAudit(tx, p, { action: 'create', entityType: 'training_session', entityId: s.id, scopePath: c.path, after: { ...s, room: s.room ? 'set' : null } });
		const { room: _room, ...rest } = s;
		return { ...rest, online: !!s.room };
	});
}

export async function deleteSession(db: Executor, p: Principal, courseId: string, sessionId: string) {
	const c = await loadCourse(db, p, courseId, 'update');
	return db.transaction(async (tx) => {
		await lockCourse(tx, courseId);
		const [s] = await tx.delete(trainingSessions).where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.courseId, courseId))).returning();
		if (!s) throw new NotFoundError(m.error_not_found());
		await refreshCompletion(tx, c);
		await writeAudit(tx, p, { action: 'delete', entityType: 'training_session', entityId: s.id, scopePath: c.path, before: { ...s, room: s.room ? 'set' : null } });
		return { deleted: s.id };
	});
}

/** The organiser sets places per school (0 removes the quota); every school must lie under the course's path. All or nothing. */
export async function setQuotas(db: Executor, p: Principal, courseId: string, rows: { schoolId: string; places: number }[]) {
	const c = await loadCourse(db, p, courseId, 'update');
	const ss = await db.select({ id: schools.id, path: schools.path }).from(schools).where(inArray(schools.id, rows.map((r) => r.schoolId)));
	const byId = new Map(ss.map((s) => [s.id, s]));
	const issues: FieldIssue[] = rows.flatMap((r, i) => (byId.get(r.schoolId)?.path.startsWith(c.path) ? [] : [{ path: `quotas.${i}.schoolId`, message: m.prgtrn_quota_school_outside() }]));
	if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
	return db.transaction(async (tx) => {
		await lockCourse(tx, courseId);
		const before = await tx.select().from(trainingQuotas).where(eq(trainingQuotas.courseId, courseId));
		for (const r of rows) {
			if (r.places === 0) await tx.delete(trainingQuotas).where(and(eq(trainingQuotas.courseId, courseId), eq(trainingQuotas.schoolId, r.schoolId)));
			else
				await tx
					.insert(trainingQuotas)
					.values({ courseId, schoolId: r.schoolId, path: byId.get(r.schoolId)!.path, places: r.places })
					.onConflictDoUpdate({ target: [trainingQuotas.courseId, trainingQuotas.schoolId], set: { places: r.places } });
		}
		const after = await tx.select().from(trainingQuotas).where(eq(trainingQuotas.courseId, courseId));
		await writeAudit(tx, p, { action: 'update', entityType: 'training_quota', entityId: courseId, scopePath: c.path, before, after });
		return { quotas: after.map((q) => ({ schoolId: q.schoolId, places: q.places })) };
	});
}

/** Lock the course row: every write to its enrolments, quotas and sessions goes through here first. */
async function lockCourse(tx: Executor, id: string): Promise<Course> {
	const [c] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id)).for('update');
	if (!c) throw new NotFoundError(m.error_not_found());
	return c;
}

const newCode = () => randomBytes(6).toString('hex').toUpperCase();

/**
 * Enrol people, all or nothing. A school leader enrols staff of their school up to its quota; an
 * officer enrols anyone under their scope — bound by the schools' quotas too unless they organise
 * the course. Only the organising office enrols external trainees (pedagogy students, who are no
 * school's staff): each becomes a person of kind `community` without an account, at the course's
 * path, found again by email. Every row that fails is named; nothing is written then.
 */
export async function enrol(db: Executor, p: Principal, courseId: string, input: EnrolInput, now = new Date()) {
	if (!mayEver(p, 'create', 'training_enrolment')) throw new ForbiddenError(m.error_forbidden());
	const c = await loadCourse(db, p, courseId);
	if (ONLINE_GROUPS.includes(c.targetGroup)) throw new ConflictError(m.prgtrn_online_no_enrolment());
	if (c.status === 'cancelled' || c.status === 'finished') throw new ConflictError(m.prgtrn_enrolment_closed());
	if (input.external.length) authorize(p, 'create', 'training_enrolment', { path: c.path });
	const people = input.personIds.length ? await db.select({ ...nameColumns, kind: persons.kind, schoolId: persons.schoolId, path: persons.path }).from(persons).where(inArray(persons.id, input.personIds)) : [];
	const byId = new Map(people.map((x) => [x.id, x]));
	const issues: FieldIssue[] = [];
	input.personIds.forEach((pid, i) => {
		const person = byId.get(pid);
		// Someone the caller may not enrol is not there for them (404), as for any record out of scope.
		authorize(p, 'create', 'training_enrolment', person ? { path: person.path, personId: pid } : undefined);
		if (person!.kind !== 'staff' && person!.kind !== 'community') issues.push({ path: `personIds.${i}`, message: m.prgtrn_not_staff({ name: fullName(person!) }) });
		if (input.personIds.indexOf(pid) !== i) issues.push({ path: `personIds.${i}`, message: m.prgtrn_duplicate() });
	});
	if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
	const boundByQuota = !organises(p, c);
	return db.transaction(async (tx) => {
		const locked = await lockCourse(tx, courseId);
		if (locked.status === 'cancelled' || locked.status === 'finished') throw new ConflictError(m.prgtrn_enrolment_closed());
		const existing = await tx.select({ personId: trainingEnrolments.personId, schoolId: trainingEnrolments.schoolId }).from(trainingEnrolments).where(eq(trainingEnrolments.courseId, courseId));
		const enrolledIds = new Set(existing.map((e) => e.personId));
		const quotas = new Map((await tx.select().from(trainingQuotas).where(eq(trainingQuotas.courseId, courseId))).map((q) => [q.schoolId, q.places]));
		const usedBySchool = new Map<string, number>();
		for (const e of existing) if (e.schoolId) usedBySchool.set(e.schoolId, (usedBySchool.get(e.schoolId) ?? 0) + 1);
		// Row by row, in order: the rows beyond a school's remaining places are the ones named.
		const askedBySchool = new Map<string, number>();
		input.personIds.forEach((pid, i) => {
			const person = byId.get(pid)!;
			if (enrolledIds.has(pid)) return issues.push({ path: `personIds.${i}`, message: m.prgtrn_already_enrolled({ name: fullName(person) }) });
			if (!boundByQuota || !person.schoolId) return;
			const asked = (askedBySchool.get(person.schoolId) ?? 0) + 1;
			askedBySchool.set(person.schoolId, asked);
			const q = quotaCheck(quotas.get(person.schoolId) ?? null, usedBySchool.get(person.schoolId) ?? 0, asked);
			if (!q.ok) issues.push({ path: `personIds.${i}`, message: m.prgtrn_over_quota({ name: fullName(person), remaining: q.remaining }) });
		});
		const total = input.personIds.length + input.external.length;
		const cap = capacityCheck(locked.capacity, existing.length, total);
		if (!cap.ok) issues.push({ path: 'personIds', message: m.prgtrn_over_capacity({ remaining: cap.remaining }) });
		if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);

		const trainees: { id: string; schoolId: string | null; path: string }[] = input.personIds.map((pid) => ({ id: pid, schoolId: byId.get(pid)!.kind === 'staff' ? byId.get(pid)!.schoolId : null, path: byId.get(pid)!.path }));
		for (const [i, x] of input.external.entries()) {
			const [found] = await tx.select({ id: persons.id, path: persons.path }).from(persons).where(and(eq(persons.kind, 'community'), sql`lower(${persons.email}) = ${x.email.toLowerCase()}`));
			const person = found ?? (await tx.insert(persons).values({ kind: 'community', ...splitFullName(x.fullName), middleName: splitFullName(x.fullName).middleName ?? '', email: x.email, schoolId: null, path: c.path }).returning({ id: persons.id, path: persons.path }))[0];
			if (enrolledIds.has(person.id) || trainees.some((t) => t.id === person.id)) throw new ValidationError(m.error_invalid_input(), [{ path: `external.${i}.email`, message: m.prgtrn_already_enrolled({ name: x.fullName }) }]);
			// At the course's path, not the person's (who may have been created by another organiser): the organiser sees and runs them.
			trainees.push({ id: person.id, schoolId: null, path: c.path });
		}
		const rows = await tx
			.insert(trainingEnrolments)
			.values(trainees.map((t) => ({ courseId, personId: t.id, schoolId: t.schoolId, path: t.path, enrolledBy: p.personId, enrolledAt: now, verificationCode: newCode() })))
			.returning();
		await writeAudits(tx, p, rows.map((r) => ({ action: 'create', entityType: 'training_enrolment', entityId: r.id, scopePath: r.path, schoolId: r.schoolId, after: r })));
		await notifyMany(tx, rows.map((r) => ({ to: [r.personId], kind: 'training_enrolled', title: m.prgtrn_notify_enrolled_title({ title: c.title }), body: m.prgtrn_notify_enrolled_body(), link: `/programs/training/${c.id}`, schoolId: r.schoolId, key: `training-enrolled:${r.id}` })));
		return { enrolled: rows.map((r) => ({ id: r.id, personId: r.personId, schoolId: r.schoolId })) };
	});
}

/**
 * Withdraw an enrolment (the leader of the trainee's school, an officer over them); its attendance
 * goes with it. A completed enrolment is refused (409): a completed training is a fact, and its
 * certificate must keep verifying.
 */
export async function withdraw(db: Executor, p: Principal, courseId: string, enrolmentId: string) {
	const c = await loadCourse(db, p, courseId);
	const [found] = await db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.id, enrolmentId), eq(trainingEnrolments.courseId, courseId)));
	authorize(p, 'delete', 'training_enrolment', found ? enrolmentResource(found) : undefined);
	return db.transaction(async (tx) => {
		await lockCourse(tx, c.id);
		// Completion as it stands under the course's lock (attendance or scores may have just completed it).
		const [e] = await tx.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, found.id));
		if (!e) throw new NotFoundError(m.error_not_found());
		if (e.completedAt) throw new ConflictError(m.prgtrn_withdraw_completed());
		await tx.delete(trainingEnrolments).where(eq(trainingEnrolments.id, e.id));
		await writeAudit(tx, p, { action: 'delete', entityType: 'training_enrolment', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, before: e });
		return { withdrawn: e.id };
	});
}

/** The enrolments an officer or leader may see, per course or across courses (the API's list). */
export async function listEnrolments(db: Executor, p: Principal, courseId: string) {
	authorizeList(p, 'training_enrolment');
	await loadCourse(db, p, courseId);
	return (await getCourse(db, p, courseId)).enrolments;
}

/**
 * Apply the completion rule to every enrolment of the course (in the caller's transaction): the
 * ones now meeting it are completed; a completion is taken back only for the enrolments in
 * `corrected`, whose own attendance or scores the caller has just changed.
 */
async function refreshCompletion(tx: Executor, course: Pick<Course, 'id'>, corrected: readonly string[] = [], now = new Date()) {
	// The rule as it stands now (the caller holds the course's lock): not a copy read before the transaction.
	const [c] = await tx.select({ id: trainingCourses.id, requiredShare: trainingCourses.requiredShare, passMark: trainingCourses.passMark }).from(trainingCourses).where(eq(trainingCourses.id, course.id));
	const [{ n: sessions }] = await tx.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).where(eq(trainingSessions.courseId, c.id));
	const rows = await tx
		.select({
			id: trainingEnrolments.id,
			postScore: trainingEnrolments.postScore,
			completedAt: trainingEnrolments.completedAt,
			attended: sql<number>`(select count(*)::int from training_attendance a join training_sessions s on s.id = a.session_id where a.enrolment_id = "training_enrolments"."id" and a.attended and s.course_id = ${c.id})`
		})
		.from(trainingEnrolments)
		.where(eq(trainingEnrolments.courseId, c.id));
	const [done, undone, revisable] = [[] as string[], [] as string[], new Set(corrected)];
	for (const r of rows) {
		const complete = isCompleted({ sessions, attended: r.attended, requiredShare: c.requiredShare, passMark: c.passMark, postScore: r.postScore });
		if (complete && !r.completedAt) done.push(r.id);
		if (!complete && r.completedAt && revisable.has(r.id)) undone.push(r.id);
	}
	if (done.length) await tx.update(trainingEnrolments).set({ completedAt: now }).where(inArray(trainingEnrolments.id, done));
	if (undone.length) await tx.update(trainingEnrolments).set({ completedAt: null }).where(inArray(trainingEnrolments.id, undone));
}

async function enrolmentsIn(tx: Executor, courseId: string, ids: string[]) {
	return tx.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, courseId), inArray(trainingEnrolments.id, ids)));
}

/** The organiser's attendance sheet for one session: every row an enrolment of the course, or nothing is written. */
export async function recordAttendance(db: Executor, p: Principal, courseId: string, sessionId: string, rows: { enrolmentId: string; attended: boolean }[]) {
	const c = await loadCourse(db, p, courseId, 'update');
	return db.transaction(async (tx) => {
		await lockCourse(tx, courseId);
		const [s] = await tx.select().from(trainingSessions).where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.courseId, courseId)));
		if (!s) throw new NotFoundError(m.error_not_found());
		const known = new Set((await enrolmentsIn(tx, courseId, rows.map((r) => r.enrolmentId))).map((e) => e.id));
		const issues = rows.flatMap((r, i) =>
			!known.has(r.enrolmentId) ? [{ path: `rows.${i}.enrolmentId`, message: m.prgtrn_not_enrolled() }] : rows.findIndex((x) => x.enrolmentId === r.enrolmentId) !== i ? [{ path: `rows.${i}.enrolmentId`, message: m.prgtrn_duplicate() }] : []
		);
		if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
		const before = await tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, sessionId));
		await tx
			.insert(trainingAttendance)
			.values(rows.map((r) => ({ sessionId, enrolmentId: r.enrolmentId, attended: r.attended })))
			.onConflictDoUpdate({ target: [trainingAttendance.sessionId, trainingAttendance.enrolmentId], set: { attended: sql`excluded.attended` } });
		await refreshCompletion(tx, c, rows.map((r) => r.enrolmentId));
		await writeAudit(tx, p, { action: 'update', entityType: 'training_attendance', entityId: sessionId, scopePath: c.path, before, after: rows });
		return { updated: rows.length };
	});
}

/** Pre/post assessment scores on the course's scale, all or nothing; completion follows. */
export async function recordScores(db: Executor, p: Principal, courseId: string, rows: { enrolmentId: string; preScore?: number | null; postScore?: number | null }[]) {
	const c = await loadCourse(db, p, courseId, 'update');
	if (c.maxScore === null) throw new ConflictError(m.prgtrn_no_assessment());
	return db.transaction(async (tx) => {
		const { maxScore: max } = await lockCourse(tx, courseId);
		if (max === null) throw new ConflictError(m.prgtrn_no_assessment());
		const known = new Map((await enrolmentsIn(tx, courseId, rows.map((r) => r.enrolmentId))).map((e) => [e.id, e]));
		const issues: FieldIssue[] = [];
		rows.forEach((r, i) => {
			if (!known.has(r.enrolmentId)) issues.push({ path: `rows.${i}.enrolmentId`, message: m.prgtrn_not_enrolled() });
			for (const k of ['preScore', 'postScore'] as const) {
				const v = r[k];
				if (v == null) continue;
				const problem = scoreProblem(v, max);
				if (problem) issues.push({ path: `rows.${i}.${k}`, message: problem === 'range' ? m.prgtrn_score_range({ max }) : m.prgtrn_score_decimals() });
			}
		});
		if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
		for (const r of rows) {
			const set: Partial<Enrolment> = {};
			if (r.preScore !== undefined) set.preScore = r.preScore;
			if (r.postScore !== undefined) set.postScore = r.postScore;
			if (Object.keys(set).length) await tx.update(trainingEnrolments).set(set).where(eq(trainingEnrolments.id, r.enrolmentId));
		}
		await refreshCompletion(tx, c, rows.map((r) => r.enrolmentId));
		await writeAudit(tx, p, { action: 'update', entityType: 'training_scores', entityId: courseId, scopePath: c.path, before: rows.map((r) => ({ enrolmentId: r.enrolmentId, preScore: known.get(r.enrolmentId)!.preScore, postScore: known.get(r.enrolmentId)!.postScore })), after: rows });
		return { updated: rows.length };
	});
}

/** The feedback form (usefulness, applicability 1–5, comment): a trainee of the course, or a family reading its online materials. */
export async function giveFeedback(db: Executor, p: Principal, courseId: string, input: { usefulness: number; applicability: number; comment: string }, now = new Date()) {
	const c = await loadCourse(db, p, courseId);
	const [mine] = await db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, courseId), eq(trainingEnrolments.personId, p.personId)));
	const [first] = await db.select({ at: trainingSessions.startsAt }).from(trainingSessions).where(eq(trainingSessions.courseId, courseId)).orderBy(asc(trainingSessions.startsAt)).limit(1);
	if (!mayGiveFeedback({ audience: c.audience, status: c.status, firstSessionAt: first?.at ?? null }, !!mine, now)) throw new ConflictError(m.prgtrn_feedback_not_open());
	return db.transaction(async (tx) => {
		const values = { courseId, personId: p.personId, path: mine?.path ?? c.path, usefulness: input.usefulness, applicability: input.applicability, comment: input.comment, createdAt: now };
		const [row] = await tx
			.insert(trainingFeedback)
			.values(values)
			.onConflictDoUpdate({ target: [trainingFeedback.courseId, trainingFeedback.personId], set: { usefulness: input.usefulness, applicability: input.applicability, comment: input.comment, createdAt: now } })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'training_feedback', entityId: courseId, scopePath: row.path, after: row });
		return { usefulness: row.usefulness, applicability: row.applicability, comment: row.comment };
	});
}

/**
 * What a certificate prints, for the trainee themselves or the organiser; refused (409) until the
 * trainee has completed the course. Others who may read the enrolment get 403, the rest 404.
 */
export async function certificateData(db: Executor, p: Principal, courseId: string, enrolmentId: string) {
	const c = await loadCourse(db, p, courseId);
	const [e] = await db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.id, enrolmentId), eq(trainingEnrolments.courseId, courseId)));
	if (!e || !(e.personId === p.personId || organises(p, c))) {
		if (e && can(p, 'read', 'training_enrolment', enrolmentResource(e))) throw new ForbiddenError(m.error_forbidden());
		throw new NotFoundError(m.error_not_found());
	}
	if (!e.completedAt) throw new ConflictError(m.prgtrn_certificate_not_completed());
	const [person] = await db.select({ ...nameColumns, dateOfBirth: persons.dateOfBirth }).from(persons).where(eq(persons.id, e.personId));
	const [unit] = await db.select({ name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.id, c.orgUnitId));
	const [parent] = unit?.parentId ? await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, unit.parentId)) : [];
	return {
		name: fullName(person),
		dateOfBirth: person.dateOfBirth,
		course: c.title,
		targetGroup: c.targetGroup,
		startsOn: c.startsOn,
		endsOn: c.endsOn,
		organiser: unit?.name ?? '',
		parentUnit: parent?.name ?? 'Ủy ban nhân dân thành phố Hà Nội',
		postScore: e.postScore,
		maxScore: c.maxScore,
		code: e.verificationCode,
		completedAt: e.completedAt
	};
}

// ── Targets ────────────────────────────────────────────────────────────────────────────────────

/**
 * The targets that apply at a path for a year: each key from the nearest scope along the path
 * that sets it (a unit's own targets, else the city's), else the program plan's value.
 */
export async function targetsAt(db: Executor, path: string, programYear: number): Promise<Record<TargetKey, number>> {
	const rows = await db
		.select()
		.from(trainingTargets)
		.where(and(eq(trainingTargets.programYear, programYear), sql`starts_with(${path}::text, ${trainingTargets.path})`));
	const out = { ...PLAN_TARGETS };
	for (const key of TARGET_KEYS) {
		const best = rows.filter((r) => r.key === key).sort((a, b) => b.path.length - a.path.length)[0];
		if (best) out[key] = best.value;
	}
	return out;
}

/** The office edits the targets of its scope for a year (city officers at the city, unit officers at their unit). Audited. */
export async function setTargets(db: Executor, p: Principal, input: { programYear: number; orgUnitId?: string; targets: { key: TargetKey; value: number }[] }) {
	const unitId = input.orgUnitId ?? p.grants.find((g) => g.role === 'city_officer' || g.role === 'unit_officer')?.scopeId;
	const [unit] = unitId ? await db.select().from(orgUnits).where(eq(orgUnits.id, unitId)) : [];
	if (!unit) throw new ForbiddenError(m.error_forbidden());
	authorizeCreate(p, 'training_course', { path: unit.path });
	return db.transaction(async (tx) => {
		const before = await tx.select().from(trainingTargets).where(and(eq(trainingTargets.programYear, input.programYear), eq(trainingTargets.path, unit.path)));
		for (const t of input.targets)
			await tx
				.insert(trainingTargets)
				.values({ programYear: input.programYear, path: unit.path, key: t.key, value: t.value, updatedBy: p.personId })
				.onConflictDoUpdate({ target: [trainingTargets.programYear, trainingTargets.path, trainingTargets.key], set: { value: t.value, updatedBy: p.personId, updatedAt: new Date() } });
		await writeAudit(tx, p, { action: 'update', entityType: 'training_targets', entityId: unit.id, scopePath: unit.path, before, after: input.targets });
		return { programYear: input.programYear, path: unit.path, targets: await targetsAt(tx, unit.path, input.programYear) };
	});
}

/** The scope a person's targets board is about: their broadest program grant (the city, a unit, a school). */
export function boardPath(p: Principal): string | null {
	const paths = p.grants.filter((g) => ['city_officer', 'unit_officer', 'school_leader', 'teacher', 'homeroom_teacher', 'subject_group_head', 'counsellor'].includes(g.role)).map((g) => g.scopePath);
	return paths.sort((a, b) => a.length - b.length)[0] ?? null;
}

// ── Reminders ──────────────────────────────────────────────────────────────────────────────────

/**
 * The periodic reminder: trainees of a session starting within 24 hours are notified once
 * (key `training-reminder:<sessionId>`, per recipient). Online sessions carry their link on the course page.
 */
export async function sendSessionReminders(db: Executor, now = new Date()) {
	const until = new Date(now.getTime() + REMINDER_HOURS * 3600_000);
	const due = await db
		.select({ s: trainingSessions, title: trainingCourses.title, status: trainingCourses.status })
		.from(trainingSessions)
		.innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
		.where(and(gt(trainingSessions.startsAt, now), lte(trainingSessions.startsAt, until), ne(trainingCourses.status, 'cancelled')));
	const sessions = due.filter((x) => sessionReminderDue(x.s.startsAt, now));
	if (!sessions.length) return { sent: 0 };
	// Every due session's trainees in one query, and the reminders in batches of a few queries, each
	// its own transaction (notifyInBatches): the notify keys keep two processes running the job at
	// once from sending twice, and what fails is tried again next run.
	const enrolled = await db
		.select({ courseId: trainingEnrolments.courseId, personId: trainingEnrolments.personId })
		.from(trainingEnrolments)
		.innerJoin(persons, eq(persons.id, trainingEnrolments.personId))
		.where(inArray(trainingEnrolments.courseId, [...new Set(sessions.map((d) => d.s.courseId))]));
	const traineesOf = new Map<string, string[]>();
	for (const e of enrolled) {
		if (!traineesOf.has(e.courseId)) traineesOf.set(e.courseId, []);
		traineesOf.get(e.courseId)!.push(e.personId);
	}
	const notices = sessions.map((d) => ({
		to: traineesOf.get(d.s.courseId) ?? [],
		kind: 'training_reminder' as const,
		title: m.prgtrn_notify_reminder_title({ title: d.title }),
		body: m.prgtrn_notify_reminder_body(),
		link: `/programs/training/${d.s.courseId}`,
		key: `training-reminder:${d.s.id}`
	}));
	return { sent: (await notifyInBatches(db, notices, now)).flat().length };
}


/**
 * Public verification of a certificate by its code (printed on the PDF): the name, the course,
 * its organiser and dates, only while the enrolment is complete; anything else is null.
 */
export async function verifyCertificate(db: Executor, code: string) {
	if (!/^[0-9A-F]{12}$/.test(code)) return null;
	const [row] = await db
		.select({ ...nameColumns, completedAt: trainingEnrolments.completedAt, course: trainingCourses.title, startsOn: trainingCourses.startsOn, endsOn: trainingCourses.endsOn, organiser: orgUnits.name })
		.from(trainingEnrolments)
		.innerJoin(persons, eq(persons.id, trainingEnrolments.personId))
		.innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrolments.courseId))
		.innerJoin(orgUnits, eq(orgUnits.id, trainingCourses.orgUnitId))
		.where(eq(trainingEnrolments.verificationCode, code));
	if (!row?.completedAt) return null;
	return { name: fullName(row), course: row.course, organiser: row.organiser, startsOn: row.startsOn, endsOn: row.endsOn };
}
