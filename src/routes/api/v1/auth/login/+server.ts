import { endpoint } from '#lib/server/http/api';
import { loginInput } from '#lib/server/auth/inputs';
import { createSession, loadPrincipal, login } from '#lib/server/auth/service';
import { setSessionCookie } from '#lib/server/auth/cookies';
import { presentPrincipal } from '#lib/server/auth/present';
import { getContext } from '#lib/server/context';

export const POST = endpoint({ body: loginInput, public: true }, async ({ db, body, event }) => {
	const account = await login(db, body.username, body.password);
	const session = await createSession(db, account.id, getContext().config.SESSION_DAYS);
	setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
	const p = await loadPrincipal(db, account.id, 'session');
	return presentPrincipal(p!);
});
