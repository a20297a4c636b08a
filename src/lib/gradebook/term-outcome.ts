/**
 * One subject's term outcome for a secondary learner, from the grid's cells (pure): ĐTBmhk for a
 * scored subject, Đạt/Chưa đạt for a comment subject (TT22/2021 Điều 7). The grid page runs it in
 * the browser to show the new average while a save is on its way.
 */
import { formatTenths } from './rules/decimal';
import { commentTermResult, scoredTermAverage, type CommentCell, type MissedAssessmentOptions, type ScoreCell } from './rules/secondary-subject';

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
/** `options.missedWithoutForceMajeure`: the school's reading of an unconfirmed TT22 Điều 7 rule (setting). */
export function subjectTermOutcome(assessment: 'score' | 'comment', cells: CellInput[], options: MissedAssessmentOptions = {}): SubjectTermOutcome {
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
		}, options);
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
	}, options);
	return r.status === 'complete'
		? { status: 'complete', kind: 'comment', result: r.result, text: r.result === 'dat' ? 'Đ' : 'CĐ' }
		: { status: 'incomplete', kind: 'comment', missing: r.missing.length, text: '' };
}
