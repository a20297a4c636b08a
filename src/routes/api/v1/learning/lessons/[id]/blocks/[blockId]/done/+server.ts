import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { completeBlock } from '#lib/server/learning/elearning';

const params = z.object({ id: z.uuid(), blockId: z.uuid() });
export const PUT = endpoint({}, async ({ db, p, event }) => {
	const { id, blockId } = parse(params, event.params);
	await completeBlock(db, p, id, blockId);
});
