import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { pilotModelPatch } from '#lib/server/programs/pilot-inputs';
import { getModel, updateModel } from '#lib/server/programs/pilot-service';

export const GET = endpoint({}, ({ db, p, event }) => getModel(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: pilotModelPatch }, ({ db, p, event, body }) => updateModel(db, p, parse(idParam, event.params).id, body));
