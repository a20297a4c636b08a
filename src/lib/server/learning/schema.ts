/**
 * Lesson plans (kế hoạch bài dạy) in the frame of Công văn 5512/BGDĐT-GDTrH Phụ lục IV, and the
 * append-only history of their review (tổ trưởng chuyên môn, then the school leader).
 */
import { pgTable, uuid, text, smallint, integer, boolean, date, timestamp, jsonb, bigserial, index, pgEnum } from 'drizzle-orm/pg-core';
import { schools, schoolYears, subjects, subjectGroups } from '../organisations/schema';
import { persons } from '../people/schema';
import type { LessonPlanContent } from './content';
import { LESSON_PLAN_STATUSES } from './workflow';

export const lessonPlanStatus = pgEnum('lesson_plan_status', LESSON_PLAN_STATUSES);

/**
 * One lesson plan. `path` is the subject group's path (or the school's when the subject has no
 * group), so a group head's `within` scope covers exactly their group's plans. `version` grows
 * with every write: an edit names the version it saw.
 */
export const lessonPlans = pgTable(
	'lesson_plans',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		schoolYearId: uuid('school_year_id')
			.notNull()
			.references(() => schoolYears.id),
		path: text('path').notNull(),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		subjectId: uuid('subject_id')
			.notNull()
			.references(() => subjects.id),
		subjectGroupId: uuid('subject_group_id').references(() => subjectGroups.id),
		/** Khối (grade) the lesson is for. */
		grade: smallint('grade').notNull(),
		title: text('title').notNull(),
		/** Week of the school year (tuần) and the day it is taught, both optional. */
		week: smallint('week'),
		teachingDate: date('teaching_date'),
		/** Thời gian thực hiện: number of periods (số tiết). */
		periods: smallint('periods').notNull().default(1),
		status: lessonPlanStatus('status').notNull().default('draft'),
		content: jsonb('content').$type<LessonPlanContent>().notNull(),
		version: integer('version').notNull().default(1),
		/** Shared with colleagues of the school, who may read and copy it. */
		shared: boolean('shared').notNull().default(false),
		copiedFromId: uuid('copied_from_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('lesson_plans_school_idx').on(t.schoolId, t.schoolYearId), index('lesson_plans_author_idx').on(t.authorId), index('lesson_plans_path_idx').on(t.path)]
);

/** Every status change of a plan, with who and why; append-only (enforced by a trigger). */
export const lessonPlanEvents = pgTable(
	'lesson_plan_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => lessonPlans.id),
		schoolId: uuid('school_id').notNull(),
		/** Null for the plan's creation. */
		fromStatus: lessonPlanStatus('from_status'),
		toStatus: lessonPlanStatus('to_status').notNull(),
		actorId: uuid('actor_id').notNull(),
		comment: text('comment').notNull().default(''),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('lesson_plan_events_plan_idx').on(t.planId, t.id)]
);
