import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { activityInput } from '#lib/server/community/inputs';
import { addActivity } from '#lib/server/community/clubs';

export const POST = endpoint({ body: activityInput, status: 201 }, ({ db, p, event, body }) => addActivity(db, p, parse(idParam, event.params).id, body));
