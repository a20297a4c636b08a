import { describe, expect, it } from 'vitest';
import {
	commentTermResult,
	commentYearResult,
	defaultSubjectAssessment,
	regularAssessmentCount,
	resolveCommentCell,
	resolveScoreCell,
	scoredTermAverage,
	scoredYearAverage,
	secondaryAssessmentForm,
	termAverageOf,
	yearAverageOf,
	type CommentCell,
	type ScoreCell,
	type ScoredTermInput
} from './secondary-subject';
import { SECONDARY_COMMENT_SUBJECTS, secondaryCommentSubjectOf } from './subjects';

/** Scores in points (6.5) → cells in tenths, to keep the tables readable. */
const s = (points: number): ScoreCell => ({ value: Math.round(points * 10) });
const scoredTerm = (regular: number[], midterm: number, endterm: number): ScoredTermInput => ({
	kind: 'scored',
	regular: regular.map(s),
	midterm: s(midterm),
	endterm: s(endterm)
});

describe('TT22/2021 Điều 5: assessment form by subject', () => {
	it.each(SECONDARY_COMMENT_SUBJECTS)('%s is assessed by comment only (Đạt / Chưa đạt)', (code) => {
		expect(secondaryAssessmentForm(code)).toBe('comment');
	});

	it.each(['toan', 'ngu_van', 'ngoai_ngu_1', 'lich_su', 'khoa_hoc_tu_nhien', 'tin_hoc'])('%s is scored on the 10-point scale', (code) => {
		expect(secondaryAssessmentForm(code)).toBe('scored');
	});

	it.each([
		['GDTC', 'giao_duc_the_chat'],
		['NT', 'nghe_thuat'],
		['AM_NHAC', 'am_nhac'],
		['MT', 'mi_thuat'],
		['GDDP', 'giao_duc_dia_phuong'],
		['HĐTN', 'hoat_dong_trai_nghiem'],
		['hdtn-hn', 'hoat_dong_trai_nghiem']
	])('reads the school code %s as %s, assessed by comment', (code, canonical) => {
		expect(secondaryCommentSubjectOf(code)).toBe(canonical);
		expect(secondaryAssessmentForm(code)).toBe('comment');
	});

	it.each(['Giáo dục thể chất', 'Nghệ thuật', 'Âm nhạc', 'Mĩ thuật', 'Mỹ thuật', 'Nội dung giáo dục của địa phương', 'Hoạt động trải nghiệm, hướng nghiệp'])(
		'knows “%s” by its name when its code says nothing',
		(name) => {
			expect(secondaryAssessmentForm('X1', name)).toBe('comment');
		}
	);

	it.each([
		['TOAN', 'Toán'],
		['ANH', 'Tiếng Anh'],
		['GDCD', 'Giáo dục công dân'],
		['TIN', 'Tin học'],
		['LSDL', 'Lịch sử và Địa lí']
	])('scores %s (%s)', (code, name) => {
		expect(secondaryAssessmentForm(code, name)).toBe('scored');
	});
});

describe('the assessment form a new subject gets when none is chosen', () => {
	it('is TT22 Điều 5’s at lower and upper secondary and multi-level schools', () => {
		for (const level of ['lower_secondary', 'upper_secondary', 'multi_level']) {
			expect(defaultSubjectAssessment(level, 'GDTC', 'Giáo dục thể chất')).toBe('comment');
			expect(defaultSubjectAssessment(level, 'TOAN', 'Toán')).toBe('score');
		}
	});

	it('is by score at primary and preschool, where the form does not decide the columns', () => {
		for (const level of ['primary', 'preschool']) expect(defaultSubjectAssessment(level, 'GDTC', 'Giáo dục thể chất')).toBe('score');
	});
});

describe('TT22/2021 Điều 6: number of regular assessments (ĐĐGtx) per term', () => {
	it.each([
		[35, 2],
		[17, 2],
		[36, 3],
		[52, 3], // grade-10 Lịch sử
		[70, 3],
		[71, 4],
		[105, 4],
		[140, 4]
	])('a scored subject with %i periods a year records %i', (periods, count) => {
		expect(regularAssessmentCount('scored', periods)).toBe(count);
	});

	it('a comment subject records 2 by default and the school can change it (unconfirmed, configurable)', () => {
		expect(regularAssessmentCount('comment', 70)).toBe(2);
		expect(regularAssessmentCount('comment', 70, { commentSubjectRegularCount: 3 })).toBe(3);
	});

	it('refuses a subject without periods', () => {
		expect(() => regularAssessmentCount('scored', 0)).toThrow(RangeError);
	});
});

