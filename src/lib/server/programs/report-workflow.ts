/**
 * The periodic report's state machine: draft → submitted → accepted | returned, and a returned
 * report goes back to draft when its author edits or resubmits it. Pure: who may make which move
 * from which status; the service checks the caller's relation to the report through the policy
 * (`ownsReport`, `receivesReport`).
 *
 * - the owner (the officer of the reporting organisation: the school's leader, the unit's or the
 *   city's officer) edits the narrative and submits, from draft or returned;
 * - the receiver (the officer of the parent organisation) accepts or returns a submitted report;
 * - the city's report has no receiver: once submitted (to the city people's committee) it is final.
 */
import type { ReportStatus } from './report-rules';

export type ReportMove = 'edit' | 'submit' | 'accept' | 'return';
export type ReportActor = 'owner' | 'receiver';

interface Transition {
	from: readonly ReportStatus[];
	by: ReportActor;
	to: ReportStatus;
}

export const TRANSITIONS: Record<ReportMove, Transition> = {
	edit: { from: ['draft', 'returned'], by: 'owner', to: 'draft' },
	submit: { from: ['draft', 'returned'], by: 'owner', to: 'submitted' },
	accept: { from: ['submitted'], by: 'receiver', to: 'accepted' },
	return: { from: ['submitted'], by: 'receiver', to: 'returned' }
};

export type MoveRefusal = 'not_allowed' | 'wrong_status' | 'no_receiver';

/** The status after the move, or why it is refused. */
export function move(m: ReportMove, status: ReportStatus, actors: readonly ReportActor[], opts: { top?: boolean } = {}): { ok: true; to: ReportStatus } | { ok: false; reason: MoveRefusal } {
	const t = TRANSITIONS[m];
	if (!actors.includes(t.by)) return { ok: false, reason: 'not_allowed' };
	if (t.by === 'receiver' && opts.top) return { ok: false, reason: 'no_receiver' };
	if (!t.from.includes(status)) return { ok: false, reason: 'wrong_status' };
	return { ok: true, to: t.to };
}

/** The moves open to these actors on a report in this status (for buttons). */
export const movesOpen = (status: ReportStatus, actors: readonly ReportActor[], opts: { top?: boolean } = {}): ReportMove[] =>
	(Object.keys(TRANSITIONS) as ReportMove[]).filter((m) => move(m, status, actors, opts).ok);

/** While a draft (or returned), figures are computed live; once submitted, the stored snapshot is shown. */
export const isLive = (status: ReportStatus) => status === 'draft' || status === 'returned';
