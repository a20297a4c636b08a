import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { blockMoveInput } from '#lib/server/learning/elearning-inputs';
import { moveBlock, removeBlock } from '#lib/server/learning/elearning';

const params = z.object({ id: z.uuid(), blockId: z.uuid() });
export const DELETE = endpoint({}, async ({ db, p, event }) => {
	const { id, blockId } = parse(params, event.params);
	await removeBlock(db, p, id, blockId);
});
export const PATCH = endpoint({ body: blockMoveInput }, ({ db, p, event, body }) => {
	const { id, blockId } = parse(params, event.params);
	return moveBlock(db, p, id, blockId, body.by);
});
