import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { milestoneInput } from '#lib/server/learning/projects-inputs';
import { addMilestone } from '#lib/server/learning/projects';

export const POST = endpoint({ body: milestoneInput, status: 201 }, ({ db, p, event, body }) => addMilestone(db, p, parse(idParam, event.params).id, body));
