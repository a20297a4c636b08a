import { describe, expect, it } from 'vitest';
import { ActivityThrottle } from './activity-throttle';

describe('ActivityThrottle: an account’s day is written once per process', () => {
	it('lets the first request of the day write, and no later one that day', () => {
		const t = new ActivityThrottle();
		expect(t.claim('a', '2026-11-02')).toBe(true);
		expect(t.claim('a', '2026-11-02')).toBe(false);
		expect(t.claim('a', '2026-11-02')).toBe(false);
	});

	it('keeps accounts apart', () => {
		const t = new ActivityThrottle();
		expect(t.claim('a', '2026-11-02')).toBe(true);
		expect(t.claim('b', '2026-11-02')).toBe(true);
		expect(t.claim('b', '2026-11-02')).toBe(false);
		expect(t.size).toBe(2);
	});

	it('writes again on the next day, and forgets the day before', () => {
		const t = new ActivityThrottle();
		t.claim('a', '2026-11-02');
		t.claim('b', '2026-11-02');
		expect(t.claim('a', '2026-11-03')).toBe(true);
		expect(t.size).toBe(1);
		expect(t.claim('a', '2026-11-03')).toBe(false);
		expect(t.claim('b', '2026-11-03')).toBe(true);
	});

	it('lets a request stamped before midnight write its own day without undoing the new day’s marks', () => {
		const t = new ActivityThrottle();
		t.claim('a', '2026-11-03');
		expect(t.claim('b', '2026-11-02')).toBe(true);
		expect(t.claim('b', '2026-11-02')).toBe(true);
		expect(t.claim('a', '2026-11-03')).toBe(false);
	});

	it('is bounded: at capacity the oldest mark goes, and that account may write again', () => {
		const t = new ActivityThrottle(2);
		t.claim('a', '2026-11-02');
		t.claim('b', '2026-11-02');
		expect(t.claim('c', '2026-11-02')).toBe(true);
		expect(t.size).toBe(2);
		expect(t.claim('b', '2026-11-02')).toBe(false);
		expect(t.claim('c', '2026-11-02')).toBe(false);
		expect(t.claim('a', '2026-11-02')).toBe(true);
	});

	it('after a failed write, release lets the next request try again', () => {
		const t = new ActivityThrottle();
		t.claim('a', '2026-11-02');
		t.release('a', '2026-11-02');
		expect(t.claim('a', '2026-11-02')).toBe(true);
		// Releasing another day's claim leaves today's mark alone.
		t.release('a', '2026-11-01');
		expect(t.claim('a', '2026-11-02')).toBe(false);
	});

	it('refuses a capacity below one', () => {
		expect(() => new ActivityThrottle(0)).toThrow(RangeError);
	});
});
