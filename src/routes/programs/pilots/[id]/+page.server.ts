import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { pilotModelPatch, pilotSiteInput } from '#lib/server/programs/pilot-inputs';
import { assignableSchools, assignSite, getModel, updateModel } from '#lib/server/programs/pilot-service';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { PILOT_MODEL_STATUSES } from '#lib/server/programs/pilot-rules';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const model = await orErrorPage(() => getModel(db, p, id));
	return {
		model: {
			id: model.id,
			name: model.name,
			description: model.description,
			levels: model.levels,
			components: model.components,
			status: model.status,
			sites: model.sites.map((s) => ({ id: s.id, schoolId: s.schoolId, schoolName: s.schoolName, unitName: s.unitName, responsible: s.responsible, progress: s.progress, phases: s.phases.map((ph) => ({ phase: ph.phase, startsOn: ph.startsOn, endsOn: ph.endsOn })) }))
		},
		schools: mayEver(p, 'create', 'pilot_site') ? await assignableSchools(db, p, id) : [],
		canUpdate: model.canUpdate,
		statuses: PILOT_MODEL_STATUSES
	};
};

export const actions: Actions = {
	status: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await updateModel(getContext().db, p, idOr404(event.params.id), parse(pilotModelPatch, { status: v.status }));
		} catch (e) {
			return pageFailure(e, v, 'status');
		}
		return { done: 'status' };
	},
	assign: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await assignSite(getContext().db, p, parse(pilotSiteInput, { modelId: idOr404(event.params.id), schoolId: v.schoolId, responsible: v.responsible ?? '' }));
		} catch (e) {
			return pageFailure(e, v, 'assign');
		}
		return { done: 'assign' };
	}
};
