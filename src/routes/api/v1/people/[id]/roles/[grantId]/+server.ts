import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { revokeRole } from '#lib/server/people/service';

const params = z.object({ id: z.uuid(), grantId: z.uuid() });

export const DELETE = endpoint({}, ({ db, p, event }) => {
	const { id, grantId } = parse(params, event.params);
	return revokeRole(db, p, id, grantId);
});
