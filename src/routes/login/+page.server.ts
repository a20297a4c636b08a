import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { parse, formObject } from '#lib/server/http/validate';
import { formFailure, safeRedirectTarget } from '#lib/server/http/pages';
import { loginInput } from '#lib/server/auth/inputs';
import { createSession, login } from '#lib/server/auth/service';
import { setSessionCookie } from '#lib/server/auth/cookies';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.principal) redirect(303, safeRedirectTarget(url.searchParams.get('next')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const values = formObject(await request.formData());
		try {
			const input = parse(loginInput, values);
			const { db, config } = getContext();
			const account = await login(db, input.username, input.password);
			const session = await createSession(db, account.id, config.SESSION_DAYS);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
		} catch (e) {
			return formFailure(e, values);
		}
		redirect(303, safeRedirectTarget(url.searchParams.get('next')));
	}
};
