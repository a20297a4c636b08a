/**
 * The grid's save policy, without timers or I/O: which failed saves are tried again, how long to
 * wait before the next attempt, and the queue of edits waiting to be sent (one cell at a time, in
 * the order they were made, several edits of a waiting cell coalesced into its latest value).
 * `GradeGrid.svelte` drives it with `fetch` and `setTimeout`.
 */

/** How a save failed: no answer at all (offline, aborted, DNS…), or an HTTP status. */
export type SaveFailure = { kind: 'network' } | { kind: 'http'; status: number };

/**
 * - `retry`: transient (no answer, or a 5xx): keep the edit first in the queue and try again later.
 * - `conflict`: 409, someone else saved the cell first: show both values, as the grid always has.
 * - `refused`: anything else (400 invalid value, 401/403, 404, 423 locked…): sending it again would
 *   get the same answer, so the cell shows the message and the edit leaves the queue.
 */
export type FailureAction = 'retry' | 'conflict' | 'refused';

export function failureAction(failure: SaveFailure): FailureAction {
	if (failure.kind === 'network') return 'retry';
	if (failure.status >= 500) return 'retry';
	if (failure.status === 409) return 'conflict';
	return 'refused';
}

export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/** Exponential backoff: 1 s after the first failure, then 2 s, 4 s, 8 s, 16 s, and 30 s from then on. */
export function retryDelay(failures: number, baseMs = RETRY_BASE_MS, maxMs = RETRY_MAX_MS): number {
	if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures must be a positive integer, got ${failures}`);
	// 2 ** 30 would already pass any sensible cap; never compute Infinity.
	return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
}

/** One cell's edit waiting to be saved; `gen` is the cell's conflict generation when it was typed. */
export type PendingEdit = { key: string; value: string; gen: number };

/**
 * Edits in the order they were made. The first is the one being sent (or waiting to be tried
 * again); it is never changed once sent, so a new edit of that cell goes behind it. Any other
 * waiting edit of the same cell takes the new value in its place: a cell is saved once, with what
 * was typed last.
 */
export class EditQueue {
	#edits: PendingEdit[] = [];
	#sending = false;
	#failures = 0;

	/** Edits not yet saved, the one being sent included. */
	get size(): number {
		return this.#edits.length;
	}
	/** Transient failures of the first edit in a row (0 once it is saved or settled). */
	get failures(): number {
		return this.#failures;
	}
	get sending(): boolean {
		return this.#sending;
	}
	has(key: string): boolean {
		return this.#edits.some((e) => e.key === key);
	}
	keys(): string[] {
		return this.#edits.map((e) => e.key);
	}
	edits(): readonly PendingEdit[] {
		return this.#edits.map((e) => ({ ...e }));
	}

	/** Queues an edit: `coalesced` when it replaced a waiting edit of the same cell. */
	add(edit: PendingEdit): 'queued' | 'coalesced' {
		const waiting = this.#edits.findIndex((e, i) => e.key === edit.key && !(i === 0 && this.#sending));
		if (waiting >= 0) {
			this.#edits[waiting] = { ...edit };
			return 'coalesced';
		}
		this.#edits.push({ ...edit });
		return 'queued';
	}

	/** The edit to send now, or null when there is none or one is already on its way. */
	start(): PendingEdit | null {
		if (this.#sending || this.#edits.length === 0) return null;
		this.#sending = true;
		return { ...this.#edits[0] };
	}

	/** The edit being sent is done with (saved, a conflict shown, or refused): the next one may go. */
	settle(): void {
		if (!this.#sending) throw new Error('settle() without start()');
		this.#sending = false;
		this.#failures = 0;
		this.#edits.shift();
	}

	/** The edit being sent failed transiently: it stays first; the answer is how long to wait (ms). */
	retryLater(baseMs = RETRY_BASE_MS, maxMs = RETRY_MAX_MS): number {
		if (!this.#sending) throw new Error('retryLater() without start()');
		this.#sending = false;
		this.#failures += 1;
		return retryDelay(this.#failures, baseMs, maxMs);
	}
}
