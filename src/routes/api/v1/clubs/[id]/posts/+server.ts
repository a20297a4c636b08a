import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { clubPostInput } from '#lib/server/community/inputs';
import { addClubPost } from '#lib/server/community/clubs';

export const POST = endpoint({ body: clubPostInput, status: 201 }, ({ db, p, event, body }) => addClubPost(db, p, parse(idParam, event.params).id, body));
