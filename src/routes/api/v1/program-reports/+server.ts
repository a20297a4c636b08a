import { endpoint } from '#lib/server/http/api';
import { createReportInput, reportsQuery } from '#lib/server/programs/report-inputs';
import { createReport, listReports } from '#lib/server/programs/report-service';

export const GET = endpoint({ query: reportsQuery }, async ({ db, p, query }) => ({ items: await listReports(db, p, query) }));
export const POST = endpoint({ body: createReportInput, status: 201 }, ({ db, p, body }) => createReport(db, p, body));
