import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { feedbackInput } from '#lib/server/learning/projects-inputs';
import { giveFeedback } from '#lib/server/learning/projects';

const params = z.object({ id: z.uuid(), milestoneId: z.uuid() });
export const POST = endpoint({ body: feedbackInput, status: 201 }, ({ db, p, event, body }) => {
	const { id, milestoneId } = parse(params, event.params);
	return giveFeedback(db, p, id, milestoneId, body);
});
