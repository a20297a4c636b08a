import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { personPatch } from '#lib/server/people/inputs';
import { deletePerson, getPersonDetail, updatePerson } from '#lib/server/people/service';

export const GET = endpoint({}, ({ db, p, event }) => getPersonDetail(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: personPatch }, ({ db, p, body, event }) => updatePerson(db, p, parse(idParam, event.params).id, body));
export const DELETE = endpoint({}, ({ db, p, event }) => deletePerson(db, p, parse(idParam, event.params).id));
