import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { threadInput } from '#lib/server/community/inputs';
import { createThread } from '#lib/server/community/forums';

export const POST = endpoint({ body: threadInput, status: 201 }, ({ db, p, event, body }) => createThread(db, p, parse(idParam, event.params).id, body));
