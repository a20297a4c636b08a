import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { mayEver } from '#lib/server/auth/policy';
import { surveyInput } from '#lib/server/programs/survey-inputs';
import { createSurvey, listResponses, listSurveys, senderUnits } from '#lib/server/programs/survey-service';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const db = getContext().db;
	const officer = mayEver(p, 'read', 'survey');
	const answering = mayEver(p, 'update', 'survey_response');
	return {
		officer,
		surveys: officer ? await listSurveys(db, p) : [],
		units: officer ? (await senderUnits(db, p)).map((u) => ({ id: u.id, name: u.name })) : [],
		responses: answering ? await listResponses(db, p) : []
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			const input = parse(surveyInput, { orgUnitId: v.orgUnitId, title: v.title ?? '', description: v.description ?? '', template: v.template === 'it_readiness' ? 'it_readiness' : undefined });
			id = (await createSurvey(getContext().db, p, input)).id;
		} catch (e) {
			return formFailure(e, v, 'create');
		}
		redirect(303, `/programs/surveys/${id}`);
	},
	template: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createSurvey(getContext().db, p, parse(surveyInput, { orgUnitId: v.orgUnitId, template: 'it_readiness' }))).id;
		} catch (e) {
			return formFailure(e, v, 'template');
		}
		redirect(303, `/programs/surveys/${id}`);
	}
};
