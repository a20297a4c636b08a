/**
 * Primary school (Tiểu học) assessment: levels at the four points, which subjects have tests,
 * qualities and competencies, the year-end result and awards. Thông tư 27/2020/TT-BGDĐT.
 * There are no averages and pupils are not ranked against each other (Điều 4).
 */
import { PRIMARY_SUBJECTS, type PrimaryTestedSubject } from './subjects';

/** Hoàn thành tốt / Hoàn thành / Chưa hoàn thành. TT27/2020 Điều 7 khoản 1. */
export type SubjectLevel = 'T' | 'H' | 'C';
export const SUBJECT_LEVELS = ['T', 'H', 'C'] as const satisfies readonly SubjectLevel[];

/** Giữa HK I, cuối HK I, giữa HK II, cuối năm học. TT27/2020 Điều 7. */
export const ASSESSMENT_POINTS = ['mid_term_1', 'end_term_1', 'mid_term_2', 'end_of_year'] as const;
export type AssessmentPoint = (typeof ASSESSMENT_POINTS)[number];

export type PrimaryGrade = 1 | 2 | 3 | 4 | 5;

const { tiengViet, toan, ngoaiNgu1, tinHocCongNghe, lichSuDiaLi, khoaHoc } = PRIMARY_SUBJECTS;

/**
 * Subjects with a periodic test at this point and grade. TT27/2020 Điều 7 khoản 1:
 * tests at cuối HK I and cuối năm học in Tiếng Việt and Toán (grades 1–2), plus Ngoại ngữ 1 and
 * Tin học và Công nghệ (grade 3), plus Lịch sử và Địa lí and Khoa học (grades 4–5); grades 4 and
 * 5 also test Tiếng Việt and Toán at giữa HK I and giữa HK II.
 */
export function requiredTests(grade: PrimaryGrade, point: AssessmentPoint): PrimaryTestedSubject[] {
	if (point === 'mid_term_1' || point === 'mid_term_2') return grade >= 4 ? [tiengViet, toan] : [];
	if (grade <= 2) return [tiengViet, toan];
	if (grade === 3) return [tiengViet, toan, ngoaiNgu1, tinHocCongNghe];
	return [tiengViet, toan, ngoaiNgu1, tinHocCongNghe, lichSuDiaLi, khoaHoc];
}

/** Phẩm chất chủ yếu. TT27/2020 Điều 7 khoản 2. */
export const QUALITIES = ['yeu_nuoc', 'nhan_ai', 'cham_chi', 'trung_thuc', 'trach_nhiem'] as const;
/** Năng lực chung. TT27/2020 Điều 7 khoản 2. */
export const GENERAL_COMPETENCIES = ['tu_chu_tu_hoc', 'giao_tiep_hop_tac', 'giai_quyet_van_de_sang_tao'] as const;
/** Năng lực đặc thù. TT27/2020 Điều 7 khoản 2. */
export const SPECIFIC_COMPETENCIES = ['ngon_ngu', 'tinh_toan', 'khoa_hoc', 'cong_nghe', 'tin_hoc', 'tham_mi', 'the_chat'] as const;
export const QUALITIES_AND_COMPETENCIES = [...QUALITIES, ...GENERAL_COMPETENCIES, ...SPECIFIC_COMPETENCIES] as const;
export type QualityOrCompetency = (typeof QUALITIES_AND_COMPETENCIES)[number];

/** Tốt / Đạt / Cần cố gắng. TT27/2020 Điều 7 khoản 2 (the descriptors of each level: unconfirmed). */
export type QualityLevel = 'tot' | 'dat' | 'can_co_gang';
export const QUALITY_LEVELS = ['tot', 'dat', 'can_co_gang'] as const satisfies readonly QualityLevel[];

/** Hoàn thành xuất sắc / Hoàn thành tốt / Hoàn thành / Chưa hoàn thành. TT27/2020 Điều 9. */
export type PrimaryYearResult = 'htxs' | 'htt' | 'ht' | 'cht';

