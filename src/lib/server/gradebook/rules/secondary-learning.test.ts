import { describe, expect, it } from 'vitest';
import { classifyLearning, criteriaLevel, isAtLeast, type Level, type SubjectOutcome } from './secondary-learning';
import { scoredTermAverage } from './secondary-subject';

const SCORED = ['toan', 'ngu_van', 'ngoai_ngu_1', 'lich_su_dia_li', 'khoa_hoc_tu_nhien', 'gdcd', 'cong_nghe', 'tin_hoc'];
const COMMENT = ['giao_duc_the_chat', 'nghe_thuat', 'hoat_dong_trai_nghiem', 'giao_duc_dia_phuong'];

/**
 * A learner from eight scored averages (in points, the order of SCORED) and the comment subjects
 * at Chưa đạt (all others Đạt).
 */
function learner(scores: number[], commentFails: string[] = []): SubjectOutcome[] {
	return [
		...scores.map((p, i): SubjectOutcome => ({ code: SCORED[i], kind: 'scored', average: Math.round(p * 10) })),
		...COMMENT.map((code): SubjectOutcome => ({ code, kind: 'comment', result: commentFails.includes(code) ? 'chua_dat' : 'dat' }))
	];
}

// Six at ≥ 8,0 and all ≥ 6,5: Tốt. The last two subjects (cong_nghe, tin_hoc) are free to vary.
const TOT = [8.5, 8.0, 8.2, 8.0, 9.0, 8.4, 7.0, 7.5];
// Six at ≥ 6,5 and all ≥ 5,0, fewer than six at 8,0: Khá.
const KHA = [7, 7, 7, 7, 7, 7, 6, 6];

describe('TT22/2021 Điều 9 khoản 2: learning level per term (ĐTBmhk) and year (ĐTBmcn)', () => {
	it.each<[string, SubjectOutcome[], Level]>([
		['Tốt: all comment Đạt, all ≥ 6,5, six ≥ 8,0', learner(TOT), 'tot'],
		['Tốt at the floor: the weakest subject exactly 6,5', learner([8, 8, 8, 8, 8, 8, 6.5, 6.5]), 'tot'],
		['Khá, not Tốt: only five subjects ≥ 8,0', learner([8, 8, 8, 8, 8, 7.9, 7, 7]), 'kha'],
		['Khá: all comment Đạt, all ≥ 5,0, six ≥ 6,5', learner(KHA), 'kha'],
		['Khá at the floor: the weakest subject exactly 5,0', learner([7, 7, 7, 7, 7, 7, 5, 5]), 'kha'],
		['Đạt, not Khá: only five subjects ≥ 6,5', learner([7, 7, 7, 7, 7, 6.4, 6, 6]), 'dat'],
		['Đạt: one comment subject Chưa đạt, six ≥ 5,0, none < 3,5', learner([5, 5, 5, 5, 5, 5, 4, 3.5], ['nghe_thuat']), 'dat'],
		['Chưa đạt: only five subjects ≥ 5,0', learner([5, 5, 5, 5, 5, 4.9, 4, 4]), 'chua_dat'],
		['Chưa đạt: a subject below 3,5', learner([5, 5, 5, 5, 5, 5, 5, 3.4]), 'chua_dat'],
		['Chưa đạt: two comment subjects Chưa đạt', learner([5, 5, 5, 5, 5, 5, 5, 5], ['nghe_thuat', 'giao_duc_the_chat']), 'chua_dat']
	])('%s', (_name, subjects, level) => {
		expect(criteriaLevel(subjects)).toBe(level);
		expect(classifyLearning(subjects)).toEqual({ level, unadjustedLevel: level, adjustedBecauseOf: null });
	});

	it('classifies on the rounded average: a term average of exactly 6,45 is 6,5 and keeps Tốt', () => {
		const congNghe = scoredTermAverage({ kind: 'scored', regular: [{ value: 60 }, { value: 60 }, { value: 60 }], midterm: { value: 60 }, endterm: { value: 72 } });
		expect(congNghe).toEqual({ status: 'complete', average: 65 });
		const subjects = learner(TOT).map((s) => (s.code === 'cong_nghe' && congNghe.status === 'complete' ? { ...s, average: congNghe.average } : s));
		expect(classifyLearning(subjects).level).toBe('tot');
		expect(classifyLearning(learner([8.5, 8.0, 8.2, 8.0, 9.0, 8.4, 6.4, 7.5])).level).toBe('kha');
	});
});

