import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { postModeration } from '#lib/server/community/inputs';
import { moderatePost } from '#lib/server/community/forums';

export const PATCH = endpoint({ body: postModeration }, ({ db, p, event, body }) => moderatePost(db, p, parse(idParam, event.params).id, body));
