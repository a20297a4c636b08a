import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getContext } from '#lib/server/context';
import { deleteSession } from '#lib/server/auth/service';
import { clearSessionCookie, SESSION_COOKIE } from '#lib/server/auth/cookies';

export const actions: Actions = {
	default: async ({ cookies }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await deleteSession(getContext().db, token);
		clearSessionCookie(cookies);
		redirect(303, '/login');
	}
};
