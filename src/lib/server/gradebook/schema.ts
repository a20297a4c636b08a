/**
 * The electronic gradebook (sổ điểm điện tử). Rules live in ./rules (pure functions); these tables
 * hold what teachers enter. Results (averages, learning level, year conduct) are always computed
 * from the entries by the rules, never typed in, so they cannot drift from the scores.
 */
import { pgTable, uuid, text, smallint, integer, boolean, date, timestamp, jsonb, bigserial, index, uniqueIndex, unique, pgEnum } from 'drizzle-orm/pg-core';
import { classes, schools, schoolYears, subjects } from '../organisations/schema';
import { persons } from '../people/schema';

/** Who teaches which subject in which class this year: the only person who writes its scores (TT22 Điều 19). */
export const teachingAssignments = pgTable(
	'teaching_assignments',
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
		teacherId: uuid('teacher_id')
			.notNull()
			.references(() => persons.id),
		/** The class's path: scope checks match on it. */
		path: text('path').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('teaching_class_subject_uq').on(t.classId, t.subjectId), index('teaching_teacher_idx').on(t.teacherId)]
);

/** regular = ĐĐGtx, midterm = ĐĐGgk, endterm = ĐĐGck (TT22 Điều 6–7; TT27 giữa/cuối kì); retake = re-assessment after the year (TT22 Điều 12–14). */
export const columnKind = pgEnum('grade_column_kind', ['regular', 'midterm', 'endterm', 'retake']);
/** score: 0–10, one decimal (TT22); integer: 0–10 whole (TT27 tests); pass: Đạt/Chưa đạt; level: T/H/C (TT27). */
export const valueType = pgEnum('grade_value_type', ['score', 'integer', 'pass', 'level']);

/** One column of a class's subject grid in a term. */
export const gradeColumns = pgTable(
	'grade_columns',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		subjectId: uuid('subject_id')
			.notNull()
			.references(() => subjects.id),
		term: smallint('term').notNull(),
		kind: columnKind('kind').notNull(),
		valueType: valueType('value_type').notNull(),
		/** 1.. within (term, kind, value type). */
		slot: smallint('slot').notNull(),
		/** When the teacher published it to parents (if the school shows scores only after publishing). */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		path: text('path').notNull()
	},
	(t) => [unique('grade_columns_uq').on(t.classId, t.subjectId, t.term, t.kind, t.valueType, t.slot), index('grade_columns_class_idx').on(t.classId, t.subjectId)]
);

/**
 * One learner's value in one column. Scores are kept in tenths (7.5 → 75) so arithmetic is exact.
 * `version` grows with every write: an edit names the version it saw, so two teachers never
 * overwrite each other silently.
 */
export const gradeEntries = pgTable(
	'grade_entries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').notNull(),
		columnId: uuid('column_id')
			.notNull()
			.references(() => gradeColumns.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		scoreTenths: smallint('score_tenths'),
		/** 'dat' | 'chua_dat' (Đạt / Chưa đạt) or 'T' | 'H' | 'C'. */
		level: text('level'),
		comment: text('comment').notNull().default(''),
		/** A missed assessment (TT22 Điều 7): 'force_majeure' | 'other'; with `makeup` 'pending' | 'not_taken'. */
		missedReason: text('missed_reason'),
		makeup: text('makeup'),
		version: integer('version').notNull().default(1),
		updatedBy: uuid('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('grade_entries_column_learner_uq').on(t.columnId, t.learnerId), index('grade_entries_learner_idx').on(t.learnerId)]
);

/** Append-only history of every value a cell has had (the red-ink correction of the paper học bạ). */
export const gradeHistory = pgTable(
	'grade_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		schoolId: uuid('school_id').notNull(),
		columnId: uuid('column_id').notNull(),
		learnerId: uuid('learner_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		changedBy: uuid('changed_by'),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
		reason: text('reason'),
		changeRequestId: uuid('change_request_id')
	},
	(t) => [index('grade_history_cell_idx').on(t.columnId, t.learnerId)]
);

/** The school leader's lock of a term: for one class, or for the whole school when class_id is null. */
export const gradebookLocks = pgTable(
	'gradebook_locks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		schoolYearId: uuid('school_year_id')
			.notNull()
			.references(() => schoolYears.id),
		term: smallint('term').notNull(),
		classId: uuid('class_id').references(() => classes.id, { onDelete: 'cascade' }),
		lockedBy: uuid('locked_by'),
		lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
		path: text('path').notNull()
	},
	(t) => [unique('gradebook_locks_uq').on(t.schoolYearId, t.term, t.classId).nullsNotDistinct()]
);

