/**
 * School counselling (tư vấn học đường, TT 31/2017/TT-BGDĐT): cases with their conversation,
 * assignment to counsellors, appointment slots and bookings, and the leader's statistics.
 *
 * Confidentiality, under the central policy (auth/policy.ts, kinds `counselling_*`):
 * - a case's content (subject, messages) is read only by its requester and its assigned
 *   counsellors, and every such read writes an audit record (`action: 'read'`) of its own;
 * - the school sees a case's category, status and date, and who asked only when not anonymous;
 * - audit records carry ids and statuses, never content; what an anonymous requester does is
 *   recorded without an actor, so the audit log does not name them either;
 * - notifications say only that something happened, never what.
 */
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, mayEver, mayMoveCase, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { meetingUrl, newRoomName } from '../platform/meeting-link';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { schools } from '../organisations/schema';
import { persons, roleGrants } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { counsellingAssignments, counsellingBookings, counsellingCases, counsellingMessages, counsellingSlots } from './schema';
import { generateSlots, monthlyStats, overlaps, roomOpen, type CaseCategory, type CaseStatus, type SlotMode, type StatsRow } from './rules';
import { m } from '#lib/paraglide/messages.js';

type Case = typeof counsellingCases.$inferSelect;
type Slot = typeof counsellingSlots.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

async function namesOf(db: Executor, ids: (string | null | undefined)[]) {
	const list = [...new Set(ids.filter((x): x is string => !!x))];
	const rows = list.length ? await db.select(nameColumns).from(persons).where(inArray(persons.id, list)) : [];
	return new Map(rows.map((r) => [r.id, fullName(r)]));
}

/** The counsellors assigned to a case, as a uuid[] expression for list filters. */
const assignedIds = (caseId: SQL | typeof counsellingCases.id) => sql`array(select ca.counsellor_id from counselling_assignments ca where ca.case_id = ${caseId})`;
const caseResource = (c: Case, counsellorIds: string[]): Resource => ({ path: c.path, personId: c.requesterId, counsellorIds });
const slotResource = (s: Slot): Resource => ({ path: s.path, counsellorIds: [s.counsellorId] });

/** Who an audit record names: nobody when the actor is the requester of an anonymous case. */
const auditActor = (p: Principal, c: Pick<Case, 'anonymous' | 'requesterId'> | null | undefined) => (c?.anonymous && c.requesterId === p.personId ? null : p);

/** The school the caller counsels, studies at or has a child at (the first such grant), or the one asked for. */
async function callerSchool(db: Executor, p: Principal, schoolId?: string) {
	const id = schoolId ?? p.grants.find((g) => g.schoolId && ['counsellor', 'learner', 'parent', 'school_leader'].includes(g.role))?.schoolId;
	if (!id) throw new NotFoundError(m.error_not_found());
	const [school] = await db.select({ id: schools.id, path: schools.path, name: schools.name }).from(schools).where(eq(schools.id, id));
	if (!school) throw new NotFoundError(m.error_not_found());
	return school;
}

/** The persons holding the counsellor role at a school. */
export async function schoolCounsellors(db: Executor, schoolId: string) {
	const rows = await db
		.selectDistinct(nameColumns)
		.from(roleGrants)
		.innerJoin(persons, eq(persons.id, roleGrants.personId))
		.where(and(eq(roleGrants.role, 'counsellor'), eq(roleGrants.schoolId, schoolId)));
	return sortVietnamese(rows).map((r) => ({ id: r.id, name: fullName(r) }));
}

async function loadCase(db: Executor, p: Principal, id: string, action: 'read' | 'update') {
	const [c] = await db.select().from(counsellingCases).where(eq(counsellingCases.id, id));
	const counsellorIds = c ? (await db.select({ id: counsellingAssignments.counsellorId }).from(counsellingAssignments).where(eq(counsellingAssignments.caseId, id))).map((r) => r.id) : [];
	const resource = c ? caseResource(c, counsellorIds) : undefined;
	authorize(p, action, 'counselling_case', resource);
	return { c: c!, counsellorIds, resource };
}

