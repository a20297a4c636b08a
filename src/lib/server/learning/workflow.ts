/**
 * The review of a lesson plan as a pure state machine: the author submits; the subject-group head
 * (tổ trưởng chuyên môn) returns it with a comment or approves it for the group; the school leader
 * returns it or gives the final approval. Phụ lục IV has no approval step and who approves is
 * unconfirmed (see assessment-rules.md), so this is Sen's default workflow.
 */
export const LESSON_PLAN_STATUSES = ['draft', 'submitted', 'returned', 'group_approved', 'approved'] as const;
export type LessonPlanStatus = (typeof LESSON_PLAN_STATUSES)[number];
export const LESSON_PLAN_ACTIONS = ['submit', 'return', 'approve'] as const;
export type LessonPlanAction = (typeof LESSON_PLAN_ACTIONS)[number];
/** In what capacity the caller acts on this plan. */
export type Capacity = 'author' | 'group_head' | 'school_leader';

interface Transition {
	action: LessonPlanAction;
	from: LessonPlanStatus;
	to: LessonPlanStatus;
	by: Capacity;
}

/** Who may move which status to which; nothing else is allowed. */
export const TRANSITIONS: readonly Transition[] = [
	{ action: 'submit', from: 'draft', to: 'submitted', by: 'author' },
	{ action: 'submit', from: 'returned', to: 'submitted', by: 'author' },
	{ action: 'return', from: 'submitted', to: 'returned', by: 'group_head' },
	{ action: 'approve', from: 'submitted', to: 'group_approved', by: 'group_head' },
	{ action: 'return', from: 'submitted', to: 'returned', by: 'school_leader' },
	{ action: 'return', from: 'group_approved', to: 'returned', by: 'school_leader' },
	{ action: 'approve', from: 'group_approved', to: 'approved', by: 'school_leader' }
];

export type TransitionResult =
	| { ok: true; to: LessonPlanStatus; by: Capacity }
	/** `not_now`: the action is not possible from this status (409); `not_yours`: others may, the caller may not (403); `comment_required`: a return must say why (400). */
	| { ok: false; reason: 'not_now' | 'not_yours' | 'comment_required' };

export function transition(from: LessonPlanStatus, action: LessonPlanAction, capacities: readonly Capacity[], comment = ''): TransitionResult {
	const possible = TRANSITIONS.filter((t) => t.action === action && t.from === from);
	if (!possible.length) return { ok: false, reason: 'not_now' };
	const mine = possible.find((t) => capacities.includes(t.by));
	if (!mine) return { ok: false, reason: 'not_yours' };
	if (action === 'return' && comment.trim() === '') return { ok: false, reason: 'comment_required' };
	return { ok: true, to: mine.to, by: mine.by };
}

/** The actions these capacities may take on a plan in this status (a return's comment is asked for later). */
export function possibleActions(from: LessonPlanStatus, capacities: readonly Capacity[]): LessonPlanAction[] {
	return LESSON_PLAN_ACTIONS.filter((action) => TRANSITIONS.some((t) => t.action === action && t.from === from && capacities.includes(t.by)));
}

/** Only the author edits, and only while the plan is with them. */
export const isEditable = (status: LessonPlanStatus) => status === 'draft' || status === 'returned';

/** Who is told next: the group head on submission, the leader on group approval, the author otherwise. */
export function nextRecipient(to: LessonPlanStatus): 'group_head' | 'school_leader' | 'author' | null {
	if (to === 'submitted') return 'group_head';
	if (to === 'group_approved') return 'school_leader';
	if (to === 'returned' || to === 'approved') return 'author';
	return null;
}
