/**
 * The transactional outbox. A change queues its outgoing messages in its own transaction
 * (`enqueue`); `deliverPending` sends them after commit, retrying with exponential backoff and
 * dead-lettering a message whose attempts ran out (the administrators' view at /admin/outbox).
 */
import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../db/client';
import { outbox } from './schema';
import { log } from '../log';
import { afterFailure, MAX_ATTEMPTS } from './backoff';

export type OutboxChannel = 'email' | 'sms' | 'push';

export interface OutgoingMessage {
	channel: OutboxChannel;
	/** An email address, a phone number, or (push) the id of a push subscription. */
	recipient: string;
	subject?: string;
	body: string;
	/** Idempotency key: queueing the same key again queues nothing (e.g. `notification:<id>:email`). */
	key?: string;
	/** Hold the message until then (quiet hours). */
	notBefore?: Date | null;
}

/** Queue a message in the caller's transaction; it leaves only if the change commits. Returns whether it was queued (false: the key was already queued). */
/**
 * Queue many messages in the caller's transaction, in multi-row inserts (an announcement to a
 * school's 2,000 parents is a handful of statements, not 2,000). Keys already queued are skipped.
 * Returns how many were queued.
 */
export async function enqueueMany(tx: Executor, msgs: readonly OutgoingMessage[], chunk = 1000): Promise<number> {
	let queued = 0;
	for (let i = 0; i < msgs.length; i += chunk) {
		const rows = msgs.slice(i, i + chunk).map((msg) => ({ channel: msg.channel, recipient: msg.recipient, subject: msg.subject ?? '', body: msg.body, key: msg.key ?? null, notBefore: msg.notBefore ?? null }));
		queued += (await tx.insert(outbox).values(rows).onConflictDoNothing().returning({ id: outbox.id })).length;
	}
	return queued;
}

export async function enqueue(tx: Executor, msg: OutgoingMessage): Promise<boolean> {
	const inserted = await tx
		.insert(outbox)
		.values({ channel: msg.channel, recipient: msg.recipient, subject: msg.subject ?? '', body: msg.body, key: msg.key ?? null, notBefore: msg.notBefore ?? null })
		.onConflictDoNothing()
		.returning({ id: outbox.id });
	return inserted.length > 0;
}

export interface Sender {
	send(msg: OutgoingMessage): Promise<void>;
}

/**
 * Development sender: prints the message to the log instead of sending it. In production no body is
 * ever logged (a password-reset link is a credential): until a real sender is registered for the
 * channel the message fails (and is dead-lettered after its retries), logged without its body.
 */
export const logSender: Sender = {
	async send(msg) {
		if (process.env.NODE_ENV === 'production') {
			log.warn({ outbox: { channel: msg.channel, recipient: msg.recipient, subject: msg.subject } }, `[outbox] no ${msg.channel} sender configured: message to ${msg.recipient} not sent`);
			throw new Error(`no ${msg.channel} sender configured`);
		}
		log.info({ outbox: msg }, `[outbox] ${msg.channel} to ${msg.recipient}: ${msg.subject}\n${msg.body}`);
	}
};

const senders: Record<OutboxChannel, Sender> = { email: logSender, sms: logSender, push: logSender };
export function registerSender(channel: OutboxChannel, sender: Sender): void {
	senders[channel] = sender;
}

/**
 * A sender's way of saying the recipient is gone for good (a push subscription the push service
 * answered 404/410 for): the message is dead at once, not retried.
 */
export class PermanentFailure extends Error {}

/**
 * Deliver the messages that are due at `now`. Each batch is first claimed for a minute in one
 * statement (`for update skip locked`), so two processes — or two overlapping runs — never send
 * the same message; a message whose sender crashed is claimed again after the minute. A failure
 * waits `backoffMs(attempts)` before the next attempt; after MAX_ATTEMPTS the message is dead.
 */
