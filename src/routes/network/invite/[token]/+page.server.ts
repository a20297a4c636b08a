import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { formObject } from '#lib/server/http/validate';
import { AppError } from '#lib/server/errors';
import { acceptInvitation, invitation } from '#lib/server/network/service';
import { invitationFromForm } from '#lib/server/network/views';
import { CODE_OF_CONDUCT_VERSION } from '#lib/server/network/rules';
import { pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async ({ params }) => {
	try {
		return { invitation: await invitation(getContext().db, params.token), cocVersion: CODE_OF_CONDUCT_VERSION };
	} catch (e) {
		if (e instanceof AppError) error(e.status, e.message);
		throw e;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const v = formObject(form);
		try {
			await acceptInvitation(getContext().db, event.params.token, invitationFromForm(form, v));
		} catch (e) {
			return pageFailure(e, { codeOfConduct: '', ...v, offers: form.getAll('offers').join(',') }, 'invite');
		}
		return { accepted: true };
	}
};
