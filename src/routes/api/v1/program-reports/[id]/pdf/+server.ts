import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { pdfResponse } from '#lib/server/platform/pdf';
import { getReport } from '#lib/server/programs/report-service';
import { reportPdf } from '#lib/server/programs/report-export';
import { dashboardScopeForPath, loadDashboard } from '#lib/server/programs/dashboard-service';
import { drawDashboardCharts } from '#lib/server/programs/dashboard-views';

// The report with the dashboard's charts of the same school, unit or city, as of the report's
// period: its last day (or today, while the period runs), so a Quý III report charts Quý III.
export const GET = endpoint({}, async ({ db, p, event }) => {
	const report = await getReport(db, p, parse(idParam, event.params).id);
	const scope = await dashboardScopeForPath(db, report.path);
	const asOf = new Date(Math.min(Date.now(), Date.parse(report.periodTo) - 1));
	const dashboard = scope ? await loadDashboard(db, scope, asOf) : null;
	return pdfResponse(await reportPdf(report, { drawCharts: dashboard ? (doc) => void (doc.y = drawDashboardCharts(doc, dashboard, doc.y)) : undefined }));
});