/** Records that the caller read a case's content, in a transaction of its own (committed even if the page then fails). */
async function auditRead(db: Executor, p: Principal, c: Case, what: 'case' | 'messages' | 'page') {
	await db.transaction((tx) => writeAudit(tx, auditActor(p, c), { action: 'read', entityType: 'counselling_case', entityId: c.id, scopePath: c.path, schoolId: c.schoolId, after: { what } }));
}

export interface CaseInput {
	category: CaseCategory;
	subject: string;
	message: string;
	anonymous: boolean;
	learnerId?: string;
}

/**
 * A learner (about themselves) or a parent (about their child) asks the school's counsellors. The
 * case goes to every counsellor of the learner's school, who are told only that there is a new
 * request. Audited without content; without the requester when anonymous.
 */
export async function createCase(db: Executor, p: Principal, input: CaseInput) {
	const learnerId = input.learnerId ?? (p.childIds.length === 1 ? p.childIds[0] : p.personId);
	if (learnerId !== p.personId && !p.childIds.includes(learnerId)) throw invalid('learnerId', m.cns_learner_unknown());
	const [learner] = await db.select({ id: persons.id, schoolId: persons.schoolId, kind: persons.kind }).from(persons).where(eq(persons.id, learnerId));
	if (!learner?.schoolId || learner.kind !== 'learner') throw invalid('learnerId', m.cns_learner_unknown());
	const [school] = await db.select({ id: schools.id, path: schools.path }).from(schools).where(eq(schools.id, learner.schoolId));
	authorizeCreate(p, 'counselling_case', { path: school.path, personId: p.personId });
	const counsellorIds = (await schoolCounsellors(db, school.id)).map((c) => c.id);
	return db.transaction(async (tx) => {
		const [c] = await tx
			.insert(counsellingCases)
			.values({ schoolId: school.id, path: school.path, requesterId: p.personId, learnerId, category: input.category, subject: input.subject, anonymous: input.anonymous })
			.returning();
		if (counsellorIds.length) await tx.insert(counsellingAssignments).values(counsellorIds.map((counsellorId) => ({ caseId: c.id, counsellorId })));
		await tx.insert(counsellingMessages).values({ caseId: c.id, authorId: p.personId, body: input.message });
		await writeAudit(tx, auditActor(p, c), {
			action: 'create',
			entityType: 'counselling_case',
			entityId: c.id,
			scopePath: c.path,
			schoolId: c.schoolId,
			after: { category: c.category, status: c.status, anonymous: c.anonymous, counsellorIds, ...(c.anonymous ? {} : { requesterId: c.requesterId, learnerId: c.learnerId }) }
		});
		await notify(tx, { to: counsellorIds, kind: 'counselling_case_new', title: m.cns_notify_new_case(), link: `/counselling/cases/${c.id}`, schoolId: c.schoolId, key: `counselling_case:${c.id}` });
		return { id: c.id, category: c.category, subject: c.subject, status: c.status, anonymous: c.anonymous, createdAt: c.createdAt, counsellorIds };
	});
}

/** The cases whose content the caller may read: their own requests, or those assigned to them. Lists are not audited; opening one is. */
export async function listCases(db: Executor, p: Principal, f: { status?: CaseStatus } = {}) {
	authorizeList(p, 'counselling_case');
	const conds: SQL[] = [scopeCondition(p, 'read', 'counselling_case', { path: counsellingCases.path, personId: counsellingCases.requesterId, counsellorIds: assignedIds(counsellingCases.id) })];
	if (f.status) conds.push(eq(counsellingCases.status, f.status));
	const rows = await db.select().from(counsellingCases).where(and(...conds)).orderBy(desc(counsellingCases.updatedAt)).limit(500);
	const names = await namesOf(db, rows.flatMap((r) => [r.requesterId, r.learnerId]));
	return rows.map((r) => ({
		id: r.id,
		category: r.category,
		subject: r.subject,
		status: r.status,
		anonymous: r.anonymous,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt,
		mine: r.requesterId === p.personId,
		requesterName: names.get(r.requesterId) ?? '',
		learnerName: names.get(r.learnerId) ?? ''
	}));
}

