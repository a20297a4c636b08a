import { describe, expect, it } from 'vitest';
import { attendanceTotals, attendanceTotalsByTerm, attendedDays, promotionAbsenceCount, type AttendanceRecord } from './attendance';
import { promotionDecision } from './secondary-year-end';

const records: AttendanceRecord[] = [
	{ on: '2025-09-08', status: 'present' },
	{ on: '2025-09-09', status: 'late' },
	{ on: '2025-09-10', status: 'excused' },
	{ on: '2026-01-16', status: 'unexcused' }, // last day of HK I
	{ on: '2026-01-19', status: 'excused' }, // first day of HK II
	{ on: '2026-02-02', status: 'present' },
	{ on: '2026-06-15', status: 'unexcused' } // summer: outside both terms
];
const terms = [
	{ term: 1 as const, startsOn: '2025-09-05', endsOn: '2026-01-16' },
	{ term: 2 as const, startsOn: '2026-01-19', endsOn: '2026-05-31' }
];

describe('attendance totals per term', () => {
	it('counts present, late, excused and unexcused days within each term, ends inclusive', () => {
		expect(attendanceTotalsByTerm(records, terms)).toEqual({
			1: { present: 1, late: 1, excused: 1, unexcused: 1, days: 4 },
			2: { present: 1, late: 0, excused: 1, unexcused: 0, days: 2 }
		});
	});

	it('counts a late arrival as attended', () => {
		expect(attendedDays(attendanceTotals(records.slice(0, 2)))).toBe(2);
	});
});

describe('TT22/2021 Điều 12–14: absences for promotion are excused plus unexcused sessions', () => {
	it('adds both terms, excused and unexcused, not late', () => {
		const byTerm = attendanceTotalsByTerm(records, terms);
		expect(promotionAbsenceCount(byTerm[1], byTerm[2])).toBe(3);
	});

	it('46 absences, even all excused, block promotion', () => {
		const day = (i: number) => new Date(Date.UTC(2025, 9, 1 + i)).toISOString().slice(0, 10);
		const year = attendanceTotals(Array.from({ length: 46 }, (_, i) => ({ on: day(i), status: 'excused' as const })));
		expect(promotionDecision({ conduct: 'tot', learning: 'tot', absences: promotionAbsenceCount(year) })).toEqual({ promoted: false, blockers: ['absences'] });
	});
});
