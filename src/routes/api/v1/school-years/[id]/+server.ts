import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { schoolYearPatch } from '#lib/server/organisations/inputs';
import { updateSchoolYear } from '#lib/server/organisations/service';

export const PATCH = endpoint({ body: schoolYearPatch }, ({ db, p, body, event }) => updateSchoolYear(db, p, parse(idParam, event.params).id, body));
