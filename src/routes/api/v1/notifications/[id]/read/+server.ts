import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { markRead } from '#lib/server/notifications/service';
import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

/** Someone else's notification is, to the caller, one that does not exist. */
export const POST = endpoint({}, async ({ db, p, event }) => {
	if (!(await markRead(db, p.personId, parse(idParam, event.params).id))) throw new NotFoundError(m.error_not_found());
});
