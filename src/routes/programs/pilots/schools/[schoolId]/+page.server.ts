import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { schoolPilots } from '#lib/server/programs/pilot-service';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const r = await orErrorPage(() => schoolPilots(getContext().db, p, idOr404(event.params.schoolId)));
	return { school: r.school, sites: r.sites.map((s) => ({ id: s.id, modelId: s.modelId, modelName: s.modelName, responsible: s.responsible, progress: s.progress })) };
};
