/**
 * Budget (kinh phí) of the city program: pure arithmetic on whole đồng as bigint (never floats).
 *
 * Entries are never edited: a commitment (cam kết chi, hợp đồng) or a spending entry (chi, thanh
 * toán) is corrected by a reversal (bút toán điều chỉnh giảm) — a negative entry pointing at the
 * original, with a reason — so the record stays auditable. A task's plan per year is a setting
 * the office changes (audited with before and after).
 */

/** The program's plan years (Chương trình 1217/CTr-ĐHTĐHN, Phần II mục 5). */
export const PROGRAM_YEARS = [2023, 2024, 2025] as const;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** 10^15 đồng: far above any program budget, far below bigint/numeric limits. */
export const MAX_AMOUNT = 1_000_000_000_000_000n;

/**
 * A VND amount typed by a person: digits with optional thousands separators (`.`, `,`, space),
 * as Vietnamese write them ("1.950.000.000"). Decimals are refused (there are no xu). Null = not an amount.
 */
export function parseVnd(text: string | number | bigint | null | undefined): bigint | null {
	if (text === null || text === undefined) return null;
	if (typeof text === 'bigint') return text;
	if (typeof text === 'number') return Number.isSafeInteger(text) ? BigInt(text) : null;
	const t = text.trim().replace(/\s*(đ|₫|vnd|VND|đồng)$/u, '');
	if (!/^-?\d{1,3}([., \u00a0]\d{3})*$|^-?\d+$/.test(t)) return null;
	return BigInt(t.replace(/[., \u00a0]/g, ''));
}

/** "1.950.000.000" — the Vietnamese grouping. */
export function formatVnd(amount: bigint): string {
	const neg = amount < 0n;
	const digits = (neg ? -amount : amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return (neg ? '−' : '') + digits;
}

/** Per task and year (or summed over years): what is planned, committed and spent, net of reversals. */
export interface Totals {
	plan: bigint;
	committed: bigint;
	spent: bigint;
}

export interface Executed extends Totals {
	/** plan − spent */
	remaining: bigint;
	/** plan − committed */
	uncommitted: bigint;
	/** spent / plan in percent with one decimal (half up); null when nothing is planned. */
	percent: number | null;
}

export const ZERO: Totals = { plan: 0n, committed: 0n, spent: 0n };

/** Percent with one decimal, half up, in exact integer arithmetic. */
export function percentOf(part: bigint, whole: bigint): number | null {
	if (whole <= 0n) return null;
	const tenths = (part * 2000n + whole) / (2n * whole); // round(part * 1000 / whole)
	return Number(tenths) / 10;
}

export function executed(t: Totals): Executed {
	return { ...t, remaining: t.plan - t.spent, uncommitted: t.plan - t.committed, percent: percentOf(t.spent, t.plan) };
}

export function addTotals(a: Totals, b: Totals): Totals {
	return { plan: a.plan + b.plan, committed: a.committed + b.committed, spent: a.spent + b.spent };
}

// ── Validation of entries ─────────────────────────────────────────────────────────────────────

export type EntryProblem = 'not_positive' | 'too_large' | 'exceeds_commitment' | 'commitment_other_task' | 'reversal_of_reversal' | 'exceeds_original' | 'below_spent';

export function amountProblem(amount: bigint): EntryProblem | null {
	if (amount <= 0n) return 'not_positive';
	if (amount >= MAX_AMOUNT) return 'too_large';
	return null;
}

/**
 * A spending entry that pays a commitment may not take the commitment's payments above its net
 * amount (refused): a contract is paid at most what it is worth.
 */
export function spendingProblem(s: { amount: bigint; commitment?: { net: bigint; paid: bigint; sameTaskAndYear: boolean } | null }): EntryProblem | null {
	const a = amountProblem(s.amount);
	if (a) return a;
	if (!s.commitment) return null;
	if (!s.commitment.sameTaskAndYear) return 'commitment_other_task';
	if (s.commitment.paid + s.amount > s.commitment.net) return 'exceeds_commitment';
	return null;
}

/**
 * Going over the task's plan for the year is a warning, not a refusal: the plan is an estimate the
 * office revises (Phần II mục 5 allows adjusting between tasks), and the report shows the overrun.
 */
export function overPlan(t: { plan: bigint; before: bigint; amount: bigint }): boolean {
	return t.before + t.amount > t.plan;
}

/**
 * A reversal takes back part or all of an entry's remaining net amount; a reversal is itself not
 * reversible (enter a new entry instead). Reversing a commitment may not take it below what was
 * already paid against it.
 */
export function reversalProblem(r: { amount: bigint; original: { amount: bigint; isReversal: boolean; reversed: bigint }; paidAgainst?: bigint }): EntryProblem | null {
	const a = amountProblem(r.amount);
	if (a) return a;
	if (r.original.isReversal) return 'reversal_of_reversal';
	const net = r.original.amount - r.original.reversed;
	if (r.amount > net) return 'exceeds_original';
	if (r.paidAgainst !== undefined && net - r.amount < r.paidAgainst) return 'below_spent';
	return null;
}

// ── The report: tasks in two levels with totals ─────────────────────────────────────────────────

export interface TaskNode {
	id: string;
	code: string;
	name: string;
	parentId: string | null;
	position: number;
}

export interface ReportRow extends Executed {
	task: TaskNode;
	/** 0 = a top-level task (its figures include its sub-tasks'), 1 = a sub-task. */
	level: 0 | 1;
	hasChildren: boolean;
}

/** Sorts by position then code, with natural order for codes like 1.2 and 1.10. */
const byPosition = (a: TaskNode, b: TaskNode) => a.position - b.position || a.code.localeCompare(b.code, 'vi', { numeric: true });

/**
 * Rows in reading order (each top-level task followed by its sub-tasks); a top-level task's
 * figures are its own plus its sub-tasks'; the grand total sums the top-level rows, so every đồng
 * is counted once.
 */
export function reportRows(tasks: TaskNode[], totals: Map<string, Totals>): { rows: ReportRow[]; total: Executed } {
	const top = tasks.filter((t) => !t.parentId).sort(byPosition);
	const rows: ReportRow[] = [];
	let grand = ZERO;
	for (const t of top) {
		const children = tasks.filter((c) => c.parentId === t.id).sort(byPosition);
		let sum = totals.get(t.id) ?? ZERO;
		for (const c of children) sum = addTotals(sum, totals.get(c.id) ?? ZERO);
		rows.push({ task: t, level: 0, hasChildren: children.length > 0, ...executed(sum) });
		for (const c of children) rows.push({ task: c, level: 1, hasChildren: false, ...executed(totals.get(c.id) ?? ZERO) });
		grand = addTotals(grand, sum);
	}
	return { rows, total: executed(grand) };
}

/** The calendar years a period [from, to) touches, in Vietnam's time (UTC+7, no DST). */
export function yearsOfPeriod(from: Date, to: Date): number[] {
	const shift = 7 * 3600_000;
	const first = new Date(from.getTime() + shift).getUTCFullYear();
	const last = new Date(to.getTime() - 1 + shift).getUTCFullYear();
	const out: number[] = [];
	for (let y = first; y <= last; y++) out.push(y);
	return out;
}
