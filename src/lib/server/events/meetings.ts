/**
 * Online meetings (họp trực tuyến) on Jitsi: a meeting for a class (its learners), a parent group
 * (the class's parents), a club, a training or the staff, with invitations (each invitee notified),
 * answers, and an attendance record kept when someone joins through Sen. Under the central policy
 * (kind `meeting`): only the organiser and the invitees see a meeting.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { classes, enrolments, orgUnits, schools } from '../organisations/schema';
import { guardianships, persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { meetingUrl, newRoomName } from '../platform/meeting-link';
import { meetingAttendance, meetingInvitations, meetings } from './schema';
import { CLASS_MEETINGS, endsAfterStart, type MeetingResponse } from './rules';
import type { MeetingInput } from './inputs';
import { m } from '#lib/paraglide/messages.js';

type Meeting = typeof meetings.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };
const personScope = (p: Principal) => scopeCondition(p, 'read', 'person', { path: persons.path, personId: persons.id, personKind: persons.kind });
const inviteesSql = sql`array(select mi.person_id from meeting_invitations mi where mi.meeting_id = ${meetings.id})`;

export const meetingResource = (mt: Meeting, inviteeIds: string[]): Resource => ({ path: mt.path, authorId: mt.createdBy, memberIds: inviteeIds });

async function loadMeeting(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [mt] = await db.select().from(meetings).where(eq(meetings.id, id));
	const invitations = mt ? await db.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, id)) : [];
	authorize(p, action, 'meeting', mt ? meetingResource(mt, invitations.map((i) => i.personId)) : undefined);
	return { meeting: mt, invitations };
}

/** The classes the caller may hold a class or parents' meeting for (the form's choices). */
export async function meetingClasses(db: Executor, p: Principal) {
	const rows = await db
		.select({ id: classes.id, name: classes.name, path: classes.path, schoolName: schools.name })
		.from(classes)
		.innerJoin(schools, eq(schools.id, classes.schoolId))
		.where(scopeCondition(p, 'create', 'meeting', { path: classes.path }))
		.orderBy(asc(schools.name), asc(classes.name))
		.limit(300);
	return rows.map((r) => ({ id: r.id, name: `${r.name} · ${r.schoolName}` }));
}

/** People the organiser may invite by name: those they may read (the picker), staff first. */
export async function inviteeChoices(db: Executor, p: Principal) {
	const rows = await db
		.select({ ...nameColumns, kind: persons.kind })
		.from(persons)
		.where(and(personScope(p), sql`${persons.id} <> ${p.personId}`))
		.limit(500);
	const order = { staff: 0, community: 1, guardian: 2, learner: 3 } as const;
	return sortVietnamese(rows)
		.sort((a, b) => order[a.kind] - order[b.kind])
		.map((r) => ({ id: r.id, name: fullName(r), kind: r.kind }));
}

async function hostPath(db: Executor, input: MeetingInput) {
	if (CLASS_MEETINGS.includes(input.forKind)) {
		if (!input.classId) throw invalid('classId', m.evt_mtg_class_required());
		const [cls] = await db.select().from(classes).where(eq(classes.id, input.classId));
		if (!cls) throw invalid('classId', m.evt_mtg_class_required());
		return { path: cls.path, schoolId: cls.schoolId as string | null, forId: cls.id as string | null };
	}
	if (!!input.schoolId === !!input.orgUnitId) throw invalid('schoolId', m.evt_host_required());
	if (input.schoolId) {
		const [s] = await db.select().from(schools).where(eq(schools.id, input.schoolId));
		if (!s) throw invalid('schoolId', m.evt_host_required());
		return { path: s.path, schoolId: s.id as string | null, forId: null };
	}
	const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, input.orgUnitId!));
	if (!u) throw invalid('orgUnitId', m.evt_host_required());
	return { path: u.path, schoolId: null, forId: null };
}

