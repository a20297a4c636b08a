import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { subjectPatch } from '#lib/server/organisations/inputs';
import { updateSubject } from '#lib/server/organisations/service';

export const PATCH = endpoint({ body: subjectPatch }, ({ db, p, body, event }) => updateSubject(db, p, parse(idParam, event.params).id, body));
