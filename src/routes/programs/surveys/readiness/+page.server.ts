import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { orErrorPage } from '#lib/server/organisations/views';
import { readinessPage } from '#lib/server/programs/readiness-views';

/** The latest IT-readiness survey the caller sees a response of. */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return orErrorPage(() => readinessPage(getContext().db, p));
};
