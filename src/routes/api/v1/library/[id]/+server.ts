import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getItem, withdrawItem } from '#lib/server/learning/library';

export const GET = endpoint({}, ({ db, p, event }) => getItem(db, p, parse(idParam, event.params).id));
export const DELETE = endpoint({}, async ({ db, p, event }) => {
	await withdrawItem(db, p, parse(idParam, event.params).id);
});
