/**
 * Assignments (bài tập) set by a class's subject teacher, and the learners' submissions. Scores
 * are kept in tenths (7,5 → 75) as in the gradebook, so totals and the 0–10 conversion are exact.
 */
import { pgTable, uuid, text, integer, timestamp, jsonb, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { classes, schools, schoolYears, subjects } from '../organisations/schema';
import { persons } from '../people/schema';
import { gradeColumns } from '../gradebook/schema';
import { files } from '../files/schema';
import type { Criterion, RubricScores } from './assignment-rules';

export const assignments = pgTable(
	'assignments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		schoolYearId: uuid('school_year_id')
			.notNull()
			.references(() => schoolYears.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		subjectId: uuid('subject_id')
			.notNull()
			.references(() => subjects.id),
		/** Who set it (the class's subject teacher at the time). */
		teacherId: uuid('teacher_id')
			.notNull()
			.references(() => persons.id),
		/** The class's path: scope checks match on it. */
		path: text('path').notNull(),
		title: text('title').notNull(),
		/** The topic it practises (chủ đề), for the learner's mastery beside quiz results. */
		topic: text('topic').notNull().default(''),
		instructions: text('instructions').notNull().default(''),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		maxTenths: integer('max_tenths').notNull(),
		/** Optional rubric (tiêu chí chấm): criteria with their points; their sum is the maximum. */
		rubric: jsonb('rubric').$type<Criterion[]>().notNull().default([]),
		/** The gradebook column the scores were last sent to, and when. */
		sentColumnId: uuid('sent_column_id').references(() => gradeColumns.id, { onDelete: 'set null' }),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('assignments_class_idx').on(t.classId, t.subjectId), index('assignments_path_idx').on(t.path)]
);

export const assignmentAttachments = pgTable(
	'assignment_attachments',
	{
		assignmentId: uuid('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.fileId] })]
);

/** One learner's work on one assignment: handed in (again) until the due date, then graded. */
export const submissions = pgTable(
	'submissions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assignmentId: uuid('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id').notNull(),
		path: text('path').notNull(),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		text: text('text').notNull().default(''),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
		/** How many times it was handed in. */
		attempts: integer('attempts').notNull().default(1),
		scoreTenths: integer('score_tenths'),
		rubricScores: jsonb('rubric_scores').$type<RubricScores>(),
		comment: text('comment').notNull().default(''),
		gradedAt: timestamp('graded_at', { withTimezone: true }),
		gradedBy: uuid('graded_by').references(() => persons.id),
		version: integer('version').notNull().default(1)
	},
	(t) => [uniqueIndex('submissions_assignment_learner_uq').on(t.assignmentId, t.learnerId), index('submissions_learner_idx').on(t.learnerId)]
);

export const submissionFiles = pgTable(
	'submission_files',
	{
		submissionId: uuid('submission_id')
			.notNull()
			.references(() => submissions.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.submissionId, t.fileId] })]
);
