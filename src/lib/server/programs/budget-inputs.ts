import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR, parseVnd } from './budget-rules';
import { m } from '#lib/paraglide/messages.js';

const id = z.uuid();
const day = z.iso.date();
export const yearField = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);

/** Whole đồng: a JSON integer or a digit string ("1.950.000.000"); exact as bigint. */
export const vnd = z.union([z.string(), z.number()]).transform((v, ctx) => {
	const n = parseVnd(v);
	if (n === null) {
		ctx.addIssue({ code: 'custom', message: m.prgbud_amount_invalid() });
		return z.NEVER;
	}
	return n;
});

export const taskInput = z.object({
	code: z.string().trim().min(1).max(20),
	name: z.string().trim().min(1).max(500),
	/** A sub-task's task (itself a top-level task). */
	parentId: id.nullable().optional(),
	position: z.coerce.number().int().min(0).max(10_000).optional()
});
export type TaskInput = z.infer<typeof taskInput>;

/** Renaming, recoding or reordering a task; its parent stays (entries and plans follow the task). */
export const taskPatch = z.object({
	code: z.string().trim().min(1).max(20).optional(),
	name: z.string().trim().min(1).max(500).optional(),
	position: z.coerce.number().int().min(0).max(10_000).optional()
});
export type TaskPatch = z.infer<typeof taskPatch>;

/** The plan of one year: every row written or none. */
export const plansInput = z.object({
	year: yearField,
	rows: z
		.array(z.object({ taskId: id, amount: vnd }))
		.min(1)
		.max(500)
});
export type PlansInput = z.infer<typeof plansInput>;

export const commitmentInput = z.object({
	taskId: id,
	year: yearField,
	amount: vnd,
	counterparty: z.string().trim().min(1).max(300),
	signedOn: day,
	document: z.string().trim().max(500).default('')
});
export type CommitmentInput = z.infer<typeof commitmentInput>;

export const spendingInput = z.object({
	taskId: id,
	year: yearField,
	amount: vnd,
	spentOn: day,
	description: z.string().trim().min(1).max(1000),
	voucherNo: z.string().trim().max(100).default(''),
	commitmentId: id.nullable().optional()
});
export type SpendingInput = z.infer<typeof spendingInput>;

/** A correction: the amount to take back (positive) and why. */
export const reversalInput = z.object({
	amount: vnd,
	reason: z.string().trim().min(1).max(1000)
});
export type ReversalInput = z.infer<typeof reversalInput>;

export const yearQuery = z.object({ year: yearField.optional() });
export const entriesQuery = z.object({ year: yearField.optional(), taskId: id.optional() });
