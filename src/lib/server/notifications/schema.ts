/**
 * In-app notifications: one row per recipient, written in the transaction of the change that
 * caused it (with its outgoing email/SMS/push in the outbox). `key` makes a notification
 * idempotent per recipient: the same event notified twice lands once.
 */
import { pgTable, uuid, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { persons } from '../people/schema';

export const notifications = pgTable(
	'notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		/** The school it is about, when there is one (for partitioning and the dead-letter view). */
		schoolId: uuid('school_id'),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/** A path inside Sen (e.g. /messages/…), never an outside URL. */
		link: text('link'),
		/** Idempotency key of the event (e.g. `message:<id>`); unique per recipient. */
		key: text('key').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('notifications_person_key_uq').on(t.personId, t.key), index('notifications_person_unread_idx').on(t.personId, t.createdAt)]
);
