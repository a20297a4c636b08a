/**
 * The program office's publications (thông báo, tài liệu hướng dẫn, tin tức, giá trị) to an
 * audience along its path (the city's or a unit's, optionally only schools of some levels), and
 * who has read each: one row per person, the first time they open it. The office corrects a
 * publication in place (`edited_at`) and withdraws it (`withdrawn_at`, with an optional reason);
 * its audience never changes once sent. Uploaded documents are `publication_files`.
 */
import { pgTable, pgEnum, uuid, text, boolean, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { schoolLevel, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { files } from '../files/schema';
import { PUBLICATION_AUDIENCES, PUBLICATION_KINDS } from './publication-rules';

export const publicationKind = pgEnum('publication_kind', PUBLICATION_KINDS);
export const publicationAudience = pgEnum('publication_audience', PUBLICATION_AUDIENCES);

export const publications = pgTable(
	'publications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Null: the city's or a unit's (publications come from the program office). */
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		kind: publicationKind('kind').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/** An https link to a document kept elsewhere; documents uploaded to Sen are `publication_files`. */
		attachmentUrl: text('attachment_url'),
		audience: publicationAudience('audience').notNull(),
		/** Empty: every level. */
		levels: schoolLevel('levels').array().notNull().default([]),
		/** Shown on the public page /program (news and values only). */
		public: boolean('public').notNull().default(false),
		publishedBy: uuid('published_by')
			.notNull()
			.references(() => persons.id),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		/** Last corrected (title, body, attachment), shown as "Đã sửa lúc …"; null if never. */
		editedAt: timestamp('edited_at', { withTimezone: true }),
		/** Withdrawn (thu hồi): gone from the audience's lists and the public page, reads no longer recorded. */
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		withdrawalReason: text('withdrawal_reason')
	},
	(t) => [index('publications_path_idx').on(t.path), index('publications_published_idx').on(t.publishedAt)]
);

export const publicationReads = pgTable(
	'publication_reads',
	{
		publicationId: uuid('publication_id')
			.notNull()
			.references(() => publications.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.publicationId, t.personId] })]
);

/** The documents uploaded with a publication (guidance as PDF, forms as Word …), stored by the files module at its path. */
export const publicationFiles = pgTable(
	'publication_files',
	{
		publicationId: uuid('publication_id')
			.notNull()
			.references(() => publications.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.publicationId, t.fileId] })]
);
