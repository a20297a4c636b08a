/**
 * Kết quả học tập (learning result) per term and per year, lower and upper secondary.
 * Thông tư 22/2021/TT-BGDĐT Điều 9 khoản 2–3.
 */
import type { Tenths } from './decimal';
import type { CommentResult } from './secondary-subject';

/** The four levels of learning and of conduct (rèn luyện): Tốt, Khá, Đạt, Chưa đạt. */
export type Level = 'tot' | 'kha' | 'dat' | 'chua_dat';
/** Best first: a level's index is its rank. */
export const LEVELS = ['tot', 'kha', 'dat', 'chua_dat'] as const satisfies readonly Level[];

export function levelRank(level: Level): number {
	return LEVELS.indexOf(level);
}

/** True when `level` is `minimum` or better. */
export function isAtLeast(level: Level, minimum: Level): boolean {
	return levelRank(level) <= levelRank(minimum);
}

/**
 * One subject's result for the period being classified: the rounded ĐTBmhk (term) or ĐTBmcn
 * (year) of a scored subject, or the Đạt / Chưa đạt of a comment subject.
 */
export type SubjectOutcome = { code: string; kind: 'scored'; average: Tenths } | { code: string; kind: 'comment'; result: CommentResult };

export interface LearningOptions {
	/**
	 * A learner with fewer than 6 scored subjects (exemptions) cannot meet any "at least 6"
	 * condition read literally. 'literal' (default) applies the text as written; 'all_scored' reads
	 * "at least 6" as "all of them" for such a learner. School-configurable (unconfirmed).
	 */
	fewerThanSixScoredSubjects?: 'literal' | 'all_scored';
}

export interface LearningResult {
	level: Level;
	/** The level from the criteria alone, before the Điều 9 khoản 3 adjustment. */
	unadjustedLevel: Level;
	/** The code of the single subject that triggered the adjustment, or null. */
	adjustedBecauseOf: string | null;
}

/** "At least 6 subjects" of Điều 9 khoản 2 (and Điều 15), with the fewer-than-6 option applied. */
export function requiredSubjectCount(scoredSubjects: number, options: LearningOptions = {}): number {
	return options.fewerThanSixScoredSubjects === 'all_scored' ? Math.min(6, scoredSubjects) : 6;
}

// Scores in tenths, named as in the text.
const TOT_EVERY = 65;
const TOT_SIX = 80;
const KHA_EVERY = 50;
const KHA_SIX = 65;
const DAT_SIX = 50;
const DAT_NONE_BELOW = 35;

type Criteria = { subjects: readonly SubjectOutcome[]; required: number; except?: SubjectOutcome };

function scored(subjects: readonly SubjectOutcome[]) {
	return subjects.filter((s): s is Extract<SubjectOutcome, { kind: 'scored' }> => s.kind === 'scored');
}
function countAtLeast(c: Criteria, threshold: Tenths): number {
	return scored(c.subjects).filter((s) => s.average >= threshold).length;
}
/** "Every comment subject Đạt and every scored subject ≥ floor", ignoring `except`. */
function everySubjectMeets(c: Criteria, floor: Tenths): boolean {
	return c.subjects.every((s) => s === c.except || (s.kind === 'comment' ? s.result === 'dat' : s.average >= floor));
}

/** Tốt: every comment subject Đạt; every scored ≥ 6,5; at least 6 scored ≥ 8,0. Điều 9 khoản 2 điểm a. */
function meetsTot(c: Criteria): boolean {
	return everySubjectMeets(c, TOT_EVERY) && countAtLeast(c, TOT_SIX) >= c.required;
}
/** Khá: every comment subject Đạt; every scored ≥ 5,0; at least 6 scored ≥ 6,5. Điều 9 khoản 2 điểm b. */
function meetsKha(c: Criteria): boolean {
	return everySubjectMeets(c, KHA_EVERY) && countAtLeast(c, KHA_SIX) >= c.required;
}
/** Đạt: at most 1 comment subject Chưa đạt; at least 6 scored ≥ 5,0; none < 3,5. Điều 9 khoản 2 điểm c. */
function meetsDat(c: Criteria): boolean {
	const commentFails = c.subjects.filter((s) => s.kind === 'comment' && s.result === 'chua_dat').length;
	return commentFails <= 1 && countAtLeast(c, DAT_SIX) >= c.required && scored(c.subjects).every((s) => s.average >= DAT_NONE_BELOW);
}

/** The level the criteria of Điều 9 khoản 2 give, without the khoản 3 adjustment. */
export function criteriaLevel(subjects: readonly SubjectOutcome[], options: LearningOptions = {}): Level {
	const c: Criteria = { subjects, required: requiredSubjectCount(scored(subjects).length, options) };
	if (meetsTot(c)) return 'tot';
	if (meetsKha(c)) return 'kha';
	if (meetsDat(c)) return 'dat';
	return 'chua_dat';
}

/**
 * The learning level for a term (from ĐTBmhk) or the year (from ĐTBmcn), classified on the
 * rounded averages. TT22/2021 Điều 9 khoản 2.
 *
 * Adjustment, TT22/2021 Điều 9 khoản 3 (wording seen in secondary sources): when the level is two
 * or more levels below the Tốt or Khá that the learner would meet but for one single subject, it
 * is raised to the adjacent level, i.e. one level above the level obtained (Tốt pulled to Đạt →
 * Khá; Tốt or Khá pulled to Chưa đạt → Đạt). "But for one subject" means: that subject is the only
 * one failing the "every subject" conditions of Tốt or Khá, and the "at least 6" count holds
 * without it. A comment subject at Chưa đạt can be that subject.
 */
export function classifyLearning(subjects: readonly SubjectOutcome[], options: LearningOptions = {}): LearningResult {
	const base = criteriaLevel(subjects, options);
	const required = requiredSubjectCount(scored(subjects).length, options);
	for (const culprit of subjects) {
		const c: Criteria = { subjects, required, except: culprit };
		const wouldBe: Level | null = meetsTot(c) ? 'tot' : meetsKha(c) ? 'kha' : null;
		if (wouldBe && levelRank(base) - levelRank(wouldBe) >= 2) {
			return { level: LEVELS[levelRank(base) - 1], unadjustedLevel: base, adjustedBecauseOf: culprit.code };
		}
	}
	return { level: base, unadjustedLevel: base, adjustedBecauseOf: null };
}
