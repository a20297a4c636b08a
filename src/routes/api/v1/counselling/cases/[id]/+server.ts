import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { casePatch } from '#lib/server/counselling/inputs';
import { getCase, setCaseStatus } from '#lib/server/counselling/service';

export const GET = endpoint({}, ({ db, p, event }) => getCase(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: casePatch }, ({ db, p, event, body }) => setCaseStatus(db, p, parse(idParam, event.params).id, body.status));
