import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { pdfResponse } from '#lib/server/platform/pdf';
import { getReport } from '#lib/server/programs/report-service';
import { reportPdf } from '#lib/server/programs/report-export';
import { dashboardScopeForPath, loadDashboard } from '#lib/server/programs/dashboard-service';
import { drawDashboardCharts } from '#lib/server/programs/dashboard-views';

// The report with the dashboard's charts of the same school, unit or city (as of their last refresh).
export const GET = endpoint({}, async ({ db, p, event }) => {
	const report = await getReport(db, p, parse(idParam, event.params).id);
	const scope = await dashboardScopeForPath(db, report.path);
	const dashboard = scope ? await loadDashboard(db, scope) : null;
	return pdfResponse(await reportPdf(report, { drawCharts: dashboard ? (doc) => void (doc.y = drawDashboardCharts(doc, dashboard, doc.y)) : undefined }));
});
