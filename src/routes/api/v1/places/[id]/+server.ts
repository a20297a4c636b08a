import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { placeInput } from '#lib/server/learning/projects-inputs';
import { getPlace, updatePlace } from '#lib/server/learning/places';

export const GET = endpoint({}, ({ db, p, event }) => getPlace(db, p, parse(idParam, event.params).id));
export const PUT = endpoint({ body: placeInput }, ({ db, p, event, body }) => updatePlace(db, p, parse(idParam, event.params).id, body));
