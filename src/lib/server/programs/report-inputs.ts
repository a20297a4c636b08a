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

/**
 * Where a page of the reports list ends (keyset paging): the last row's place in the list's order
 * — near (the caller's own or sent to them) before the rest, then newest period, template, path.
 * (template, period, path) is unique, so the order is total and no row is skipped or repeated.
 */
export interface ReportCursor {
	/** 0: the caller's own and those sent to them; 1: the others. */
	rank: 0 | 1;
	/** periodFrom as an ISO instant. */
	from: string;
	template: (typeof REPORT_TEMPLATES)[number];
	path: string;
}

// The instant's year from 1 on: zod's ISO form admits year 0000, which PostgreSQL's timestamptz
// refuses (a 500 from a forged cursor instead of the 400 below).
const cursorInstant = z.iso.datetime().refine((s) => Number(s.slice(0, 4)) >= 1);
const cursorTuple = z.tuple([z.union([z.literal(0), z.literal(1)]), cursorInstant, z.enum(REPORT_TEMPLATES), z.string().regex(/^\/([0-9a-f-]{36}\/)+$/i)]);

/** The opaque `next` of a reports page (base64url of the row's place). */
export const encodeReportCursor = (c: ReportCursor) => Buffer.from(JSON.stringify([c.rank, c.from, c.template, c.path])).toString('base64url');

/** The place a `cursor` names, or null when it is not one `encodeReportCursor` made. */
export function decodeReportCursor(s: string): ReportCursor | null {
	try {
		const t = cursorTuple.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
		return t.success ? { rank: t.data[0], from: t.data[1], template: t.data[2], path: t.data[3] } : null;
	} catch {
		return null;
	}
}

/** The reports list's page size unless `limit` says otherwise (the page shows this many). */
export const REPORTS_PAGE_SIZE = 50;

export const reportsQuery = z.object({
	template: z.enum(REPORT_TEMPLATES).optional(),
	period: z.string().max(10).optional(),
	status: z.enum(REPORT_STATUSES).optional(),
	/** The `next` of the previous page; absent for the first page. */
	cursor: z
		.string()
		.max(1000)
		.transform((s, ctx) => decodeReportCursor(s) ?? (ctx.addIssue({ code: 'custom', message: m.prgrep_cursor_bad() }), z.NEVER))
		.optional(),
	limit: z.coerce.number().int().min(1).max(200).default(REPORTS_PAGE_SIZE)
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
