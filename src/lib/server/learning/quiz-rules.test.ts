import { describe, expect, it } from 'vitest';
import { acceptsSubmission, attemptDeadline, drawQuestions, itemStatistics, masteryByTopic, masteryLevel, shuffled, suggestNext, SUBMIT_GRACE_SECONDS } from './quiz-rules';

/** A seeded generator (mulberry32) so draws are repeatable. */
function seeded(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const pool = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];

describe('drawing an attempt', () => {
	it('takes every question in order when nothing is drawn or shuffled', () => expect(drawQuestions(pool, { drawCount: null, shuffle: false }, seeded(1))).toEqual(pool));
	it('draws the asked number, distinct, from the pool, keeping the quiz order', () => {
		const d = drawQuestions(pool, { drawCount: 3, shuffle: false }, seeded(7));
		expect(d).toHaveLength(3);
		expect(new Set(d).size).toBe(3);
		expect(d).toEqual(pool.filter((q) => d.includes(q)));
	});
	it('takes the whole pool when asked for more than it has', () => expect(drawQuestions(pool, { drawCount: 10, shuffle: false }, seeded(1))).toEqual(pool));
	it('shuffles a permutation, and different attempts get different orders', () => {
		const a = drawQuestions(pool, { drawCount: null, shuffle: true }, seeded(1));
		const b = drawQuestions(pool, { drawCount: null, shuffle: true }, seeded(2));
		expect([...a].sort()).toEqual(pool);
		expect(a).not.toEqual(b);
	});
	it('shuffled does not change its input', () => {
		const input = [1, 2, 3];
		shuffled(input, seeded(3));
		expect(input).toEqual([1, 2, 3]);
	});
});

describe('the time limit', () => {
	const start = new Date('2026-12-01T02:00:00Z');
	it('ends the attempt at the time limit, or at the due time if that comes first', () => {
		expect(attemptDeadline(start, 15, null)).toEqual(new Date('2026-12-01T02:15:00Z'));
		expect(attemptDeadline(start, 15, new Date('2026-12-01T02:10:00Z'))).toEqual(new Date('2026-12-01T02:10:00Z'));
		expect(attemptDeadline(start, null, new Date('2026-12-02T00:00:00Z'))).toEqual(new Date('2026-12-02T00:00:00Z'));
		expect(attemptDeadline(start, null, null)).toBeNull();
	});
	it(`accepts the answers up to ${SUBMIT_GRACE_SECONDS} s after the deadline, not later`, () => {
		const deadline = new Date('2026-12-01T02:15:00Z');
		expect(acceptsSubmission(deadline, new Date(deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000))).toBe(true);
		expect(acceptsSubmission(deadline, new Date(deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000 + 1))).toBe(false);
		expect(acceptsSubmission(null, new Date('2030-01-01'))).toBe(true);
	});
});

describe('item statistics', () => {
	// Five learners, strongest first; q1 everyone gets, q2 and q4 the strong get, q3 only the weak get.
	const attempts = [
		{ items: { q1: 1, q2: 1, q3: 0, q4: 1, q5: 1 } },
		{ items: { q1: 1, q2: 1, q3: 0, q4: 1, q5: 1 } },
		{ items: { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0 } },
		{ items: { q1: 1, q2: 0, q3: 1, q4: 0, q5: 0 } },
		{ items: { q1: 1, q2: 0, q3: 1, q4: 0, q5: 0 } }
	];
	const stats = Object.fromEntries(itemStatistics(attempts, ['q1', 'q2', 'q3', 'q4', 'q5', 'q9']).map((s) => [s.questionId, s]));
	it('gives the difficulty index as the mean share earned', () => {
		expect(stats.q1.difficulty).toBe(1);
		expect(stats.q2.difficulty).toBe(0.6);
		expect(stats.q5.difficulty).toBe(0.4);
	});
	it('leaves discrimination out when there is no spread (everyone right)', () => expect(stats.q1.discrimination).toBeNull());
	it('is the corrected item-total correlation: q2 against the rest [3, 3, 2, 2, 2] is 0.8 / 1.2', () => expect(stats.q2.discrimination).toBe(0.667));
	it('is negative for an item only the weak learners get right', () => expect(stats.q3.discrimination!).toBeLessThan(-0.5));
	it('says nothing of an unanswered question, and needs three attempts', () => {
		expect(stats.q9).toEqual({ questionId: 'q9', n: 0, difficulty: 0, discrimination: null });
		expect(itemStatistics(attempts.slice(0, 2), ['q2'])[0].discrimination).toBeNull();
	});
});

describe('mastery', () => {
	const at = (day: number) => new Date(Date.UTC(2026, 11, day));
	it('levels: mastered from 80 % with two answers, practising from 50 %', () => {
		expect(masteryLevel(0.8, 2)).toBe('mastered');
		expect(masteryLevel(1, 1)).toBe('practising');
		expect(masteryLevel(0.79, 5)).toBe('practising');
		expect(masteryLevel(0.5, 1)).toBe('practising');
		expect(masteryLevel(0.49, 9)).toBe('needs_help');
	});
	it('weighs recent answers more, and lists the weakest topic first', () => {
		const m = masteryByTopic([
			{ topic: 'Phân số', fraction: 0, at: at(1) },
			{ topic: 'Phân số', fraction: 1, at: at(2) },
			{ topic: 'Số nguyên', fraction: 1, at: at(2) },
			{ topic: 'Số nguyên', fraction: 0, at: at(3) },
			{ topic: '', fraction: 1, at: at(3) }
		]);
		expect(m.map((t) => t.topic)).toEqual(['Số nguyên', 'Phân số']);
		// Newest 0 weighs 1, older 1 weighs 0.8: 0.8 / 1.8.
		expect(m[0]).toEqual({ topic: 'Số nguyên', score: 0.444, evidence: 2, level: 'needs_help' });
		expect(m[1]).toEqual({ topic: 'Phân số', score: 0.556, evidence: 2, level: 'practising' });
	});
	it('suggests unfinished lessons on the weakest topics first, then by due date, never finished ones', () => {
		const mastery = masteryByTopic([
			{ topic: 'Phân số', fraction: 0.2, at: at(1) },
			{ topic: 'Số nguyên', fraction: 0.6, at: at(1) },
			{ topic: 'Tập hợp', fraction: 1, at: at(1) },
			{ topic: 'Tập hợp', fraction: 1, at: at(2) }
		]);
		const lessons = [
			{ lessonId: 'tap-hop', topics: ['Tập hợp'], completed: false, dueAt: at(3) },
			{ lessonId: 'so-nguyen', topics: ['Số nguyên'], completed: false, dueAt: at(4) },
			{ lessonId: 'phan-so-done', topics: ['Phân số'], completed: true, dueAt: at(2) },
			{ lessonId: 'phan-so-2', topics: ['Phân số'], completed: false, dueAt: at(9) },
			{ lessonId: 'hinh-hoc', topics: [], completed: false, dueAt: at(2) }
		];
		expect(suggestNext(lessons, mastery)).toEqual(['phan-so-2', 'so-nguyen', 'hinh-hoc']);
		expect(suggestNext(lessons, mastery, 10)).toEqual(['phan-so-2', 'so-nguyen', 'hinh-hoc', 'tap-hop']);
	});
});
