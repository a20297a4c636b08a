/**
 * The calendar files: one event's (`/events/{id}/event.ics`) and a person's feed
 * (`/events/calendar.ics`: the events they or their child hold a confirmed place at, and the
 * meetings they organise or are invited to and have not declined).
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { writeAudit } from '../audit/service';
import { persons } from '../people/schema';
import { calendarFeeds } from './schema';
import type { Principal } from '../auth/principal';
import { getContext, hasContext } from '../context';
import { calendarText, type CalendarItem } from './ical';
import { getEvent, myCalendarEvents } from './service';
import { myCalendarMeetings } from './meetings';
import { m } from '#lib/paraglide/messages.js';

const base = () => (hasContext() ? getContext().config.publicUrl.replace(/\/+$/, '') : '');

interface EventLike {
	id: string;
	title: string;
	description: string;
	venue: string;
	startsAt: Date;
	endsAt: Date;
	cancelledAt: Date | null;
}

const eventItem = (e: EventLike, placeName: string | null | undefined): CalendarItem => ({
	uid: `event-${e.id}@sen`,
	title: e.title,
	description: e.description,
	location: [placeName, e.venue].filter(Boolean).join(', '),
	startsAt: e.startsAt,
	endsAt: e.endsAt,
	url: `${base()}/events/${e.id}`,
	cancelled: !!e.cancelledAt
});

export async function eventCalendar(db: Executor, p: Principal, id: string) {
	const { event } = await getEvent(db, p, id);
	return calendarText(event.title, [eventItem(event, event.place?.name)]);
}

/** The feed of one person: for the signed-in caller, or for the owner of a calendar address. */
export async function personalCalendar(db: Executor, personId: string) {
	const evs = await myCalendarEvents(db, personId);
	const mts = await myCalendarMeetings(db, personId);
	const items: CalendarItem[] = [
		...evs.map((r) => eventItem(r.event, r.placeName)),
		...mts.map(({ meeting: mt }) => ({
			uid: `meeting-${mt.id}@sen`,
			title: mt.title,
			description: mt.description,
			location: `${base()}/meetings/${mt.id}/join`,
			startsAt: mt.startsAt,
			endsAt: mt.endsAt,
			url: `${base()}/meetings/${mt.id}`
		}))
	];
	return calendarText(m.evt_calendar_name(), items);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * A new secret calendar address for the caller (replacing any earlier one, which stops working).
 * The secret is shown once; only its hash is kept.
 */
export async function newCalendarAddress(db: Executor, p: Principal): Promise<string> {
	const secret = randomBytes(32).toString('base64url');
	await db.transaction(async (tx) => {
		await tx
			.insert(calendarFeeds)
			.values({ personId: p.personId, secretHash: sha256(secret) })
			.onConflictDoUpdate({ target: calendarFeeds.personId, set: { secretHash: sha256(secret), createdAt: new Date() } });
		const [me] = await tx.select({ path: persons.path, schoolId: persons.schoolId }).from(persons).where(eq(persons.id, p.personId));
		await writeAudit(tx, p, { action: 'update', entityType: 'calendar_feed', entityId: p.personId, scopePath: me.path, schoolId: me.schoolId });
	});
	return `${base()}/events/calendar.ics?key=${secret}`;
}

/** Whose calendar a secret address opens, or null. */
export async function calendarOwner(db: Executor, secret: string): Promise<string | null> {
	if (!/^[\w-]{43}$/.test(secret)) return null;
	const [row] = await db.select({ personId: calendarFeeds.personId }).from(calendarFeeds).where(eq(calendarFeeds.secretHash, sha256(secret)));
	return row?.personId ?? null;
}
