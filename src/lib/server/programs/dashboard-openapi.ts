import { dashboardQuery } from './dashboard-inputs';

/** The dashboard routes as /api/v1/openapi.json lists them. */
export const dashboardRouteDocs = [
	{
		method: 'get',
		path: '/dashboard',
		summary:
			'The program dashboard of the caller’s level (school leader: their school; unit officer: their management unit; city officer: the city), or with unit or school a drill-down within their scope (outside it: 404). Figures from the pre-aggregated daily rows (job dashboard-stats): active people per week by kind, the distribution of subject term averages by score band, key counts per management unit (schools.org_unit_id), the schools of a unit, and the IT-readiness table when the surveys part provides it (else null)',
		tag: 'programs',
		query: dashboardQuery
	}
] as const;
