/**
 * The dashboards' pre-aggregation (số liệu tổng hợp theo ngày). A city of 2,748 schools and two
 * million learners cannot be counted from enrolments, activity days and grade entries on every page
 * view, so the periodic job `dashboard-stats` (dashboard-stats.ts) writes one row per school and
 * day — and one row per school, year, term and score band — and the dashboards read those:
 * 2,748 rows for the city, not two million. Rows are derived data: recomputing a day gives the
 * same row (the job is idempotent), and they carry the school's org path and management unit so
 * a scope is one `path like` and a unit's total one `group by org_unit_id`.
 */
import { pgTable, uuid, text, smallint, integer, date, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { schools } from '../organisations/schema';

export const schoolDailyStats = pgTable(
	'school_daily_stats',
	{
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id, { onDelete: 'cascade' }),
		/** The day in Vietnam's time (Asia/Ho_Chi_Minh). */
		day: date('day').notNull(),
		/** The school's management unit (schools.org_unit_id) and org path on that day. */
		orgUnitId: uuid('org_unit_id').notNull(),
		path: text('path').notNull(),
		/** Learners enrolled in the school's current school year. */
		learners: integer('learners').notNull(),
		/** People of the school by kind (persons.school_id): staff (teachers and other staff) and parents. */
		teachers: integer('teachers').notNull(),
		parents: integer('parents').notNull(),
		/** Sign-in accounts of the school's people. */
		accounts: integer('accounts').notNull(),
		/** Distinct people who used Sen (account_activity_days) in the 7 days ending that day, by kind. */
		activeLearners7d: integer('active_learners_7d').notNull(),
		activeParents7d: integer('active_parents_7d').notNull(),
		activeTeachers7d: integer('active_teachers_7d').notNull(),
		/** Distinct accounts that used Sen in the 30 days ending that day. */
		activeAccounts30d: integer('active_accounts_30d').notNull(),
		/** Classes of the current year, and those with at least one grade entry (gradebook coverage). */
		classes: integer('classes').notNull(),
		classesWithGrades: integer('classes_with_grades').notNull(),
		refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.schoolId, t.day] }), index('school_daily_stats_day_path_idx').on(t.day, t.path)]
);

/**
 * Term averages of scored subjects (ĐTBmhk, TT22/2021 Điều 9) counted per score band, per school,
 * school year (its name, e.g. "2026-2027", shared by all schools) and term. One row per band.
 */
export const schoolResultStats = pgTable(
	'school_result_stats',
	{
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id, { onDelete: 'cascade' }),
		schoolYear: text('school_year').notNull(),
		term: smallint('term').notNull(),
		/** A key of gradebook/summaries.ts BANDS: lt35, 35to50, 50to65, 65to80, ge80. */
		band: text('band').notNull(),
		orgUnitId: uuid('org_unit_id').notNull(),
		path: text('path').notNull(),
		averages: integer('averages').notNull(),
		refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.schoolId, t.schoolYear, t.term, t.band] }), index('school_result_stats_path_idx').on(t.path)]
);
