import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { publicItems } from '#lib/server/programs/publication-service';

/** Public (no sign-in): the program's values and news marked public, newest first. */
export const load: PageServerLoad = async () => {
	const items = await publicItems(getContext().db);
	return { items: items.map((x) => ({ id: x.id, kind: x.kind, title: x.title, excerpt: x.body.slice(0, 280), publishedAt: x.publishedAt })) };
};
