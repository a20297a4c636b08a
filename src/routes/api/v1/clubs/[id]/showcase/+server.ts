import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { showcaseInput } from '#lib/server/community/inputs';
import { addShowcaseItem } from '#lib/server/community/clubs';

export const POST = endpoint({ body: showcaseInput, status: 201 }, ({ db, p, event, body }) => addShowcaseItem(db, p, parse(idParam, event.params).id, body));
