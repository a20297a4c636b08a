import type { PageServerLoad } from './$types';
import { requirePrincipal } from '#lib/server/http/pages';
import { programSections } from './sections';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return { sections: programSections.filter((s) => s.show(p)).map((s) => ({ href: s.href, title: s.title(), description: s.description() })) };
};
