import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { deleteSession } from '#lib/server/programs/training-service';

const params = z.object({ id: z.uuid(), sessionId: z.uuid() });
export const DELETE = endpoint({}, ({ db, p, event }) => {
	const { id, sessionId } = parse(params, event.params);
	return deleteSession(db, p, id, sessionId);
});
