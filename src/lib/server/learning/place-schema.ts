/**
 * Learning places (địa điểm học tập trải nghiệm): real places a class can learn at — heritage
 * sites, craft villages, museums, businesses, nature, local culture — and their links to lessons.
 * `path` is where the place was added: a school's (its staff and families see it) or a unit's or
 * the city's (everyone below sees it).
 */
import { pgTable, uuid, text, doublePrecision, jsonb, timestamp, index, primaryKey, pgEnum } from 'drizzle-orm/pg-core';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { lessons } from './lesson-schema';
import { PLACE_KINDS, type PlaceLevel } from './place-rules';

export const placeKind = pgEnum('learning_place_kind', PLACE_KINDS);

export const learningPlaces = pgTable(
	'learning_places',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** The school that added it; null when a unit or the city did. */
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		name: text('name').notNull(),
		kind: placeKind('kind').notNull(),
		/** The commune or ward (org unit of kind commune_ward) it lies in, when known. */
		wardId: uuid('ward_id').references(() => orgUnits.id),
		address: text('address').notNull().default(''),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		contact: text('contact').notNull().default(''),
		/** What can be learnt there. */
		learning: text('learning').notNull().default(''),
		levels: jsonb('levels').$type<PlaceLevel[]>().notNull().default([]),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('learning_places_path_idx').on(t.path), index('learning_places_kind_idx').on(t.kind)]
);

/** A lesson that uses a place (a visit, an example, a project's field work). */
export const lessonPlaces = pgTable(
	'lesson_places',
	{
		lessonId: uuid('lesson_id')
			.notNull()
			.references(() => lessons.id),
		placeId: uuid('place_id')
			.notNull()
			.references(() => learningPlaces.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.placeId] }), index('lesson_places_place_idx').on(t.placeId)]
);
