import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { learnerGradebook } from '#lib/server/gradebook/learner-view';
import { reportCardLinks } from '#lib/server/gradebook/views';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

/** A learner's results for the family (and the homeroom teacher, the leader): `?year=<schoolYearId>`, else this year. */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const id = idOr404(event.params.id);
	const year = event.url.searchParams.get('year');
	const view = await orErrorPage(() => learnerGradebook(getContext().db, p, id, { schoolYearId: year ? idOr404(year) : undefined }));
	return { view, reportCards: reportCardLinks(view) };
};
