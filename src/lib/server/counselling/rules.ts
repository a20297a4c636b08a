/**
 * Pure rules of school counselling (tư vấn học đường, Thông tư 31/2017/TT-BGDĐT): the case
 * categories, turning a counsellor's "from 14:00, 4 slots of 30 minutes" into slots, when an online
 * room opens, and how the leader's statistics hide small numbers.
 */

/** Nội dung tư vấn (TT 31/2017 Điều 4): study, careers, emotions, relationships, health, safeguarding, other. */
export const CASE_CATEGORIES = ['study', 'careers', 'emotions', 'relationships', 'health', 'safeguarding', 'other'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const SLOT_MODES = ['in_person', 'online'] as const;
export type SlotMode = (typeof SLOT_MODES)[number];

/** Vietnam's offset (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
const VN_OFFSET_MS = 7 * 3600_000;

export interface SlotPlan {
	/** yyyy-mm-dd in Vietnam. */
	date: string;
	/** hh:mm in Vietnam. */
	time: string;
	minutes: number;
	count: number;
	/** Minutes between two slots. */
	gapMinutes?: number;
}

/** Consecutive slots from the date and time given in Vietnam: `count` slots of `minutes`, `gapMinutes` apart. */
export function generateSlots(plan: SlotPlan): { startsAt: Date; endsAt: Date }[] {
	const start = new Date(`${plan.date}T${plan.time}:00+07:00`);
	if (Number.isNaN(start.getTime())) throw new RangeError('invalid date or time');
	const step = (plan.minutes + (plan.gapMinutes ?? 0)) * 60_000;
	return Array.from({ length: plan.count }, (_, i) => {
		const startsAt = new Date(start.getTime() + i * step);
		return { startsAt, endsAt: new Date(startsAt.getTime() + plan.minutes * 60_000) };
	});
}

/** Two time ranges overlap (touching ends do not). */
export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** An online room opens this long before the slot starts, and closes when it ends. */
export const ROOM_OPENS_MINUTES_BEFORE = 15;
export function roomOpen(slot: { startsAt: Date; endsAt: Date }, now: Date): boolean {
	return now.getTime() >= slot.startsAt.getTime() - ROOM_OPENS_MINUTES_BEFORE * 60_000 && now < slot.endsAt;
}

/** The month (yyyy-mm) of a moment in Vietnam. */
export const vietnamMonth = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 7);

/**
 * Small-cell suppression for the leader's statistics: a count from 1 to SUPPRESS_BELOW − 1 is shown
 * as "< 3", never its value, so that a rare category in a small school's month does not point at one
 * learner. Zero is shown (it identifies no one). When a row (a month's categories, or its statuses)
 * would have exactly one hidden cell while its total is shown, the total minus the others would give
 * it away, so the smallest other non-zero cell is hidden too (secondary suppression).
 */
export const SUPPRESS_BELOW = 3;
export type Cell = number | 'suppressed';

export function suppressRow(counts: readonly number[], total: number): Cell[] {
	const out: Cell[] = counts.map((n) => (n > 0 && n < SUPPRESS_BELOW ? 'suppressed' : n));
	const hidden = out.filter((c) => c === 'suppressed').length;
	if (hidden === 1 && total >= SUPPRESS_BELOW) {
		let at = -1;
		out.forEach((c, i) => {
			if (c !== 'suppressed' && c > 0 && (at < 0 || c < (out[at] as number))) at = i;
		});
		if (at >= 0) out[at] = 'suppressed';
	}
	return out;
}
export const suppressTotal = (n: number): Cell => (n > 0 && n < SUPPRESS_BELOW ? 'suppressed' : n);

export interface StatsRow {
	month: string;
	category: CaseCategory;
	status: CaseStatus;
	n: number;
}

export interface MonthStats {
	month: string;
	total: Cell;
	byCategory: Record<CaseCategory, Cell>;
	byStatus: Record<CaseStatus, Cell>;
}

/** The leader's table, newest month first, from (month, category, status, count) aggregates. */
export function monthlyStats(rows: readonly StatsRow[]): MonthStats[] {
	const months = [...new Set(rows.map((r) => r.month))].sort().reverse();
	return months.map((month) => {
		const mine = rows.filter((r) => r.month === month);
		const total = mine.reduce((s, r) => s + r.n, 0);
		const cats = CASE_CATEGORIES.map((c) => mine.filter((r) => r.category === c).reduce((s, r) => s + r.n, 0));
		const stats = CASE_STATUSES.map((st) => mine.filter((r) => r.status === st).reduce((s, r) => s + r.n, 0));
		const c = suppressRow(cats, total);
		const s = suppressRow(stats, total);
		return {
			month,
			total: suppressTotal(total),
			byCategory: Object.fromEntries(CASE_CATEGORIES.map((k, i) => [k, c[i]])) as Record<CaseCategory, Cell>,
			byStatus: Object.fromEntries(CASE_STATUSES.map((k, i) => [k, s[i]])) as Record<CaseStatus, Cell>
		};
	});
}
