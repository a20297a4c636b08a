import { pgTable, uuid, text, timestamp, integer, index, pgEnum } from 'drizzle-orm/pg-core';

export const outboxChannel = pgEnum('outbox_channel', ['email', 'sms', 'push']);

/** Transactional outbox: written in the same transaction as the change, delivered after commit. */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		channel: outboxChannel('channel').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull().default(''),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		attempts: integer('attempts').notNull().default(0),
		/** A sender has claimed the message until then; another process skips it meanwhile. */
		claimedUntil: timestamp('claimed_until', { withTimezone: true }),
		lastError: text('last_error')
	},
	(t) => [index('outbox_pending_idx').on(t.sentAt)]
);
