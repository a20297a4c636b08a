/** The outbox's retry rule, a pure function of an explicit `now`. */

const MINUTE = 60_000;

/** How many times the outbox tries a message before it is dead-lettered. */
export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 60 * MINUTE;

/** The wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, 4 min … at most 6 h. */
export function backoffMs(attempts: number): number {
	return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/**
 * What happens to a message after a failed attempt (its `attempts` already counts this one):
 * dead when the attempts ran out, otherwise tried again after the backoff.
 */
export function afterFailure(now: Date, attempts: number, max = MAX_ATTEMPTS): { dead: true } | { dead: false; nextAttemptAt: Date } {
	if (attempts >= max) return { dead: true };
	return { dead: false, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) };
}
