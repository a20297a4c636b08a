/**
 * Events and seminars: organising, registering with a capacity and a waitlist, cancelling (which
 * promotes the first waitlisted), reminders a day before, attendance and feedback. Under the
 * central policy: kinds `event` (read along the path for the event's audience; the organiser and
 * those over them change it) and `event_registration` (one's own, a parent's child's).
 *
 * Capacity holds under concurrency because every change to an event's registrations runs in a
 * transaction that first locks the event row (`select … for update`): registrations of one event
 * are counted and written one at a time, in the order they took the lock.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify, notifyInBatches, notifyMany } from '../notifications/service';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { learningPlaces } from '../learning/place-schema';
import { readablePlace } from '../learning/places';
import { meetingUrl, newRoomName } from '../platform/meeting-link';
import { eventFeedback, eventRegistrations, events } from './schema';
import { audienceAdmits, endsAfterStart, landing, mayGiveFeedback, registrationClosedReason, reminderDue, REMINDER_HOURS, toPromote, waitlistPlace, waitlistPlaces, type Seat } from './rules';
import type { EventInput } from './inputs';
import { m } from '#lib/paraglide/messages.js';

type Event = typeof events.$inferSelect;
type Registration = typeof eventRegistrations.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

export const eventResource = (e: Pick<Event, 'path' | 'createdBy' | 'audience'>): Resource => ({ path: e.path, authorId: e.createdBy, audience: e.audience });
const eventColumns = { path: events.path, authorId: events.createdBy, audience: events.audience };
const ACTIVE = ['confirmed', 'waitlisted'] as const;

async function loadEvent(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read'): Promise<Event> {
	const [e] = await db.select().from(events).where(eq(events.id, id));
	authorize(p, action, 'event', e ? eventResource(e) : undefined);
	return e;
}

/** Where an event is organised: the school's or the org unit's path. */
async function hostOf(db: Executor, input: { schoolId?: string; orgUnitId?: string }) {
	if (!!input.schoolId === !!input.orgUnitId) throw invalid('schoolId', m.evt_host_required());
	if (input.schoolId) {
		const [s] = await db.select().from(schools).where(eq(schools.id, input.schoolId));
		if (!s) throw invalid('schoolId', m.evt_host_required());
		return { schoolId: s.id as string | null, path: s.path };
	}
	const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, input.orgUnitId!));
	if (!u) throw invalid('orgUnitId', m.evt_host_required());
	return { schoolId: null, path: u.path };
}

/** The schools and units where the caller may organise an event or a meeting (the create forms' choices). */
export async function organiserHosts(db: Executor, p: Principal, kind: 'event' | 'meeting') {
	const schoolIds = [...new Set(p.grants.map((g) => g.schoolId).filter((x): x is string => !!x))];
	const unitIds = [...new Set(p.grants.filter((g) => g.scopeType === 'org_unit' || g.scopeType === 'city').map((g) => g.scopeId).filter((x): x is string => !!x))];
	const ss = schoolIds.length ? await db.select({ id: schools.id, name: schools.name, path: schools.path }).from(schools).where(inArray(schools.id, schoolIds)) : [];
	const us = unitIds.length ? await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, unitIds)) : [];
	return [
		...ss.filter((s) => can(p, 'create', kind, { path: s.path })).map((s) => ({ value: `school:${s.id}`, label: s.name })),
		...us.filter((u) => can(p, 'create', kind, { path: u.path })).map((u) => ({ value: `unit:${u.id}`, label: u.name }))
	];
}

function checkTimes(input: { startsAt: string; endsAt: string; registrationOpensAt?: string | null; registrationClosesAt?: string | null }) {
	const startsAt = new Date(input.startsAt);
	const endsAt = new Date(input.endsAt);
	if (!endsAfterStart(startsAt, endsAt)) throw invalid('endsAt', m.evt_ends_before_start());
	const opens = input.registrationOpensAt ? new Date(input.registrationOpensAt) : null;
	const closes = input.registrationClosesAt ? new Date(input.registrationClosesAt) : null;
	if (opens && closes && closes <= opens) throw invalid('registrationClosesAt', m.evt_closes_before_opens());
	return { startsAt, endsAt, opens, closes };
}

