import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { pdfResponse } from '#lib/server/platform/pdf';
import { getReport } from '#lib/server/programs/report-service';
import { reportPdf } from '#lib/server/programs/report-export';

export const GET = endpoint({}, async ({ db, p, event }) => pdfResponse(await reportPdf(await getReport(db, p, parse(idParam, event.params).id))));
