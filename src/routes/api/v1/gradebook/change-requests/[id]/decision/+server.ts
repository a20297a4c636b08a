import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { decisionInput } from '#lib/server/gradebook/inputs';
import { decideChange } from '#lib/server/gradebook/service';

export const POST = endpoint({ body: decisionInput }, ({ db, p, event, body }) => decideChange(db, p, parse(idParam, event.params).id, body));
