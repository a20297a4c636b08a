/**
 * The program's budget (kinh phí): tasks (nhiệm vụ, two levels), the plan per task and year,
 * commitments (cam kết chi, hợp đồng) and spending (chi, thanh toán) with their documents.
 * Amounts are whole đồng in `bigint` columns, read as JS bigint. `path` is the city's (the
 * program office's org unit); `school_id` is null, since the budget belongs to the city.
 *
 * Commitments and spending are append-only: a correction is a reversal row (negative amount,
 * `reverses_id` = the corrected entry, a reason). Plans are set values, changed with an audit record.
 */
import { pgTable, uuid, text, integer, smallint, bigint, date, timestamp, index, uniqueIndex, primaryKey, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { files } from '../files/schema';

export const budgetTasks = pgTable(
	'budget_tasks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		/** "1", "1.2" — unique within the budget. */
		code: text('code').notNull(),
		name: text('name').notNull(),
		/** A sub-task's task; sub-tasks have no sub-tasks of their own. */
		parentId: uuid('parent_id').references((): AnyPgColumn => budgetTasks.id),
		position: integer('position').notNull().default(0),
		createdBy: uuid('created_by').references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('budget_tasks_code_uq').on(t.path, t.code), index('budget_tasks_parent_idx').on(t.parentId)]
);

/** The planned amount of a task in a year (dự toán). */
export const budgetPlans = pgTable(
	'budget_plans',
	{
		taskId: uuid('task_id')
			.notNull()
			.references(() => budgetTasks.id),
		year: smallint('year').notNull(),
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		amount: bigint('amount', { mode: 'bigint' }).notNull(),
		updatedBy: uuid('updated_by').references(() => persons.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.taskId, t.year] }), index('budget_plans_year_idx').on(t.year)]
);

export const budgetCommitments = pgTable(
	'budget_commitments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		taskId: uuid('task_id')
			.notNull()
			.references(() => budgetTasks.id),
		year: smallint('year').notNull(),
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		/** Positive; a reversal's is negative. */
		amount: bigint('amount', { mode: 'bigint' }).notNull(),
		counterparty: text('counterparty').notNull().default(''),
		/** Date of the contract or decision. */
		signedOn: date('signed_on').notNull(),
		/** The contract or decision's number and title (số hợp đồng, quyết định). */
		document: text('document').notNull().default(''),
		reversesId: uuid('reverses_id').references((): AnyPgColumn => budgetCommitments.id),
		reason: text('reason'),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('budget_commitments_task_idx').on(t.taskId, t.year), index('budget_commitments_reverses_idx').on(t.reversesId)]
);

export const budgetSpending = pgTable(
	'budget_spending',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		taskId: uuid('task_id')
			.notNull()
			.references(() => budgetTasks.id),
		year: smallint('year').notNull(),
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		/** Positive; a reversal's is negative. */
		amount: bigint('amount', { mode: 'bigint' }).notNull(),
		spentOn: date('spent_on').notNull(),
		description: text('description').notNull(),
		/** Số chứng từ. */
		voucherNo: text('voucher_no').notNull().default(''),
		/** The commitment it pays, if any. */
		commitmentId: uuid('commitment_id').references(() => budgetCommitments.id),
		reversesId: uuid('reverses_id').references((): AnyPgColumn => budgetSpending.id),
		reason: text('reason'),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('budget_spending_task_idx').on(t.taskId, t.year), index('budget_spending_commitment_idx').on(t.commitmentId), index('budget_spending_reverses_idx').on(t.reversesId)]
);

/** Documents (chứng từ) of a spending entry: uploaded files. */
export const budgetSpendingFiles = pgTable(
	'budget_spending_files',
	{
		spendingId: uuid('spending_id')
			.notNull()
			.references(() => budgetSpending.id),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.spendingId, t.fileId] })]
);

export type BudgetTask = typeof budgetTasks.$inferSelect;
export type BudgetCommitment = typeof budgetCommitments.$inferSelect;
export type BudgetSpending = typeof budgetSpending.$inferSelect;
