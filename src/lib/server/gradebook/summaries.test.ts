import { describe, expect, it } from 'vitest';
import { bandOf, share, summarize } from './summaries';
import type { SubjectTermOutcome } from './results';

describe('bandOf: the score bands of the summary tables', () => {
	it.each([
		[0, 'lt35'],
		[3.4, 'lt35'],
		[3.5, '35to50'],
		[4.9, '35to50'],
		[5, '50to65'],
		[6.4, '50to65'],
		[6.5, '65to80'],
		[7.9, '65to80'],
		[8, 'ge80'],
		[10, 'ge80'],
		// Floating-point averages such as (8.5 + 2·7)/3 computed elsewhere land in the right band.
		[0.1 + 0.2 + 6.2, '65to80']
	])('puts %s in %s', (avg, band) => expect(bandOf(avg)).toBe(band));
});

describe('share', () => {
	it('is a percentage with one decimal, and 0 of nobody', () => {
		expect(share(1, 12)).toBe(8.3);
		expect(share(11, 12)).toBe(91.7);
		expect(share(2, 3)).toBe(66.7);
		expect(share(0, 0)).toBe(0);
	});
});

const scored = (average: number): SubjectTermOutcome => ({ status: 'complete', kind: 'scored', average, text: '' });
const pass = (result: 'dat' | 'chua_dat'): SubjectTermOutcome => ({ status: 'complete', kind: 'comment', result, text: '' });
const missing: SubjectTermOutcome = { status: 'incomplete', kind: 'scored', missing: 1, text: '' };
const attendance = { present: 0, late: 0, excused: 0, unexcused: 0, days: 0 };
const row = (id: string, level: 'tot' | 'kha' | null, conduct: 'tot' | 'dat' | null, subjects: Record<string, SubjectTermOutcome>) => ({
	learner: { id, name: id, learnerCode: null },
	subjects,
	learning: level ? { level, adjustedBecauseOf: null } : null,
	conduct,
	conductComment: '',
	conductVersion: 0,
	attendance
});

describe('summarize', () => {
	const subjects = [
		{ id: 's-toan', code: 'TOAN', name: 'Toán', assessment: 'score' as const },
		{ id: 's-gdtc', code: 'GDTC', name: 'Giáo dục thể chất', assessment: 'comment' as const }
	];
	const a = {
		class: { id: 'a', name: '6A2', grade: 6 } as never,
		subjects,
		rows: [row('1', 'tot', 'tot', { 's-toan': scored(8.5), 's-gdtc': pass('dat') }), row('2', 'kha', 'dat', { 's-toan': scored(6.5), 's-gdtc': pass('chua_dat') })]
	};
	const b = {
		class: { id: 'b', name: '6A1', grade: 6 } as never,
		subjects: [subjects[0]],
		rows: [row('3', null, null, { 's-toan': missing }), row('4', 'tot', 'tot', { 's-toan': scored(3.4) })]
	};

	it('adds up levels, conduct and bands across classes, with shares of all learners', () => {
		const s = summarize([a, b]);
		expect(s.learners).toBe(4);
		expect(s.learning).toMatchObject({ tot: { count: 2, share: 50 }, kha: { count: 1, share: 25 }, dat: { count: 0, share: 0 }, none: { count: 1, share: 25 } });
		expect(s.conduct).toMatchObject({ tot: { count: 2 }, dat: { count: 1 }, none: { count: 1 } });
		const toan = s.subjects.find((x) => x.code === 'TOAN')!;
		expect(toan.learners).toBe(4);
		expect(Object.fromEntries(Object.entries(toan.bands).map(([k, v]) => [k, v.count]))).toEqual({ lt35: 1, '35to50': 0, '50to65': 0, '65to80': 1, ge80: 1 });
		expect(toan.incomplete.count).toBe(1);
		const gdtc = s.subjects.find((x) => x.code === 'GDTC')!;
		expect(gdtc).toMatchObject({ kind: 'comment', learners: 2, pass: { count: 1, share: 50 }, fail: { count: 1 } });
	});

	it('lists classes by grade then name, subjects by Vietnamese name', () => {
		const s = summarize([a, b]);
		expect(s.classes.map((c) => c.name)).toEqual(['6A1', '6A2']);
		expect(s.classes[1].learning.tot).toEqual({ count: 1, share: 50 });
		expect(s.subjects.map((x) => x.name)).toEqual(['Giáo dục thể chất', 'Toán']);
	});

	it('is all zeros for no classes', () => {
		const s = summarize([]);
		expect(s.learners).toBe(0);
		expect(s.learning.tot).toEqual({ count: 0, share: 0 });
		expect(s.subjects).toEqual([]);
	});
});

