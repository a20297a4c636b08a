import { endpoint } from '#lib/server/http/api';
import { changePasswordInput } from '#lib/server/auth/inputs';
import { changePassword } from '#lib/server/auth/service';
import { SESSION_COOKIE } from '#lib/server/auth/cookies';

/** Change one's own password; other sessions end. */
export const POST = endpoint({ body: changePasswordInput }, async ({ db, p, body, event }) => {
	await changePassword(db, p, body.currentPassword, body.newPassword, event.cookies.get(SESSION_COOKIE));
	return undefined;
});
