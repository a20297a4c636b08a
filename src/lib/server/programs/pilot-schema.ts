/**
 * Pilot models (mô hình thí điểm) and the schools that pilot them. A model belongs to the program
 * office (its path is the office's org unit); a pilot site is one school running one model (its
 * path and school_id are the school's), with the program's phases, milestones and evidence.
 */
import { pgTable, pgEnum, uuid, text, date, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { schoolLevel, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { files } from '../files/schema';
import { PILOT_MODEL_STATUSES, PILOT_PHASES, STORED_MILESTONE_STATUSES } from './pilot-rules';

export const pilotModelStatus = pgEnum('pilot_model_status', PILOT_MODEL_STATUSES);
export const pilotPhase = pgEnum('pilot_phase', PILOT_PHASES);
export const pilotMilestoneStatus = pgEnum('pilot_milestone_status', STORED_MILESTONE_STATUSES);

export const pilotModels = pgTable(
	'pilot_models',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** The office's org unit path (the city's). */
		path: text('path').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		levels: schoolLevel('levels').array().notNull(),
		/** From PILOT_COMPONENTS: people, content, technology, context. */
		components: text('components').array().notNull(),
		status: pilotModelStatus('status').notNull().default('piloting'),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pilot_models_path_idx').on(t.path)]
);

export const pilotSites = pgTable(
	'pilot_sites',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		modelId: uuid('model_id')
			.notNull()
			.references(() => pilotModels.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		/** The school's person responsible for the pilot (name and role, as the school gives it). */
		responsible: text('responsible').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('pilot_sites_model_school_uq').on(t.modelId, t.schoolId), index('pilot_sites_path_idx').on(t.path)]
);

export const pilotSitePhases = pgTable(
	'pilot_site_phases',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => pilotSites.id, { onDelete: 'cascade' }),
		phase: pilotPhase('phase').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull()
	},
	(t) => [uniqueIndex('pilot_site_phases_uq').on(t.siteId, t.phase)]
);

export const pilotMilestones = pgTable(
	'pilot_milestones',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => pilotSites.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		phase: pilotPhase('phase'),
		title: text('title').notNull(),
		dueOn: date('due_on').notNull(),
		responsible: text('responsible').notNull().default(''),
		/** planned | in_progress | done; late is computed from the due date. */
		status: pilotMilestoneStatus('status').notNull().default('planned'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pilot_milestones_site_idx').on(t.siteId), index('pilot_milestones_path_idx').on(t.path)]
);

export const pilotEvidence = pgTable(
	'pilot_evidence',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		milestoneId: uuid('milestone_id')
			.notNull()
			.references(() => pilotMilestones.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => pilotSites.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		note: text('note').notNull().default(''),
		url: text('url'),
		fileId: uuid('file_id').references(() => files.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pilot_evidence_milestone_idx').on(t.milestoneId)]
);
