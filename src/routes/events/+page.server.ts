import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { eventInput, eventsQuery } from '#lib/server/events/inputs';
import { createEvent, listEvents, organiserHosts } from '#lib/server/events/service';
import { EVENT_AUDIENCES, EVENT_KINDS } from '#lib/server/events/rules';
import { listPlaces } from '#lib/server/learning/places';
import { eventFromForm } from '#lib/server/events/views';
import { newCalendarAddress } from '#lib/server/events/calendar';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'event')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const filter = await orErrorPage(async () => parse(eventsQuery, { kind: event.url.searchParams.get('kind') || undefined, past: event.url.searchParams.get('past') || undefined }));
	const rows = await orErrorPage(() => listEvents(db, p, filter));
	const hosts = mayEver(p, 'create', 'event') ? await organiserHosts(db, p, 'event') : [];
	const places = hosts.length ? await listPlaces(db, p, {}) : [];
	return {
		events: rows.map((e) => ({ id: e.id, title: e.title, kind: e.kind, startsAt: e.startsAt, endsAt: e.endsAt, placeName: e.placeName, venue: e.venue, capacity: e.capacity, confirmed: e.confirmed, waitlisted: e.waitlisted, myStatuses: e.myStatuses, cancelled: !!e.cancelledAt, audience: e.audience })),
		filter,
		kinds: EVENT_KINDS,
		audiences: EVENT_AUDIENCES,
		hosts,
		places: places.map((pl) => ({ id: pl.id, name: pl.name }))
	};
};

export const actions: Actions = {
	/** A new secret calendar address, shown once. */
	calendarAddress: async (event) => {
		const p = requirePrincipal(event);
		return { calendarAddress: await newCalendarAddress(getContext().db, p) };
	},
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createEvent(getContext().db, p, parse(eventInput, eventFromForm(v)))).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/events/${id}`);
	}
};
