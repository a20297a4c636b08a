import { describe, expect, it } from 'vitest';
import { generateSlots, monthlyStats, overlaps, roomOpen, suppressRow, suppressTotal, vietnamMonth, type StatsRow } from './rules';

describe('generateSlots', () => {
	it('turns a date and time in Vietnam (UTC+7) into consecutive UTC slots', () => {
		const slots = generateSlots({ date: '2026-12-03', time: '14:00', minutes: 30, count: 3 });
		expect(slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
			['2026-12-03T07:00:00.000Z', '2026-12-03T07:30:00.000Z'],
			['2026-12-03T07:30:00.000Z', '2026-12-03T08:00:00.000Z'],
			['2026-12-03T08:00:00.000Z', '2026-12-03T08:30:00.000Z']
		]);
	});
	it('leaves the break between slots', () => {
		const slots = generateSlots({ date: '2026-12-03', time: '08:00', minutes: 45, count: 2, gapMinutes: 15 });
		expect(slots[1].startsAt.toISOString()).toBe('2026-12-03T02:00:00.000Z');
		expect(slots[1].endsAt.toISOString()).toBe('2026-12-03T02:45:00.000Z');
	});
	it('crosses midnight in Vietnam onto the next UTC day correctly', () => {
		expect(generateSlots({ date: '2026-12-03', time: '06:30', minutes: 30, count: 1 })[0].startsAt.toISOString()).toBe('2026-12-02T23:30:00.000Z');
	});
	it('refuses a date that does not exist', () => {
		expect(() => generateSlots({ date: '2026-13-40', time: '14:00', minutes: 30, count: 1 })).toThrow(RangeError);
	});
});

describe('overlaps and the room window', () => {
	const at = (h: number, min = 0) => new Date(Date.UTC(2026, 11, 3, h, min));
	it('counts touching slots as not overlapping', () => {
		expect(overlaps({ startsAt: at(7), endsAt: at(7, 30) }, { startsAt: at(7, 30), endsAt: at(8) })).toBe(false);
		expect(overlaps({ startsAt: at(7), endsAt: at(7, 31) }, { startsAt: at(7, 30), endsAt: at(8) })).toBe(true);
	});
	it('opens the online room 15 minutes before the slot and closes it at its end', () => {
		const slot = { startsAt: at(7), endsAt: at(7, 30) };
		expect(roomOpen(slot, at(6, 44))).toBe(false);
		expect(roomOpen(slot, at(6, 45))).toBe(true);
		expect(roomOpen(slot, at(7, 29))).toBe(true);
		expect(roomOpen(slot, at(7, 30))).toBe(false);
	});
	it('puts a moment in its Vietnamese month', () => {
		expect(vietnamMonth(new Date('2026-11-30T17:30:00Z'))).toBe('2026-12');
		expect(vietnamMonth(new Date('2026-11-30T16:59:00Z'))).toBe('2026-11');
	});
});

describe('small-count suppression (< 3)', () => {
	it.each([
		// counts, total, expected
		[[0, 5, 4], 9, [0, 5, 4]],
		[[1, 5, 4], 10, ['suppressed', 5, 'suppressed']], // one hidden cell alone would be total − others: hide the smallest other too
		[[2, 2, 6], 10, ['suppressed', 'suppressed', 6]], // two hidden already: nothing more
		[[1, 0, 0], 1, ['suppressed', 0, 0]],
		[[3, 0, 7], 10, [3, 0, 7]]
	] as const)('%j of %i → %j', (counts, total, expected) => {
		expect(suppressRow(counts, total)).toEqual(expected);
	});
	it('hides a month total of 1 or 2 but shows 0 and 3', () => {
		expect([0, 1, 2, 3].map(suppressTotal)).toEqual([0, 'suppressed', 'suppressed', 3]);
	});
	it('builds the months newest first with categories and statuses, never a count of 1 or 2', () => {
		const rows: StatsRow[] = [
			{ month: '2026-11', category: 'study', status: 'closed', n: 4 },
			{ month: '2026-11', category: 'emotions', status: 'open', n: 1 },
			{ month: '2026-11', category: 'careers', status: 'open', n: 3 },
			{ month: '2026-12', category: 'study', status: 'open', n: 2 }
		];
		const [dec, nov] = monthlyStats(rows);
		expect(dec.month).toBe('2026-12');
		expect(dec.total).toBe('suppressed');
		expect(dec.byCategory.study).toBe('suppressed');
		expect(nov.total).toBe(8);
		expect(nov.byCategory).toMatchObject({ study: 4, emotions: 'suppressed', careers: 'suppressed', safeguarding: 0 });
		expect(nov.byStatus).toEqual({ open: 4, in_progress: 0, closed: 4 });
		for (const m of [dec, nov]) for (const v of [...Object.values(m.byCategory), ...Object.values(m.byStatus), m.total]) expect([1, 2]).not.toContain(v);
	});
});
