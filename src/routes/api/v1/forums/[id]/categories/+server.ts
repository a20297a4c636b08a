import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { categoryInput } from '#lib/server/community/inputs';
import { addCategory } from '#lib/server/community/forums';

export const POST = endpoint({ body: categoryInput, status: 201 }, ({ db, p, event, body }) => addCategory(db, p, parse(idParam, event.params).id, body));
