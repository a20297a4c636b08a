/**
 * Periodic reports (báo cáo định kỳ): one row per reporting organisation, template and period.
 * `path` is the reporting organisation's org path (a school's, a unit's or the city's);
 * `school_id` is set for a school's report, `org_unit_id` for a unit's or the city's.
 * While a draft the figures are computed live; `figures` holds the snapshot taken on submission.
 */
import { pgTable, uuid, text, timestamp, jsonb, index, uniqueIndex, pgEnum } from 'drizzle-orm/pg-core';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { REPORT_LEVELS, REPORT_STATUSES, REPORT_TEMPLATES, type Narrative } from './report-rules';
import type { Figure } from './figures';

export const programReportTemplate = pgEnum('program_report_template', REPORT_TEMPLATES);
export const programReportStatus = pgEnum('program_report_status', REPORT_STATUSES);
export const programReportLevel = pgEnum('program_report_level', REPORT_LEVELS);

export const programReports = pgTable(
	'program_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		template: programReportTemplate('template').notNull(),
		/** `2026-11`, `2026-Q4`, `2026` (report-rules.ts). */
		periodKey: text('period_key').notNull(),
		periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
		periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
		level: programReportLevel('level').notNull(),
		schoolId: uuid('school_id').references(() => schools.id),
		orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
		path: text('path').notNull(),
		status: programReportStatus('status').notNull().default('draft'),
		narrative: jsonb('narrative').$type<Narrative>().notNull(),
		/** The figures as submitted (null while a draft). */
		figures: jsonb('figures').$type<Figure[]>(),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		submittedBy: uuid('submitted_by').references(() => persons.id),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		decidedBy: uuid('decided_by').references(() => persons.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** The receiver's comment on accepting or returning. */
		decisionComment: text('decision_comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('program_reports_org_period_uq').on(t.path, t.template, t.periodKey), index('program_reports_path_idx').on(t.path), index('program_reports_period_idx').on(t.template, t.periodKey)]
);
