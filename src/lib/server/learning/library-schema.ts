/**
 * The content library (kho học liệu): resources shared within a school, a management unit or the
 * whole city, tagged by level, grade, subject, competency, learning context and learning mode,
 * with ratings and a count of reuses.
 */
import { pgTable, uuid, text, smallint, integer, timestamp, index, primaryKey, pgEnum } from 'drizzle-orm/pg-core';
import { persons } from '../people/schema';
import { lessons } from './lesson-schema';
import { LEARNING_CONTEXTS, LEARNING_MODES, LIBRARY_REACH, SCHOOL_LEVELS } from './library-rules';

export const libraryReach = pgEnum('library_reach', LIBRARY_REACH);

export const libraryItems = pgTable(
	'library_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** The author's school (null for an officer's item). */
		schoolId: uuid('school_id'),
		/** Where it is shared: the school's, its unit's or the city's path; readers below it see it. */
		path: text('path').notNull(),
		reach: libraryReach('reach').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** An outside resource (https) or one of Sen's lessons. */
		url: text('url'),
		lessonId: uuid('lesson_id').references(() => lessons.id),
		levels: text('levels').array().$type<(typeof SCHOOL_LEVELS)[number][]>().notNull().default([]),
		grades: smallint('grades').array().notNull().default([]),
		subject: text('subject').notNull().default(''),
		competencies: text('competencies').array().notNull().default([]),
		contexts: text('contexts').array().$type<(typeof LEARNING_CONTEXTS)[number][]>().notNull().default([]),
		modes: text('modes').array().$type<(typeof LEARNING_MODES)[number][]>().notNull().default([]),
		/** lower(unaccent(title, description, subject, competencies)): diacritics-insensitive search, trigram-indexed. */
		searchText: text('search_text').notNull(),
		reuseCount: integer('reuse_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('library_items_path_idx').on(t.path), index('library_items_search_idx').using('gin', t.searchText.op('gin_trgm_ops'))]
);

/** One rating per person per item (1–5 stars), which they may change. */
export const libraryRatings = pgTable(
	'library_ratings',
	{
		itemId: uuid('item_id')
			.notNull()
			.references(() => libraryItems.id),
		personId: uuid('person_id').notNull(),
		stars: smallint('stars').notNull(),
		comment: text('comment').notNull().default(''),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.itemId, t.personId] })]
);
