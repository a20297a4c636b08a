import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { cancelRegistration } from '#lib/server/events/service';

const params = z.object({ id: z.uuid(), personId: z.uuid() });
export const DELETE = endpoint({}, ({ db, p, event }) => {
	const { id, personId } = parse(params, event.params);
	return cancelRegistration(db, p, id, personId);
});