async function caseDetail(db: Executor, p: Principal, c: Case, counsellorIds: string[], resource: Resource) {
	const names = await namesOf(db, [c.requesterId, c.learnerId, ...counsellorIds]);
	const moves = (['open', 'in_progress', 'closed'] as const).filter((s) => s !== c.status && mayMoveCase(p, resource, s));
	return {
		id: c.id,
		category: c.category,
		subject: c.subject,
		status: c.status,
		anonymous: c.anonymous,
		createdAt: c.createdAt,
		closedAt: c.closedAt,
		requester: { id: c.requesterId, name: names.get(c.requesterId) ?? '' },
		learner: { id: c.learnerId, name: names.get(c.learnerId) ?? '' },
		counsellors: counsellorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
		mine: c.requesterId === p.personId,
		mayReply: c.status !== 'closed' && can(p, 'update', 'counselling_case', resource),
		moves
	};
}

async function messagesOf(db: Executor, p: Principal, caseId: string) {
	const rows = await db.select().from(counsellingMessages).where(eq(counsellingMessages.caseId, caseId)).orderBy(asc(counsellingMessages.createdAt), asc(counsellingMessages.id));
	const names = await namesOf(db, rows.map((r) => r.authorId));
	return rows.map((r) => ({ id: r.id, body: r.body, authorId: r.authorId, authorName: names.get(r.authorId) ?? '', mine: r.authorId === p.personId, createdAt: r.createdAt }));
}

/** One case (404 for anyone but its requester and assigned counsellors). Audited as a read. */
export async function getCase(db: Executor, p: Principal, id: string) {
	const { c, counsellorIds, resource } = await loadCase(db, p, id, 'read');
	await auditRead(db, p, c, 'case');
	return caseDetail(db, p, c, counsellorIds, resource!);
}

/** A case's conversation. Audited as a read. */
export async function listMessages(db: Executor, p: Principal, id: string) {
	const { c } = await loadCase(db, p, id, 'read');
	await auditRead(db, p, c, 'messages');
	return messagesOf(db, p, id);
}

/** The case page: the case and its conversation, audited as one read. */
export async function caseThread(db: Executor, p: Principal, id: string) {
	const { c, counsellorIds, resource } = await loadCase(db, p, id, 'read');
	await auditRead(db, p, c, 'page');
	return { ...(await caseDetail(db, p, c, counsellorIds, resource!)), messages: await messagesOf(db, p, id) };
}

/**
 * A reply in the conversation, by the requester or an assigned counsellor. A counsellor's first
 * reply moves an open case to in progress. The other side is told there is a reply, not what it says.
 */
export async function postMessage(db: Executor, p: Principal, id: string, body: string) {
	const { c, counsellorIds } = await loadCase(db, p, id, 'update');
	if (c.status === 'closed') throw new ConflictError(m.cns_case_closed());
	const byCounsellor = counsellorIds.includes(p.personId);
	return db.transaction(async (tx) => {
		// Under the case's row lock: a case closed meanwhile takes no reply and is not reopened.
		const [current] = await tx.select({ status: counsellingCases.status }).from(counsellingCases).where(eq(counsellingCases.id, id)).for('update');
		if (current.status === 'closed') throw new ConflictError(m.cns_case_closed());
		const [msg] = await tx.insert(counsellingMessages).values({ caseId: id, authorId: p.personId, body }).returning();
		const status = byCounsellor && current.status === 'open' ? 'in_progress' : current.status;
		await tx.update(counsellingCases).set({ status, updatedAt: new Date() }).where(eq(counsellingCases.id, id));
		await writeAudit(tx, auditActor(p, c), { action: 'message', entityType: 'counselling_case', entityId: id, scopePath: c.path, schoolId: c.schoolId, after: { messageId: msg.id, status } });
		const to = byCounsellor ? [c.requesterId] : counsellorIds;
		await notify(tx, { to: to.filter((x) => x !== p.personId), kind: 'counselling_reply', title: m.cns_notify_reply(), link: `/counselling/cases/${id}`, schoolId: c.schoolId, key: `counselling_message:${msg.id}` });
		return { id: msg.id, body: msg.body, authorId: msg.authorId, createdAt: msg.createdAt, caseStatus: status };
	});
}

