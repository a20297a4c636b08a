import { describe, expect, it } from 'vitest';
import type { Level, SubjectOutcome } from './secondary-learning';
import {
	applyReassessment,
	isEligibleForLearningReassessment,
	learningAfterReassessment,
	needsSummerConductTraining,
	promotionDecision,
	secondaryAward,
	subjectsToReassess,
	type PromotionDecision,
	type YearStanding
} from './secondary-year-end';

const scored = (code: string, points: number): SubjectOutcome => ({ code, kind: 'scored', average: Math.round(points * 10) });
const comment = (code: string, result: 'dat' | 'chua_dat'): SubjectOutcome => ({ code, kind: 'comment', result });

describe('TT22/2021 Điều 12–14: promotion (conduct ≥ Đạt, learning ≥ Đạt, ≤ 45 sessions absent)', () => {
	it.each<[string, YearStanding, PromotionDecision]>([
		['promoted at the minimum', { conduct: 'dat', learning: 'dat', absences: 45 }, { promoted: true }],
		['promoted with Tốt / Tốt', { conduct: 'tot', learning: 'tot', absences: 0 }, { promoted: true }],
		['not with 46 sessions absent', { conduct: 'tot', learning: 'tot', absences: 46 }, { promoted: false, blockers: ['absences'] }],
		['not with conduct Chưa đạt', { conduct: 'chua_dat', learning: 'kha', absences: 3 }, { promoted: false, blockers: ['conduct'] }],
		['not with learning Chưa đạt', { conduct: 'kha', learning: 'chua_dat', absences: 3 }, { promoted: false, blockers: ['learning'] }],
		['every reason listed', { conduct: 'chua_dat', learning: 'chua_dat', absences: 50 }, { promoted: false, blockers: ['conduct', 'learning', 'absences'] }]
	])('%s', (_name, year, decision) => {
		expect(promotionDecision(year)).toEqual(decision);
	});

	it('takes the absence limit as a parameter', () => {
		expect(promotionDecision({ conduct: 'dat', learning: 'dat', absences: 46 }, { maxAbsences: 50 })).toEqual({ promoted: true });
	});
});

describe('TT22/2021 Điều 12–14: summer conduct training and learning re-assessment', () => {
	it.each<[Level, boolean]>([
		['chua_dat', true],
		['dat', false],
		['tot', false]
	])('year conduct %s → summer training: %s', (conduct, expected) => {
		expect(needsSummerConductTraining(conduct)).toBe(expected);
	});

	it.each<[string, YearStanding, boolean]>([
		['learning Chưa đạt with conduct Đạt → re-assessed', { conduct: 'dat', learning: 'chua_dat', absences: 10 }, true],
		['learning Chưa đạt with conduct Chưa đạt → not (summer training first)', { conduct: 'chua_dat', learning: 'chua_dat', absences: 10 }, false],
		['learning Đạt → nothing to re-assess', { conduct: 'dat', learning: 'dat', absences: 10 }, false],
		['over the absence limit → not (re-assessment could not promote; interpretation)', { conduct: 'tot', learning: 'chua_dat', absences: 46 }, false]
	])('%s', (_name, year, expected) => {
		expect(isEligibleForLearningReassessment(year)).toBe(expected);
	});

	const year: SubjectOutcome[] = [
		scored('toan', 4.9),
		scored('ngu_van', 5.0),
		scored('ngoai_ngu_1', 3.0),
		scored('lich_su_dia_li', 6.0),
		scored('khoa_hoc_tu_nhien', 5.5),
		scored('gdcd', 6.0),
		scored('cong_nghe', 6.5),
		scored('tin_hoc', 5.0),
		comment('giao_duc_the_chat', 'chua_dat'),
		comment('nghe_thuat', 'dat')
	];

	it('re-assesses the comment subjects at Chưa đạt and the scored subjects with ĐTBmcn below 5,0', () => {
		expect(subjectsToReassess(year)).toEqual(['toan', 'ngoai_ngu_1', 'giao_duc_the_chat']);
	});

	it('replaces each re-assessed subject’s year result and recomputes the year learning level', () => {
		// Before: ngoai_ngu_1 at 3,0 (< 3,5) → Chưa đạt.
		expect(learningAfterReassessment(year, []).level).toBe('chua_dat');
		const results = [scored('ngoai_ngu_1', 5.5), comment('giao_duc_the_chat', 'dat')];
		const after = applyReassessment(year, results);
		expect(after.find((s) => s.code === 'ngoai_ngu_1')).toEqual(scored('ngoai_ngu_1', 5.5));
		expect(after.find((s) => s.code === 'toan')).toEqual(scored('toan', 4.9));
		// After: seven subjects ≥ 5,0, none < 3,5, no comment Chưa đạt → Đạt.
		expect(learningAfterReassessment(year, results).level).toBe('dat');
	});

	it('replaces the year result even when the re-assessment is lower', () => {
		expect(applyReassessment(year, [scored('toan', 2.0)]).find((s) => s.code === 'toan')).toEqual(scored('toan', 2.0));
	});

	it('refuses a result for a subject that was not to be re-assessed, or of the wrong kind', () => {
		expect(() => applyReassessment(year, [scored('ngu_van', 9)])).toThrow(RangeError);
		expect(() => applyReassessment(year, [comment('toan', 'dat')])).toThrow(RangeError);
	});
});

describe('TT22/2021 Điều 15: awards', () => {
	const nines = ['toan', 'ngu_van', 'ngoai_ngu_1', 'lich_su_dia_li', 'khoa_hoc_tu_nhien', 'gdcd'].map((c) => scored(c, 9.0));
	const subjects = [...nines, scored('cong_nghe', 8.0), scored('tin_hoc', 8.5)];

	it.each<[string, Level, Level, SubjectOutcome[], string | null]>([
		['Học sinh Xuất sắc: Tốt, Tốt and six subjects ≥ 9,0', 'tot', 'tot', subjects, 'hoc_sinh_xuat_sac'],
		['Học sinh Giỏi: Tốt, Tốt but only five subjects ≥ 9,0', 'tot', 'tot', [...nines.slice(0, 5), scored('gdcd', 8.9), ...subjects.slice(6)], 'hoc_sinh_gioi'],
		['nothing with conduct Khá', 'kha', 'tot', subjects, null],
		['nothing with learning Khá', 'tot', 'kha', subjects, null]
	])('%s', (_name, conduct, learning, yearSubjects, award) => {
		expect(secondaryAward({ conduct, learning, yearSubjects })).toBe(award);
	});
});
