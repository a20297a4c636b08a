import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { milestoneInput } from '#lib/server/programs/pilot-inputs';
import { addMilestone } from '#lib/server/programs/pilot-service';

export const POST = endpoint({ body: milestoneInput, status: 201 }, ({ db, p, event, body }) => addMilestone(db, p, parse(idParam, event.params).id, body));