/** Moves a case (mayMoveCase: counsellors to any status, the requester only to closed). Audited. */
export async function setCaseStatus(db: Executor, p: Principal, id: string, status: CaseStatus) {
	const { c, resource } = await loadCase(db, p, id, 'read');
	if (!mayMoveCase(p, resource!, status)) throw new ForbiddenError(m.error_forbidden());
	return db.transaction(async (tx) => {
		const closedAt = status === 'closed' ? new Date() : null;
		const [row] = await tx.update(counsellingCases).set({ status, closedAt, updatedAt: new Date() }).where(eq(counsellingCases.id, id)).returning();
		await writeAudit(tx, auditActor(p, c), { action: 'update', entityType: 'counselling_case', entityId: id, scopePath: c.path, schoolId: c.schoolId, before: { status: c.status }, after: { status } });
		return { id, status: row.status, closedAt: row.closedAt };
	});
}

/**
 * The school's queue as the leader (and its counsellors) see it: category, status, dates and who is
 * assigned — never the subject or the conversation; the requester's name only when not anonymous.
 */
export async function caseQueue(db: Executor, p: Principal, f: { schoolId?: string } = {}) {
	authorizeList(p, 'counselling_assignment');
	const conds: SQL[] = [scopeCondition(p, 'read', 'counselling_assignment', { path: counsellingCases.path })];
	if (f.schoolId) conds.push(eq(counsellingCases.schoolId, f.schoolId));
	const rows = await db
		.select({ id: counsellingCases.id, schoolId: counsellingCases.schoolId, category: counsellingCases.category, status: counsellingCases.status, anonymous: counsellingCases.anonymous, requesterId: counsellingCases.requesterId, createdAt: counsellingCases.createdAt, closedAt: counsellingCases.closedAt })
		.from(counsellingCases)
		.where(and(...conds))
		.orderBy(desc(counsellingCases.createdAt))
		.limit(500);
	const assigned = rows.length ? await db.select().from(counsellingAssignments).where(inArray(counsellingAssignments.caseId, rows.map((r) => r.id))) : [];
	const names = await namesOf(db, [...rows.filter((r) => !r.anonymous).map((r) => r.requesterId), ...assigned.map((a) => a.counsellorId)]);
	return rows.map((r) => ({
		id: r.id,
		category: r.category,
		status: r.status,
		anonymous: r.anonymous,
		requesterName: r.anonymous ? null : (names.get(r.requesterId) ?? ''),
		createdAt: r.createdAt,
		closedAt: r.closedAt,
		counsellors: assigned.filter((a) => a.caseId === r.id).map((a) => ({ id: a.counsellorId, name: names.get(a.counsellorId) ?? '' }))
	}));
}

/** The leader or a counsellor assigns one of the school's counsellors to a case, without reading it. Audited; the counsellor is told. */
export async function assignCounsellor(db: Executor, p: Principal, caseId: string, counsellorId: string) {
	const [c] = await db.select().from(counsellingCases).where(eq(counsellingCases.id, caseId));
	authorize(p, 'create', 'counselling_assignment', c ? { path: c.path } : undefined);
	if (!(await schoolCounsellors(db, c.schoolId)).some((x) => x.id === counsellorId)) throw invalid('counsellorId', m.cns_counsellor_unknown());
	return db.transaction(async (tx) => {
		const added = await tx.insert(counsellingAssignments).values({ caseId, counsellorId }).onConflictDoNothing().returning();
		if (added.length) {
			await writeAudit(tx, p, { action: 'assign', entityType: 'counselling_case', entityId: caseId, scopePath: c.path, schoolId: c.schoolId, after: { counsellorId } });
			await notify(tx, { to: [counsellorId], kind: 'counselling_case_new', title: m.cns_notify_new_case(), link: `/counselling/cases/${caseId}`, schoolId: c.schoolId, key: `counselling_case:${caseId}` });
		}
		return { caseId, counsellorId, added: added.length > 0 };
	});
}

