import { z } from 'zod';
import { REPORT_STATUSES, REPORT_TEMPLATES } from './report-rules';
import { m } from '#lib/paraglide/messages.js';

const text = z.string().max(20_000);

/** Generate a report: the template, the period key (`2026-11`, `2026-Q4`, `2026`) and the organisation (`school:<id>` or `unit:<id>`). */
export const createReportInput = z.object({
	template: z.enum(REPORT_TEMPLATES),
	period: z.string().trim().min(4).max(10),
	org: z.string().regex(/^(school|unit):[0-9a-f-]{36}$/i)
});
export type CreateReportInput = z.infer<typeof createReportInput>;

/** The narrative sections; any left out keep their text. */
export const narrativeInput = z.object({
	results: text.optional(),
	difficulties: text.optional(),
	proposals: text.optional(),
	nextPlan: text.optional()
});

/** Submitting may carry the narrative's last edit. */
export const submitInput = z.object({ narrative: narrativeInput.optional() }).default({});

/** Accepting (comment optional) or returning (comment required). */
export const decisionInput = z.object({ comment: z.string().trim().max(5000).default('') });

export const reportsQuery = z.object({
	template: z.enum(REPORT_TEMPLATES).optional(),
	period: z.string().max(10).optional(),
	status: z.enum(REPORT_STATUSES).optional()
});
export type ReportsQuery = z.infer<typeof reportsQuery>;

export const figuresQuery = z
	.object({
		path: z.string().regex(/^\/([0-9a-f-]{36}\/)+$/i),
		from: z.iso.datetime({ offset: true }),
		to: z.iso.datetime({ offset: true }),
		template: z.enum(REPORT_TEMPLATES).optional()
	})
	.refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], error: () => m.prgrep_range_bad() });