export interface PrimaryYearEndInput {
	grade: PrimaryGrade;
	/** Every subject and educational activity with its cuối năm học level. */
	subjects: readonly { code: string; level: SubjectLevel }[];
	/** Each quality and competency with its cuối năm học level. */
	qualities: readonly { code: string; level: QualityLevel }[];
	/** End-of-year test scores (whole 0–10) by subject code. */
	endOfYearTests: Readonly<Partial<Record<string, number>>>;
}

export interface PrimaryYearEndOptions {
	/**
	 * Qualities and competencies that must be rated before a result is given. Defaults to all
	 * fifteen; a school whose record form rates fewer in the lower grades can narrow it
	 * (school-configurable).
	 */
	requiredQualities?: readonly string[];
}

export type PrimaryYearEndOutcome =
	| { status: 'complete'; result: PrimaryYearResult }
	| { status: 'incomplete'; missingTests: string[]; missingQualities: string[] };

/**
 * The year-end result, assigned at year end only. TT27/2020 Điều 9:
 * - HTXS: every subject/activity T, every quality/competency Tốt, every end-of-year test ≥ 9;
 * - HTT: otherwise, every subject/activity T, every quality/competency Tốt, every test ≥ 7;
 * - HT: otherwise, every subject/activity T or H, every quality/competency Tốt or Đạt, every
 *   test ≥ 5;
 * - CHT: all others.
 * Incomplete while a required test (requiredTests(grade, 'end_of_year')) or a quality is missing.
 */
export function primaryYearEndResult(input: PrimaryYearEndInput, options: PrimaryYearEndOptions = {}): PrimaryYearEndOutcome {
	const tested = requiredTests(input.grade, 'end_of_year');
	const missingTests = tested.filter((code) => input.endOfYearTests[code] === undefined);
	const rated = new Set(input.qualities.map((q) => q.code));
	const missingQualities = (options.requiredQualities ?? QUALITIES_AND_COMPETENCIES).filter((code) => !rated.has(code));
	if (missingTests.length > 0 || missingQualities.length > 0) return { status: 'incomplete', missingTests, missingQualities };

	const scores = tested.map((code) => input.endOfYearTests[code] as number);
	const subjectsAll = (ok: readonly SubjectLevel[]) => input.subjects.every((s) => ok.includes(s.level));
	const qualitiesAll = (ok: readonly QualityLevel[]) => input.qualities.every((q) => ok.includes(q.level));
	const testsAtLeast = (min: number) => scores.every((s) => s >= min);

	if (subjectsAll(['T']) && qualitiesAll(['tot']) && testsAtLeast(9)) return { status: 'complete', result: 'htxs' };
	if (subjectsAll(['T']) && qualitiesAll(['tot']) && testsAtLeast(7)) return { status: 'complete', result: 'htt' };
	if (subjectsAll(['T', 'H']) && qualitiesAll(['tot', 'dat']) && testsAtLeast(5)) return { status: 'complete', result: 'ht' };
	return { status: 'complete', result: 'cht' };
}

export type PrimaryAward = 'hoc_sinh_xuat_sac' | 'hoc_sinh_tieu_bieu';

/**
 * Year-end titles. TT27/2020 Điều 13:
 * - Học sinh Xuất sắc: the year result is Hoàn thành xuất sắc;
 * - Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện: the year result is Hoàn thành
 *   tốt, with an outstanding achievement in at least one subject or clear progress in at least one
 *   quality or competency, recognised by the class.
 */
export function primaryAward(input: {
	result: PrimaryYearResult;
	outstandingSubjects: readonly string[];
	progressedQualities: readonly string[];
	recognisedByClass: boolean;
}): PrimaryAward | null {
	if (input.result === 'htxs') return 'hoc_sinh_xuat_sac';
	const notable = input.outstandingSubjects.length > 0 || input.progressedQualities.length > 0;
	if (input.result === 'htt' && notable && input.recognisedByClass) return 'hoc_sinh_tieu_bieu';
	return null;
}
