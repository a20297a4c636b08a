import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { reviewInput } from '#lib/server/messaging/inputs';
import { listReports, reviewReport } from '#lib/server/messaging/service';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'message_report')) error(403, m.ui_error_forbidden());
	return { reports: await orErrorPage(() => listReports(getContext().db, p, {})) };
};

export const actions: Actions = {
	review: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await reviewReport(getContext().db, p, idOr404(v.reportId ?? ''), parse(reviewInput, { decision: v.decision }));
		} catch (e) {
			return pageFailure(e, v, 'review');
		}
		return { done: 'review' };
	}
};