/** The class's learners (class meeting) or their parents and guardians (parents' meeting). */
async function classInvitees(db: Executor, classId: string, forKind: string): Promise<string[]> {
	const learners = (await db.select({ id: enrolments.learnerId }).from(enrolments).where(eq(enrolments.classId, classId))).map((r) => r.id);
	if (forKind === 'class' || !learners.length) return learners;
	return (await db.selectDistinct({ id: guardianships.guardianId }).from(guardianships).where(inArray(guardianships.learnerId, learners))).map((r) => r.id);
}

export async function createMeeting(db: Executor, p: Principal, input: MeetingInput) {
	const host = await hostPath(db, input);
	authorizeCreate(p, 'meeting', { path: host.path });
	const startsAt = new Date(input.startsAt);
	const endsAt = new Date(input.endsAt);
	if (!endsAfterStart(startsAt, endsAt)) throw invalid('endsAt', m.evt_ends_before_start());
	const named = [...new Set(input.inviteeIds)].filter((id) => id !== p.personId);
	if (named.length) {
		const seen = await db.select({ id: persons.id }).from(persons).where(and(personScope(p), inArray(persons.id, named)));
		if (seen.length !== named.length) throw invalid('inviteeIds', m.evt_mtg_invitee_unknown());
	}
	const fromClass = host.forId ? await classInvitees(db, host.forId, input.forKind) : [];
	const invitees = [...new Set([...fromClass, ...named])].filter((id) => id !== p.personId);
	if (!invitees.length) throw invalid('inviteeIds', m.evt_mtg_no_invitees());
	return db.transaction(async (tx) => {
		const [mt] = await tx
			.insert(meetings)
			.values({ schoolId: host.schoolId, path: host.path, forKind: input.forKind, forId: host.forId, title: input.title, description: input.description, startsAt, endsAt, room: newRoomName(), createdBy: p.personId })
			.returning();
		await tx.insert(meetingInvitations).values(invitees.map((personId) => ({ meetingId: mt.id, personId })));
		await notify(tx, { to: invitees, kind: 'meeting_invitation', title: m.evt_mtg_notify_invited_title({ title: mt.title }), body: m.evt_mtg_notify_invited_body(), link: `/meetings/${mt.id}`, schoolId: mt.schoolId, key: `meeting-invitation:${mt.id}` });
		await writeAudit(tx, p, { action: 'create', entityType: 'meeting', entityId: mt.id, scopePath: mt.path, schoolId: mt.schoolId, after: { ...mt, invitees } });
		return publicMeeting(mt, invitees.length);
	});
}

/** A meeting without its room name: the room is reached through /meetings/{id}/join only. */
const publicMeeting = (mt: Meeting, invited: number) => {
	const { room: _room, ...rest } = mt;
	return { ...rest, invited };
};

/** Meetings the caller organises or is invited to, newest first. */
export async function listMeetings(db: Executor, p: Principal) {
	authorizeList(p, 'meeting');
	const rows = await db
		.select({ meeting: meetings, invited: sql<number>`(select count(*)::int from meeting_invitations mi where mi.meeting_id = ${meetings.id})`, myResponse: meetingInvitations.response, myInvitedAt: meetingInvitations.invitedAt })
		.from(meetings)
		.leftJoin(meetingInvitations, and(eq(meetingInvitations.meetingId, meetings.id), eq(meetingInvitations.personId, p.personId)))
		.where(scopeCondition(p, 'read', 'meeting', { path: meetings.path, authorId: meetings.createdBy, memberIds: inviteesSql }))
		.orderBy(desc(meetings.startsAt))
		.limit(300);
	return rows.map((r) => ({ ...publicMeeting(r.meeting, r.invited), organiser: r.meeting.createdBy === p.personId, invitedMe: !!r.myInvitedAt, myResponse: r.myResponse }));
}

