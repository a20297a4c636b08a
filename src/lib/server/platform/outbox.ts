import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
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

/** Development sender: prints the message to the log instead of sending it. */
export const logSender: Sender = {
	async send(msg) {
		log.info({ outbox: msg }, `[outbox] ${msg.channel} to ${msg.recipient}: ${msg.subject}\n${msg.body}`);
	}
};

const senders: Record<OutgoingMessage['channel'], Sender> = { email: logSender, sms: logSender, push: logSender };
export function registerSender(channel: OutgoingMessage['channel'], sender: Sender): void {
	senders[channel] = sender;
}

const MAX_ATTEMPTS = 5;

/** Deliver pending messages, marking each sent; failures are retried up to MAX_ATTEMPTS. */
export async function deliverPending(db: Executor, batch = 50): Promise<number> {
	const pending = await db
		.select()
		.from(outbox)
		.where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
		.orderBy(asc(outbox.createdAt))
		.limit(batch);
	let sent = 0;
	for (const row of pending) {
		try {
			await senders[row.channel].send({ channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body });
			await db.update(outbox).set({ sentAt: new Date(), attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, row.id));
			sent++;
		} catch (e) {
			await db
				.update(outbox)
				.set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(e) })
				.where(eq(outbox.id, row.id));
		}
	}
	return sent;
}
