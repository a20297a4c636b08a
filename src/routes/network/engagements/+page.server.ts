import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject } from '#lib/server/http/validate';
import { answerEngagement, listEngagements, recordOutcome } from '#lib/server/network/service';
import { answerFromForm, outcomeFromForm } from '#lib/server/network/views';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'engagement')) error(403, m.ui_error_forbidden());
	return { engagements: await orErrorPage(() => listEngagements(getContext().db, p, {})) };
};

async function run(event: RequestEvent, name: string, work: (id: string, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const v = formObject(await event.request.formData());
	const id = idOr404(v.id ?? '');
	try {
		await work(id, v);
	} catch (e) {
		// An empty outcome is the rule's to explain, not "fill this in".
		return pageFailure(e, { outcome: '', ...v }, `${name}:${id}`);
	}
	return { done: name };
}

export const actions: Actions = {
	answer: (event) => run(event, 'answer', (id, v) => answerEngagement(getContext().db, event.locals.principal!, id, answerFromForm(v))),
	outcome: (event) => run(event, 'outcome', (id, v) => recordOutcome(getContext().db, event.locals.principal!, id, outcomeFromForm(v)))
};
