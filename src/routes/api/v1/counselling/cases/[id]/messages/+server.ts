import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { messageInput } from '#lib/server/counselling/inputs';
import { listMessages, postMessage } from '#lib/server/counselling/service';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await listMessages(db, p, parse(idParam, event.params).id) }));
export const POST = endpoint({ body: messageInput, status: 201 }, ({ db, p, event, body }) => postMessage(db, p, parse(idParam, event.params).id, body.body));