/** One meeting: for an invitee their answer; for the organiser every invitation with its answer and first join time. */
export async function getMeeting(db: Executor, p: Principal, id: string) {
	const { meeting: mt, invitations } = await loadMeeting(db, p, id);
	const organiser = mt.createdBy === p.personId;
	const manage = can(p, 'update', 'meeting', meetingResource(mt, invitations.map((i) => i.personId)));
	const attendance = await db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id));
	const ids = [...new Set([mt.createdBy, ...(manage ? invitations.map((i) => i.personId) : [])])];
	const people = new Map((await db.select(nameColumns).from(persons).where(inArray(persons.id, ids))).map((r) => [r.id, r]));
	const mine = invitations.find((i) => i.personId === p.personId);
	return {
		meeting: { ...publicMeeting(mt, invitations.length), organiserName: fullName(people.get(mt.createdBy)!) },
		organiser,
		manage,
		invited: !!mine,
		myResponse: mine?.response ?? null,
		joinPath: `/meetings/${mt.id}/join`,
		invitations: manage
			? sortVietnamese(invitations.map((i) => ({ ...people.get(i.personId)!, response: i.response, joinedAt: attendance.find((a) => a.personId === i.personId)?.joinedAt ?? null }))).map(({ familyName, middleName, givenName, id, ...r }) => ({ personId: id, name: fullName({ familyName, middleName, givenName }), ...r }))
			: [],
		attended: attendance.length
	};
}

/** An invitee accepts or declines. */
export async function respondToMeeting(db: Executor, p: Principal, id: string, response: MeetingResponse) {
	const { meeting: mt, invitations } = await loadMeeting(db, p, id);
	const mine = invitations.find((i) => i.personId === p.personId);
	if (!mine) throw new ForbiddenError(m.evt_mtg_not_invited());
	return db.transaction(async (tx) => {
		await tx.update(meetingInvitations).set({ response }).where(and(eq(meetingInvitations.meetingId, id), eq(meetingInvitations.personId, p.personId)));
		await writeAudit(tx, p, { action: 'update', entityType: 'meeting_invitation', entityId: mt.id, scopePath: mt.path, schoolId: mt.schoolId, before: { response: mine.response }, after: { response } });
		return { response };
	});
}

/** Joining through Sen: the first join time is recorded, and the caller gets the room's URL. Only invitees and the organiser. */
export async function joinMeeting(db: Executor, p: Principal, id: string, now = new Date()) {
	const { meeting: mt } = await loadMeeting(db, p, id);
	if (mt.cancelledAt) throw new ConflictError(m.evt_mtg_cancelled_notice());
	await db.insert(meetingAttendance).values({ meetingId: id, personId: p.personId, joinedAt: now }).onConflictDoNothing();
	return meetingUrl(mt.room);
}

/** The organiser cancels the meeting; the invitees are told. */
export async function cancelMeeting(db: Executor, p: Principal, id: string, now = new Date()) {
	const { meeting: mt, invitations } = await loadMeeting(db, p, id, 'update');
	if (mt.cancelledAt) return publicMeeting(mt, invitations.length);
	return db.transaction(async (tx) => {
		const [after] = await tx.update(meetings).set({ cancelledAt: now }).where(eq(meetings.id, id)).returning();
		await notify(tx, { to: invitations.map((i) => i.personId), kind: 'meeting_cancelled', title: m.evt_mtg_notify_cancelled_title({ title: mt.title }), link: `/meetings/${mt.id}`, schoolId: mt.schoolId, key: `meeting-cancelled:${mt.id}` });
		await writeAudit(tx, p, { action: 'update', entityType: 'meeting', entityId: mt.id, scopePath: mt.path, schoolId: mt.schoolId, before: mt, after });
		return publicMeeting(after, invitations.length);
	});
}

/** Meetings the caller organises or is invited to (and has not declined), for the calendar feed. */
export async function myCalendarMeetings(db: Executor, personId: string) {
	return db
		.select({ meeting: meetings })
		.from(meetings)
		.leftJoin(meetingInvitations, and(eq(meetingInvitations.meetingId, meetings.id), eq(meetingInvitations.personId, personId)))
		.where(and(sql`${meetings.cancelledAt} is null`, sql`(${meetings.createdBy} = ${personId} or (${meetingInvitations.personId} is not null and ${meetingInvitations.response} is distinct from 'declined'))`));
}
