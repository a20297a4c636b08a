import { describe, expect, it } from 'vitest';
import { audienceFor, capacityCheck, coreTeacherShare, isCompleted, mayGiveFeedback, progressPercent, quotaCheck, scoreProblem, sessionReminderDue } from './training-rules';

describe('completion: attended ≥ the required share of sessions AND post score ≥ pass mark (when set)', () => {
	const base = { sessions: 5, attended: 4, requiredShare: 0.8, passMark: null, postScore: null };
	it.each([
		['4 of 5 at 80 %, no assessment', base, true],
		['3 of 5 at 80 %', { ...base, attended: 3 }, false],
		['5 of 5', { ...base, attended: 5 }, true],
		['no sessions at all', { ...base, sessions: 0, attended: 0 }, false],
		['all attended, pass mark 5, post 5', { ...base, attended: 5, passMark: 5, postScore: 5 }, true],
		['all attended, pass mark 5, post 4.9', { ...base, attended: 5, passMark: 5, postScore: 4.9 }, false],
		['all attended, pass mark 5, no post score yet', { ...base, attended: 5, passMark: 5, postScore: null }, false],
		['2 of 2 at 100 %', { ...base, sessions: 2, attended: 2, requiredShare: 1 }, true],
		['1 of 2 at 100 %', { ...base, sessions: 2, attended: 1, requiredShare: 1 }, false],
		['1 of 2 at 50 %', { ...base, sessions: 2, attended: 1, requiredShare: 0.5 }, true],
		['2 of 3 at 2/3 (float edge)', { ...base, sessions: 3, attended: 2, requiredShare: 2 / 3 }, true]
	] as const)('%s', (_name, input, expected) => expect(isCompleted(input)).toBe(expected));
});

describe('quota per school (all or nothing)', () => {
	it.each([
		[5, 3, 2, { ok: true, remaining: 2, over: 0 }],
		[5, 3, 3, { ok: false, remaining: 2, over: 1 }],
		[5, 5, 1, { ok: false, remaining: 0, over: 1 }],
		[null, 0, 1, { ok: false, remaining: 0, over: 1 }],
		[2, 3, 0, { ok: true, remaining: 0, over: 0 }]
	] as const)('quota %s, used %s, asking %s', (q, used, req, expected) => expect(quotaCheck(q, used, req)).toEqual(expected));
	it('capacity null is unlimited; a full course refuses', () => {
		expect(capacityCheck(null, 1000, 50).ok).toBe(true);
		expect(capacityCheck(10, 9, 2)).toEqual({ ok: false, remaining: 1 });
	});
});

describe('targets', () => {
	it.each([
		[3, 60, 5],
		[1, 3, 33.3],
		[0, 10, 0],
		[0, 0, null],
		[7, 7, 100]
	] as const)('core-teacher share: %s of %s teachers = %s %%', (done, all, expected) => expect(coreTeacherShare(done, all)).toBe(expected));
	it.each([
		[4, 3],
		[2, 0],
		[-1, 5]
	])('core-teacher share: %s trained of %s teachers is not a part of them and is refused, never clamped to 100 %%', (done, all) => expect(() => coreTeacherShare(done, all)).toThrow(RangeError));
	it.each([
		[25, 50, 50],
		[60, 50, 100],
		[3, null, null],
		[null, 50, null]
	] as const)('progress %s of %s = %s %%', (v, t, expected) => expect(progressPercent(v, t)).toBe(expected));
});

describe('feedback, reminders, scores, audience', () => {
	const now = new Date('2026-11-10T03:00:00Z');
	it('trainees give feedback once the first session has begun; families on online materials any time', () => {
		expect(mayGiveFeedback({ audience: 'staff', status: 'open', firstSessionAt: new Date('2026-11-09T00:00:00Z') }, true, now)).toBe(true);
		expect(mayGiveFeedback({ audience: 'staff', status: 'open', firstSessionAt: new Date('2026-11-11T00:00:00Z') }, true, now)).toBe(false);
		expect(mayGiveFeedback({ audience: 'staff', status: 'open', firstSessionAt: new Date('2026-11-09T00:00:00Z') }, false, now)).toBe(false);
		expect(mayGiveFeedback({ audience: 'parents', status: 'open', firstSessionAt: null }, false, now)).toBe(true);
		expect(mayGiveFeedback({ audience: 'parents', status: 'cancelled', firstSessionAt: null }, false, now)).toBe(false);
	});
	it.each([
		['in 23 h', 23, true],
		['in 25 h', 25, false],
		['started an hour ago', -1, false]
	] as const)('a session starting %s is due its reminder: %s', (_n, hours, due) => expect(sessionReminderDue(new Date(now.getTime() + hours * 3600_000), now)).toBe(due));
	it.each([
		[7.5, 10, null],
		[10, 10, null],
		[10.5, 10, 'range'],
		[-1, 10, 'range'],
		[7.25, 10, 'decimals']
	] as const)('score %s of %s → %s', (s, max, problem) => expect(scoreProblem(s, max)).toBe(problem));
	it('families’ groups make family audiences', () => {
		expect(audienceFor('parents')).toBe('parents');
		expect(audienceFor('learners')).toBe('learners');
		expect(audienceFor('core_teachers')).toBe('staff');
	});
});
