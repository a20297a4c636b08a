import { describe, expect, it } from 'vitest';
import { demoReportPeriods } from './report-demo';
import { periodHasBegun } from './report-rules';

describe('the demo’s reports are never for a period still to come', () => {
	const cases: [number, string, string, string][] = [
		// Once October of the demo year has begun: September accepted, October a draft.
		[2026, '2026-12-01T03:00:00Z', '2026-09', '2026-10'],
		[2026, '2026-09-30T17:00:00Z', '2026-09', '2026-10'],
		// A demo started over the summer (the year about to begin) or in September: last month and this month.
		[2026, '2026-07-10T03:00:00Z', '2026-06', '2026-07'],
		[2026, '2026-09-30T16:59:59Z', '2026-08', '2026-09'],
		// A SEN_DEMO_YEAR still to come.
		[2030, '2026-12-01T03:00:00Z', '2026-11', '2026-12']
	];
	it.each(cases)('demo year %i at %s: %s accepted, %s a draft', (year, at, accepted, draft) => {
		const now = new Date(at);
		const p = demoReportPeriods(year, now);
		expect([p.accepted.key, p.draft.key]).toEqual([accepted, draft]);
		expect(periodHasBegun(p.draft, now)).toBe(true);
	});
});
