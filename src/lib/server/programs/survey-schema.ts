/**
 * Surveys to schools (khảo sát) and one response per targeted school. A survey's `path` is the
 * sending unit's (the city's or a commune/ward's); a response's is its school's, so an officer
 * of a unit reads only the responses of that unit's schools.
 */
import { pgTable, uuid, text, integer, boolean, timestamp, jsonb, index, uniqueIndex, pgEnum, real } from 'drizzle-orm/pg-core';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { RESPONSE_STATUSES, SURVEY_STATUSES, type Answers, type SurveyDefinition } from './survey-rules';

export const surveyStatus = pgEnum('survey_status', SURVEY_STATUSES);
export const surveyResponseStatus = pgEnum('survey_response_status', RESPONSE_STATUSES);

/** Whom a survey goes to, as the officer chose it (resolved to schools when it is sent). */
export type SurveyTarget = { kind: 'unit'; orgUnitId: string } | { kind: 'level'; orgUnitId?: string; level: string } | { kind: 'schools'; schoolIds: string[] };

export const surveys = pgTable(
	'surveys',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Always null: a survey belongs to a unit or the city. */
		schoolId: uuid('school_id').references(() => schools.id),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		path: text('path').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** `it_readiness` for the IT-readiness template (its responses get an index). */
		template: text('template'),
		definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
		target: jsonb('target').$type<SurveyTarget | null>(),
		opensAt: timestamp('opens_at', { withTimezone: true }),
		closesAt: timestamp('closes_at', { withTimezone: true }),
		status: surveyStatus('status').notNull().default('draft'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('surveys_path_idx').on(t.path)]
);

export const surveyResponses = pgTable(
	'survey_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => surveys.id),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		status: surveyResponseStatus('status').notNull().default('not_started'),
		answers: jsonb('answers').$type<Answers>().notNull().default({}),
		/** Raised by every save; a save naming an older version is refused (409). */
		version: integer('version').notNull().default(1),
		updatedBy: uuid('updated_by').references(() => persons.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		/** Null for demo rows entered on a school's behalf. */
		submittedBy: uuid('submitted_by').references(() => persons.id),
		returnedAt: timestamp('returned_at', { withTimezone: true }),
		returnedBy: uuid('returned_by').references(() => persons.id),
		returnReason: text('return_reason'),
		/** Computed once on submission from the answers (readiness-rules.ts); null otherwise. */
		readinessIndex: real('readiness_index'),
		ready: boolean('ready')
	},
	(t) => [uniqueIndex('survey_responses_school_uq').on(t.surveyId, t.schoolId), index('survey_responses_path_idx').on(t.path)]
);
