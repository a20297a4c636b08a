import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { classPatch } from '#lib/server/organisations/inputs';
import { getClass, updateClass } from '#lib/server/organisations/service';

export const GET = endpoint({}, ({ db, p, event }) => getClass(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: classPatch }, ({ db, p, body, event }) => updateClass(db, p, parse(idParam, event.params).id, body));
