import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { personalCalendar } from '#lib/server/events/calendar';
import { calendarResponse } from '#lib/server/events/ical';

/** The signed-in person's feed: events they (or their child) hold a place at, and their meetings. */
export const GET: RequestHandler = async (event) => {
	const p = requirePrincipal(event);
	return calendarResponse(await personalCalendar(getContext().db, p), 'sen-calendar.ics');
};
