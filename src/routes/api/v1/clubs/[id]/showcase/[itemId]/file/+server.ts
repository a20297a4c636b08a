import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { downloadQuery } from '#lib/server/files/inputs';
import { downloadShowcaseFile } from '#lib/server/community/clubs';

const params = z.object({ id: z.uuid(), itemId: z.uuid() });
export const GET = endpoint({ query: downloadQuery }, ({ db, p, event, query }) => {
	const { id, itemId } = parse(params, event.params);
	return downloadShowcaseFile(db, p, id, itemId, query.inline);
});
