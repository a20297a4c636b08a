import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { getPlace } from '#lib/server/learning/places';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const place = await orErrorPage(() => getPlace(getContext().db, p, idOr404(event.params.id)));
	return {
		place: { id: place.id, name: place.name, kind: place.kind, wardName: place.wardName, address: place.address, latitude: place.latitude, longitude: place.longitude, contact: place.contact, learning: place.learning, levels: place.levels, lessons: place.lessons }
	};
};
