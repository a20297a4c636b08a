import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { placeInput, placesQuery } from '#lib/server/learning/projects-inputs';
import { createPlace, listPlaces, placeFromForm, wardChoices } from '#lib/server/learning/places';
import { PLACE_KINDS, PLACE_LEVELS, projectToMap } from '#lib/server/learning/place-rules';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

const MAP = { width: 640, height: 400, padding: 28 };

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'learning_place')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const sp = event.url.searchParams;
	const filter = {
		q: sp.get('q')?.trim() || undefined,
		kind: PLACE_KINDS.find((k) => k === sp.get('kind')),
		level: PLACE_LEVELS.find((l) => l === sp.get('level'))
	};
	const places = await orErrorPage(() => listPlaces(db, p, parse(placesQuery, filter)));
	const rows = places.map((pl) => ({ id: pl.id, name: pl.name, kind: pl.kind, wardName: pl.wardName, address: pl.address, latitude: pl.latitude, longitude: pl.longitude, levels: pl.levels, learning: pl.learning }));
	return {
		filter: { q: filter.q ?? '', kind: filter.kind ?? '', level: filter.level ?? '' },
		places: rows,
		map: { ...MAP, points: projectToMap(rows, MAP).map((pt) => ({ id: pt.item.id, name: pt.item.name, kind: pt.item.kind, x: pt.x, y: pt.y })) },
		wards: mayEver(p, 'create', 'learning_place') ? await wardChoices(db) : [],
		canCreate: mayEver(p, 'create', 'learning_place')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const v = formObject(form);
		let id: string;
		try {
			const input = parse(placeInput, placeFromForm(form));
			id = (await createPlace(getContext().db, p, input)).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/places/${id}`);
	}
};
