import type { PageServerLoad } from './$types';
import { requirePrincipal } from '#lib/server/http/pages';
import { visibleSections } from '#lib/server/http/hub';
import { communitySections } from './sections';

export const load: PageServerLoad = async (event) => ({ sections: visibleSections(communitySections, requirePrincipal(event)) });