export async function createEvent(db: Executor, p: Principal, input: EventInput) {
	const host = await hostOf(db, input);
	authorizeCreate(p, 'event', { path: host.path });
	const t = checkTimes(input);
	if (input.placeId) await readablePlace(db, p, input.placeId);
	return db.transaction(async (tx) => {
		const [e] = await tx
			.insert(events)
			.values({
				schoolId: host.schoolId,
				path: host.path,
				kind: input.kind,
				title: input.title,
				description: input.description,
				startsAt: t.startsAt,
				endsAt: t.endsAt,
				placeId: input.placeId ?? null,
				venue: input.venue,
				room: input.online ? newRoomName() : null,
				capacity: input.capacity ?? null,
				audience: input.audience,
				registrationOpensAt: t.opens,
				registrationClosesAt: t.closes,
				createdBy: p.personId
			})
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'event', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, after: e });
		return publicEvent(e);
	});
}

/** Confirmed and waitlisted counts per event. */
async function counts(db: Executor, ids: string[]) {
	if (!ids.length) return new Map<string, { confirmed: number; waitlisted: number }>();
	const rows = await db
		.select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, n: sql<number>`count(*)::int` })
		.from(eventRegistrations)
		.where(and(inArray(eventRegistrations.eventId, ids), inArray(eventRegistrations.status, [...ACTIVE])))
		.groupBy(eventRegistrations.eventId, eventRegistrations.status);
	const out = new Map<string, { confirmed: number; waitlisted: number }>();
	for (const r of rows) {
		const c = out.get(r.eventId) ?? { confirmed: 0, waitlisted: 0 };
		c[r.status as 'confirmed' | 'waitlisted'] = r.n;
		out.set(r.eventId, c);
	}
	return out;
}

/** Events the caller may see, upcoming first (with `past`, those already over too). */
export async function listEvents(db: Executor, p: Principal, f: { kind?: string; past?: '0' | '1' }, now = new Date()) {
	authorizeList(p, 'event');
	const conds: SQL[] = [scopeCondition(p, 'read', 'event', eventColumns)];
	if (f.kind) conds.push(eq(events.kind, f.kind as Event['kind']));
	if (f.past !== '1') conds.push(gte(events.endsAt, now));
	const rows = await db
		.select({ event: events, placeName: learningPlaces.name })
		.from(events)
		.leftJoin(learningPlaces, eq(learningPlaces.id, events.placeId))
		.where(and(...conds))
		.orderBy(f.past === '1' ? desc(events.startsAt) : asc(events.startsAt))
		.limit(500);
	const c = await counts(db, rows.map((r) => r.event.id));
	const mine = rows.length
		? await db
				.select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status })
				.from(eventRegistrations)
				.where(and(inArray(eventRegistrations.eventId, rows.map((r) => r.event.id)), inArray(eventRegistrations.status, [...ACTIVE]), or(eq(eventRegistrations.personId, p.personId), eq(eventRegistrations.registeredBy, p.personId))))
		: [];
	return rows.map((r) => ({
		...publicEvent(r.event),
		placeName: r.placeName,
		confirmed: c.get(r.event.id)?.confirmed ?? 0,
		waitlisted: c.get(r.event.id)?.waitlisted ?? 0,
		myStatuses: [...new Set(mine.filter((x) => x.eventId === r.event.id).map((x) => x.status))]
	}));
}

/** An event as anyone who may read it sees it (the room only through `meetingLink`). */
function publicEvent(e: Event) {
	const { room: _room, ...rest } = e;
	return { ...rest, online: !!e.room };
}

async function seatsOf(db: Executor, eventId: string): Promise<(Seat & Registration)[]> {
	return db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).orderBy(asc(eventRegistrations.position));
}

async function personKindOf(db: Executor, personId: string) {
	const [r] = await db.select({ kind: persons.kind, ...nameColumns }).from(persons).where(eq(persons.id, personId));
	return r;
}

/**
 * One event with what the caller may do: their own (and their children's) registrations with
 * status and waitlist place, whom they may register, and — for the organiser — every
 * registration and the feedback.
 */
