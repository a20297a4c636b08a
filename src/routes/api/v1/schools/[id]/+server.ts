import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { schoolPatch } from '#lib/server/organisations/inputs';
import { getSchool, updateSchool } from '#lib/server/organisations/service';

export const GET = endpoint({}, ({ db, p, event }) => getSchool(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: schoolPatch }, ({ db, p, body, event }) => updateSchool(db, p, parse(idParam, event.params).id, body));
