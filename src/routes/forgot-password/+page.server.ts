import type { Actions } from './$types';
import { getContext } from '#lib/server/context';
import { parse, formObject } from '#lib/server/http/validate';
import { formFailure } from '#lib/server/http/pages';
import { resetRequestInput } from '#lib/server/auth/inputs';
import { requestPasswordReset } from '#lib/server/auth/service';

export const actions: Actions = {
	// Always the same answer, so the form does not reveal who has an account.
	default: async ({ request }) => {
		const values = formObject(await request.formData());
		try {
			const input = parse(resetRequestInput, values);
			const { db, config } = getContext();
			await requestPasswordReset(db, input.username, config.publicUrl);
		} catch (e) {
			return formFailure(e, values);
		}
		return { sent: true };
	}
};
