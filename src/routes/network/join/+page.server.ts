import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { formObject } from '#lib/server/http/validate';
import { register } from '#lib/server/network/service';
import { registrationFromForm } from '#lib/server/network/views';
import { CODE_OF_CONDUCT_VERSION } from '#lib/server/network/rules';
import { pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = () => ({ cocVersion: CODE_OF_CONDUCT_VERSION });

export const actions: Actions = {
	/** Public: the same answer whether or not the email already has an account. */
	default: async (event) => {
		const form = await event.request.formData();
		const v = formObject(form);
		try {
			await register(getContext().db, registrationFromForm(form, v));
		} catch (e) {
			return pageFailure(e, { codeOfConduct: '', ...v, offers: form.getAll('offers').join(',') }, 'join');
		}
		return { received: true };
	}
};
