/**
 * Projects (học theo dự án): a class's project with teams of its learners, milestones where each
 * team posts evidence and gets feedback from the teacher (and the outside mentor), and a final
 * product per team. Every row carries the class's `path`; a milestone's status per team is
 * computed from its evidence and feedback on read (project-rules.ts), never stored.
 */
import { pgTable, uuid, text, date, smallint, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { classes, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { learningPlaces } from './place-schema';

export const projects = pgTable(
	'projects',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id),
		path: text('path').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Câu hỏi định hướng: the open question the project answers. */
		drivingQuestion: text('driving_question').notNull().default(''),
		placeId: uuid('place_id').references(() => learningPlaces.id),
		/** The outside mentor (a person with role mentor, alumnus or partner_contact). */
		mentorId: uuid('mentor_id').references(() => persons.id),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('projects_class_idx').on(t.classId), index('projects_mentor_idx').on(t.mentorId)]
);

export const projectTeams = pgTable(
	'project_teams',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id')
			.notNull()
			.references(() => projects.id),
		schoolId: uuid('school_id').notNull(),
		path: text('path').notNull(),
		name: text('name').notNull(),
		/** The team's final product: a description and an https link. */
		finalProduct: text('final_product').notNull().default(''),
		finalProductUrl: text('final_product_url'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('project_teams_project_idx').on(t.projectId)]
);

/** A learner is in at most one team of a project. */
export const projectTeamMembers = pgTable(
	'project_team_members',
	{
		teamId: uuid('team_id')
			.notNull()
			.references(() => projectTeams.id),
		projectId: uuid('project_id')
			.notNull()
			.references(() => projects.id),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id)
	},
	(t) => [primaryKey({ columns: [t.teamId, t.learnerId] }), uniqueIndex('project_team_members_project_learner_uq').on(t.projectId, t.learnerId), index('project_team_members_learner_idx').on(t.learnerId)]
);

export const projectMilestones = pgTable(
	'project_milestones',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id')
			.notNull()
			.references(() => projects.id),
		title: text('title').notNull(),
		dueOn: date('due_on').notNull(),
		position: smallint('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('project_milestones_project_idx').on(t.projectId)]
);

/** What a team shows for a milestone: text and an https link; `fileId` is for the files module. */
export const projectEvidence = pgTable(
	'project_evidence',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		milestoneId: uuid('milestone_id')
			.notNull()
			.references(() => projectMilestones.id),
		teamId: uuid('team_id')
			.notNull()
			.references(() => projectTeams.id),
		schoolId: uuid('school_id').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		text: text('text').notNull().default(''),
		url: text('url'),
		/** A stored file (files module, not yet part of Sen); null until it is. */
		fileId: uuid('file_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('project_evidence_team_milestone_idx').on(t.teamId, t.milestoneId)]
);

/** The teacher's (or the outside mentor's) feedback on a team's milestone. */
export const projectFeedback = pgTable(
	'project_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		milestoneId: uuid('milestone_id')
			.notNull()
			.references(() => projectMilestones.id),
		teamId: uuid('team_id')
			.notNull()
			.references(() => projectTeams.id),
		schoolId: uuid('school_id').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('project_feedback_team_milestone_idx').on(t.teamId, t.milestoneId)]
);
