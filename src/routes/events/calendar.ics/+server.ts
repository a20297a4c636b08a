import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { calendarOwner, personalCalendar } from '#lib/server/events/calendar';
import { calendarResponse } from '#lib/server/events/ical';
import { m } from '#lib/paraglide/messages.js';

/**
 * A person's feed: events they (or their child) hold a place at, and their meetings. Signed in
 * (a session), or — for calendar apps, which send no cookie — with the secret `key` of their
 * calendar address.
 */
export const GET: RequestHandler = async (event) => {
	const { db } = getContext();
	const key = event.url.searchParams.get('key');
	const personId = key !== null ? await calendarOwner(db, key) : requirePrincipal(event).personId;
	if (!personId) error(404, m.error_not_found());
	return calendarResponse(await personalCalendar(db, personId), 'sen-calendar.ics');
};
