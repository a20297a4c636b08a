import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { narrativeInput } from '#lib/server/programs/report-inputs';
import { getReport, saveNarrative } from '#lib/server/programs/report-service';

export const GET = endpoint({}, ({ db, p, event }) => getReport(db, p, parse(idParam, event.params).id));
export const PUT = endpoint({ body: narrativeInput }, ({ db, p, event, body }) => saveNarrative(db, p, parse(idParam, event.params).id, body));
