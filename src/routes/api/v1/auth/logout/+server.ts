import { endpoint } from '#lib/server/http/api';
import { deleteSession } from '#lib/server/auth/service';
import { clearSessionCookie, SESSION_COOKIE } from '#lib/server/auth/cookies';

export const POST = endpoint({ public: true }, async ({ db, event }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) await deleteSession(db, token);
	clearSessionCookie(event.cookies);
	return undefined;
});
