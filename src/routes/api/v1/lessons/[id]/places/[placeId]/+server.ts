import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { unlinkLessonPlace } from '#lib/server/learning/places';

const params = z.object({ id: z.uuid(), placeId: z.uuid() });
export const DELETE = endpoint({}, async ({ db, p, event }) => {
	const { id, placeId } = parse(params, event.params);
	await unlinkLessonPlace(db, p, id, placeId);
});
