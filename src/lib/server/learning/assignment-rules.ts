/**
 * Pure rules of assignments: rubric totals, the status of a learner's work against the due date,
 * and the conversion of a score to the gradebook's 0–10 scale with one decimal (TT22/2021 Điều 6:
 * điểm số theo thang điểm 10, làm tròn đến một chữ số thập phân). All arithmetic in tenths.
 */

/** One rubric criterion (tiêu chí) and the most it is worth, in tenths of a point. */
export interface Criterion {
	key: string;
	title: string;
	maxTenths: number;
}
/** Points given per criterion key, in tenths. */
export type RubricScores = Record<string, number>;

export type RubricProblem = { key: string; code: 'missing' | 'unknown' | 'out_of_range' };

/** The total of a graded rubric, or what is wrong with it (every criterion scored, within its points, no strangers). */
export function rubricTotal(criteria: Criterion[], scores: RubricScores): { ok: true; totalTenths: number } | { ok: false; problems: RubricProblem[] } {
	const problems: RubricProblem[] = [];
	const known = new Set(criteria.map((c) => c.key));
	for (const key of Object.keys(scores)) if (!known.has(key)) problems.push({ key, code: 'unknown' });
	let total = 0;
	for (const c of criteria) {
		const s = scores[c.key];
		if (s === undefined || s === null) problems.push({ key: c.key, code: 'missing' });
		else if (!Number.isInteger(s) || s < 0 || s > c.maxTenths) problems.push({ key: c.key, code: 'out_of_range' });
		else total += s;
	}
	return problems.length ? { ok: false, problems } : { ok: true, totalTenths: total };
}

/** The maximum of an assignment: the rubric's sum when it has one, else the teacher's number. */
export const maxOf = (criteria: Criterion[], maxTenths: number) => (criteria.length ? criteria.reduce((s, c) => s + c.maxTenths, 0) : maxTenths);

/**
 * Where a learner's work stands: `submitted` on time, `late` (handed in after the due date),
 * `missing` (nothing by the due date), `pending` (nothing yet, still time).
 */
export type SubmissionStatus = 'submitted' | 'late' | 'missing' | 'pending';
export function submissionStatus(dueAt: Date, submittedAt: Date | null | undefined, now: Date): SubmissionStatus {
	if (submittedAt) return submittedAt.getTime() > dueAt.getTime() ? 'late' : 'submitted';
	return now.getTime() > dueAt.getTime() ? 'missing' : 'pending';
}

/** May work be handed in now? First submissions are accepted late (and shown late); resubmissions only until due. */
export function submissionWindow(a: { opensAt: Date; dueAt: Date }, alreadySubmitted: boolean, now: Date): 'open' | 'not_open' | 'closed' {
	if (now.getTime() < a.opensAt.getTime()) return 'not_open';
	if (alreadySubmitted && now.getTime() > a.dueAt.getTime()) return 'closed';
	return 'open';
}

/** A score out of `maxTenths` on the 0–10 scale in tenths, rounded half up to one decimal (7,25/10 → 73). */
export function toGradebookTenths(scoreTenths: number, maxTenths: number): number {
	if (maxTenths <= 0) throw new RangeError('maximum must be positive');
	const clamped = Math.min(Math.max(scoreTenths, 0), maxTenths);
	// round(clamped * 100 / max) half up, in integers
	return Math.floor((clamped * 200 + maxTenths) / (2 * maxTenths));
}

/** Tenths from a number with at most one decimal (7.5 → 75); null when it has more. */
export function tenthsOf(value: number): number | null {
	const t = Math.round(value * 10);
	return Math.abs(t - value * 10) < 1e-6 ? t : null;
}
export const fromTenths = (t: number | null | undefined) => (t === null || t === undefined ? null : t / 10);
