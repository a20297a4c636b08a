import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { pdfResponse } from '#lib/server/platform/pdf';
import { getReport } from '#lib/server/programs/report-service';
import { reportPdf } from '#lib/server/programs/report-export';
import { reportDashboard } from '#lib/server/programs/dashboard-service';
import { drawDashboardCharts } from '#lib/server/programs/dashboard-views';

// The report with the dashboard's charts of the same school, unit or city as they stood at the
// end of the report's period (or today, while it runs): a Quý III report charts Quý III's usage,
// the term in effect on 30/9 and the readiness answered by then.
export const GET = endpoint({}, async ({ db, p, event }) => {
	const report = await getReport(db, p, parse(idParam, event.params).id);
	const dashboard = await reportDashboard(db, report.path, new Date(report.periodTo));
	return pdfResponse(await reportPdf(report, { drawCharts: dashboard ? (doc) => void (doc.y = drawDashboardCharts(doc, dashboard, doc.y)) : undefined }));
});
