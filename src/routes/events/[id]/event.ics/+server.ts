import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { eventCalendar } from '#lib/server/events/calendar';
import { calendarResponse } from '#lib/server/events/ical';

/** One event as an .ics file, for whoever may read the event. */
export const GET: RequestHandler = async (event) => {
	const p = requirePrincipal(event);
	const id = idOr404(event.params.id);
	const body = await orErrorPage(() => eventCalendar(getContext().db, p, id));
	return calendarResponse(body, `sen-event-${id}.ics`);
};
