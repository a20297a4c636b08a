/**
 * The calendar files: one event's (`/events/{id}/event.ics`) and a person's feed
 * (`/events/calendar.ics`: the events they or their child hold a confirmed place at, and the
 * meetings they organise or are invited to and have not declined).
 */
import type { Executor } from '../db/client';
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

export async function personalCalendar(db: Executor, p: Principal) {
	const evs = await myCalendarEvents(db, p);
	const mts = await myCalendarMeetings(db, p);
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