/**
 * Cases of a school per month (Vietnam's calendar), by category and by status: SQL counts only,
 * no content, no names; small counts hidden (rules.ts monthlyStats, "< 3").
 */
export async function caseStats(db: Executor, p: Principal, f: { schoolId?: string } = {}) {
	const school = await callerSchool(db, p, f.schoolId);
	authorize(p, 'read', 'counselling_stats', { path: school.path });
	const month = sql<string>`to_char((${counsellingCases.createdAt} at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`;
	const rows = await db
		.select({ month, category: counsellingCases.category, status: counsellingCases.status, n: sql<number>`count(*)::int` })
		.from(counsellingCases)
		.where(eq(counsellingCases.schoolId, school.id))
		.groupBy(month, counsellingCases.category, counsellingCases.status);
	return { school: { id: school.id, name: school.name }, months: monthlyStats(rows as StatsRow[]) };
}

// —— Slots and bookings ——

export interface SlotsInput {
	date: string;
	time: string;
	minutes: number;
	count: number;
	gapMinutes: number;
	mode: SlotMode;
	place: string;
}

/** A counsellor publishes slots at their school: none in the past, none overlapping their others. Online ones get a room. Audited. */
export async function publishSlots(db: Executor, p: Principal, input: SlotsInput, now = new Date()) {
	const at = p.grants.find((g) => g.role === 'counsellor' && g.schoolId)?.schoolId;
	if (!at) throw new ForbiddenError(m.error_forbidden());
	const school = await callerSchool(db, p, at);
	authorizeCreate(p, 'counselling_slot', { path: school.path, counsellorIds: [p.personId] });
	if (input.mode === 'in_person' && !input.place) throw invalid('place', m.cns_place_required());
	const planned = generateSlots(input);
	if (planned[0].startsAt <= now) throw invalid('time', m.cns_slot_past());
	const mine = await db.select().from(counsellingSlots).where(and(eq(counsellingSlots.counsellorId, p.personId), gt(counsellingSlots.endsAt, planned[0].startsAt)));
	if (planned.some((s) => mine.some((o) => overlaps(s, o)))) throw invalid('time', m.cns_slot_overlap());
	return db.transaction(async (tx) => {
		const rows = await tx
			.insert(counsellingSlots)
			.values(planned.map((s) => ({ schoolId: school.id, path: school.path, counsellorId: p.personId, startsAt: s.startsAt, endsAt: s.endsAt, mode: input.mode, place: input.place, room: input.mode === 'online' ? newRoomName() : null })))
			.returning();
		for (const s of rows) await writeAudit(tx, p, { action: 'create', entityType: 'counselling_slot', entityId: s.id, scopePath: s.path, schoolId: s.schoolId, after: { startsAt: s.startsAt, endsAt: s.endsAt, mode: s.mode, place: s.place } });
		return rows.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, mode: s.mode, place: s.place }));
	});
}

const live = sql`exists (select 1 from counselling_bookings b where b.slot_id = ${counsellingSlots.id} and b.status = 'booked')`;

/** Free slots still to come at the schools the caller may see slots of, soonest first. */
export async function freeSlots(db: Executor, p: Principal, f: { schoolId?: string } = {}, now = new Date()) {
	authorizeList(p, 'counselling_slot');
	const conds: SQL[] = [scopeCondition(p, 'read', 'counselling_slot', { path: counsellingSlots.path, counsellorIds: sql`array[${counsellingSlots.counsellorId}]` }), gt(counsellingSlots.startsAt, now), sql`not ${live}`];
	if (f.schoolId) conds.push(eq(counsellingSlots.schoolId, f.schoolId));
	const rows = await db.select().from(counsellingSlots).where(and(...conds)).orderBy(asc(counsellingSlots.startsAt)).limit(200);
	const names = await namesOf(db, rows.map((r) => r.counsellorId));
	return rows.map((s) => ({ id: s.id, counsellorId: s.counsellorId, counsellorName: names.get(s.counsellorId) ?? '', startsAt: s.startsAt, endsAt: s.endsAt, mode: s.mode, place: s.place }));
}

