import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { parse, formObject } from '#lib/server/http/validate';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { changePasswordInput, tokenInput } from '#lib/server/auth/inputs';
import { changePassword, createApiToken, listApiTokens, revokeApiToken } from '#lib/server/auth/service';
import { idParam } from '#lib/server/http/queries';
import { nameGrants } from '#lib/server/auth/scope-names';
import { SESSION_COOKIE } from '#lib/server/auth/cookies';
import { ValidationError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';
import { mayEver } from '#lib/server/auth/policy';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const [grants, tokens] = await Promise.all([nameGrants(db, p), listApiTokens(db, p)]);
	return {
		person: { name: p.displayName, username: p.username },
		tokens: tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null })),
		grants: grants.map((g) => ({ role: g.role, scopeType: g.scopeType, names: g.names })),
		outbox: mayEver(p, 'read', 'outbox')
	};
};

export const actions: Actions = {
	password: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		try {
			const input = parse(changePasswordInput, values);
			if (input.newPassword !== (values.confirmPassword ?? ''))
				throw new ValidationError(m.ui_password_mismatch(), [{ path: 'confirmPassword', message: m.ui_password_mismatch() }]);
			await changePassword(getContext().db, p, input.currentPassword, input.newPassword, event.cookies.get(SESSION_COOKIE));
		} catch (e) {
			return formFailure(e, values, 'password');
		}
		return { passwordChanged: true as const };
	},
	token: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		try {
			const input = parse(tokenInput, values);
			const created = await createApiToken(getContext().db, p, input.name);
			return { token: { name: input.name, value: created.token } };
		} catch (e) {
			return formFailure(e, values, 'token');
		}
	},
	revokeToken: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		try {
			const { id } = parse(idParam, values);
			const token = (await listApiTokens(getContext().db, p)).find((t) => t.id === id);
			await revokeApiToken(getContext().db, p, id);
			return { revoked: { name: token?.name ?? '' } };
		} catch (e) {
			return formFailure(e, values, 'revokeToken');
		}
	}
};
