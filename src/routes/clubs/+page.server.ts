import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { clubInput, clubsQuery } from '#lib/server/community/inputs';
import { clubCreateChoices, createClub, listClubs } from '#lib/server/community/clubs';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'club')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const filter = clubsQuery.safeParse(Object.fromEntries(event.url.searchParams));
	const f = filter.success ? filter.data : {};
	const rows = await orErrorPage(() => listClubs(db, p, f));
	const choices = mayEver(p, 'create', 'club') ? await clubCreateChoices(db, p) : { places: [], advisors: [] };
	return {
		filter: { kind: f.kind ?? '', level: f.level ?? '' },
		clubs: rows.map((c) => ({ id: c.id, name: c.name, kind: c.kind, level: c.level, schoolName: c.schoolName, advisorName: c.advisorName, memberCount: c.memberCount, myStatus: c.myStatus })),
		canCreate: choices.places.length > 0,
		places: choices.places,
		advisors: choices.advisors
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const v = formObject(form);
		let id: string;
		try {
			const [where, placeId] = (v.place ?? '').split(':');
			const input = parse(clubInput, {
				schoolId: where === 'school' ? placeId : null,
				orgUnitId: where === 'unit' ? placeId : null,
				kind: v.kind,
				name: v.name,
				description: v.description ?? '',
				advisorId: v.advisorId,
				openTo: form.getAll('openTo').map(String)
			});
			id = (await createClub(getContext().db, p, input)).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/clubs/${id}`);
	}
};