describe('summarize with primary classes (TT27)', () => {
	const subjects = [
		{ id: 'p-tv', code: 'S0', name: 'Tiếng Việt', assessment: 'score' as const },
		{ id: 'p-dd', code: 'S1', name: 'Đạo đức', assessment: 'score' as const }
	];
	const pupil = (id: string, tv: string | null, dd: string | null, result?: 'htxs' | 'ht') => ({
		...row(id, null, null, {}),
		primarySubjects: { 'p-tv': { level: tv, test: null }, 'p-dd': { level: dd, test: null } },
		primaryResult: result ? { status: 'complete' as const, result } : { status: 'incomplete' as const, missingLevels: ['Đạo đức'], missingTests: [], missingQualities: [] }
	});
	const c5a = { class: { id: 'p', name: '5A', grade: 5, stage: 'primary' } as never, subjects, rows: [pupil('1', 'T', 'T', 'htxs'), pupil('2', 'T', 'H', 'ht'), pupil('3', 'C', null)] };
	const c6a = { class: { id: 's', name: '6A', grade: 6, stage: 'secondary' } as never, subjects: [{ id: 's-toan', code: 'TOAN', name: 'Toán', assessment: 'score' as const }], rows: [row('4', 'tot', 'tot', { 's-toan': scored(8) })] };

	it('counts each subject’s levels T/H/C (Điều 7) and, for the year, the results of Điều 9', () => {
		const s = summarize([c5a], 'year');
		expect(s.sections).toEqual({ secondary: false, primary: true });
		expect(s.primary!.learners).toBe(3);
		expect(s.primary!.results).toMatchObject({ htxs: { count: 1, share: 33.3 }, htt: { count: 0 }, ht: { count: 1 }, cht: { count: 0 }, none: { count: 1 } });
		expect(s.primary!.subjects.map((x) => x.name)).toEqual(['Đạo đức', 'Tiếng Việt']);
		const counts = (code: string) => Object.fromEntries(Object.entries(s.primary!.subjects.find((x) => x.code === code)!.levels).map(([k, v]) => [k, v.count]));
		expect(counts('S0')).toEqual({ T: 2, H: 0, C: 1, none: 0 });
		expect(counts('S1')).toEqual({ T: 1, H: 1, C: 0, none: 1 });
		expect(s.classes[0]).toMatchObject({ stage: 'primary', learners: 3, primaryResults: { htxs: { count: 1 } } });
		expect(s.subjects).toEqual([]);
	});

	it('has no year result for a term', () => {
		const s = summarize([c5a], 1);
		expect(s.primary!.results).toBeNull();
		expect(s.classes[0].primaryResults).toBeNull();
	});

	it('keeps the two stages apart in a multi-level school: secondary shares are of secondary learners', () => {
		const s = summarize([c6a, c5a], 'year');
		expect(s.sections).toEqual({ secondary: true, primary: true });
		expect(s.learners).toBe(4);
		expect(s.learning.tot).toEqual({ count: 1, share: 100 });
		expect(s.subjects.map((x) => x.code)).toEqual(['TOAN']);
		expect(s.primary!.subjects).toHaveLength(2);
		expect(s.classes.map((c) => `${c.name}:${c.stage}`)).toEqual(['5A:primary', '6A:secondary']);
	});
});
