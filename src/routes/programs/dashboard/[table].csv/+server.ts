import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { orErrorPage } from '#lib/server/organisations/views';
import { DASHBOARD_TABLES, dashboardQuery } from '#lib/server/programs/dashboard-inputs';
import { getDashboard } from '#lib/server/programs/dashboard-service';
import { dashboardSections, tableCsv } from '#lib/server/programs/dashboard-views';
import { asciiSlug } from '#lib/server/platform/pdf';
import { m } from '#lib/paraglide/messages.js';

/** A dashboard section's data table as .csv (UTF-8 with BOM), under the same scope rule as the page. */
export const GET: RequestHandler = async (event) => {
	const p = requirePrincipal(event);
	const table = event.params.table as (typeof DASHBOARD_TABLES)[number];
	if (!DASHBOARD_TABLES.includes(table)) error(404, m.error_not_found());
	const query = await orErrorPage(async () => parse(dashboardQuery, { unit: event.url.searchParams.get('unit') || undefined, school: event.url.searchParams.get('school') || undefined }));
	const d = await orErrorPage(() => getDashboard(getContext().db, p, query));
	const section = dashboardSections(d).find((s) => s.key === table);
	if (!section) error(404, m.error_not_found());
	return new Response(tableCsv(section.table), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${table}-${asciiSlug(d.scope.name)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
