/**
 * End of the school year in lower and upper secondary: promotion (lên lớp, or completion of THCS /
 * THPT), summer conduct training, re-assessment of learning, and awards.
 * Thông tư 22/2021/TT-BGDĐT Điều 12–15.
 */
import {
	classifyLearning,
	isAtLeast,
	requiredSubjectCount,
	type LearningOptions,
	type LearningResult,
	type Level,
	type SubjectOutcome
} from './secondary-learning';

export interface PromotionOptions {
	/** Most sessions (buổi) of absence, excused and unexcused, on a 1-session/day plan. 45 by TT22. */
	maxAbsences?: number;
}
export const DEFAULT_MAX_ABSENCES = 45;

/** The year's results that promotion looks at. `absences` as counted by promotionAbsenceCount. */
export interface YearStanding {
	conduct: Level;
	learning: Level;
	absences: number;
}

export type PromotionBlocker = 'conduct' | 'learning' | 'absences';
export type PromotionDecision = { promoted: true } | { promoted: false; blockers: PromotionBlocker[] };

/**
 * Promoted when the year's conduct is Đạt or better, the year's learning is Đạt or better and the
 * learner missed at most 45 sessions. TT22/2021 Điều 12–14 (promotion). Call it again after summer
 * training or re-assessment has replaced a year result.
 */
export function promotionDecision(year: YearStanding, options: PromotionOptions = {}): PromotionDecision {
	const blockers: PromotionBlocker[] = [];
	if (!isAtLeast(year.conduct, 'dat')) blockers.push('conduct');
	if (!isAtLeast(year.learning, 'dat')) blockers.push('learning');
	if (year.absences > (options.maxAbsences ?? DEFAULT_MAX_ABSENCES)) blockers.push('absences');
	return blockers.length === 0 ? { promoted: true } : { promoted: false, blockers };
}

/**
 * A year conduct of Chưa đạt obliges summer training (rèn luyện trong kì nghỉ hè); the principal
 * decides its form, and the re-evaluated conduct replaces the year conduct. TT22/2021 Điều 12–14.
 */
export function needsSummerConductTraining(yearConductLevel: Level): boolean {
	return yearConductLevel === 'chua_dat';
}

/**
 * Re-assessment of learning is for a learner not yet promoted whose year learning is Chưa đạt and
 * whose year conduct is Đạt or better. TT22/2021 Điều 12–14.
 *
 * Pass the current conduct: when both were Chưa đạt, the conduct re-evaluated after summer
 * training, so training comes first (MoET's published answer; details unconfirmed). A learner over
 * the absence limit is not eligible: re-assessment could not lead to promotion (interpretation).
 */
export function isEligibleForLearningReassessment(year: YearStanding, options: PromotionOptions = {}): boolean {
	return year.learning === 'chua_dat' && isAtLeast(year.conduct, 'dat') && year.absences <= (options.maxAbsences ?? DEFAULT_MAX_ABSENCES);
}

/** Re-assessed: comment subjects at Chưa đạt and scored subjects with ĐTBmcn below 5,0. TT22/2021 Điều 12–14. */
export function subjectsToReassess(yearSubjects: readonly SubjectOutcome[]): string[] {
	return yearSubjects.filter((s) => (s.kind === 'comment' ? s.result === 'chua_dat' : s.average < 50)).map((s) => s.code);
}

/**
 * Each re-assessed result replaces that subject's year result (even when lower). Results for
 * subjects that were not to be re-assessed are a caller error. TT22/2021 Điều 12–14.
 */
export function applyReassessment(yearSubjects: readonly SubjectOutcome[], results: readonly SubjectOutcome[]): SubjectOutcome[] {
	const allowed = new Set(subjectsToReassess(yearSubjects));
	const byCode = new Map<string, SubjectOutcome>();
	for (const r of results) {
		if (!allowed.has(r.code)) throw new RangeError(`subject ${r.code} is not to be re-assessed`);
		byCode.set(r.code, r);
	}
	return yearSubjects.map((s) => {
		const r = byCode.get(s.code);
		if (!r) return s;
		if (r.kind !== s.kind) throw new RangeError(`subject ${s.code} is ${s.kind}, re-assessment result is ${r.kind}`);
		return r;
	});
}

/** The year learning level recomputed once re-assessment results replace year results. TT22/2021 Điều 9, 12–14. */
export function learningAfterReassessment(
	yearSubjects: readonly SubjectOutcome[],
	results: readonly SubjectOutcome[],
	options: LearningOptions = {}
): LearningResult {
	return classifyLearning(applyReassessment(yearSubjects, results), options);
}

export type SecondaryAward = 'hoc_sinh_xuat_sac' | 'hoc_sinh_gioi';

/**
 * Year-end title. TT22/2021 Điều 15:
 * - Học sinh Xuất sắc: conduct Tốt, learning Tốt and at least 6 scored subjects with ĐTBmcn ≥ 9,0;
 * - Học sinh Giỏi: conduct Tốt and learning Tốt.
 */
export function secondaryAward(
	year: { conduct: Level; learning: Level; yearSubjects: readonly SubjectOutcome[] },
	options: LearningOptions = {}
): SecondaryAward | null {
	if (year.conduct !== 'tot' || year.learning !== 'tot') return null;
	const scored = year.yearSubjects.filter((s) => s.kind === 'scored');
	const atNine = scored.filter((s) => s.average >= 90).length;
	return atNine >= requiredSubjectCount(scored.length, options) ? 'hoc_sinh_xuat_sac' : 'hoc_sinh_gioi';
}
