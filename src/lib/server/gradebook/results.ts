/**
 * From stored cells to results (pure glue over ./rules): a subject's term outcome, its year
 * outcome, and a learner's learning level (TT22/2021 Điều 9).
 */
import {
	classifyLearning,
	commentYearResult,
	formatTenths,
	scoredYearAverage,
	yearConduct,
	type LearningOptions,
	type Level,
	type SubjectOutcome,
	type TermAverage
} from './rules';

export { subjectTermOutcome, type CellInput, type SubjectTermOutcome } from '#lib/gradebook/term-outcome';
import type { SubjectTermOutcome } from '#lib/gradebook/term-outcome';

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
export function learningLevel(outcomes: { code: string; outcome: SubjectTermOutcome }[], options: LearningOptions = {}): { level: Level; adjustedBecauseOf: string | null } | null {
	if (!outcomes.length || outcomes.some((o) => o.outcome.status !== 'complete')) return null;
	const subjects: SubjectOutcome[] = outcomes.map(({ code, outcome }) =>
		outcome.status === 'complete' && outcome.kind === 'scored'
			? { code, kind: 'scored', average: Math.round(outcome.average * 10) }
			: { code, kind: 'comment', result: (outcome as { result: 'dat' | 'chua_dat' }).result }
	);
	const r = classifyLearning(subjects, options);
	return { level: r.level, adjustedBecauseOf: r.adjustedBecauseOf };
}

/** Year conduct from the homeroom teacher's two term assessments (TT22 Điều 8), or null while one is missing. */
export function conductForYear(t1: string | null | undefined, t2: string | null | undefined): Level | null {
	const ok = (l: string | null | undefined): l is Level => l === 'tot' || l === 'kha' || l === 'dat' || l === 'chua_dat';
	return ok(t1) && ok(t2) ? yearConduct(t1, t2) : null;
}
