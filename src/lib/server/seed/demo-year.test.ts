import { describe, expect, it } from 'vitest';
import { demoStartYear } from './demo';

describe('the demo school year', () => {
	it.each([
		['2026-11-25', 2026],
		['2027-01-15', 2026],
		['2027-05-31', 2026],
		['2027-06-30', 2026],
		['2027-07-01', 2027],
		['2027-09-05', 2027]
	])('on %s is the year starting in %i (September to May; from July the coming year)', (day, year) => {
		expect(demoStartYear(new Date(`${day}T12:00:00Z`))).toBe(year);
	});
});
