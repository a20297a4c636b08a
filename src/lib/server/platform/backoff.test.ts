import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, MAX_ATTEMPTS } from './backoff';

const at = (iso: string) => new Date(iso);

describe('retry backoff', () => {
	it('doubles from 30 seconds and stops at six hours', () => {
		expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
		expect(backoffMs(20)).toBe(6 * 3600_000);
	});
	it('retries after the backoff until the attempts run out, then the message is dead', () => {
		const now = at('2026-12-01T10:00:00Z');
		expect(afterFailure(now, 1)).toEqual({ dead: false, nextAttemptAt: at('2026-12-01T10:00:30Z') });
		expect(afterFailure(now, MAX_ATTEMPTS - 1)).toEqual({ dead: false, nextAttemptAt: new Date(now.getTime() + backoffMs(MAX_ATTEMPTS - 1)) });
		expect(afterFailure(now, MAX_ATTEMPTS)).toEqual({ dead: true });
	});
});
