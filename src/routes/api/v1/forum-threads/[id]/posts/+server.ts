import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { replyInput } from '#lib/server/community/inputs';
import { replyToThread } from '#lib/server/community/forums';

export const POST = endpoint({ body: replyInput, status: 201 }, ({ db, p, event, body }) => replyToThread(db, p, parse(idParam, event.params).id, body));
