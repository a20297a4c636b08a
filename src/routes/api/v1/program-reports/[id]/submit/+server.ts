import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { submitInput } from '#lib/server/programs/report-inputs';
import { submitReport } from '#lib/server/programs/report-service';

export const POST = endpoint({ body: submitInput }, ({ db, p, event, body }) => submitReport(db, p, parse(idParam, event.params).id, body.narrative));