export async function getEvent(db: Executor, p: Principal, id: string, now = new Date()) {
	const e = await loadEvent(db, p, id);
	const [place] = e.placeId ? await db.select({ id: learningPlaces.id, name: learningPlaces.name, address: learningPlaces.address }).from(learningPlaces).where(eq(learningPlaces.id, e.placeId)) : [];
	const seats = await seatsOf(db, id);
	const manage = can(p, 'update', 'event', eventResource(e));
	const candidates = [p.personId, ...p.childIds];
	const people = await db.select({ kind: persons.kind, ...nameColumns }).from(persons).where(inArray(persons.id, [...new Set([...candidates, ...(manage ? seats.map((s) => s.personId) : [])])]));
	const byId = new Map(people.map((x) => [x.id, x]));
	const feedback = await db.select().from(eventFeedback).where(eq(eventFeedback.eventId, id));
	const closed = registrationClosedReason(e, now);
	const mine = candidates
		.filter((pid) => byId.has(pid) && can(p, 'create', 'event_registration', { path: e.path, personId: pid }))
		.map((pid) => {
			const person = byId.get(pid)!;
			const seat = seats.find((s) => s.personId === pid && s.status !== 'cancelled');
			return {
				personId: pid,
				name: fullName(person),
				self: pid === p.personId,
				admitted: audienceAdmits(e.audience, person.kind),
				status: seat?.status ?? null,
				waitlistPlace: waitlistPlace(seats, pid),
				attended: seat?.attended ?? null,
				mayGiveFeedback: mayGiveFeedback(e, seat?.attended ?? null, now),
				feedbackGiven: feedback.some((f) => f.personId === pid)
			};
		})
		.filter((x) => x.admitted || x.status);
	const c = { confirmed: seats.filter((s) => s.status === 'confirmed').length, waitlisted: seats.filter((s) => s.status === 'waitlisted').length };
	const joinable = !!e.room && (manage || mine.some((x) => x.status === 'confirmed'));
	return {
		event: { ...publicEvent(e), place: place ?? null, ...c },
		registrationClosed: closed,
		mine,
		meetingLink: joinable ? meetingUrl(e.room!) : null,
		manage,
		registrations: manage ? organiserList(seats, byId) : [],
		feedback: manage ? feedback.map((f) => ({ rating: f.rating, comment: f.comment, createdAt: f.createdAt })) : []
	};
}

/** Confirmed registrations by name, then the waitlist in its order. */
function organiserList(seats: Registration[], people: Map<string, { familyName: string; middleName: string | null; givenName: string }>) {
	const places = waitlistPlaces(seats);
	const row = (s: Registration) => ({ ...people.get(s.personId)!, personId: s.personId, status: s.status, waitlistPlace: places.get(s.personId) ?? null, attended: s.attended, registeredAt: s.registeredAt });
	const confirmed = sortVietnamese(seats.filter((s) => s.status === 'confirmed').map(row));
	const waiting = seats.filter((s) => s.status === 'waitlisted').map(row).sort((a, b) => a.waitlistPlace! - b.waitlistPlace!);
	return [...confirmed, ...waiting].map(({ familyName, middleName, givenName, ...r }) => ({ personId: r.personId, name: fullName({ familyName, middleName, givenName }), status: r.status, waitlistPlace: r.waitlistPlace, attended: r.attended, registeredAt: r.registeredAt }));
}

/** The organiser's list: confirmed, then the waitlist in order. */
export async function listRegistrations(db: Executor, p: Principal, id: string) {
	await loadEvent(db, p, id, 'update');
	return (await getEvent(db, p, id)).registrations;
}

function refuseIfClosed(e: Event, now: Date) {
	const closed = registrationClosedReason(e, now);
	if (closed) throw new ConflictError(closed === 'cancelled' ? m.evt_cancelled_notice() : closed === 'not_open' ? m.evt_registration_not_open() : m.evt_registration_closed());
}

/** Lock the event row: every write to its registrations goes through here first. */
async function lockEvent(tx: Executor, id: string): Promise<Event> {
	const [e] = await tx.select().from(events).where(eq(events.id, id)).for('update');
	if (!e) throw new NotFoundError(m.error_not_found());
	return e;
}

/**
 * Register oneself or one's child. Confirmed while places remain, else waitlisted in order;
 * registering again while registered changes nothing.
 */