export const changeRequestStatus = pgEnum('grade_change_status', ['pending', 'approved', 'rejected', 'withdrawn']);

/** A change to a locked cell: old value, new value, reason; the school leader decides. */
export const gradeChangeRequests = pgTable(
	'grade_change_requests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').notNull(),
		columnId: uuid('column_id')
			.notNull()
			.references(() => gradeColumns.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id').notNull(),
		oldValue: jsonb('old_value'),
		newValue: jsonb('new_value'),
		reason: text('reason').notNull(),
		status: changeRequestStatus('status').notNull().default('pending'),
		requestedBy: uuid('requested_by').notNull(),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: uuid('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decisionNote: text('decision_note'),
		path: text('path').notNull()
	},
	(t) => [index('grade_change_status_idx').on(t.schoolId, t.status)]
);

/** Kết quả rèn luyện per term, assessed by the homeroom teacher (TT22 Điều 8), with the term comment. */
export const conductAssessments = pgTable(
	'conduct_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').notNull(),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		term: smallint('term').notNull(),
		/** 'tot' | 'kha' | 'dat' | 'chua_dat' */
		level: text('level'),
		comment: text('comment').notNull().default(''),
		version: integer('version').notNull().default(1),
		updatedBy: uuid('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('conduct_class_learner_term_uq').on(t.classId, t.learnerId, t.term)]
);

export const attendanceStatus = pgEnum('attendance_status', ['present', 'excused', 'unexcused', 'late']);

/** Điểm danh: one record per learner per school day (absent days are the ones that matter). */
export const attendance = pgTable(
	'attendance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').notNull(),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		on: date('on').notNull(),
		status: attendanceStatus('status').notNull(),
		note: text('note').notNull().default(''),
		recordedBy: uuid('recorded_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('attendance_class_learner_day_uq').on(t.classId, t.learnerId, t.on)]
);

/**
 * Primary (TT27/2020 Điều 7 khoản 2): each quality and competency rated Tốt / Đạt / Cần cố gắng by
 * the homeroom teacher at the four assessment points (1 giữa HK I, 2 cuối HK I, 3 giữa HK II, 4 cuối năm).
 */
export const qualityAssessments = pgTable(
	'quality_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').notNull(),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		point: smallint('point').notNull(),
		/** A code of QUALITIES_AND_COMPETENCIES (rules/primary.ts). */
		code: text('code').notNull(),
		/** 'tot' | 'dat' | 'can_co_gang' */
		level: text('level').notNull(),
		version: integer('version').notNull().default(1),
		updatedBy: uuid('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('quality_class_learner_point_code_uq').on(t.classId, t.learnerId, t.point, t.code)]
);

/**
 * Preschool (Chương trình giáo dục mầm non): a school's list of development indicators per domain,
 * e.g. from Bộ chuẩn phát triển trẻ em 5 tuổi (school practice, not programme text).
 */
export const developmentIndicators = pgTable(
	'development_indicators',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		/** 'nha_tre' | 'mau_giao' */
		stage: text('stage').notNull(),
		/** A domain of rules/preschool.ts for the stage. */
		domain: text('domain').notNull(),
		code: text('code').notNull(),
		description: text('description').notNull(),
		path: text('path').notNull()
	},
	(t) => [uniqueIndex('development_indicators_school_code_uq').on(t.schoolId, t.code)]
);

/** A child's result on one indicator in one assessment period (a month, a theme, a term: the school's choice). */
export const developmentAssessments = pgTable(
	'development_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').notNull(),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id),
		period: text('period').notNull(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => developmentIndicators.id),
		/** true reached, false not yet, null not observed. */
		reached: boolean('reached'),
		note: text('note').notNull().default(''),
		version: integer('version').notNull().default(1),
		updatedBy: uuid('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('development_assessments_uq').on(t.classId, t.learnerId, t.period, t.indicatorId)]
);
