import { describe, expect, it } from 'vitest';
import { maxOf, rubricTotal, submissionStatus, submissionWindow, tenthsOf, toGradebookTenths, type Criterion } from './assignment-rules';

const rubric: Criterion[] = [
	{ key: 'content', title: 'Nội dung', maxTenths: 60 },
	{ key: 'form', title: 'Hình thức', maxTenths: 25 },
	{ key: 'creativity', title: 'Sáng tạo', maxTenths: 15 }
];

describe('rubric totals', () => {
	it('adds every criterion’s points', () => {
		expect(rubricTotal(rubric, { content: 55, form: 20, creativity: 5 })).toEqual({ ok: true, totalTenths: 80 });
		expect(rubricTotal(rubric, { content: 0, form: 0, creativity: 0 })).toEqual({ ok: true, totalTenths: 0 });
		expect(rubricTotal(rubric, { content: 60, form: 25, creativity: 15 })).toEqual({ ok: true, totalTenths: 100 });
	});

	it('names each criterion that is missing, over its points, negative or unknown', () => {
		const r = rubricTotal(rubric, { content: 61, creativity: -1, style: 3 });
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.problems).toEqual([
				{ key: 'style', code: 'unknown' },
				{ key: 'content', code: 'out_of_range' },
				{ key: 'form', code: 'missing' },
				{ key: 'creativity', code: 'out_of_range' }
			]);
	});

	it('makes the rubric’s sum the maximum; without a rubric the teacher’s maximum stands', () => {
		expect(maxOf(rubric, 999)).toBe(100);
		expect(maxOf([], 200)).toBe(200);
	});
});

describe('status against the due date', () => {
	const due = new Date('2026-11-02T17:00:00Z');
	it.each([
		['on time', new Date('2026-11-02T16:59:59Z'), new Date('2026-11-05T00:00:00Z'), 'submitted'],
		['exactly at the due moment', due, new Date('2026-11-05T00:00:00Z'), 'submitted'],
		['after the due date', new Date('2026-11-02T17:00:01Z'), new Date('2026-11-05T00:00:00Z'), 'late'],
		['nothing, past due', null, new Date('2026-11-02T17:00:01Z'), 'missing'],
		['nothing, still time', null, new Date('2026-11-01T00:00:00Z'), 'pending']
	] as const)('%s → %s', (_name, submittedAt, now, status) => {
		expect(submissionStatus(due, submittedAt, now)).toBe(status);
	});

	it('accepts a first submission late, resubmissions only until due, nothing before it opens', () => {
		const a = { opensAt: new Date('2026-10-26T00:00:00Z'), dueAt: due };
		expect(submissionWindow(a, false, new Date('2026-10-25T00:00:00Z'))).toBe('not_open');
		expect(submissionWindow(a, true, new Date('2026-11-01T00:00:00Z'))).toBe('open');
		expect(submissionWindow(a, false, new Date('2026-11-03T00:00:00Z'))).toBe('open');
		expect(submissionWindow(a, true, new Date('2026-11-03T00:00:00Z'))).toBe('closed');
	});
});

describe('the gradebook’s 0–10 scale with one decimal (TT22 Điều 6)', () => {
	it.each([
		[80, 100, 80], // 8/10 stays 8,0
		[15, 20, 75], // 1,5/2 → 7,5
		[145, 200, 73], // 14,5/20 → 7,25 → 7,3 (half up)
		[144, 200, 72], // 7,2
		[10, 30, 33], // 1/3 → 3,33 → 3,3
		[20, 30, 67], // 6,67 → 6,7
		[0, 100, 0],
		[100, 100, 100],
		[120, 100, 100] // never above 10
	])('%i tenths out of %i → %i tenths', (score, max, out) => {
		expect(toGradebookTenths(score, max)).toBe(out);
	});

	it('reads points with one decimal at most', () => {
		expect(tenthsOf(7.5)).toBe(75);
		expect(tenthsOf(0.3)).toBe(3);
		expect(tenthsOf(7.25)).toBeNull();
	});
});