describe('TT22/2021 Điều 7: a missed assessment (force-majeure make-up; wording unconfirmed)', () => {
	it.each<[string, ScoreCell, ReturnType<typeof resolveScoreCell>]>([
		['a recorded score counts as it is', { value: 75 }, { status: 'value', value: 75, source: 'assessment' }],
		['an empty cell is still to be assessed', {}, { status: 'pending', reason: 'not_assessed' }],
		['force majeure, make-up not yet held → waiting', { missedReason: 'force_majeure' }, { status: 'pending', reason: 'makeup_pending' }],
		['force majeure, make-up pending → waiting', { missedReason: 'force_majeure', makeup: 'pending' }, { status: 'pending', reason: 'makeup_pending' }],
		['force majeure, make-up sat → its score', { missedReason: 'force_majeure', value: 68 }, { status: 'value', value: 68, source: 'makeup' }],
		['force majeure, make-up not sat → 0', { missedReason: 'force_majeure', makeup: 'not_taken' }, { status: 'value', value: 0, source: 'missed' }],
		['no force majeure → no make-up, 0 (configurable default)', { missedReason: 'other' }, { status: 'value', value: 0, source: 'missed' }]
	])('%s', (_name, cell, expected) => {
		expect(resolveScoreCell(cell)).toEqual(expected);
	});

	it('a comment subject gets Chưa đạt where a scored one gets 0', () => {
		expect(resolveCommentCell({ missedReason: 'force_majeure', makeup: 'not_taken' })).toEqual({ status: 'value', value: 'chua_dat', source: 'missed' });
		expect(resolveCommentCell({ value: 'dat' })).toEqual({ status: 'value', value: 'dat', source: 'assessment' });
	});

	it('a school can leave a miss without force majeure open instead of failing it (unconfirmed, configurable)', () => {
		expect(resolveScoreCell({ missedReason: 'other' }, { missedWithoutForceMajeure: 'pending' })).toEqual({ status: 'pending', reason: 'not_assessed' });
	});
});

describe('TT22/2021 Điều 9 khoản 1: ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n + 5), exact, half up', () => {
	it.each([
		// regular, midterm, endterm, expected ĐTBmhk
		[[8, 9], 7, 8, 7.9], // (17 + 14 + 24) / 7 = 7,857…
		[[6, 6, 6], 6, 7.2, 6.5], // 51,6 / 8 = 6,45 exactly → 6,5
		[[7, 8, 9, 10], 8, 9, 8.6], // (34 + 16 + 27) / 9 = 8,555…
		[[10, 10], 10, 10, 10],
		[[0, 0, 0], 0, 0, 0],
		// Exact value x,x5 where binary floats land just below: a naive float average gives the lower value.
		[[5, 5.5, 5.5], 5.5, 8.2, 6.5], // exact 6,45; float 6.4499… → toFixed(1) "6.4"
		[[5, 5, 8], 9, 9.2, 8.0], // exact 7,95; float 7.9499… → toFixed(1) "7.9"
		[[4, 4, 4], 5.4, 5.6, 5.0] // exact 4,95; float 4.9499… → Math.round(x·10)/10 = 4.9
	])('tx %j, gk %d, ck %d → %d', (regular, midterm, endterm, expected) => {
		const tenths = (p: number) => Math.round(p * 10);
		expect(termAverageOf(regular.map(tenths), tenths(midterm), tenths(endterm))).toBe(tenths(expected));
		expect(scoredTermAverage(scoredTerm(regular, midterm, endterm))).toEqual({ status: 'complete', average: tenths(expected) });
	});

	it('the float traps above are real: plain JavaScript gets them wrong', () => {
		expect(((5 + 5.5 + 5.5 + 2 * 5.5 + 3 * 8.2) / 8).toFixed(1)).toBe('6.4');
		expect(((5 + 5 + 8 + 2 * 9 + 3 * 9.2) / 8).toFixed(1)).toBe('7.9');
		expect(Math.round(((4 + 4 + 4 + 2 * 5.4 + 3 * 5.6) / 8) * 10) / 10).toBe(4.9);
	});

	it('is incomplete, not a number, while a score is missing, and names the missing cells', () => {
		const input: ScoredTermInput = { kind: 'scored', regular: [{ value: 80 }, {}], midterm: { value: 70 }, endterm: {} };
		expect(scoredTermAverage(input)).toEqual({ status: 'incomplete', missing: [{ slot: 'regular', index: 1 }, { slot: 'endterm' }] });
	});

	it('is incomplete while a force-majeure make-up is pending (Điều 7)', () => {
		const input: ScoredTermInput = { ...scoredTerm([8, 8], 8, 8), endterm: { missedReason: 'force_majeure' } };
		expect(scoredTermAverage(input)).toEqual({ status: 'incomplete', missing: [{ slot: 'endterm' }] });
	});

	it('counts 0 for a make-up not sat (Điều 7): (8 + 8 + 16 + 0) / 7 = 4,6', () => {
		const input: ScoredTermInput = { ...scoredTerm([8, 8], 8, 8), endterm: { missedReason: 'force_majeure', makeup: 'not_taken' } };
		expect(scoredTermAverage(input)).toEqual({ status: 'complete', average: 46 });
	});

	it('is incomplete when fewer regular cells than required were given (Điều 6)', () => {
		const input: ScoredTermInput = { ...scoredTerm([8, 8], 8, 8), expectedRegularCount: 3 };
		expect(scoredTermAverage(input)).toEqual({ status: 'incomplete', missing: [{ slot: 'regular', index: 2 }] });
		expect(() => scoredTermAverage({ ...scoredTerm([8, 8, 8, 8], 8, 8), expectedRegularCount: 3 })).toThrow(RangeError);
	});
});

