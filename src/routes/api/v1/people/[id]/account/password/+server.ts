import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { adminResetInput } from '#lib/server/auth/inputs';
import { resetPersonPassword } from '#lib/server/people/service';

/** An administrator or the person's school leader sets a new password (and unlocks the account). */
export const POST = endpoint({ body: adminResetInput }, async ({ db, p, body, event }) => {
	await resetPersonPassword(db, p, parse(idParam, event.params).id, body.newPassword);
	return undefined;
});
