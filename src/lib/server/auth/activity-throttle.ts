/**
 * The in-memory guard in front of `account_activity_days` (auth/activity.ts): a request served
 * to an account writes its day only the first time this process sees the account that day, so
 * every other request costs one Set lookup and no query.
 *
 * It holds only today's accounts: marks of an earlier day can never spare a write again, so a new
 * day clears them (the "bounded map of account → last day written", with every value equal to
 * today). At `capacity` the oldest mark is dropped; forgetting one costs a redundant
 * `insert … on conflict do nothing` later, never a wrong count.
 */
export class ActivityThrottle {
	private day = '';
	private readonly marked = new Set<string>();

	constructor(readonly capacity = 100_000) {
		if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
	}

	/** True when the account's `day` (YYYY-MM-DD in Vietnam) should be written now; remembers it. */
	claim(accountId: string, day: string): boolean {
		// A request stamped just before midnight, seen after another's new day: write, remember nothing.
		if (day < this.day) return true;
		if (day > this.day) {
			this.day = day;
			this.marked.clear();
		}
		if (this.marked.has(accountId)) return false;
		if (this.marked.size >= this.capacity) this.marked.delete(this.marked.values().next().value!);
		this.marked.add(accountId);
		return true;
	}

	/** Forgets a claim whose write failed, so the account's next request tries again. */
	release(accountId: string, day: string): void {
		if (day === this.day) this.marked.delete(accountId);
	}

	/** Accounts marked for the current day. */
	get size(): number {
		return this.marked.size;
	}
}
