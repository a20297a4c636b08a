import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { subjectGroupPatch } from '#lib/server/organisations/inputs';
import { updateSubjectGroup } from '#lib/server/organisations/service';

export const PATCH = endpoint({ body: subjectGroupPatch }, ({ db, p, body, event }) => updateSubjectGroup(db, p, parse(idParam, event.params).id, body));
