import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { announcementInput, committeeMemberInput } from '#lib/server/community/inputs';
import { announce, getCommittee, setCommitteeMember } from '#lib/server/community/committees';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return { committee: await orErrorPage(() => getCommittee(getContext().db, p, idOr404(event.params.id))) };
};

export const actions: Actions = {
	member: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await setCommitteeMember(getContext().db, p, idOr404(event.params.id), parse(committeeMemberInput, { personId: v.personId, role: v.role }));
		} catch (e) {
			return pageFailure(e, v, 'member');
		}
		return { done: 'member' };
	},
	announce: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await announce(getContext().db, p, idOr404(event.params.id), parse(announcementInput, { title: v.title, body: v.body }));
		} catch (e) {
			return pageFailure(e, v, 'announce');
		}
		return { done: 'announce' };
	}
};
