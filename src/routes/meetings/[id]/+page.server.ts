import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { meetingResponseInput } from '#lib/server/events/inputs';
import { cancelMeeting, getMeeting, respondToMeeting } from '#lib/server/events/meetings';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return orErrorPage(() => getMeeting(getContext().db, p, idOr404(event.params.id)));
};

export const actions: Actions = {
	respond: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await respondToMeeting(getContext().db, p, idOr404(event.params.id), parse(meetingResponseInput, { response: v.response }).response);
		} catch (e) {
			return pageFailure(e, v, 'respond');
		}
		return { done: 'respond' };
	},
	cancel: async (event) => {
		const p = requirePrincipal(event);
		try {
			await cancelMeeting(getContext().db, p, idOr404(event.params.id));
		} catch (e) {
			return pageFailure(e, {}, 'cancel');
		}
		return { done: 'cancel' };
	}
};
