/**
 * Online counselling (tư vấn học đường, Thông tư 31/2017/TT-BGDĐT): a learner's or parent's case
 * with its conversation, the counsellors assigned to it, and the appointment slots counsellors
 * publish and learners or parents book. A case's content (subject line, messages) is read only by
 * its requester and its assigned counsellors (policy kind `counselling_case`); every row carries
 * the school's `path`.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, boolean, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { schools } from '../organisations/schema';
import { persons } from '../people/schema';

export const counsellingCases = pgTable(
	'counselling_cases',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		/** Who asked: the learner, or a parent asking about their child. */
		requesterId: uuid('requester_id')
			.notNull()
			.references(() => persons.id),
		/** The learner the case is about (the requester themselves, or the parent's child). */
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		category: text('category', { enum: ['study', 'careers', 'emotions', 'relationships', 'health', 'safeguarding', 'other'] }).notNull(),
		subject: text('subject').notNull(),
		/** Hidden from the school (leader, staff, lists, audit); never from the assigned counsellors. */
		anonymous: boolean('anonymous').notNull().default(false),
		status: text('status', { enum: ['open', 'in_progress', 'closed'] }).notNull().default('open'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [index('counselling_cases_school_idx').on(t.schoolId, t.createdAt), index('counselling_cases_requester_idx').on(t.requesterId)]
);

export const counsellingAssignments = pgTable(
	'counselling_assignments',
	{
		caseId: uuid('case_id')
			.notNull()
			.references(() => counsellingCases.id),
		counsellorId: uuid('counsellor_id')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.caseId, t.counsellorId] }), index('counselling_assignments_counsellor_idx').on(t.counsellorId)]
);

/** The conversation between the requester and the counsellors. */
export const counsellingMessages = pgTable(
	'counselling_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		caseId: uuid('case_id')
			.notNull()
			.references(() => counsellingCases.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('counselling_messages_case_idx').on(t.caseId, t.createdAt)]
);

/** An appointment a counsellor offers, for one person. Online slots have a Jitsi room. */
export const counsellingSlots = pgTable(
	'counselling_slots',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		counsellorId: uuid('counsellor_id')
			.notNull()
			.references(() => persons.id),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		mode: text('mode', { enum: ['in_person', 'online'] }).notNull(),
		place: text('place').notNull().default(''),
		room: text('room'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('counselling_slots_school_idx').on(t.schoolId, t.startsAt), index('counselling_slots_counsellor_idx').on(t.counsellorId, t.startsAt)]
);

/**
 * A booking of a slot. At most one live booking per slot (the partial unique index), so two people
 * booking the same slot at once cannot both win; a cancelled booking frees the slot again.
 */
export const counsellingBookings = pgTable(
	'counselling_bookings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slotId: uuid('slot_id')
			.notNull()
			.references(() => counsellingSlots.id),
		schoolId: uuid('school_id').notNull(),
		path: text('path').notNull(),
		caseId: uuid('case_id').references(() => counsellingCases.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		status: text('status', { enum: ['booked', 'cancelled'] }).notNull().default('booked'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('counselling_bookings_live_slot_uq').on(t.slotId).where(sql`status = 'booked'`), index('counselling_bookings_person_idx').on(t.personId)]
);
