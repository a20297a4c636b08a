/**
 * One subject for one learner in lower and upper secondary (THCS, THPT): how it is assessed, how
 * many regular assessments it records, how a missed assessment resolves, and the term and year
 * result. Thông tư 22/2021/TT-BGDĐT.
 */
import { divideRoundHalfUp, type Tenths } from './decimal';
import { isSecondaryCommentSubject } from './subjects';

/** scored = nhận xét kết hợp điểm số; comment = nhận xét only (Đạt / Chưa đạt). */
export type SubjectKind = 'scored' | 'comment';
/** Đạt / Chưa đạt. */
export type CommentResult = 'dat' | 'chua_dat';

/**
 * Comment-only for the subjects TT22 lists, scored (10-point scale) for all others, known by the
 * school's code for the subject (GDTC, giao_duc_the_chat …) or else its name. TT22/2021 Điều 5.
 */
export function secondaryAssessmentForm(subjectCode: string, subjectName?: string): SubjectKind {
	return isSecondaryCommentSubject(subjectCode, subjectName) ? 'comment' : 'scored';
}

/**
 * The assessment form a new subject gets when the school does not choose one: TT22 Điều 5's for a
 * lower or upper secondary school (and a multi-level one, whose secondary grades it governs);
 * by score elsewhere, where the form is not what decides the columns (TT27 primary, preschool).
 */
export function defaultSubjectAssessment(schoolLevel: string, subjectCode: string, subjectName?: string): 'score' | 'comment' {
	const secondary = schoolLevel === 'lower_secondary' || schoolLevel === 'upper_secondary' || schoolLevel === 'multi_level';
	return secondary && secondaryAssessmentForm(subjectCode, subjectName) === 'comment' ? 'comment' : 'score';
}

export interface RegularCountOptions {
	/** ĐĐGtx per term for a comment-only subject. School-configurable; 2 is unconfirmed, not law. */
	commentSubjectRegularCount?: number;
}
export const DEFAULT_COMMENT_SUBJECT_REGULAR_COUNT = 2;

/**
 * Number of regular assessments (ĐĐGtx) recorded per term, from the subject's periods per year in
 * that grade: up to 35 → 2, above 35 up to 70 → 3, above 70 → 4. TT22/2021 Điều 6.
 * (The text names "35 periods"; fewer than 35 is read as 2.)
 */
export function regularAssessmentCount(kind: SubjectKind, periodsPerYear: number, options: RegularCountOptions = {}): number {
	if (kind === 'comment') return options.commentSubjectRegularCount ?? DEFAULT_COMMENT_SUBJECT_REGULAR_COUNT;
	if (!(periodsPerYear > 0)) throw new RangeError('periodsPerYear must be positive');
	if (periodsPerYear <= 35) return 2;
	if (periodsPerYear <= 70) return 3;
	return 4;
}

// ── Cells and missed assessments ───────────────────────────────────────────────────────────────

/** Why an assessment was missed. Only force majeure (lí do bất khả kháng) earns a make-up. */
export type MissedReason = 'force_majeure' | 'other';
/** pending: the make-up is still to be done this term; not_taken: the learner did not sit it. */
export type MakeupStatus = 'pending' | 'not_taken';

/**
 * One assessment of one learner, as stored. `value` is the result of the assessment or of its
 * make-up; `missedReason` and `makeup` record why it is missing and what became of the make-up.
 */
export interface Cell<V> {
	value?: V | null;
	missedReason?: MissedReason | null;
	makeup?: MakeupStatus | null;
}
export type ScoreCell = Cell<Tenths>;
export type CommentCell = Cell<CommentResult>;

export type ResolvedCell<V> =
	| { status: 'value'; value: V; source: 'assessment' | 'makeup' | 'missed' }
	| { status: 'pending'; reason: 'not_assessed' | 'makeup_pending' };

export interface MissedAssessmentOptions {
	/**
	 * A miss without force majeure gets no make-up. What it counts as is not in TT22's text:
	 * 'fail' (0 or Chưa đạt, the default) or 'pending' (left open for the school to decide).
	 * School-configurable (unconfirmed).
	 */
	missedWithoutForceMajeure?: 'fail' | 'pending';
}

/**
 * What an assessment cell counts as. A recorded value counts as it is. A learner who missed it for
 * force majeure is owed a make-up of equivalent requirement within the term; one who does not sit
 * the make-up gets 0 (scored subject) or Chưa đạt (comment subject).
 * TT22/2021 Điều 7 (wording unconfirmed; not TT26/2020's "lí do chính đáng" rule).
 */
export function resolveCell<V>(cell: Cell<V>, failValue: V, options: MissedAssessmentOptions = {}): ResolvedCell<V> {
	if (cell.value !== null && cell.value !== undefined) {
		return { status: 'value', value: cell.value, source: cell.missedReason ? 'makeup' : 'assessment' };
	}
	if (!cell.missedReason) return { status: 'pending', reason: 'not_assessed' };
	if (cell.missedReason === 'other' && (options.missedWithoutForceMajeure ?? 'fail') === 'pending') {
		return { status: 'pending', reason: 'not_assessed' };
	}
	if (cell.missedReason === 'force_majeure' && cell.makeup !== 'not_taken') return { status: 'pending', reason: 'makeup_pending' };
	return { status: 'value', value: failValue, source: 'missed' };
}

export function resolveScoreCell(cell: ScoreCell, options?: MissedAssessmentOptions): ResolvedCell<Tenths> {
	return resolveCell(cell, 0, options);
}

export function resolveCommentCell(cell: CommentCell, options?: MissedAssessmentOptions): ResolvedCell<CommentResult> {
	return resolveCell<CommentResult>(cell, 'chua_dat', options);
}

