import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS } from './service';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('lockout after repeated failures', () => {
	const now = new Date('2026-11-25T08:00:00Z');

	it('counts failures below the limit without locking', () => {
		expect(afterFailedLogin(0, now)).toEqual({ failedAttempts: 1, lockedUntil: null });
		expect(afterFailedLogin(MAX_FAILED_LOGINS - 2, now)).toEqual({ failedAttempts: MAX_FAILED_LOGINS - 1, lockedUntil: null });
	});

	it('locks for 15 minutes on the fifth failure in a row and resets the counter', () => {
		expect(MAX_FAILED_LOGINS).toBe(5);
		const r = afterFailedLogin(4, now);
		expect(r.failedAttempts).toBe(0);
		expect(r.lockedUntil!.getTime() - now.getTime()).toBe(LOCK_MINUTES * 60_000);
		expect(LOCK_MINUTES).toBe(15);
	});

	it('holds the lock for exactly 15 minutes: locked a millisecond before its end, open from it', () => {
		const { lockedUntil } = afterFailedLogin(4, now);
		const at = (ms: number) => new Date(now.getTime() + ms);
		expect(isLocked(lockedUntil, now)).toBe(true);
		expect(isLocked(lockedUntil, at(LOCK_MINUTES * 60_000 - 1))).toBe(true);
		expect(isLocked(lockedUntil, at(LOCK_MINUTES * 60_000))).toBe(false);
		expect(isLocked(null, now)).toBe(false);
	});
});

describe('argon2id passwords', () => {
	it('verifies the right password and rejects a wrong one', async () => {
		const hash = await hashPassword('sen-demo');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'sen-demo')).toBe(true);
		expect(await verifyPassword(hash, 'sen-dem0')).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('same-pass1')).not.toBe(await hashPassword('same-pass1'));
	});

	it('rejects a malformed stored hash instead of throwing', async () => {
		expect(await verifyPassword('plain', 'plain')).toBe(false);
	});

	it.each([
		['short1', 'too_short'],
		['12345678', 'too_simple'],
		['abcdefgh', 'too_simple'],
		['sen-demo', null],
		['hocsinh2026', null]
	])('password policy: %s → %s', (pw, problem) => {
		expect(passwordProblem(pw)).toBe(problem);
	});
});
