import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { withdraw } from '#lib/server/programs/training-service';

const params = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export const DELETE = endpoint({}, ({ db, p, event }) => {
	const { id, enrolmentId } = parse(params, event.params);
	return withdraw(db, p, id, enrolmentId);
});
