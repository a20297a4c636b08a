import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { unsubscribePush } from '#lib/server/notifications/preferences';
import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

export const DELETE = endpoint({}, async ({ db, p, event }) => {
	if (!(await unsubscribePush(db, p, parse(idParam, event.params).id))) throw new NotFoundError(m.error_not_found());
});