export async function register(db: Executor, p: Principal, eventId: string, personId = p.personId, now = new Date()) {
	const e = await loadEvent(db, p, eventId);
	authorize(p, 'create', 'event_registration', { path: e.path, personId });
	const person = await personKindOf(db, personId);
	if (!person) throw new NotFoundError(m.error_not_found());
	if (!audienceAdmits(e.audience, person.kind)) throw new ConflictError(m.evt_audience_mismatch());
	refuseIfClosed(e, now);
	return db.transaction(async (tx) => {
		const locked = await lockEvent(tx, eventId);
		// Again under the lock: an event cancelled (or closed) meanwhile takes no registration.
		refuseIfClosed(locked, now);
		const seats = await seatsOf(tx, eventId);
		const existing = seats.find((s) => s.personId === personId);
		if (existing && existing.status !== 'cancelled') return { status: existing.status, waitlistPlace: waitlistPlace(seats, personId), created: false };
		const confirmed = seats.filter((s) => s.status === 'confirmed').length;
		const status = landing(locked.capacity, confirmed);
		const position = Math.max(0, ...seats.map((s) => s.position)) + 1;
		const values = { eventId, personId, registeredBy: p.personId, status, position, registeredAt: now, attended: null };
		const [reg] = existing
			? await tx.update(eventRegistrations).set(values).where(eq(eventRegistrations.id, existing.id)).returning()
			: await tx.insert(eventRegistrations).values(values).returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'event_registration', entityId: reg.id, scopePath: e.path, schoolId: e.schoolId, before: existing ?? undefined, after: reg });
		const after = seats.filter((s) => s.personId !== personId).concat([reg]);
		return { status, waitlistPlace: waitlistPlace(after, personId), created: true };
	});
}

/** Promote the first waitlisted into free places and tell them (in the caller's transaction, the event locked). */
async function promote(tx: Executor, e: Event) {
	const seats = await seatsOf(tx, e.id);
	const ids = toPromote(e.capacity, seats);
	if (!ids.length) return ids;
	const promoted = seats.filter((s) => ids.includes(s.personId));
	await tx.update(eventRegistrations).set({ status: 'confirmed' }).where(inArray(eventRegistrations.id, promoted.map((s) => s.id)));
	await notifyMany(
		tx,
		promoted.map((seat) => ({
			to: [seat.personId, seat.registeredBy],
			kind: 'event_promoted',
			title: m.evt_notify_promoted_title({ title: e.title }),
			body: m.evt_notify_promoted_body(),
			link: `/events/${e.id}`,
			schoolId: e.schoolId,
			key: `event-promoted:${e.id}:${seat.personId}:${seat.position}`
		}))
	);
	return ids;
}

/** Cancel a registration (one's own, one's child's, or — by the organiser — anyone's); a freed place goes to the waitlist. */
export async function cancelRegistration(db: Executor, p: Principal, eventId: string, personId: string) {
	const e = await loadEvent(db, p, eventId);
	if (!can(p, 'update', 'event', eventResource(e))) authorize(p, 'delete', 'event_registration', { path: e.path, personId });
	return db.transaction(async (tx) => {
		const locked = await lockEvent(tx, eventId);
		const [reg] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.personId, personId)));
		if (!reg || reg.status === 'cancelled') throw new NotFoundError(m.evt_not_registered());
		const [after] = await tx.update(eventRegistrations).set({ status: 'cancelled', attended: null }).where(eq(eventRegistrations.id, reg.id)).returning();
		await writeAudit(tx, p, { action: 'delete', entityType: 'event_registration', entityId: reg.id, scopePath: e.path, schoolId: e.schoolId, before: reg, after });
		const promoted = reg.status === 'confirmed' && !locked.cancelledAt ? await promote(tx, locked) : [];
		return { promoted };
	});
}

/** The organiser cancels the event; everyone registered is told. */
export async function cancelEvent(db: Executor, p: Principal, eventId: string, now = new Date()) {
	const e = await loadEvent(db, p, eventId, 'update');
	if (e.cancelledAt) return publicEvent(e);
	return db.transaction(async (tx) => {
		await lockEvent(tx, eventId);
		const [after] = await tx.update(events).set({ cancelledAt: now }).where(eq(events.id, eventId)).returning();
		const seats = (await seatsOf(tx, eventId)).filter((s) => s.status !== 'cancelled');
		await notify(tx, { to: seats.flatMap((s) => [s.personId, s.registeredBy]), kind: 'event_cancelled', title: m.evt_notify_cancelled_title({ title: e.title }), link: `/events/${e.id}`, schoolId: e.schoolId, key: `event-cancelled:${e.id}` });
		await writeAudit(tx, p, { action: 'update', entityType: 'event', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, before: e, after });
		return publicEvent(after);
	});
}

