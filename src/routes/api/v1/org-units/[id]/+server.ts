import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { orgUnitPatch } from '#lib/server/organisations/inputs';
import { deleteOrgUnit, getOrgUnit, updateOrgUnit } from '#lib/server/organisations/service';

export const GET = endpoint({}, ({ db, p, event }) => getOrgUnit(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: orgUnitPatch }, ({ db, p, body, event }) => updateOrgUnit(db, p, parse(idParam, event.params).id, body));
export const DELETE = endpoint({}, ({ db, p, event }) => deleteOrgUnit(db, p, parse(idParam, event.params).id));