describe('TT22/2021 Điều 9 khoản 3: a fall of two or more levels from Tốt or Khá caused by one single subject is raised to the adjacent level', () => {
	it.each<[string, SubjectOutcome[], Level, Level, string]>([
		['Tốt pulled to Đạt by one subject at 4,0 → Khá', learner([...TOT.slice(0, 7), 4.0]), 'dat', 'kha', 'tin_hoc'],
		['Tốt pulled to Đạt by one subject at 4,9 → Khá', learner([...TOT.slice(0, 7), 4.9]), 'dat', 'kha', 'tin_hoc'],
		['Tốt pulled to Chưa đạt by one subject at 3,0 → Đạt (one level up from the level obtained)', learner([...TOT.slice(0, 7), 3.0]), 'chua_dat', 'dat', 'tin_hoc'],
		['Tốt pulled to Đạt by one comment subject at Chưa đạt → Khá', learner(TOT, ['giao_duc_the_chat']), 'dat', 'kha', 'giao_duc_the_chat'],
		['Khá pulled to Chưa đạt by one subject at 3,0 → Đạt', learner([...KHA.slice(0, 7), 3.0]), 'chua_dat', 'dat', 'tin_hoc'],
		[
			'Chưa đạt by one subject at 3,0 while another (6,0) already rules out Tốt: measured against Khá → Đạt',
			learner([...TOT.slice(0, 6), 6.0, 3.0]),
			'chua_dat',
			'dat',
			'tin_hoc'
		]
	])('%s', (_name, subjects, unadjustedLevel, level, because) => {
		expect(classifyLearning(subjects)).toEqual({ level, unadjustedLevel, adjustedBecauseOf: because });
	});

	it.each<[string, SubjectOutcome[], Level]>([
		['not when the fall is one level: Tốt pulled to Khá by one subject at 6,0', learner([...TOT.slice(0, 7), 6.0]), 'kha'],
		['not when the fall is one level: Khá pulled to Đạt by one comment subject', learner(KHA, ['nghe_thuat']), 'dat'],
		['not at the boundary: one subject at exactly 5,0 leaves Khá, one level below Tốt', learner([...TOT.slice(0, 7), 5.0]), 'kha'],
		['not when two subjects cause it: Tốt scores with two subjects at 4,0', learner([...TOT.slice(0, 6), 4.0, 4.0]), 'dat'],
		['not when two subjects cause it: one subject at 4,0 and one comment subject Chưa đạt', learner([...TOT.slice(0, 7), 4.0], ['nghe_thuat']), 'dat'],
		['not when two subjects cause it: one subject at 3,0 and one comment subject Chưa đạt', learner([...TOT.slice(0, 7), 3.0], ['nghe_thuat']), 'chua_dat'],
		['not when two comment subjects are Chưa đạt', learner(TOT, ['nghe_thuat', 'giao_duc_the_chat']), 'chua_dat'],
		[
			'not when the count fails too: one subject at 4,0 but only five subjects ≥ 6,5, so no Khá to fall from',
			learner([7, 7, 7, 7, 7, 6, 6, 4.0]),
			'dat'
		],
		['not from Đạt: a learner who would be Đạt pulled to Chưa đạt by one subject stays Chưa đạt', learner([5, 5, 5, 5, 5, 5, 5, 3.0]), 'chua_dat']
	])('%s', (_name, subjects, level) => {
		expect(classifyLearning(subjects)).toEqual({ level, unadjustedLevel: level, adjustedBecauseOf: null });
	});
});

describe('fewer than 6 scored subjects (exemptions; unconfirmed, school-configurable)', () => {
	const five: SubjectOutcome[] = ['toan', 'ngu_van', 'ngoai_ngu_1', 'lich_su_dia_li', 'khoa_hoc_tu_nhien'].map((code) => ({ code, kind: 'scored', average: 90 }));

	it('by default applies "at least 6" literally, so five subjects at 9,0 are Chưa đạt', () => {
		expect(classifyLearning(five).level).toBe('chua_dat');
	});

	it("with 'all_scored' reads \"at least 6\" as all of them", () => {
		expect(classifyLearning(five, { fewerThanSixScoredSubjects: 'all_scored' }).level).toBe('tot');
		const oneSeven = five.map((s, i) => (i === 0 ? { ...s, average: 70 } : s));
		expect(classifyLearning(oneSeven, { fewerThanSixScoredSubjects: 'all_scored' }).level).toBe('kha');
	});
});

describe('level order', () => {
	it.each<[Level, Level, boolean]>([
		['tot', 'dat', true],
		['dat', 'dat', true],
		['chua_dat', 'dat', false],
		['kha', 'tot', false]
	])('%s is at least %s: %s', (level, min, expected) => {
		expect(isAtLeast(level, min)).toBe(expected);
	});
});
