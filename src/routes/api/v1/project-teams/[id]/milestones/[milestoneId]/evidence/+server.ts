import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { evidenceInput } from '#lib/server/learning/projects-inputs';
import { postEvidence } from '#lib/server/learning/projects';

const params = z.object({ id: z.uuid(), milestoneId: z.uuid() });
export const POST = endpoint({ body: evidenceInput, status: 201 }, ({ db, p, event, body }) => {
	const { id, milestoneId } = parse(params, event.params);
	return postEvidence(db, p, id, milestoneId, body);
});