const roomLink = (s: Slot, now: Date) => (s.mode === 'online' && s.room && roomOpen(s, now) ? meetingUrl(s.room) : null);

/** A counsellor's own slots from a day ago on, each with its live booking (who, and the room link when open). */
export async function mySlots(db: Executor, p: Principal, now = new Date()) {
	if (!mayEver(p, 'update', 'counselling_slot')) return [];
	const rows = await db
		.select({ slot: counsellingSlots, booking: counsellingBookings })
		.from(counsellingSlots)
		.leftJoin(counsellingBookings, and(eq(counsellingBookings.slotId, counsellingSlots.id), eq(counsellingBookings.status, 'booked')))
		.where(and(eq(counsellingSlots.counsellorId, p.personId), gt(counsellingSlots.endsAt, new Date(now.getTime() - 86_400_000))))
		.orderBy(asc(counsellingSlots.startsAt))
		.limit(300);
	const names = await namesOf(db, rows.map((r) => r.booking?.personId));
	return rows
		.filter((r) => can(p, 'update', 'counselling_slot', slotResource(r.slot)))
		.map(({ slot: s, booking: b }) => ({
			id: s.id,
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			mode: s.mode,
			place: s.place,
			booking: b ? { id: b.id, personId: b.personId, personName: names.get(b.personId) ?? '', caseId: b.caseId, createdAt: b.createdAt } : null,
			meetingUrl: b ? roomLink(s, now) : null
		}));
}

/**
 * Bookings the caller may see: their own, or (a counsellor) those of their slots; live ones first
 * by time. The room link shows to these two only, from shortly before the slot until it ends.
 */
export async function listBookings(db: Executor, p: Principal, now = new Date()) {
	authorizeList(p, 'counselling_booking');
	const rows = await db
		.select({ booking: counsellingBookings, slot: counsellingSlots })
		.from(counsellingBookings)
		.innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId))
		.where(and(scopeCondition(p, 'read', 'counselling_booking', { path: counsellingBookings.path, personId: counsellingBookings.personId, counsellorIds: sql`array[${counsellingSlots.counsellorId}]` }), gt(counsellingSlots.endsAt, new Date(now.getTime() - 30 * 86_400_000))))
		.orderBy(asc(counsellingSlots.startsAt))
		.limit(300);
	const names = await namesOf(db, rows.flatMap((r) => [r.booking.personId, r.slot.counsellorId]));
	return rows.map(({ booking: b, slot: s }) => ({
		id: b.id,
		status: b.status,
		slotId: s.id,
		caseId: b.caseId,
		personId: b.personId,
		personName: names.get(b.personId) ?? '',
		counsellorName: names.get(s.counsellorId) ?? '',
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		mode: s.mode,
		place: s.place,
		mine: b.personId === p.personId,
		meetingUrl: b.status === 'booked' ? roomLink(s, now) : null
	}));
}

async function loadSlot(db: Executor, p: Principal, id: string) {
	const [s] = await db.select().from(counsellingSlots).where(eq(counsellingSlots.id, id));
	authorize(p, 'read', 'counselling_slot', s ? slotResource(s) : undefined);
	return s;
}

/**
 * A learner or parent books a free slot, optionally about one of their cases. Race-safe: the
 * partial unique index allows one live booking per slot, so of two at once exactly one wins and the
 * other gets a 409. The counsellor is told. Audited (without the booker for an anonymous case's booking).
 */
