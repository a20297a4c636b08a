import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { publicItem } from '#lib/server/programs/publication-service';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

/** Public: one value statement or news item marked public; anything else is a 404. */
export const load: PageServerLoad = async (event) => {
	const { files, ...item } = await orErrorPage(() => publicItem(getContext().db, idOr404(event.params.id)));
	return { item: { ...item, files: files.map((f) => ({ id: f.id, name: f.name })) } };
};
