import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { threadModeration } from '#lib/server/community/inputs';
import { getThread, moderateThread } from '#lib/server/community/forums';

export const GET = endpoint({}, ({ db, p, event }) => getThread(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: threadModeration }, ({ db, p, event, body }) => moderateThread(db, p, parse(idParam, event.params).id, body));
