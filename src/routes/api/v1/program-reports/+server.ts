import { endpoint } from '#lib/server/http/api';
import { createReportInput, reportsQuery } from '#lib/server/programs/report-inputs';
import { createReport, listReports } from '#lib/server/programs/report-service';

/** A page of the reports the caller may read; `next` is the cursor of the following page (null on the last). */
export const GET = endpoint({ query: reportsQuery }, ({ db, p, query }) => listReports(db, p, query));
export const POST = endpoint({ body: createReportInput, status: 201 }, ({ db, p, body }) => createReport(db, p, body));
