import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { revokeApiToken } from '#lib/server/auth/service';

/** Revoke one of the caller's own tokens; it stops working at once. */
export const DELETE = endpoint({}, async ({ db, p, event }) => {
	await revokeApiToken(db, p, parse(idParam, event.params).id);
	return undefined;
});
