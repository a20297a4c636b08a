import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { orErrorPage } from '#lib/server/organisations/views';
import { dashboardQuery } from '#lib/server/programs/dashboard-inputs';
import { getDashboard } from '#lib/server/programs/dashboard-service';
import { drawDashboardCharts } from '#lib/server/programs/dashboard-views';
import { A4, asciiSlug, pdfResponse, renderPdf, vietnameseDate } from '#lib/server/platform/pdf';
import { m } from '#lib/paraglide/messages.js';

/** The dashboard's charts as a PDF: the same drawing the periodic reports use. */
export const GET: RequestHandler = async (event) => {
	const p = requirePrincipal(event);
	const query = await orErrorPage(async () => parse(dashboardQuery, { unit: event.url.searchParams.get('unit') || undefined, school: event.url.searchParams.get('school') || undefined }));
	const d = await orErrorPage(() => getDashboard(getContext().db, p, query));
	const title = m.prgdsh_pdf_title({ name: d.scope.name });
	const bytes = await renderPdf(title, (doc) => {
		doc.addPage();
		doc.font('bold').fontSize(15).text(title, A4.margin, A4.margin, { width: A4.width - 2 * A4.margin });
		doc.font('italic').fontSize(9).text(`Hà Nội, ${vietnameseDate(new Date())}`);
		drawDashboardCharts(doc, d, doc.y + 14);
	});
	return pdfResponse({ bytes, filename: `bang-dieu-khien-${asciiSlug(d.scope.name)}.pdf` });
};
