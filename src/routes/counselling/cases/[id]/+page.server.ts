import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { casePatch, messageInput } from '#lib/server/counselling/inputs';
import { caseThread, postMessage, setCaseStatus } from '#lib/server/counselling/service';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

/** Opening the page is a read of the case's content: caseThread audits it. */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return { thread: await orErrorPage(() => caseThread(getContext().db, p, idOr404(event.params.id))) };
};

async function run(event: RequestEvent, name: string, work: (id: string, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const v = formObject(await event.request.formData());
	try {
		await work(id, v);
	} catch (e) {
		return pageFailure(e, v, name);
	}
	return { done: name };
}

export const actions: Actions = {
	reply: (event) => run(event, 'reply', (id, v) => postMessage(getContext().db, event.locals.principal!, id, parse(messageInput, { body: v.body }).body)),
	move: (event) => run(event, 'move', (id, v) => setCaseStatus(getContext().db, event.locals.principal!, id, parse(casePatch, { status: v.status }).status))
};
