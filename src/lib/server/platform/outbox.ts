import { eq, sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/client';
import { outbox } from './schema';
import { log } from '../log';

export interface OutgoingMessage {
	channel: 'email' | 'sms' | 'push';
	recipient: string;
	subject?: string;
	body: string;
}

/** Queue a message in the caller's transaction; it leaves only if the change commits. */
export async function enqueue(tx: Executor, msg: OutgoingMessage): Promise<void> {
	await tx.insert(outbox).values({ channel: msg.channel, recipient: msg.recipient, subject: msg.subject ?? '', body: msg.body });
}

export interface Sender {
	send(msg: OutgoingMessage): Promise<void>;
}

/**
 * Development sender: prints the message to the log instead of sending it. In production no body is
 * ever logged (a password-reset link is a credential): until a real sender is registered for the
 * channel the message fails (and stays in the outbox as failed after its retries), logged without its body.
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

const senders: Record<OutgoingMessage['channel'], Sender> = { email: logSender, sms: logSender, push: logSender };
export function registerSender(channel: OutgoingMessage['channel'], sender: Sender): void {
	senders[channel] = sender;
}

const MAX_ATTEMPTS = 5;

/**
 * Deliver pending messages. Each batch is first claimed for a minute in one statement
 * (`for update skip locked`), so two processes — or two overlapping runs — never send the same
 * message; a message whose sender crashed is claimed again after the minute. Failures are retried
 * up to MAX_ATTEMPTS.
 */
export async function deliverPending(db: Executor, batch = 50): Promise<number> {
	const claimed = await rows<typeof outbox.$inferSelect & { channel: OutgoingMessage['channel'] }>(
		db,
		sql`update outbox set claimed_until = now() + interval '1 minute', attempts = attempts + 1
			where id in (
				select id from outbox
				where sent_at is null and attempts < ${MAX_ATTEMPTS} and (claimed_until is null or claimed_until < now())
				order by created_at limit ${batch} for update skip locked)
			returning id, channel, recipient, subject, body`
	);
	let sent = 0;
	for (const row of claimed) {
		try {
			await senders[row.channel].send({ channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body });
			await db.update(outbox).set({ sentAt: new Date(), claimedUntil: null }).where(eq(outbox.id, row.id));
			sent++;
		} catch (e) {
			await db.update(outbox).set({ claimedUntil: null, lastError: String(e) }).where(eq(outbox.id, row.id));
		}
	}
	return sent;
}
