import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { orErrorPage } from '#lib/server/organisations/views';
import { outboxQuery } from '#lib/server/notifications/inputs';
import { outboxView, retryMessage } from '#lib/server/notifications/dead-letter';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const q = outboxQuery.safeParse(Object.fromEntries(event.url.searchParams));
	const status = q.success ? q.data.status : 'dead';
	return { status, ...(await orErrorPage(() => outboxView(getContext().db, p, status))) };
};

export const actions: Actions = {
	retry: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		try {
			const { id } = parse(idParam, values);
			await retryMessage(getContext().db, p, id);
		} catch (e) {
			return formFailure(e, {}, 'retry');
		}
		return { retried: true as const };
	}
};
