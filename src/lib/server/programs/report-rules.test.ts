import { describe, expect, it } from 'vitest';
import { dueDate, dueInstant, parentPath, periodContaining, periodHasBegun, periodLabel, periodOf, periodsToWatch, previousPeriod, reminderStage, TEMPLATES, type ReportTemplate } from './report-rules';

const iso = (d: Date) => d.toISOString();

describe('report periods (calendar, Vietnam time)', () => {
	const cases: [ReportTemplate, string, string, string, string][] = [
		// An instant just after midnight of 1/10 in Hanoi is still 30/9 in UTC.
		['monthly', '2026-09-30T17:30:00Z', '2026-10', '2026-09-30T17:00:00.000Z', '2026-10-31T17:00:00.000Z'],
		['monthly', '2026-12-31T16:59:59Z', '2026-12', '2026-11-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
		['quarterly', '2026-11-15T03:00:00Z', '2026-Q4', '2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
		['quarterly', '2026-03-31T17:00:00Z', '2026-Q2', '2026-03-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z'],
		['quarterly', '2026-01-01T00:00:00Z', '2026-Q1', '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z'],
		['yearly', '2026-12-31T17:00:00Z', '2027', '2026-12-31T17:00:00.000Z', '2027-12-31T17:00:00.000Z']
	];
	it.each(cases)('%s at %s is %s = [%s, %s)', (t, at, key, from, to) => {
		const p = periodContaining(t, new Date(at));
		expect([p.key, iso(p.from), iso(p.to)]).toEqual([key, from, to]);
		expect(periodOf(t, key)).toEqual(p);
	});

	it('refuses keys of another template or out of range', () => {
		expect(periodOf('monthly', '2026-13')).toBeNull();
		expect(periodOf('monthly', '2026-Q1')).toBeNull();
		expect(periodOf('quarterly', '2026-Q5')).toBeNull();
		expect(periodOf('yearly', '1999')).toBeNull();
		expect(periodOf('yearly', '2026-01')).toBeNull();
	});

	it('the previous period crosses a year', () => {
		expect(previousPeriod(periodOf('monthly', '2027-01')!).key).toBe('2026-12');
		expect(previousPeriod(periodOf('quarterly', '2027-Q1')!).key).toBe('2026-Q4');
		expect(previousPeriod(periodOf('yearly', '2027')!).key).toBe('2026');
	});

	// A report may be drafted from the period's first day in Hanoi (during the period), not before.
	const begun: [ReportTemplate, string, string, boolean][] = [
		['monthly', '2026-12', '2026-11-30T16:59:59Z', false],
		['monthly', '2026-12', '2026-11-30T17:00:00Z', true],
		['monthly', '2026-12', '2026-12-15T03:00:00Z', true],
		['monthly', '2026-11', '2026-12-15T03:00:00Z', true],
		['quarterly', '2027-Q1', '2026-12-31T16:59:59Z', false],
		['quarterly', '2026-Q4', '2026-12-01T03:00:00Z', true],
		['yearly', '2027', '2026-12-15T03:00:00Z', false],
		['yearly', '2026', '2026-01-01T00:00:00Z', true]
	];
	it.each(begun)('%s %s has begun at %s: %s', (t, key, at, expected) => {
		expect(periodHasBegun(periodOf(t, key)!, new Date(at))).toBe(expected);
	});
	it('the periods watched for reminders have all begun', () => {
		const now = new Date('2026-12-01T03:00:00Z');
		expect(periodsToWatch(now).every((p) => periodHasBegun(p, now))).toBe(true);
	});

	it('labels periods in Vietnamese', () => {
		expect(periodLabel({ template: 'quarterly', key: '2026-Q4' })).toBe('Quý IV/2026');
		expect(periodLabel({ template: 'monthly', key: '2026-03' })).toBe('Tháng 3/2026');
		expect(periodLabel({ template: 'yearly', key: '2026' })).toBe('Năm 2026');
	});

	it('every template has figure groups and narrative sections', () => {
		for (const t of Object.values(TEMPLATES)) {
			expect(t.groups.length).toBeGreaterThan(0);
			expect(t.sections).toContain('results');
		}
		expect(TEMPLATES.quarterly.groups).toContain('fair');
	});
});

describe('report deadlines', () => {
	const cases: [ReportTemplate, string, 'school' | 'unit' | 'city', string][] = [
		['monthly', '2026-11', 'school', '2026-12-05'],
		['monthly', '2026-12', 'unit', '2027-01-05'],
		['quarterly', '2026-Q4', 'school', '2027-01-10'],
		['quarterly', '2026-Q3', 'city', '2026-10-10'],
		['yearly', '2026', 'school', '2026-12-15'],
		['yearly', '2026', 'city', '2026-12-15'],
		['yearly', '2026', 'unit', '2026-10-31']
	];
	it.each(cases)('%s %s for a %s is due %s', (t, key, level, due) => {
		const d = dueDate(level, periodOf(t, key)!);
		expect(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`).toBe(due);
	});

	it('is overdue from the end of the due day in Hanoi', () => {
		expect(iso(dueInstant('school', periodOf('monthly', '2026-11')!))).toBe('2026-12-05T17:00:00.000Z');
	});

	const stages: [string, string | null][] = [
		['2026-12-01T03:00:00Z', null],
		['2026-12-02T03:00:00Z', 'soon'],
		['2026-12-04T16:59:00Z', 'soon'],
		['2026-12-04T17:00:00Z', 'due'],
		['2026-12-05T16:59:00Z', 'due'],
		['2026-12-05T17:00:00Z', 'overdue'],
		['2027-01-20T03:00:00Z', 'overdue']
	];
	it.each(stages)('reminder for the November report at %s: %s', (at, stage) => {
		expect(reminderStage('school', periodOf('monthly', '2026-11')!, new Date(at))).toBe(stage);
	});

	it('watches the current and the previous period of each template', () => {
		expect(periodsToWatch(new Date('2026-12-01T03:00:00Z')).map((p) => p.key)).toEqual(['2026-11', '2026-12', '2026-Q3', '2026-Q4', '2025', '2026']);
	});

	it('parent paths', () => {
		expect(parentPath('/c/u/s/')).toBe('/c/u/');
		expect(parentPath('/c/')).toBeNull();
	});
});
