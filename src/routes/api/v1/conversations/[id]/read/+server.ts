import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { markRead } from '#lib/server/messaging/service';

export const POST = endpoint({}, async ({ db, p, event }) => {
	await markRead(db, p, parse(idParam, event.params).id);
});
