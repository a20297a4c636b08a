/**
 * Messaging (liên lạc) and the electronic contact book (sổ liên lạc điện tử). A conversation lives
 * at an org path (a direct one at its school's path, a class announcement or a project channel at
 * the class's); reading it means being a member (policy scope `member`). Each member keeps a read
 * pointer (`last_read_at`): unread counts and an announcement's read receipts are computed from it.
 */
import { pgTable, pgEnum, uuid, text, boolean, date, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { classes, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { files } from '../files/schema';
import { projects } from '../learning/project-schema';

export const conversationKind = pgEnum('conversation_kind', ['direct', 'class_announcement', 'project_channel']);
export const memberRole = pgEnum('conversation_member_role', ['owner', 'member', 'recipient']);
export const reportStatus = pgEnum('message_report_status', ['open', 'dismissed', 'actioned']);
export const contactBookKind = pgEnum('contact_book_kind', ['daily', 'weekly']);

export const conversations = pgTable(
	'conversations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		kind: conversationKind('kind').notNull(),
		classId: uuid('class_id').references(() => classes.id),
		projectId: uuid('project_id').references(() => projects.id),
		title: text('title').notNull().default(''),
		/** Announcements: may recipients answer? Always true for direct conversations and project channels. */
		repliesAllowed: boolean('replies_allowed').notNull().default(true),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('conversations_school_idx').on(t.schoolId), index('conversations_class_idx').on(t.classId)]
);

/**
 * `owner`: who started it (announcements: the teacher; project channels: teachers); `member`: the
 * other side of a direct conversation or a channel's learner or mentor; `recipient`: a parent
 * receiving an announcement, who sees the owners' messages and their own replies only.
 */
export const conversationMembers = pgTable(
	'conversation_members',
	{
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => conversations.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		role: memberRole('role').notNull(),
		lastReadAt: timestamp('last_read_at', { withTimezone: true }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.conversationId, t.personId] }), index('conversation_members_person_idx').on(t.personId)]
);

export const messages = pgTable(
	'messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => conversations.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Hidden by a school leader after a report (the body is kept for the audit, never shown). */
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		hiddenBy: uuid('hidden_by').references(() => persons.id)
	},
	(t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)]
);

export const messageAttachments = pgTable(
	'message_attachments',
	{
		messageId: uuid('message_id')
			.notNull()
			.references(() => messages.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id)
	},
	(t) => [primaryKey({ columns: [t.messageId, t.fileId] })]
);

export const messageReports = pgTable(
	'message_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		messageId: uuid('message_id')
			.notNull()
			.references(() => messages.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id').notNull(),
		/** The conversation's path: the school's leaders review it. */
		path: text('path').notNull(),
		reporterId: uuid('reporter_id')
			.notNull()
			.references(() => persons.id),
		reason: text('reason').notNull(),
		status: reportStatus('status').notNull().default('open'),
		reviewedBy: uuid('reviewed_by').references(() => persons.id),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('message_reports_school_idx').on(t.schoolId, t.status), index('message_reports_message_idx').on(t.messageId)]
);

/** A note of the homeroom teacher in a learner's contact book; the parent acknowledges or replies. */
export const contactBookEntries = pgTable(
	'contact_book_entries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		/** The class's path. */
		path: text('path').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		kind: contactBookKind('kind').notNull(),
		on: date('on').notNull(),
		body: text('body').notNull(),
		acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
		acknowledgedBy: uuid('acknowledged_by').references(() => persons.id),
		reply: text('reply'),
		repliedAt: timestamp('replied_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('contact_book_learner_idx').on(t.learnerId, t.on)]
);
