import { endpoint } from '#lib/server/http/api';
import { directInput } from '#lib/server/messaging/inputs';
import { listConversations, startDirect } from '#lib/server/messaging/service';

export const GET = endpoint({}, ({ db, p }) => listConversations(db, p));
export const POST = endpoint({ body: directInput, status: 201 }, ({ db, p, body }) => startDirect(db, p, body));
