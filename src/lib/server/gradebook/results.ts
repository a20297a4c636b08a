/**
 * From stored cells to results (pure glue over ./rules): a subject's term outcome, its year
 * outcome, and a learner's learning level (TT22/2021 Điều 9).
 */
import {
	classifyLearning,
	commentTermResult,
	commentYearResult,
	formatTenths,
	scoredTermAverage,
	scoredYearAverage,
	yearConduct,
	type CommentCell,
	type Level,
	type ScoreCell,
	type SubjectOutcome,
	type TermAverage
} from './rules';

export interface CellInput {
	kind: 'regular' | 'midterm' | 'endterm' | 'retake';
	slot: number;
	value: number | string | null;
	missedReason: string | null;
	makeup: string | null;
}

export type SubjectTermOutcome =
	| { status: 'complete'; kind: 'scored'; average: number; text: string }
	| { status: 'complete'; kind: 'comment'; result: 'dat' | 'chua_dat'; text: string }
	| { status: 'incomplete'; kind: 'scored' | 'comment'; missing: number; text: '' };

const asCell = <V>(c: CellInput | undefined, value: V | null): { value: V | null; missedReason: 'force_majeure' | 'other' | null; makeup: 'pending' | 'not_taken' | null } => ({
	value,
	missedReason: (c?.missedReason as 'force_majeure' | 'other' | null) ?? null,
	makeup: (c?.makeup as 'pending' | 'not_taken' | null) ?? null
});

/** One subject, one term, for a secondary learner: ĐTBmhk (scored) or Đạt/Chưa đạt (comment). */
export function subjectTermOutcome(assessment: 'score' | 'comment', cells: CellInput[]): SubjectTermOutcome {
	const regular = cells.filter((c) => c.kind === 'regular').sort((a, b) => a.slot - b.slot);
	const mid = cells.find((c) => c.kind === 'midterm');
	const end = cells.find((c) => c.kind === 'endterm');
	if (assessment === 'score') {
		const tenths = (c: CellInput | undefined) => (c && typeof c.value === 'number' ? Math.round(c.value * 10) : null);
		const r = scoredTermAverage({
			kind: 'scored',
			regular: regular.map((c) => asCell(c, tenths(c)) as ScoreCell),
			midterm: asCell(mid, tenths(mid)) as ScoreCell,
			endterm: asCell(end, tenths(end)) as ScoreCell
		});
		return r.status === 'complete'
			? { status: 'complete', kind: 'scored', average: r.average / 10, text: formatTenths(r.average) }
			: { status: 'incomplete', kind: 'scored', missing: r.missing.length, text: '' };
	}
	const level = (c: CellInput | undefined) => (c?.value === 'dat' || c?.value === 'chua_dat' ? c.value : null);
	const r = commentTermResult({
		kind: 'comment',
		regular: regular.map((c) => asCell(c, level(c)) as CommentCell),
		midterm: asCell(mid, level(mid)) as CommentCell,
		endterm: asCell(end, level(end)) as CommentCell
	});
	return r.status === 'complete'
		? { status: 'complete', kind: 'comment', result: r.result, text: r.result === 'dat' ? 'Đ' : 'CĐ' }
		: { status: 'incomplete', kind: 'comment', missing: r.missing.length, text: '' };
}

const termAverage = (o: SubjectTermOutcome): TermAverage =>
	o.status === 'complete' && o.kind === 'scored' ? { status: 'complete', average: Math.round(o.average * 10) } : { status: 'incomplete', missing: [] };

/** The year outcome of a subject: ĐTBmcn = (HK I + 2·HK II)/3, or HK II's result for comment subjects; a re-assessment replaces it. */
export function subjectYearOutcome(t1: SubjectTermOutcome, t2: SubjectTermOutcome, retake?: number | string | null): SubjectTermOutcome {
	if (t2.kind === 'comment') {
		if (retake === 'dat' || retake === 'chua_dat') return { status: 'complete', kind: 'comment', result: retake, text: retake === 'dat' ? 'Đ' : 'CĐ' };
		if (t2.status !== 'complete') return t2;
		const result = commentYearResult(t2.result);
		return { status: 'complete', kind: 'comment', result, text: result === 'dat' ? 'Đ' : 'CĐ' };
	}
	if (typeof retake === 'number') return { status: 'complete', kind: 'scored', average: retake, text: formatTenths(Math.round(retake * 10)) };
	const y = scoredYearAverage(termAverage(t1), termAverage(t2));
	return y.status === 'complete'
		? { status: 'complete', kind: 'scored', average: y.average / 10, text: formatTenths(y.average) }
		: { status: 'incomplete', kind: 'scored', missing: y.missingTerms.length, text: '' };
}

/** The learning level (Tốt/Khá/Đạt/Chưa đạt) from every subject's outcome, or null while one is incomplete. */
export function learningLevel(outcomes: { code: string; outcome: SubjectTermOutcome }[]): { level: Level; adjustedBecauseOf: string | null } | null {
	if (!outcomes.length || outcomes.some((o) => o.outcome.status !== 'complete')) return null;
	const subjects: SubjectOutcome[] = outcomes.map(({ code, outcome }) =>
		outcome.status === 'complete' && outcome.kind === 'scored'
			? { code, kind: 'scored', average: Math.round(outcome.average * 10) }
			: { code, kind: 'comment', result: (outcome as { result: 'dat' | 'chua_dat' }).result }
	);
	const r = classifyLearning(subjects);
	return { level: r.level, adjustedBecauseOf: r.adjustedBecauseOf };
}

/** Year conduct from the homeroom teacher's two term assessments (TT22 Điều 8), or null while one is missing. */
export function conductForYear(t1: string | null | undefined, t2: string | null | undefined): Level | null {
	const ok = (l: string | null | undefined): l is Level => l === 'tot' || l === 'kha' || l === 'dat' || l === 'chua_dat';
	return ok(t1) && ok(t2) ? yearConduct(t1, t2) : null;
}
