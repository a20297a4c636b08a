import { describe, expect, it } from 'vitest';
import { EditQueue, failureAction, retryDelay, type FailureAction, type SaveFailure } from './save-queue';

describe('which failed saves are tried again', () => {
	it.each<[string, SaveFailure, FailureAction]>([
		['no answer (offline, aborted)', { kind: 'network' }, 'retry'],
		['500 internal error', { kind: 'http', status: 500 }, 'retry'],
		['502 bad gateway', { kind: 'http', status: 502 }, 'retry'],
		['503 unavailable', { kind: 'http', status: 503 }, 'retry'],
		['504 gateway timeout', { kind: 'http', status: 504 }, 'retry'],
		['409 someone else saved first', { kind: 'http', status: 409 }, 'conflict'],
		['400 invalid value', { kind: 'http', status: 400 }, 'refused'],
		['401 signed out', { kind: 'http', status: 401 }, 'refused'],
		['403 not this teacher', { kind: 'http', status: 403 }, 'refused'],
		['404 no such grid', { kind: 'http', status: 404 }, 'refused'],
		['423 gradebook locked', { kind: 'http', status: 423 }, 'refused']
	])('%s → %s', (_, failure, action) => {
		expect(failureAction(failure)).toBe(action);
	});
});

describe('backoff between attempts', () => {
	it.each([
		[1, 1_000],
		[2, 2_000],
		[3, 4_000],
		[4, 8_000],
		[5, 16_000],
		[6, 30_000], // 32 s capped
		[7, 30_000],
		[100, 30_000], // never Infinity
		[2_000, 30_000]
	])('after %i failures wait %i ms', (failures, ms) => {
		expect(retryDelay(failures)).toBe(ms);
	});

	it.each([
		[1, 200, 1_000, 200],
		[3, 200, 1_000, 800],
		[4, 200, 1_000, 1_000]
	])('after %i failures with base %i ms and cap %i ms wait %i ms', (failures, base, max, ms) => {
		expect(retryDelay(failures, base, max)).toBe(ms);
	});

	it.each([0, -1, 1.5, Number.NaN])('refuses %s failures', (failures) => {
		expect(() => retryDelay(failures)).toThrow(RangeError);
	});
});

const edit = (key: string, value: string, gen = 0) => ({ key, value, gen });

describe('the queue of edits', () => {
	it.each<[string, (q: EditQueue) => void, Array<[string, string]>]>([
		['keeps edits of different cells in the order they were made', (q) => (q.add(edit('a', '7')), q.add(edit('b', '8')), q.add(edit('c', '9'))), [['a', '7'], ['b', '8'], ['c', '9']]],
		['coalesces a waiting cell into its latest value, in its place', (q) => (q.add(edit('a', '7')), q.add(edit('b', '8')), q.add(edit('a', '9'))), [['a', '9'], ['b', '8']]],
		['coalesces three edits of one cell into one', (q) => (q.add(edit('a', '1')), q.add(edit('a', '2')), q.add(edit('a', ''))), [['a', '']]],
		['never changes the edit being sent: a new edit of that cell goes behind', (q) => (q.add(edit('a', '7')), q.start(), q.add(edit('a', '9'))), [['a', '7'], ['a', '9']]],
		['coalesces behind the edit being sent', (q) => (q.add(edit('a', '7')), q.start(), q.add(edit('a', '8')), q.add(edit('b', '5')), q.add(edit('a', '9'))), [['a', '7'], ['a', '9'], ['b', '5']]],
		['may change the first edit while it waits for another attempt', (q) => (q.add(edit('a', '7')), q.start(), q.retryLater(), q.add(edit('a', '9'))), [['a', '9']]],
		['drops an edit once settled', (q) => (q.add(edit('a', '7')), q.add(edit('b', '8')), q.start(), q.settle()), [['b', '8']]]
	])('%s', (_, run, expected) => {
		const q = new EditQueue();
		run(q);
		expect(q.edits().map((e) => [e.key, e.value])).toEqual(expected);
		expect(q.size).toBe(expected.length);
	});

	it('takes the latest generation when coalescing (an edit typed after a conflict)', () => {
		const q = new EditQueue();
		q.add(edit('a', '7', 0));
		q.add(edit('a', '9', 1));
		expect(q.edits()).toEqual([edit('a', '9', 1)]);
	});

	it('sends one edit at a time', () => {
		const q = new EditQueue();
		q.add(edit('a', '7'));
		q.add(edit('b', '8'));
		expect(q.start()).toEqual(edit('a', '7'));
		expect(q.sending).toBe(true);
		expect(q.start()).toBeNull();
		q.settle();
		expect(q.start()).toEqual(edit('b', '8'));
		q.settle();
		expect(q.start()).toBeNull();
		expect(q.size).toBe(0);
	});

	it('keeps a failed edit first and backs off 1 s, 2 s, 4 s until it is saved, then starts again at 1 s', () => {
		const q = new EditQueue();
		q.add(edit('a', '7'));
		q.add(edit('b', '8'));
		const delays = [1, 2, 3].map(() => (q.start(), q.retryLater()));
		expect(delays).toEqual([1_000, 2_000, 4_000]);
		expect(q.failures).toBe(3);
		expect(q.start()).toEqual(edit('a', '7'));
		q.settle();
		expect(q.failures).toBe(0);
		expect(q.start()).toEqual(edit('b', '8'));
		expect(q.retryLater()).toBe(1_000);
		expect(q.keys()).toEqual(['b']);
	});

	it('knows which cells have an edit pending', () => {
		const q = new EditQueue();
		q.add(edit('a', '7'));
		expect([q.has('a'), q.has('b')]).toEqual([true, false]);
	});

	it('refuses to settle or retry what was never started', () => {
		const q = new EditQueue();
		q.add(edit('a', '7'));
		expect(() => q.settle()).toThrow();
		expect(() => q.retryLater()).toThrow();
	});
});
