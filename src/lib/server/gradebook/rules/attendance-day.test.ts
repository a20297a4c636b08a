import { describe, expect, it } from 'vitest';
import { attendanceDateIssue, isAttendanceStatus, isIsoDate, isNewAbsenceOrLate, termOfDate, todayInVietnam } from './attendance-day';

const terms = [
	{ term: 1 as const, startsOn: '2026-09-05', endsOn: '2027-01-10' },
	{ term: 2 as const, startsOn: '2027-01-11', endsOn: '2027-05-31' }
];

describe('the day of the register', () => {
	it('is today in Vietnam, seven hours ahead of UTC', () => {
		expect(todayInVietnam(new Date('2026-11-24T16:59:00Z'))).toBe('2026-11-24');
		expect(todayInVietnam(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
	});

	it.each([
		['2026-11-25', true],
		['2026-02-29', false],
		['2028-02-29', true],
		['2026-13-01', false],
		['25/11/2026', false],
		['2026-11-5', false]
	])('reads %s as a calendar date: %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

	it.each([
		['2026-09-05', 1],
		['2027-01-10', 1],
		['2027-01-11', 2],
		['2027-05-31', 2],
		['2027-06-01', null],
		['2026-09-04', null]
	])('puts %s in term %s (ends inclusive)', (on, term) => expect(termOfDate(on, terms)).toBe(term));

	it.each([
		['2026-11-25', '2026-11-25', null],
		['2026-11-02', '2026-11-25', null],
		['2026-11-26', '2026-11-25', 'date_future'],
		['2026-08-20', '2026-11-25', 'date_outside_terms'],
		['2026-11-31', '2026-11-25', 'date_invalid'],
		// A future day outside the year is reported as future: the first thing to fix.
		['2027-07-01', '2026-11-25', 'date_future']
	])('may record %s on %s: %s', (on, today, issue) => expect(attendanceDateIssue(on, today, terms)).toBe(issue));
});

describe('what the family hears about', () => {
	it.each([
		[undefined, 'unexcused', true],
		[undefined, 'excused', true],
		[undefined, 'late', true],
		['present', 'unexcused', true],
		['excused', 'unexcused', true],
		['unexcused', 'unexcused', false],
		['late', 'late', false],
		[undefined, 'present', false],
		['unexcused', 'present', false]
	] as const)('from %s to %s: %s', (before, after, told) => expect(isNewAbsenceOrLate(before, after)).toBe(told));

	it('knows the four statuses and nothing else', () => {
		expect(['present', 'excused', 'unexcused', 'late'].every(isAttendanceStatus)).toBe(true);
		expect(isAttendanceStatus('absent')).toBe(false);
		expect(isAttendanceStatus(undefined)).toBe(false);
	});
});
