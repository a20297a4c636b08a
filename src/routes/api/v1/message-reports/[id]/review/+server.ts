import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { reviewInput } from '#lib/server/messaging/inputs';
import { reviewReport } from '#lib/server/messaging/service';

export const POST = endpoint({ body: reviewInput }, ({ db, p, event, body }) => reviewReport(db, p, parse(idParam, event.params).id, body));
