/**
 * In-app notifications: one row per recipient, written in the transaction of the change that
 * caused it (with its outgoing email/SMS/push in the outbox). `key` makes a notification
 * idempotent per recipient: the same event notified twice lands once. Beside them: each
 * person's channel choices per kind, their quiet hours and digest setting, their web-push
 * subscriptions, and the emails waiting for their daily digest.
 */
import { pgTable, uuid, text, timestamp, index, uniqueIndex, integer, primaryKey } from 'drizzle-orm/pg-core';
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

/** A person's channels for one kind (a row only once they chose; otherwise the kind's defaults). In-app is always on. */
export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		/** Outgoing channels chosen: a subset of email, sms, push. */
		channels: text('channels').array().notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.personId, t.kind] })]
);

/** A person's quiet hours and digest choice (a row only once they chose). */
export const notificationSettings = pgTable('notification_settings', {
	personId: uuid('person_id')
		.primaryKey()
		.references(() => persons.id, { onDelete: 'cascade' }),
	/** Local 'HH:MM' in `timeZone`; both or neither. */
	quietStart: text('quiet_start'),
	quietEnd: text('quiet_end'),
	timeZone: text('time_zone').notNull().default('Asia/Ho_Chi_Minh'),
	/** 'immediate' or 'daily' (non-urgent emails collected into one email a day). */
	digest: text('digest').notNull().default('immediate'),
	/** The local hour (0–23) the daily digest leaves at. */
	digestHour: integer('digest_hour').notNull().default(18),
	/** The digest slot last sent (so a slot is sent once). */
	lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A browser's web-push subscription (the push service's endpoint and the keys to encrypt for it). */
export const pushSubscriptions = pgTable(
	'push_subscriptions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint), index('push_subscriptions_person_idx').on(t.personId)]
);

/** A notification whose email waits for its recipient's daily digest. */
export const notificationDigestItems = pgTable(
	'notification_digest_items',
	{
		notificationId: uuid('notification_id')
			.primaryKey()
			.references(() => notifications.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Set when a digest took it. */
		digestedAt: timestamp('digested_at', { withTimezone: true })
	},
	(t) => [index('notification_digest_items_person_idx').on(t.personId, t.digestedAt)]
);
