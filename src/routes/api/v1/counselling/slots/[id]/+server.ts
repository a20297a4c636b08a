import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { deleteSlot } from '#lib/server/counselling/service';

export const DELETE = endpoint({}, async ({ db, p, event }) => {
	await deleteSlot(db, p, parse(idParam, event.params).id);
});
