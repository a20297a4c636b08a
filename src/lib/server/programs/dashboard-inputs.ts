import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

/** Which dashboard: none = the caller's own level; `unit` or `school` drills down within it. */
export const dashboardQuery = z
	.object({
		unit: z.uuid().optional(),
		school: z.uuid().optional()
	})
	.refine((q) => !(q.unit && q.school), { path: ['school'], error: () => m.prgdsh_unit_or_school() });
export type DashboardQueryInput = z.infer<typeof dashboardQuery>;

export const DASHBOARD_TABLES = ['usage', 'results', 'units', 'schools', 'readiness'] as const;
