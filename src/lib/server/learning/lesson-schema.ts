/**
 * E-learning: the question bank, lessons made of blocks, quizzes drawn from the bank, lessons
 * assigned to classes, and each learner's progress and quiz attempts.
 */
import { pgTable, uuid, text, smallint, integer, boolean, timestamp, jsonb, real, index, uniqueIndex, primaryKey, pgEnum } from 'drizzle-orm/pg-core';
import { classes, schools, subjects } from '../organisations/schema';
import { persons } from '../people/schema';
import { COGNITIVE_LEVELS, QUESTION_KINDS, type Answer, type QuestionBody } from './questions';
import type { LessonBlock } from './lesson-blocks';

export const questionKind = pgEnum('question_kind', QUESTION_KINDS);
export const cognitiveLevel = pgEnum('cognitive_level', COGNITIVE_LEVELS);
export const attemptStatus = pgEnum('quiz_attempt_status', ['in_progress', 'submitted', 'needs_grading']);

/** One question of a school's bank. `path` is its subject group's (or the school's), as for lesson plans. */
export const questions = pgTable(
	'questions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		subjectId: uuid('subject_id')
			.notNull()
			.references(() => subjects.id),
		grade: smallint('grade'),
		kind: questionKind('kind').notNull(),
		level: cognitiveLevel('level').notNull().default('nhan_biet'),
		topic: text('topic').notNull().default(''),
		stem: text('stem').notNull(),
		body: jsonb('body').$type<QuestionBody>().notNull(),
		points: smallint('points').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('questions_school_subject_idx').on(t.schoolId, t.subjectId), index('questions_path_idx').on(t.path)]
);

/** A lesson (bài giảng e-learning): its blocks in order, as jsonb with a stable id each. */
export const lessons = pgTable(
	'lessons',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		subjectId: uuid('subject_id')
			.notNull()
			.references(() => subjects.id),
		grade: smallint('grade').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		blocks: jsonb('blocks').$type<LessonBlock[]>().notNull().default([]),
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('lessons_school_idx').on(t.schoolId), index('lessons_author_idx').on(t.authorId)]
);

/** A quiz of a lesson: questions from the bank, drawn and shuffled per attempt, with a time limit and attempts. */
export const quizzes = pgTable('quizzes', {
	id: uuid('id').primaryKey().defaultRandom(),
	lessonId: uuid('lesson_id')
		.notNull()
		.references(() => lessons.id),
	schoolId: uuid('school_id').notNull(),
	title: text('title').notNull(),
	questionIds: jsonb('question_ids').$type<string[]>().notNull(),
	/** Null: every question; else this many drawn at random for each attempt. */
	drawCount: smallint('draw_count'),
	shuffle: boolean('shuffle').notNull().default(true),
	timeLimitMinutes: smallint('time_limit_minutes'),
	maxAttempts: smallint('max_attempts').notNull().default(1),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** A lesson given to a class, open from `opensAt`, due at `dueAt`; `path` is the class's. */
export const lessonClasses = pgTable(
	'lesson_classes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		lessonId: uuid('lesson_id')
			.notNull()
			.references(() => lessons.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id),
		schoolId: uuid('school_id').notNull(),
		path: text('path').notNull(),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull().defaultNow(),
		dueAt: timestamp('due_at', { withTimezone: true }),
		assignedBy: uuid('assigned_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('lesson_classes_lesson_class_uq').on(t.lessonId, t.classId), index('lesson_classes_class_idx').on(t.classId)]
);

/** A block a learner has finished (read the text, watched the video, submitted the quiz). */
export const lessonProgress = pgTable(
	'lesson_progress',
	{
		lessonId: uuid('lesson_id')
			.notNull()
			.references(() => lessons.id),
		blockId: text('block_id').notNull(),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		schoolId: uuid('school_id').notNull(),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.blockId, t.learnerId] }), index('lesson_progress_learner_idx').on(t.learnerId)]
);

/** The graded result of one question in an attempt. */
export interface QuestionResult {
	/** Share earned 0..1; null while an essay waits for the teacher. */
	fraction: number | null;
	points: number;
	max: number;
	comment?: string;
}

/** One attempt at a quiz by a learner of a class the lesson is given to; `path` is the class's. */
export const quizAttempts = pgTable(
	'quiz_attempts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		quizId: uuid('quiz_id')
			.notNull()
			.references(() => quizzes.id),
		lessonClassId: uuid('lesson_class_id')
			.notNull()
			.references(() => lessonClasses.id),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		schoolId: uuid('school_id').notNull(),
		path: text('path').notNull(),
		number: smallint('number').notNull(),
		/** The questions drawn for this attempt, in the order shown. */
		questionIds: jsonb('question_ids').$type<string[]>().notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		deadlineAt: timestamp('deadline_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		status: attemptStatus('status').notNull().default('in_progress'),
		answers: jsonb('answers').$type<Record<string, Answer>>().notNull().default({}),
		results: jsonb('results').$type<Record<string, QuestionResult>>().notNull().default({}),
		score: real('score'),
		maxScore: real('max_score')
	},
	(t) => [uniqueIndex('quiz_attempts_number_uq').on(t.quizId, t.learnerId, t.number), index('quiz_attempts_learner_idx').on(t.learnerId)]
);