describe('TT22/2021 Điều 9 khoản 1: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3 on the rounded term averages', () => {
	it.each([
		[6.5, 7.0, 6.8], // 20,5 / 3 = 6,833…
		[8.0, 6.5, 7.0],
		[5.0, 4.9, 4.9], // 14,8 / 3 = 4,933…
		[4.9, 5.0, 5.0], // 14,9 / 3 = 4,966…
		[10, 10, 10],
		[6.4, 6.5, 6.5] // 19,4 / 3 = 6,466…
	])('HK I %d, HK II %d → %d', (t1, t2, expected) => {
		expect(yearAverageOf(Math.round(t1 * 10), Math.round(t2 * 10))).toBe(Math.round(expected * 10));
	});

	it('takes the term averages as stored, one decimal: HK I 6,45 → 6,5 and HK II 7,0 give 6,8', () => {
		const term1 = scoredTermAverage(scoredTerm([6, 6, 6], 6, 7.2));
		const term2 = scoredTermAverage(scoredTerm([7, 7], 7, 7));
		expect(term1).toEqual({ status: 'complete', average: 65 });
		expect(scoredYearAverage(term1, term2)).toEqual({ status: 'complete', average: 68 });
	});

	it('is incomplete while a term average is incomplete, naming the term', () => {
		const done = scoredTermAverage(scoredTerm([7, 7], 7, 7));
		const open = scoredTermAverage({ ...scoredTerm([7, 7], 7, 7), endterm: {} });
		expect(scoredYearAverage(done, open)).toEqual({ status: 'incomplete', missingTerms: [2] });
		expect(scoredYearAverage(open, open)).toEqual({ status: 'incomplete', missingTerms: [1, 2] });
	});
});

describe('TT22/2021 Điều 9 khoản 1: comment subject term and year result', () => {
	const dat: CommentCell = { value: 'dat' };
	const chuaDat: CommentCell = { value: 'chua_dat' };
	const term = (regular: CommentCell[], midterm: CommentCell, endterm: CommentCell) => ({ kind: 'comment' as const, regular, midterm, endterm, expectedRegularCount: 2 });

	it.each([
		['all assessments Đạt → Đạt', term([dat, dat], dat, dat), 'dat'],
		['one regular Chưa đạt → Chưa đạt', term([dat, chuaDat], dat, dat), 'chua_dat'],
		['end-of-term Chưa đạt → Chưa đạt', term([dat, dat], dat, chuaDat), 'chua_dat'],
		['missed end-of-term, make-up not sat → Chưa đạt (Điều 7)', term([dat, dat], dat, { missedReason: 'force_majeure', makeup: 'not_taken' }), 'chua_dat'],
		['make-up sat and Đạt → Đạt', term([dat, dat], dat, { missedReason: 'force_majeure', value: 'dat' }), 'dat']
	])('%s', (_name, input, result) => {
		expect(commentTermResult(input)).toEqual({ status: 'complete', result });
	});

	it('is incomplete during the term while an assessment is missing', () => {
		expect(commentTermResult(term([dat], dat, dat))).toEqual({ status: 'incomplete', missing: [{ slot: 'regular', index: 1 }] });
	});

	it('is Chưa đạt once the term is closed without the full number of assessments', () => {
		expect(commentTermResult(term([dat], dat, dat), { termClosed: true })).toEqual({ status: 'complete', result: 'chua_dat' });
	});

	it.each([
		['dat', 'dat'],
		['chua_dat', 'chua_dat']
	] as const)('the year result is the HK II result (%s → %s)', (term2, year) => {
		expect(commentYearResult(term2)).toBe(year);
	});
});
