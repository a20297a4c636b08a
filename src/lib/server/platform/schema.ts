import { pgTable, uuid, text, timestamp, integer, index, pgEnum, uniqueIndex } from 'drizzle-orm/pg-core';

export const outboxChannel = pgEnum('outbox_channel', ['email', 'sms', 'push']);

/**
 * Transactional outbox: written in the same transaction as the change, delivered after commit.
 * A message is pending (neither sent nor dead), sent, or dead (its attempts ran out: the
 * administrators' dead-letter view, from which it may be retried).
 */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		channel: outboxChannel('channel').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull().default(''),
		body: text('body').notNull(),
		/** Idempotency key (e.g. `notification:<id>:email`): the same message is never queued twice. */
		key: text('key'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Held until then (the recipient's quiet hours). */
		notBefore: timestamp('not_before', { withTimezone: true }),
		/** After a failure, the next attempt waits until then (exponential backoff). */
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/** The attempts ran out: dead-lettered. */
		deadAt: timestamp('dead_at', { withTimezone: true }),
		attempts: integer('attempts').notNull().default(0),
		/** A sender has claimed the message until then; another process skips it meanwhile. */
		claimedUntil: timestamp('claimed_until', { withTimezone: true }),
		lastError: text('last_error'),
		lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true })
	},
	(t) => [index('outbox_pending_idx').on(t.sentAt), uniqueIndex('outbox_key_uq').on(t.key)]
);
