import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { pilotModelInput } from '#lib/server/programs/pilot-inputs';
import { createModel, listModels, pilotSchools } from '#lib/server/programs/pilot-service';
import { PILOT_COMPONENTS, PILOT_LEVELS, PILOT_MODEL_STATUSES } from '#lib/server/programs/pilot-rules';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'pilot_model')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const models = await orErrorPage(() => listModels(db, p));
	return {
		models: models.map((x) => ({ id: x.id, name: x.name, description: x.description, levels: x.levels, components: x.components, status: x.status, siteCount: x.siteCount, progress: x.progress })),
		schools: await pilotSchools(db, p),
		canCreate: mayEver(p, 'create', 'pilot_model'),
		levels: PILOT_LEVELS,
		components: PILOT_COMPONENTS,
		statuses: PILOT_MODEL_STATUSES
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const v = formObject(form);
		let id: string;
		try {
			const input = parse(pilotModelInput, { name: v.name, description: v.description ?? '', levels: form.getAll('levels').map(String), components: form.getAll('components').map(String), status: v.status ?? 'piloting' });
			id = (await createModel(getContext().db, p, input)).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/programs/pilots/${id}`);
	}
};
