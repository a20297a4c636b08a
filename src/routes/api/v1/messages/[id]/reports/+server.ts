import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { reportInput } from '#lib/server/messaging/inputs';
import { reportMessage } from '#lib/server/messaging/service';

export const POST = endpoint({ body: reportInput, status: 201 }, ({ db, p, event, body }) => reportMessage(db, p, parse(idParam, event.params).id, body));
