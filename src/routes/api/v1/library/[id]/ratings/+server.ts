import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { ratingInput } from '#lib/server/learning/library-inputs';
import { rateItem } from '#lib/server/learning/library';

export const PUT = endpoint({ body: ratingInput }, ({ db, p, event, body }) => rateItem(db, p, parse(idParam, event.params).id, body));
