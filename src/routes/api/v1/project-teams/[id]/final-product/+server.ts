import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { finalProductInput } from '#lib/server/learning/projects-inputs';
import { setFinalProduct } from '#lib/server/learning/projects';

export const PUT = endpoint({ body: finalProductInput }, ({ db, p, event, body }) => setFinalProduct(db, p, parse(idParam, event.params).id, body));
