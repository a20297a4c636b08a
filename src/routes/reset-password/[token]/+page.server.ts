import type { Actions } from './$types';
import { getContext } from '#lib/server/context';
import { formObject } from '#lib/server/http/validate';
import { formFailure } from '#lib/server/http/pages';
import { ValidationError } from '#lib/server/errors';
import { completePasswordReset } from '#lib/server/auth/service';
import { m } from '#lib/paraglide/messages.js';

export const actions: Actions = {
	default: async ({ request, params }) => {
		const values = formObject(await request.formData());
		try {
			const next = values.newPassword ?? '';
			if (next !== (values.confirmPassword ?? ''))
				throw new ValidationError(m.ui_password_mismatch(), [{ path: 'confirmPassword', message: m.ui_password_mismatch() }]);
			await completePasswordReset(getContext().db, params.token, next);
		} catch (e) {
			return formFailure(e, values);
		}
		return { done: true };
	}
};
