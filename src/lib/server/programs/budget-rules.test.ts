import { describe, expect, it } from 'vitest';
import { executed, formatVnd, overPlan, parseVnd, percentOf, reportRows, reversalProblem, spendingProblem, yearsOfPeriod, type TaskNode, type Totals } from './budget-rules';

describe('parseVnd', () => {
	it.each([
		['1.950.000.000', 1_950_000_000n],
		['1950000000', 1_950_000_000n],
		['1 950 000 000', 1_950_000_000n],
		['7,550,000,000', 7_550_000_000n],
		['190.000.000 đ', 190_000_000n],
		['0', 0n],
		['-5.000', -5000n],
		[12_000, 12_000n],
		[12.5, null],
		['12,5', null],
		['1.95', null],
		['abc', null],
		['', null],
		['1..000', null]
	])('%j → %s', (text, expected) => expect(parseVnd(text)).toBe(expected));
});

describe('formatVnd', () => {
	it.each([
		[9_690_000_000n, '9.690.000.000'],
		[0n, '0'],
		[999n, '999'],
		[-1_000n, '−1.000']
	])('%s → %s', (n, s) => expect(formatVnd(n)).toBe(s));
});

describe('remaining and % executed', () => {
	it.each<[Totals, bigint, bigint, number | null]>([
		// plan, committed, spent → remaining (plan − spent), uncommitted (plan − committed), %
		[{ plan: 1_950_000_000n, committed: 1_000_000_000n, spent: 650_000_000n }, 1_300_000_000n, 950_000_000n, 33.3],
		[{ plan: 100n, committed: 100n, spent: 100n }, 0n, 0n, 100],
		[{ plan: 100n, committed: 150n, spent: 120n }, -20n, -50n, 120],
		[{ plan: 0n, committed: 0n, spent: 0n }, 0n, 0n, null],
		[{ plan: 0n, committed: 5n, spent: 5n }, -5n, -5n, null],
		[{ plan: 3n, committed: 0n, spent: 2n }, 1n, 3n, 66.7]
	])('case %#', (t, remaining, uncommitted, percent) => {
		const e = executed(t);
		expect(e.remaining).toBe(remaining);
		expect(e.uncommitted).toBe(uncommitted);
		expect(e.percent).toBe(percent);
	});
	it('rounds half up to one decimal', () => {
		expect(percentOf(1n, 8n)).toBe(12.5);
		expect(percentOf(1n, 16n)).toBe(6.3); // 6.25 → 6.3
		expect(percentOf(1n, 3n)).toBe(33.3);
	});
});

describe('spending rule', () => {
	const c = (net: bigint, paid: bigint, sameTaskAndYear = true) => ({ net, paid, sameTaskAndYear });
	it.each([
		[{ amount: 0n }, 'not_positive'],
		[{ amount: -1n }, 'not_positive'],
		[{ amount: 10n ** 15n }, 'too_large'],
		[{ amount: 100n }, null],
		[{ amount: 100n, commitment: c(300n, 200n) }, null],
		[{ amount: 101n, commitment: c(300n, 200n) }, 'exceeds_commitment'],
		[{ amount: 1n, commitment: c(300n, 300n) }, 'exceeds_commitment'],
		[{ amount: 1n, commitment: c(300n, 0n, false) }, 'commitment_other_task']
	])('case %#', (s, problem) => expect(spendingProblem(s)).toBe(problem));

	it.each([
		[{ plan: 100n, before: 50n, amount: 50n }, false],
		[{ plan: 100n, before: 50n, amount: 51n }, true],
		[{ plan: 0n, before: 0n, amount: 1n }, true]
	])('over plan, case %# (a warning)', (t, over) => expect(overPlan(t)).toBe(over));
});

describe('reversal rule', () => {
	const orig = (amount: bigint, reversed = 0n, isReversal = false) => ({ amount, reversed, isReversal });
	it.each([
		[{ amount: 100n, original: orig(100n) }, null],
		[{ amount: 40n, original: orig(100n, 60n) }, null],
		[{ amount: 41n, original: orig(100n, 60n) }, 'exceeds_original'],
		[{ amount: 0n, original: orig(100n) }, 'not_positive'],
		[{ amount: 10n, original: orig(-100n, 0n, true) }, 'reversal_of_reversal'],
		// a commitment cannot be reduced below what was already paid against it
		[{ amount: 50n, original: orig(100n), paidAgainst: 50n }, null],
		[{ amount: 51n, original: orig(100n), paidAgainst: 50n }, 'below_spent']
	])('case %#', (r, problem) => expect(reversalProblem(r)).toBe(problem));
});

describe('report rows', () => {
	const t = (id: string, code: string, parentId: string | null = null, position = 0): TaskNode => ({ id, code, name: code, parentId, position });
	it('sums sub-tasks into their parent and top-level rows into the grand total', () => {
		const tasks = [t('b', '2'), t('a1', '1.1', 'a'), t('a', '1'), t('a10', '1.10', 'a'), t('a2', '1.2', 'a')];
		const totals = new Map<string, Totals>([
			['a1', { plan: 100n, committed: 50n, spent: 20n }],
			['a2', { plan: 200n, committed: 0n, spent: 0n }],
			['a10', { plan: 1n, committed: 1n, spent: 1n }],
			['b', { plan: 1000n, committed: 900n, spent: 500n }]
		]);
		const { rows, total } = reportRows(tasks, totals);
		expect(rows.map((r) => r.task.code)).toEqual(['1', '1.1', '1.2', '1.10', '2']);
		expect(rows[0]).toMatchObject({ level: 0, hasChildren: true, plan: 301n, committed: 51n, spent: 21n, remaining: 280n });
		expect(rows[4]).toMatchObject({ level: 0, hasChildren: false, plan: 1000n, spent: 500n, percent: 50 });
		expect(total).toMatchObject({ plan: 1301n, committed: 951n, spent: 521n, remaining: 780n, uncommitted: 350n });
	});
});

describe('years of a period', () => {
	it.each([
		['2024-01-01T00:00:00+07:00', '2025-01-01T00:00:00+07:00', [2024]],
		['2023-10-01T00:00:00+07:00', '2024-04-01T00:00:00+07:00', [2023, 2024]],
		// 31/12/2023 20:00 UTC is already 2024 in Hà Nội
		['2023-12-31T20:00:00Z', '2024-02-01T00:00:00Z', [2024]]
	])('%s – %s → %j', (from, to, years) => expect(yearsOfPeriod(new Date(from), new Date(to))).toEqual(years));
});
