import { describe, expect, it } from 'vitest';
import { possibleActions, LESSON_PLAN_ACTIONS, LESSON_PLAN_STATUSES, isEditable, nextRecipient, transition, type Capacity, type LessonPlanAction, type LessonPlanStatus } from './workflow';

const ALL: Capacity[] = ['author', 'group_head', 'school_leader'];

describe('the lesson-plan review state machine', () => {
	// [from, action, capacity, expected]: the whole table, so any added or dropped edge fails here.
	const allowed: [LessonPlanStatus, LessonPlanAction, Capacity, LessonPlanStatus][] = [
		['draft', 'submit', 'author', 'submitted'],
		['returned', 'submit', 'author', 'submitted'],
		['submitted', 'return', 'group_head', 'returned'],
		['submitted', 'approve', 'group_head', 'group_approved'],
		['submitted', 'return', 'school_leader', 'returned'],
		['group_approved', 'return', 'school_leader', 'returned'],
		['group_approved', 'approve', 'school_leader', 'approved']
	];
	it.each(allowed)('from %s, %s by the %s leads to %s', (from, action, by, to) => {
		expect(transition(from, action, [by], 'lý do')).toEqual({ ok: true, to, by });
	});

	it('allows nothing else, for any capacity', () => {
		for (const from of LESSON_PLAN_STATUSES)
			for (const action of LESSON_PLAN_ACTIONS)
				for (const cap of ALL) {
					const ok = allowed.some(([f, a, c]) => f === from && a === action && c === cap);
					expect(transition(from, action, [cap], 'lý do').ok, `${from} ${action} ${cap}`).toBe(ok);
				}
	});

	it('answers not_now (409) when no one may take the action from this status', () => {
		expect(transition('approved', 'return', ALL, 'x')).toEqual({ ok: false, reason: 'not_now' });
		expect(transition('draft', 'approve', ALL, 'x')).toEqual({ ok: false, reason: 'not_now' });
		expect(transition('submitted', 'submit', ALL, 'x')).toEqual({ ok: false, reason: 'not_now' });
	});

	it('answers not_yours (403) when someone else may take the step', () => {
		expect(transition('submitted', 'approve', ['author'])).toEqual({ ok: false, reason: 'not_yours' });
		expect(transition('group_approved', 'approve', ['group_head'])).toEqual({ ok: false, reason: 'not_yours' });
		expect(transition('draft', 'submit', ['school_leader'])).toEqual({ ok: false, reason: 'not_yours' });
		expect(transition('submitted', 'approve', [])).toEqual({ ok: false, reason: 'not_yours' });
	});

	it('makes the leader’s approval wait for the group head’s', () => {
		expect(transition('submitted', 'approve', ['school_leader'])).toEqual({ ok: false, reason: 'not_yours' });
	});

	it('requires a comment to return a plan', () => {
		expect(transition('submitted', 'return', ['group_head'], '  ')).toEqual({ ok: false, reason: 'comment_required' });
		expect(transition('submitted', 'approve', ['group_head'])).toMatchObject({ ok: true });
	});

	it('lets the author edit only a draft or a returned plan', () => {
		expect(LESSON_PLAN_STATUSES.filter(isEditable)).toEqual(['draft', 'returned']);
	});

	it('tells the group head on submission, the leader on group approval, the author on return and approval', () => {
		expect(LESSON_PLAN_STATUSES.map((s) => [s, nextRecipient(s)])).toEqual([
			['draft', null],
			['submitted', 'group_head'],
			['returned', 'author'],
			['group_approved', 'school_leader'],
			['approved', 'author']
		]);
	});
});

describe('possibleActions', () => {
	it('offers each capacity exactly its steps, and agrees with transition', () => {
		expect(possibleActions('draft', ['author'])).toEqual(['submit']);
		expect(possibleActions('submitted', ['group_head'])).toEqual(['return', 'approve']);
		expect(possibleActions('submitted', ['school_leader'])).toEqual(['return']);
		expect(possibleActions('group_approved', ['school_leader', 'author'])).toEqual(['return', 'approve']);
		expect(possibleActions('approved', ['author', 'group_head', 'school_leader'])).toEqual([]);
		for (const status of LESSON_PLAN_STATUSES)
			for (const caps of [['author'], ['group_head'], ['school_leader']] as const)
				expect(possibleActions(status, caps)).toEqual(LESSON_PLAN_ACTIONS.filter((a) => transition(status, a, caps, 'why').ok));
	});
});
