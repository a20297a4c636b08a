import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { pilotSitePatch } from '#lib/server/programs/pilot-inputs';
import { getSite, updateSite } from '#lib/server/programs/pilot-service';

export const GET = endpoint({}, ({ db, p, event }) => getSite(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: pilotSitePatch }, ({ db, p, event, body }) => updateSite(db, p, parse(idParam, event.params).id, body));