// ── Term and year results ──────────────────────────────────────────────────────────────────────

/** Where a missing value sits in the term's grid, so the UI can point at it. */
export type CellRef = { slot: 'regular'; index: number } | { slot: 'midterm' } | { slot: 'endterm' };

interface TermInputBase<C> {
	/** ĐĐGtx, one cell per required slot (see regularAssessmentCount). */
	regular: C[];
	/** ĐĐGgk. */
	midterm: C;
	/** ĐĐGck. */
	endterm: C;
	/** When given, fewer regular cells than this means the term is incomplete. */
	expectedRegularCount?: number;
}
export interface ScoredTermInput extends TermInputBase<ScoreCell> {
	kind: 'scored';
}
export interface CommentTermInput extends TermInputBase<CommentCell> {
	kind: 'comment';
}
export type SubjectTermInput = ScoredTermInput | CommentTermInput;

export type TermAverage = { status: 'complete'; average: Tenths } | { status: 'incomplete'; missing: CellRef[] };
export type CommentTermResult = { status: 'complete'; result: CommentResult } | { status: 'incomplete'; missing: CellRef[] };

type Resolved<V> = { values: { ref: CellRef; value: V }[]; missing: CellRef[] };

function resolveTerm<V>(input: TermInputBase<Cell<V>>, failValue: V, options: MissedAssessmentOptions): Resolved<V> {
	const expected = input.expectedRegularCount ?? input.regular.length;
	if (input.regular.length > expected) throw new RangeError(`${input.regular.length} regular cells, expected ${expected}`);
	const cells: { ref: CellRef; cell: Cell<V> | undefined }[] = [
		...Array.from({ length: expected }, (_, index) => ({ ref: { slot: 'regular', index } as CellRef, cell: input.regular[index] })),
		{ ref: { slot: 'midterm' }, cell: input.midterm },
		{ ref: { slot: 'endterm' }, cell: input.endterm }
	];
	const out: Resolved<V> = { values: [], missing: [] };
	for (const { ref, cell } of cells) {
		const r = cell ? resolveCell(cell, failValue, options) : ({ status: 'pending', reason: 'not_assessed' } as const);
		if (r.status === 'value') out.values.push({ ref, value: r.value });
		else out.missing.push(ref);
	}
	return out;
}

/**
 * ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (number of ĐĐGtx + 5), exact, rounded half up to one
 * decimal. TT22/2021 Điều 9 khoản 1. (One decimal and half-up: universal practice, unconfirmed as
 * text.)
 */
export function termAverageOf(regular: readonly Tenths[], midterm: Tenths, endterm: Tenths): Tenths {
	const sum = regular.reduce((a, b) => a + b, 0) + 2 * midterm + 3 * endterm;
	return divideRoundHalfUp(sum, regular.length + 5);
}

/**
 * The term average of a scored subject from its cells, or "incomplete" with the cells still
 * missing. Missed assessments resolve first (resolveCell). TT22/2021 Điều 9 khoản 1, Điều 7.
 */
export function scoredTermAverage(input: ScoredTermInput, options: MissedAssessmentOptions = {}): TermAverage {
	const r = resolveTerm(input, 0, options);
	if (r.missing.length > 0) return { status: 'incomplete', missing: r.missing };
	const of = (slot: CellRef['slot']) => r.values.filter((v) => v.ref.slot === slot).map((v) => v.value);
	return { status: 'complete', average: termAverageOf(of('regular'), of('midterm')[0], of('endterm')[0]) };
}

export interface CommentTermOptions extends MissedAssessmentOptions {
	/**
	 * After the term is closed a missing assessment means the learner lacks the full number
	 * (không đủ số lần) and the result is Chưa đạt; before that it is only "incomplete".
	 */
	termClosed?: boolean;
}

/**
 * A comment subject's term result: Đạt only when the learner has the full number of assessments
 * (regular, mid-term, end-of-term) and every one is Đạt; otherwise Chưa đạt.
 * TT22/2021 Điều 9 khoản 1.
 */
export function commentTermResult(input: CommentTermInput, options: CommentTermOptions = {}): CommentTermResult {
	const r = resolveTerm<CommentResult>(input, 'chua_dat', options);
	if (r.missing.length > 0 && !options.termClosed) return { status: 'incomplete', missing: r.missing };
	const allDat = r.missing.length === 0 && r.values.every((v) => v.value === 'dat');
	return { status: 'complete', result: allDat ? 'dat' : 'chua_dat' };
}

/**
 * ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3, from the rounded term averages, rounded half up to one
 * decimal. TT22/2021 Điều 9 khoản 1.
 */
export function yearAverageOf(term1: Tenths, term2: Tenths): Tenths {
	return divideRoundHalfUp(term1 + 2 * term2, 3);
}

export type YearAverage = { status: 'complete'; average: Tenths } | { status: 'incomplete'; missingTerms: (1 | 2)[] };

/** ĐTBmcn when both term averages are known; otherwise incomplete. TT22/2021 Điều 9 khoản 1. */
export function scoredYearAverage(term1: TermAverage, term2: TermAverage): YearAverage {
	if (term1.status === 'complete' && term2.status === 'complete') {
		return { status: 'complete', average: yearAverageOf(term1.average, term2.average) };
	}
	const missingTerms = ([[1, term1], [2, term2]] as const).filter(([, t]) => t.status === 'incomplete').map(([n]) => n);
	return { status: 'incomplete', missingTerms };
}

/** A comment subject's year result is its HK II result. TT22/2021 Điều 9 khoản 1. */
export function commentYearResult(term2: CommentResult): CommentResult {
	return term2;
}
