import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { suspensionInput } from '#lib/server/network/inputs';
import { getMember, listEngagements, requestEngagement, suspend, vet } from '#lib/server/network/service';
import { engagementFromForm, vettingFromForm } from '#lib/server/network/views';
import { projectClasses } from '#lib/server/learning/projects';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const member = await orErrorPage(() => getMember(db, p, id));
	const [history, classes] = await Promise.all([mayEver(p, 'read', 'engagement') ? listEngagements(db, p, { memberId: id }) : [], member.mayRequest ? projectClasses(db, p) : []]);
	return { member, history, classes };
};

/** Runs one form; an unticked checkbox is kept as '' so the rule's own message shows, not "fill this in". */
async function run(event: RequestEvent, name: string, work: (id: string, v: Record<string, string | undefined>) => Promise<unknown>, unticked: string[] = []) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const v = formObject(await event.request.formData());
	try {
		await work(id, v);
	} catch (e) {
		return pageFailure(e, { ...Object.fromEntries(unticked.map((k) => [k, ''])), ...v }, name);
	}
	return { done: name };
}

export const actions: Actions = {
	vet: (event) => run(event, 'vet', (id, v) => vet(getContext().db, event.locals.principal!, id, vettingFromForm(v)), ['identityChecked', 'codeOfConductConfirmed', 'backgroundCheckedOn']),
	suspend: (event) => run(event, 'suspend', (id, v) => suspend(getContext().db, event.locals.principal!, id, parse(suspensionInput, { note: v.note }))),
	request: (event) => run(event, 'request', (id, v) => requestEngagement(getContext().db, event.locals.principal!, engagementFromForm(id, v)))
};