export async function deliverPending(db: Executor, now = new Date(), batch = 50): Promise<number> {
	const t = now.toISOString();
	const claimed = await rows<{ id: string; channel: OutboxChannel; recipient: string; subject: string; body: string; attempts: number }>(
		db,
		sql`update outbox set claimed_until = ${t}::timestamptz + interval '1 minute', attempts = attempts + 1, last_attempt_at = ${t}::timestamptz
			where id in (
				select id from outbox
				where sent_at is null and dead_at is null and attempts < ${MAX_ATTEMPTS}
					and (not_before is null or not_before <= ${t}::timestamptz) and (next_attempt_at is null or next_attempt_at <= ${t}::timestamptz)
					and (claimed_until is null or claimed_until < ${t}::timestamptz)
				order by created_at limit ${batch} for update skip locked)
			returning id, channel, recipient, subject, body, attempts`
	);
	let sent = 0;
	for (const row of claimed) {
		try {
			await senders[row.channel].send({ channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body });
			await db.update(outbox).set({ sentAt: new Date(), claimedUntil: null, lastError: null }).where(eq(outbox.id, row.id));
			sent++;
		} catch (e) {
			const next = e instanceof PermanentFailure ? ({ dead: true } as const) : afterFailure(now, row.attempts);
			const error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
			log.warn({ outbox: { id: row.id, channel: row.channel, attempts: row.attempts, dead: next.dead }, err: error }, `[outbox] ${row.channel} delivery failed`);
			await db
				.update(outbox)
				.set({ claimedUntil: null, lastError: error, ...(next.dead ? { deadAt: now } : { nextAttemptAt: next.nextAttemptAt }) })
				.where(eq(outbox.id, row.id));
		}
	}
	return sent;
}

export type OutboxStatus = 'pending' | 'failing' | 'dead' | 'sent';

const statusCondition: Record<OutboxStatus, SQL> = {
	pending: and(isNull(outbox.sentAt), isNull(outbox.deadAt))!,
	failing: and(isNull(outbox.sentAt), isNull(outbox.deadAt), isNotNull(outbox.lastError))!,
	dead: isNotNull(outbox.deadAt),
	sent: isNotNull(outbox.sentAt)
};

/** What the dead-letter view shows of a message: never its body (a reset link is a credential). */
export interface OutboxEntry {
	id: string;
	channel: OutboxChannel;
	recipient: string;
	subject: string;
	status: OutboxStatus;
	attempts: number;
	lastError: string | null;
	createdAt: string;
	lastAttemptAt: string | null;
	nextAttemptAt: string | null;
	notBefore: string | null;
	sentAt: string | null;
	deadAt: string | null;
}

const entryColumns = {
	id: outbox.id,
	channel: outbox.channel,
	recipient: outbox.recipient,
	subject: outbox.subject,
	attempts: outbox.attempts,
	lastError: outbox.lastError,
	createdAt: outbox.createdAt,
	lastAttemptAt: outbox.lastAttemptAt,
	nextAttemptAt: outbox.nextAttemptAt,
	notBefore: outbox.notBefore,
	sentAt: outbox.sentAt,
	deadAt: outbox.deadAt
};
type EntryRow = Pick<typeof outbox.$inferSelect, keyof typeof entryColumns>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
function toEntry(r: EntryRow): OutboxEntry {
	const status: OutboxStatus = r.sentAt ? 'sent' : r.deadAt ? 'dead' : r.lastError ? 'failing' : 'pending';
	return { ...r, channel: r.channel as OutboxChannel, status, createdAt: r.createdAt.toISOString(), lastAttemptAt: iso(r.lastAttemptAt), nextAttemptAt: iso(r.nextAttemptAt), notBefore: iso(r.notBefore), sentAt: iso(r.sentAt), deadAt: iso(r.deadAt) };
}

/** Messages by status, newest first (no bodies). */
export async function listOutbox(db: Executor, status: OutboxStatus, limit = 100): Promise<OutboxEntry[]> {
	const list = await db.select(entryColumns).from(outbox).where(statusCondition[status]).orderBy(desc(outbox.createdAt)).limit(limit);
	return list.map(toEntry);
}

export async function outboxEntry(db: Executor, id: string): Promise<OutboxEntry | undefined> {
	const [r] = await db.select(entryColumns).from(outbox).where(eq(outbox.id, id));
	return r ? toEntry(r) : undefined;
}

/**
 * Give a dead (or failing) message a fresh set of attempts, due now. False when it was sent
 * already or a sender holds it at this moment (so a retry never sends it twice).
 */
export async function requeue(db: Executor, id: string): Promise<boolean> {
	const updated = await db
		.update(outbox)
		.set({ deadAt: null, attempts: 0, nextAttemptAt: null, notBefore: null, claimedUntil: null })
		.where(and(eq(outbox.id, id), isNull(outbox.sentAt), sql`(${outbox.claimedUntil} is null or ${outbox.claimedUntil} < now())`))
		.returning({ id: outbox.id });
	return updated.length > 0;
}

/** How many messages wait for each status, for the view's summary. */
export async function outboxCounts(db: Executor): Promise<Record<'pending' | 'failing' | 'dead', number>> {
	const [r] = await db
		.select({
			pending: sql<number>`count(*) filter (where ${statusCondition.pending})::int`,
			failing: sql<number>`count(*) filter (where ${statusCondition.failing})::int`,
			dead: sql<number>`count(*) filter (where ${statusCondition.dead})::int`
		})
		.from(outbox);
	return r ?? { pending: 0, failing: 0, dead: 0 };
}
