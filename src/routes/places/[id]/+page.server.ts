import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { placeInput } from '#lib/server/learning/projects-inputs';
import { getPlace, placeFromForm, updatePlace, wardChoices } from '#lib/server/learning/places';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const place = await orErrorPage(() => getPlace(db, p, idOr404(event.params.id)));
	return {
		place: { id: place.id, name: place.name, kind: place.kind, wardId: place.wardId, wardName: place.wardName, address: place.address, latitude: place.latitude, longitude: place.longitude, contact: place.contact, learning: place.learning, levels: place.levels, lessons: place.lessons },
		canEdit: place.canEdit,
		wards: place.canEdit ? await wardChoices(db) : []
	};
};

export const actions: Actions = {
	/** Whoever added the place (or a leader or officer above it) corrects it. */
	update: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		try {
			await updatePlace(getContext().db, p, idOr404(event.params.id), parse(placeInput, placeFromForm(form)));
		} catch (e) {
			return pageFailure(e, formObject(form), 'update');
		}
		return { done: 'update' };
	}
};
