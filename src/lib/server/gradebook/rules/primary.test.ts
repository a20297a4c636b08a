import { describe, expect, it } from 'vitest';
import {
	primaryAward,
	primaryYearEndResult,
	QUALITIES_AND_COMPETENCIES,
	requiredTests,
	type AssessmentPoint,
	type PrimaryGrade,
	type PrimaryYearEndInput,
	type QualityLevel,
	type SubjectLevel
} from './primary';

describe('TT27/2020 Điều 7 khoản 1: subjects with a periodic test', () => {
	it.each<[PrimaryGrade, AssessmentPoint, string[]]>([
		[1, 'end_term_1', ['tieng_viet', 'toan']],
		[2, 'end_of_year', ['tieng_viet', 'toan']],
		[3, 'end_term_1', ['tieng_viet', 'toan', 'ngoai_ngu_1', 'tin_hoc_cong_nghe']],
		[3, 'end_of_year', ['tieng_viet', 'toan', 'ngoai_ngu_1', 'tin_hoc_cong_nghe']],
		[4, 'end_term_1', ['tieng_viet', 'toan', 'ngoai_ngu_1', 'tin_hoc_cong_nghe', 'lich_su_dia_li', 'khoa_hoc']],
		[5, 'end_of_year', ['tieng_viet', 'toan', 'ngoai_ngu_1', 'tin_hoc_cong_nghe', 'lich_su_dia_li', 'khoa_hoc']],
		[4, 'mid_term_1', ['tieng_viet', 'toan']],
		[5, 'mid_term_2', ['tieng_viet', 'toan']],
		[1, 'mid_term_1', []],
		[3, 'mid_term_2', []]
	])('grade %i at %s: %j', (grade, point, subjects) => {
		expect(requiredTests(grade, point)).toEqual(subjects);
	});
});

const SUBJECTS = ['tieng_viet', 'toan', 'ngoai_ngu_1', 'tin_hoc_cong_nghe', 'dao_duc', 'tu_nhien_xa_hoi', 'hoat_dong_trai_nghiem'];

function pupil(o: { subjects?: SubjectLevel; worstSubject?: SubjectLevel; qualities?: QualityLevel; worstQuality?: QualityLevel; tests?: number; worstTest?: number }): PrimaryYearEndInput {
	const subjects = SUBJECTS.map((code, i) => ({ code, level: i === 0 ? (o.worstSubject ?? o.subjects ?? 'T') : (o.subjects ?? 'T') }));
	const qualities = QUALITIES_AND_COMPETENCIES.map((code, i) => ({ code, level: i === 0 ? (o.worstQuality ?? o.qualities ?? 'tot') : (o.qualities ?? 'tot') }));
	const tests = { tieng_viet: o.worstTest ?? o.tests ?? 10, toan: o.tests ?? 10, ngoai_ngu_1: o.tests ?? 10, tin_hoc_cong_nghe: o.tests ?? 10 };
	return { grade: 3, subjects, qualities, endOfYearTests: tests };
}

describe('TT27/2020 Điều 9: year-end result', () => {
	it.each<[string, PrimaryYearEndInput, string]>([
		['HTXS: all T, all Tốt, every test ≥ 9', pupil({ tests: 9 }), 'htxs'],
		['HTT, not HTXS: one test at 8', pupil({ worstTest: 8 }), 'htt'],
		['HTT at the floor: a test at 7', pupil({ worstTest: 7 }), 'htt'],
		['HT, not HTT: a test at 6', pupil({ worstTest: 6 }), 'ht'],
		['HT, not HTT: one subject H', pupil({ worstSubject: 'H' }), 'ht'],
		['HT, not HTT: one quality Đạt', pupil({ worstQuality: 'dat' }), 'ht'],
		['HT at the floor: all H, all Đạt, tests at 5', pupil({ subjects: 'H', qualities: 'dat', tests: 5 }), 'ht'],
		['CHT: a test at 4', pupil({ worstTest: 4 }), 'cht'],
		['CHT: one subject C', pupil({ worstSubject: 'C' }), 'cht'],
		['CHT: one quality Cần cố gắng', pupil({ worstQuality: 'can_co_gang' }), 'cht'],
		['CHT with a test at 0 (0 is a valid score under TT27)', pupil({ worstTest: 0 }), 'cht']
	])('%s', (_name, input, result) => {
		expect(primaryYearEndResult(input)).toEqual({ status: 'complete', result });
	});

	it('is incomplete while a required end-of-year test or a quality is missing', () => {
		const input = pupil({});
		const { toan: _dropped, ...tests } = input.endOfYearTests;
		const qualities = input.qualities.filter((q) => q.code !== 'trung_thuc');
		expect(primaryYearEndResult({ ...input, endOfYearTests: tests, qualities })).toEqual({ status: 'incomplete', missingTests: ['toan'], missingQualities: ['trung_thuc'] });
	});

	it('asks only for the tests of the grade: grade 2 needs no Ngoại ngữ 1 test', () => {
		const input: PrimaryYearEndInput = { ...pupil({}), grade: 2, endOfYearTests: { tieng_viet: 9, toan: 9 } };
		expect(primaryYearEndResult(input)).toEqual({ status: 'complete', result: 'htxs' });
	});

	it('lets a school narrow the qualities it requires (configurable)', () => {
		const input = { ...pupil({}), qualities: pupil({}).qualities.filter((q) => q.code !== 'tin_hoc') };
		expect(primaryYearEndResult(input).status).toBe('incomplete');
		const required = QUALITIES_AND_COMPETENCIES.filter((c) => c !== 'tin_hoc');
		expect(primaryYearEndResult(input, { requiredQualities: required }).status).toBe('complete');
	});
});

describe('TT27/2020 Điều 13: awards', () => {
	const base = { outstandingSubjects: [], progressedQualities: [], recognisedByClass: true };
	it.each([
		['Học sinh Xuất sắc for HTXS', { ...base, result: 'htxs' as const }, 'hoc_sinh_xuat_sac'],
		['Học sinh Tiêu biểu: HTT with an outstanding subject, recognised by the class', { ...base, result: 'htt' as const, outstandingSubjects: ['toan'] }, 'hoc_sinh_tieu_bieu'],
		['Học sinh Tiêu biểu: HTT with clear progress in a quality', { ...base, result: 'htt' as const, progressedQualities: ['cham_chi'] }, 'hoc_sinh_tieu_bieu'],
		['nothing for HTT without an achievement', { ...base, result: 'htt' as const }, null],
		['nothing for HTT not recognised by the class', { ...base, result: 'htt' as const, outstandingSubjects: ['toan'], recognisedByClass: false }, null],
		['nothing for HT, even with an achievement', { ...base, result: 'ht' as const, outstandingSubjects: ['toan'] }, null]
	])('%s', (_name, input, award) => {
		expect(primaryAward(input)).toBe(award);
	});
});