/** The organiser's attendance sheet: every row must be a confirmed registration, or nothing is written. */
export async function recordAttendance(db: Executor, p: Principal, eventId: string, rows: { personId: string; attended: boolean }[]) {
	const e = await loadEvent(db, p, eventId, 'update');
	return db.transaction(async (tx) => {
		await lockEvent(tx, eventId);
		const seats = await seatsOf(tx, eventId);
		const confirmed = new Set(seats.filter((s) => s.status === 'confirmed').map((s) => s.personId));
		const issues = rows.flatMap((r, i) => (confirmed.has(r.personId) ? [] : [{ path: `attendance.${i}.personId`, message: m.evt_attendance_not_confirmed() }]));
		if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
		const marked = new Set(rows.map((r) => r.personId));
		const before = Object.fromEntries(seats.filter((s) => marked.has(s.personId)).map((s) => [s.personId, s.attended]));
		// Two statements for the whole sheet: those present, those absent.
		for (const attended of [true, false]) {
			const ids = rows.filter((r) => r.attended === attended).map((r) => r.personId);
			if (ids.length) await tx.update(eventRegistrations).set({ attended }).where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.personId, ids)));
		}
		const after = Object.fromEntries(rows.map((r) => [r.personId, r.attended]));
		await writeAudit(tx, p, { action: 'update', entityType: 'event_attendance', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, before, after });
		return { updated: rows.length };
	});
}

/** Feedback after the event from someone who attended (or their parent); given again, it replaces the first. */
export async function giveFeedback(db: Executor, p: Principal, eventId: string, input: { personId?: string; rating: number; comment: string }, now = new Date()) {
	const e = await loadEvent(db, p, eventId);
	const personId = input.personId ?? p.personId;
	authorize(p, 'update', 'event_registration', { path: e.path, personId });
	const [reg] = await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.personId, personId)));
	if (!reg || reg.status !== 'confirmed' || !mayGiveFeedback(e, reg.attended, now)) throw new ConflictError(m.evt_feedback_not_open());
	return db.transaction(async (tx) => {
		const values = { eventId, personId, rating: input.rating, comment: input.comment, createdAt: now };
		const [row] = await tx.insert(eventFeedback).values(values).onConflictDoUpdate({ target: [eventFeedback.eventId, eventFeedback.personId], set: { rating: input.rating, comment: input.comment, createdAt: now } }).returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'event_feedback', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, after: row });
		return { rating: row.rating, comment: row.comment };
	});
}

/**
 * The periodic reminder: confirmed registrants (and whoever registered them) of events starting
 * within 24 hours are notified once (key `event-reminder:<eventId>`, per recipient).
 */
export async function sendEventReminders(db: Executor, now = new Date()) {
	const until = new Date(now.getTime() + REMINDER_HOURS * 3600_000);
	const due = await db.select().from(events).where(and(isNull(events.cancelledAt), gt(events.startsAt, now), lte(events.startsAt, until)));
	const toRemind = due.filter((x) => reminderDue(x, now));
	if (!toRemind.length) return { sent: 0 };
	// Every due event's confirmed seats in one query, and the reminders in batches of a few queries,
	// each its own transaction (notifyInBatches): the notify keys keep two processes running the job
	// at once from sending twice, and what fails is tried again next run.
	const seats = await db
		.select({ eventId: eventRegistrations.eventId, personId: eventRegistrations.personId, registeredBy: eventRegistrations.registeredBy })
		.from(eventRegistrations)
		.where(and(inArray(eventRegistrations.eventId, toRemind.map((e) => e.id)), eq(eventRegistrations.status, 'confirmed')));
	const seated = new Map<string, string[]>();
	for (const s of seats) {
		if (!seated.has(s.eventId)) seated.set(s.eventId, []);
		seated.get(s.eventId)!.push(s.personId, s.registeredBy);
	}
	const notices = toRemind.map((e) => ({
		to: seated.get(e.id) ?? [],
		kind: 'event_reminder' as const,
		title: m.evt_notify_reminder_title({ title: e.title }),
		body: m.evt_notify_reminder_body(),
		link: `/events/${e.id}`,
		schoolId: e.schoolId,
		key: `event-reminder:${e.id}`
	}));
	return { sent: (await notifyInBatches(db, notices, now)).flat().length };
}

/** Events the caller (or their child) holds a confirmed place at, for the personal calendar feed. */
export async function myCalendarEvents(db: Executor, personId: string) {
	const rows = await db
		.selectDistinct({ event: events, placeName: learningPlaces.name })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.leftJoin(learningPlaces, eq(learningPlaces.id, events.placeId))
		.where(and(eq(eventRegistrations.status, 'confirmed'), or(eq(eventRegistrations.personId, personId), eq(eventRegistrations.registeredBy, personId)), isNull(events.cancelledAt)));
	return rows;
}
