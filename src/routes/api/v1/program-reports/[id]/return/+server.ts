import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { decisionInput } from '#lib/server/programs/report-inputs';
import { decideReport } from '#lib/server/programs/report-service';

export const POST = endpoint({ body: decisionInput }, ({ db, p, event, body }) => decideReport(db, p, parse(idParam, event.params).id, 'return', body.comment));
