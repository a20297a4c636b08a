import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { orErrorPage } from '#lib/server/organisations/views';
import { dashboardQuery } from '#lib/server/programs/dashboard-inputs';
import { dashboardScopeForPath, getDashboard } from '#lib/server/programs/dashboard-service';
import { dashboardSections, presentSection } from '#lib/server/programs/dashboard-views';
import { can } from '#lib/server/auth/policy';
import { formatDateTime, formatDate } from '#lib/format';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const query = await orErrorPage(async () => parse(dashboardQuery, { unit: event.url.searchParams.get('unit') || undefined, school: event.url.searchParams.get('school') || undefined }));
	const d = await orErrorPage(() => getDashboard(db, p, query));
	const qs = query.school ? `?school=${query.school}` : query.unit ? `?unit=${query.unit}` : '';
	// "Up one level": the unit over a school or the city over a unit, when the caller may see it.
	let up: { href: string; name: string } | null = null;
	if (query.unit || query.school) {
		const parentPath = d.scope.path.replace(/[^/]+\/$/, '');
		const parent = parentPath.length > 1 ? await dashboardScopeForPath(db, parentPath) : null;
		if (parent && can(p, 'read', 'program_dashboard', { path: parent.path })) {
			const own = p.grants.some((g) => g.scopePath === parent.path);
			up = { href: own ? '/programs/dashboard' : `/programs/dashboard?unit=${parent.id}`, name: parent.name };
		}
	}
	return {
		scope: d.scope,
		asOf: d.day ? { day: formatDate(d.day), time: formatDateTime(d.refreshedAt) } : null,
		sections: dashboardSections(d).map((s) => presentSection(s, qs)),
		pdf: `/programs/dashboard/charts.pdf${qs}`,
		up
	};
};
