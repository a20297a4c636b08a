/**
 * Training (bồi dưỡng, tập huấn) of the city program: courses for a target group organised by the
 * city or a management unit (`path` = the organiser's), quotas of places per school, sessions
 * (in person or online on Jitsi), enrolments (`path` = the trainee's: their school's, or their
 * unit's for officers and external trainees), attendance per session, pre/post scores, feedback,
 * and the program's targets per year and scope.
 */
import { pgTable, uuid, text, integer, smallint, boolean, real, date, jsonb, timestamp, index, uniqueIndex, primaryKey, pgEnum } from 'drizzle-orm/pg-core';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { files } from '../files/schema';
import { COURSE_AUDIENCES, COURSE_STATUSES, TARGET_GROUPS } from './training-rules';

export const trainingTargetGroup = pgEnum('training_target_group', TARGET_GROUPS);
export const trainingAudience = pgEnum('training_audience', COURSE_AUDIENCES);
export const trainingStatus = pgEnum('training_status', COURSE_STATUSES);

/** An online material of a course: a text and/or an https link. */
export interface TrainingMaterial {
	title: string;
	body: string;
	url: string | null;
}

export const trainingCourses = pgTable(
	'training_courses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Always null today (courses are the city's or a unit's); kept so every tenant table has one. */
		schoolId: uuid('school_id').references(() => schools.id),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		path: text('path').notNull(),
		programYear: integer('program_year').notNull(),
		title: text('title').notNull(),
		targetGroup: trainingTargetGroup('target_group').notNull(),
		/** Whom the course is readable by beyond staff: learners'/parents' online materials (policy `audienceAlongPath`). */
		audience: trainingAudience('audience').notNull(),
		description: text('description').notNull().default(''),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		status: trainingStatus('status').notNull().default('open'),
		/** Null = unlimited. */
		capacity: integer('capacity'),
		/** The pre/post assessment's scale (null = no assessment) and its pass mark on the post test. */
		maxScore: real('max_score'),
		passMark: real('pass_mark'),
		/** Share of sessions to attend for completion (0…1). */
		requiredShare: real('required_share').notNull().default(0.8),
		materials: jsonb('materials').$type<TrainingMaterial[]>().notNull().default([]),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('training_courses_path_idx').on(t.path)]
);

/** Places per school on a course (chỉ tiêu); `path` = the school's. */
export const trainingQuotas = pgTable(
	'training_quotas',
	{
		courseId: uuid('course_id')
			.notNull()
			.references(() => trainingCourses.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		places: integer('places').notNull()
	},
	(t) => [primaryKey({ columns: [t.courseId, t.schoolId] })]
);

export const trainingSessions = pgTable(
	'training_sessions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		courseId: uuid('course_id')
			.notNull()
			.references(() => trainingCourses.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		title: text('title').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		place: text('place').notNull().default(''),
		/** A Jitsi room (platform/meeting-link.ts) when the session is online. */
		room: text('room'),
		/** Trainers who are persons in Sen, and free-text names of the others. */
		trainerIds: uuid('trainer_ids').array().notNull().default([]),
		trainerNames: text('trainer_names').array().notNull().default([])
	},
	(t) => [index('training_sessions_course_idx').on(t.courseId), index('training_sessions_starts_idx').on(t.startsAt)]
);

export const trainingEnrolments = pgTable(
	'training_enrolments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		courseId: uuid('course_id')
			.notNull()
			.references(() => trainingCourses.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		/** The trainee's school (counted against its quota); null for officers and external trainees. */
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		enrolledBy: uuid('enrolled_by')
			.notNull()
			.references(() => persons.id),
		enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
		preScore: real('pre_score'),
		postScore: real('post_score'),
		/** Set by the completion rule (training-rules.ts isCompleted) whenever attendance, scores or sessions change. */
		completedAt: timestamp('completed_at', { withTimezone: true }),
		/** Printed on the certificate. */
		verificationCode: text('verification_code').notNull()
	},
	(t) => [
		uniqueIndex('training_enrolments_person_uq').on(t.courseId, t.personId),
		uniqueIndex('training_enrolments_code_uq').on(t.verificationCode),
		index('training_enrolments_path_idx').on(t.path),
		index('training_enrolments_person_idx').on(t.personId)
	]
);

export const trainingAttendance = pgTable(
	'training_attendance',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		enrolmentId: uuid('enrolment_id')
			.notNull()
			.references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
		attended: boolean('attended').notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.enrolmentId] })]
);

/** The feedback form: usefulness and applicability 1…5 and a comment; one per person and course. */
export const trainingFeedback = pgTable(
	'training_feedback',
	{
		courseId: uuid('course_id')
			.notNull()
			.references(() => trainingCourses.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		path: text('path').notNull(),
		usefulness: smallint('usefulness').notNull(),
		applicability: smallint('applicability').notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.courseId, t.personId] })]
);

/** The program's targets per year and scope (the city's by default), editable by the office. */
export const trainingTargets = pgTable(
	'training_targets',
	{
		programYear: integer('program_year').notNull(),
		path: text('path').notNull(),
		key: text('key').notNull(),
		value: real('value').notNull(),
		updatedBy: uuid('updated_by').references(() => persons.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.programYear, t.path, t.key] })]
);

/** Documents of a course (slides, handouts, a guide for parents), stored by the files module at the course's path, read by whoever reads the course. */
export const trainingCourseFiles = pgTable(
	'training_course_files',
	{
		courseId: uuid('course_id')
			.notNull()
			.references(() => trainingCourses.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.courseId, t.fileId] })]
);
