import type { PageServerLoad } from './$types';
import { requirePrincipal } from '#lib/server/http/pages';
import { communitySections } from './sections';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return { sections: communitySections.filter((s) => s.show(p)).map((s) => ({ href: s.href, title: s.title(), description: s.description() })) };
};
