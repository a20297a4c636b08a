/**
 * The transactional outbox on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * idempotency keys, holding until `not_before`, retries with backoff, the dead letter and its
 * retry, and overlapping delivery runs that never send a message twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../helpers/db';
import type { DatabaseHandle } from '#lib/server/db/client';
import { outbox } from '#lib/server/platform/schema';
import { deliverPending, enqueue, listOutbox, logSender, PermanentFailure, registerSender, requeue, type OutgoingMessage } from '#lib/server/platform/outbox';
import { backoffMs, MAX_ATTEMPTS } from '#lib/server/platform/backoff';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle?.close());
beforeEach(async () => {
	await handle.db.delete(outbox);
});
afterEach(() => registerSender('email', logSender));

const T0 = new Date('2026-12-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const msg = (n: number, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ channel: 'email', recipient: `r${n}@sen.test`, subject: `s${n}`, body: `b${n}`, ...extra });

function recording(opts: { fail?: (m: OutgoingMessage) => Error | undefined; delayMs?: number } = {}) {
	const sent: OutgoingMessage[] = [];
	registerSender('email', {
		async send(m) {
			if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
			const e = opts.fail?.(m);
			if (e) throw e;
			sent.push(m);
		}
	});
	return sent;
}

describe('enqueue', () => {
	it('queues a key once: the same message queued twice is one message', async () => {
		expect(await enqueue(handle.db, msg(1, { key: 'notification:x:email' }))).toBe(true);
		expect(await enqueue(handle.db, msg(1, { key: 'notification:x:email' }))).toBe(false);
		expect(await handle.db.select().from(outbox)).toHaveLength(1);
	});

	it('keeps working without a key for existing callers (each call queues one)', async () => {
		await enqueue(handle.db, msg(1));
		await enqueue(handle.db, msg(1));
		expect(await handle.db.select().from(outbox)).toHaveLength(2);
	});

	it('queues nothing when the change’s transaction rolls back', async () => {
		await handle.db.transaction(async (tx) => {
			await enqueue(tx, msg(1));
			tx.rollback();
		}).catch(() => undefined);
		expect(await handle.db.select().from(outbox)).toHaveLength(0);
	});
});

describe('deliverPending', () => {
	it('holds a message until its not_before (quiet hours), then sends it', async () => {
		const sent = recording();
		await enqueue(handle.db, msg(1, { notBefore: later(3600_000) }));
		expect(await deliverPending(handle.db, T0)).toBe(0);
		expect(await deliverPending(handle.db, later(3600_000))).toBe(1);
		expect(sent.map((m) => m.recipient)).toEqual(['r1@sen.test']);
	});

	it('retries a failing message only after its backoff, then dead-letters it after the last attempt', async () => {
		let calls = 0;
		recording({ fail: () => (calls++, new Error('SMTP 451 try again later')) });
		await enqueue(handle.db, msg(1));
		let now = T0;
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			await deliverPending(handle.db, now);
			expect(calls).toBe(attempt);
			const [row] = await handle.db.select().from(outbox);
			expect(row.attempts).toBe(attempt);
			expect(row.lastError).toBe('SMTP 451 try again later');
			if (attempt < MAX_ATTEMPTS) {
				expect(row.deadAt).toBeNull();
				expect(row.nextAttemptAt?.toISOString()).toBe(new Date(now.getTime() + backoffMs(attempt)).toISOString());
				// Not before the backoff has passed.
				await deliverPending(handle.db, new Date(now.getTime() + backoffMs(attempt) - 1000));
				expect(calls).toBe(attempt);
				now = row.nextAttemptAt!;
			} else {
				expect(row.deadAt?.toISOString()).toBe(now.toISOString());
			}
		}
		// Dead: never tried again on its own.
		await deliverPending(handle.db, later(24 * 3600_000));
		expect(calls).toBe(MAX_ATTEMPTS);
		expect((await listOutbox(handle.db, 'dead')).map((e) => [e.recipient, e.status, e.attempts])).toEqual([['r1@sen.test', 'dead', MAX_ATTEMPTS]]);
	});

	it('a retried dead message gets fresh attempts and is sent once', async () => {
		recording({ fail: () => new PermanentFailure('mailbox does not exist') });
		await enqueue(handle.db, msg(1));
		await deliverPending(handle.db, T0);
		const [dead] = await listOutbox(handle.db, 'dead');
		expect(dead.attempts).toBe(1); // a permanent failure is not retried
		const sent = recording();
		expect(await requeue(handle.db, dead.id)).toBe(true);
		expect(await deliverPending(handle.db, later(1000))).toBe(1);
		expect(await deliverPending(handle.db, later(2000))).toBe(0);
		expect(sent).toHaveLength(1);
		expect(await requeue(handle.db, dead.id)).toBe(false); // sent: nothing to retry
		expect((await listOutbox(handle.db, 'sent')).map((e) => e.id)).toEqual([dead.id]);
	});

	it('never sends a message twice when two delivery runs overlap', async () => {
		const sent = recording({ delayMs: 20 });
		for (let i = 0; i < 12; i++) await enqueue(handle.db, msg(i));
		const counts = await Promise.all([deliverPending(handle.db, T0, 5), deliverPending(handle.db, T0, 5), deliverPending(handle.db, T0, 5)]);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(12); // three runs of five claim disjoint batches
		await deliverPending(handle.db, T0);
		expect(sent).toHaveLength(12);
		expect(new Set(sent.map((m) => m.recipient)).size).toBe(12);
		const rows = await handle.db.select().from(outbox);
		expect(rows.every((r) => r.sentAt && r.attempts === 1)).toBe(true);
	});

	it('a message claimed by a run that crashed is taken again only after its claim expires', async () => {
		const sent = recording();
		await enqueue(handle.db, msg(1));
		await handle.db.update(outbox).set({ claimedUntil: later(60_000), attempts: 1 });
		expect(await deliverPending(handle.db, later(30_000))).toBe(0);
		expect(await deliverPending(handle.db, later(61_000))).toBe(1);
		expect(sent).toHaveLength(1);
		const [row] = await handle.db.select().from(outbox).where(eq(outbox.recipient, 'r1@sen.test'));
		expect(row.attempts).toBe(2);
	});
});
