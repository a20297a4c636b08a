import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { readinessPage } from '#lib/server/programs/readiness-views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return orErrorPage(() => readinessPage(getContext().db, p, idOr404(event.params.id)));
};
