/**
 * Events and seminars (sự kiện, hội thảo, tọa đàm, ngày trải nghiệm) with registration, a
 * waitlist, attendance and feedback; and online meetings (họp trực tuyến) on Jitsi with
 * invitations and an attendance record. `path` is where the record lives: an event's is the
 * school's, the unit's or the city's that organises it; a meeting's is its class's or school's
 * (or the unit's for an officer's training).
 */
import { pgTable, uuid, text, integer, smallint, boolean, timestamp, index, uniqueIndex, primaryKey, pgEnum } from 'drizzle-orm/pg-core';
import { schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { learningPlaces } from '../learning/place-schema';
import { EVENT_AUDIENCES, EVENT_KINDS, MEETING_FOR_KINDS, MEETING_RESPONSES, REGISTRATION_STATUSES } from './rules';

export const eventKind = pgEnum('event_kind', EVENT_KINDS);
export const eventAudience = pgEnum('event_audience', EVENT_AUDIENCES);
export const registrationStatus = pgEnum('event_registration_status', REGISTRATION_STATUSES);
export const meetingForKind = pgEnum('meeting_for_kind', MEETING_FOR_KINDS);
export const meetingResponse = pgEnum('meeting_response', MEETING_RESPONSES);

export const events = pgTable(
	'events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Null for a unit's or the city's event. */
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		kind: eventKind('kind').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		placeId: uuid('place_id').references(() => learningPlaces.id),
		/** A free-text venue when the event is not at a learning place (or besides it: a room). */
		venue: text('venue').notNull().default(''),
		/** A Jitsi room when the event is also (or only) online. */
		room: text('room'),
		/** Null = unlimited. */
		capacity: integer('capacity'),
		audience: eventAudience('audience').notNull(),
		registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
		/** Null = until the event starts. */
		registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(t) => [index('events_path_idx').on(t.path), index('events_starts_idx').on(t.startsAt)]
);

/** One per person and event; cancelling keeps the row (status cancelled), registering again reuses it. */
export const eventRegistrations = pgTable(
	'event_registrations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		/** Who registered them: themselves, or a parent for their child. */
		registeredBy: uuid('registered_by')
			.notNull()
			.references(() => persons.id),
		status: registrationStatus('status').notNull(),
		/** Order of registration within the event; the waitlist is served in this order. */
		position: integer('position').notNull(),
		registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
		/** Null until the organiser records attendance. */
		attended: boolean('attended')
	},
	(t) => [uniqueIndex('event_registrations_person_uq').on(t.eventId, t.personId), index('event_registrations_person_idx').on(t.personId)]
);

/** After the event, from those who attended: a rating 1…5 and a comment, one each. */
export const eventFeedback = pgTable(
	'event_feedback',
	{
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		rating: smallint('rating').notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.eventId, t.personId] })]
);

export const meetings = pgTable(
	'meetings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		forKind: meetingForKind('for_kind').notNull(),
		/** The class (class, parent_group meetings); clubs and trainings name their invitees instead. */
		forId: uuid('for_id'),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** The Jitsi room (platform/meeting-link.ts newRoomName()): unguessable, never derived from the title. */
		room: text('room').notNull(),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(t) => [index('meetings_path_idx').on(t.path), index('meetings_created_by_idx').on(t.createdBy)]
);

export const meetingInvitations = pgTable(
	'meeting_invitations',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
		/** Null until the invitee answers. */
		response: meetingResponse('response')
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index('meeting_invitations_person_idx').on(t.personId)]
);

/** Who joined through Sen, with their first join time. */
export const meetingAttendance = pgTable(
	'meeting_attendance',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.personId] })]
);

/**
 * A person's secret calendar address (for calendar apps, which send no cookie): only the SHA-256
 * of the secret is kept; making a new one replaces the old, which stops working.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
	personId: uuid('person_id')
		.primaryKey()
		.references(() => persons.id),
	secretHash: text('secret_hash').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