export async function bookSlot(db: Executor, p: Principal, slotId: string, input: { caseId?: string | null }, now = new Date()) {
	const s = await loadSlot(db, p, slotId);
	authorizeCreate(p, 'counselling_booking', { path: s.path, personId: p.personId, counsellorIds: [s.counsellorId] });
	if (s.startsAt <= now) throw new ConflictError(m.cns_slot_started());
	let c: Case | null = null;
	if (input.caseId) {
		c = (await loadCase(db, p, input.caseId, 'read')).c;
		if (c.requesterId !== p.personId) throw invalid('caseId', m.cns_case_not_yours());
	}
	return db.transaction(async (tx) => {
		const [b] = await tx.insert(counsellingBookings).values({ slotId, schoolId: s.schoolId, path: s.path, caseId: c?.id ?? null, personId: p.personId }).onConflictDoNothing().returning();
		if (!b) throw new ConflictError(m.cns_slot_taken());
		await writeAudit(tx, auditActor(p, c), { action: 'create', entityType: 'counselling_booking', entityId: b.id, scopePath: b.path, schoolId: b.schoolId, after: { slotId, caseId: b.caseId } });
		await notify(tx, { to: [s.counsellorId], kind: 'counselling_booking', title: m.cns_notify_booking(), link: '/counselling', schoolId: s.schoolId, key: `counselling_booking:${b.id}` });
		return { id: b.id, slotId, caseId: b.caseId, status: b.status, startsAt: s.startsAt, endsAt: s.endsAt, mode: s.mode, place: s.place };
	});
}

/** The booker or the slot's counsellor cancels a booking, freeing the slot; the other one is told (in the app). Audited. */
export async function cancelBooking(db: Executor, p: Principal, id: string) {
	const [row] = await db.select({ booking: counsellingBookings, slot: counsellingSlots }).from(counsellingBookings).innerJoin(counsellingSlots, eq(counsellingSlots.id, counsellingBookings.slotId)).where(eq(counsellingBookings.id, id));
	authorize(p, 'update', 'counselling_booking', row ? { path: row.booking.path, personId: row.booking.personId, counsellorIds: [row.slot.counsellorId] } : undefined);
	const b = row.booking;
	if (b.status === 'cancelled') return { id, status: b.status };
	const [c] = b.caseId ? await db.select().from(counsellingCases).where(eq(counsellingCases.id, b.caseId)) : [];
	return db.transaction(async (tx) => {
		// Only a booking still booked is cancelled: of two cancels at once, one writes, audits and tells.
		const [cancelled] = await tx
			.update(counsellingBookings)
			.set({ status: 'cancelled', cancelledAt: new Date() })
			.where(and(eq(counsellingBookings.id, id), eq(counsellingBookings.status, 'booked')))
			.returning({ id: counsellingBookings.id });
		if (!cancelled) return { id, status: 'cancelled' as const };
		await writeAudit(tx, auditActor(p, c), { action: 'cancel', entityType: 'counselling_booking', entityId: id, scopePath: b.path, schoolId: b.schoolId, before: { status: 'booked' }, after: { status: 'cancelled' } });
		const other = p.personId === b.personId ? row.slot.counsellorId : b.personId;
		await notify(tx, { to: [other], kind: 'counselling_booking_cancelled', title: m.cns_notify_cancelled(), link: '/counselling', schoolId: b.schoolId, key: `counselling_booking_cancelled:${id}` });
		return { id, status: 'cancelled' as const };
	});
}

/** A counsellor withdraws one of their slots that nobody has booked. Audited. */
export async function deleteSlot(db: Executor, p: Principal, id: string) {
	const s = await loadSlot(db, p, id);
	authorize(p, 'delete', 'counselling_slot', slotResource(s));
	await db.transaction(async (tx) => {
		// Holding the slot row waits for a booking being made right now (its insert locks the row too).
		await tx.select({ id: counsellingSlots.id }).from(counsellingSlots).where(eq(counsellingSlots.id, id)).for('update');
		const [taken] = await tx.select({ id: counsellingBookings.id }).from(counsellingBookings).where(and(eq(counsellingBookings.slotId, id), eq(counsellingBookings.status, 'booked')));
		if (taken) throw new ConflictError(m.cns_slot_booked());
		await tx.delete(counsellingBookings).where(eq(counsellingBookings.slotId, id));
		await tx.delete(counsellingSlots).where(eq(counsellingSlots.id, id));
		await writeAudit(tx, p, { action: 'delete', entityType: 'counselling_slot', entityId: id, scopePath: s.path, schoolId: s.schoolId, before: { startsAt: s.startsAt, mode: s.mode } });
	});
}
