import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

/** Points with at most one decimal (7,5), as the gradebook keeps them. */
const points = (max: number) =>
	z
		.number()
		.min(0)
		.max(max)
		.refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-6, { error: () => m.asg_one_decimal() });
const moment = z.iso.datetime({ offset: true });

export const criterionInput = z.object({ title: z.string().trim().min(1).max(200), points: points(1000).refine((v) => v > 0, { error: () => m.asg_more_than_zero() }) });

export const assignmentInput = z
	.object({
		classId: z.uuid(),
		subjectId: z.uuid(),
		title: z.string().trim().min(1).max(300),
		topic: z.string().trim().max(200).default(''),
		instructions: z.string().trim().max(20000).default(''),
		opensAt: moment.optional(),
		dueAt: moment,
		/** Without a rubric; with one, the maximum is the sum of its criteria. */
		maxScore: points(1000).refine((v) => v > 0, { error: () => m.asg_more_than_zero() }).default(10),
		rubric: z.array(criterionInput).max(20).default([])
	})
	.refine((a) => !a.opensAt || new Date(a.opensAt) < new Date(a.dueAt), { path: ['dueAt'], error: () => m.asg_due_after_open() });

export const assignmentsQuery = z.object({ classId: z.uuid().optional(), subjectId: z.uuid().optional() });

export const gradeInput = z.object({
	/** Without a rubric: the score out of the maximum. */
	score: points(1000).optional(),
	/** With a rubric: points per criterion key. */
	rubric: z.record(z.string(), points(1000)).optional(),
	comment: z.string().trim().max(5000).default(''),
	/** When given, grading fails with 409 if the submission changed since. */
	version: z.number().int().min(1).optional()
});

export const sendToGradebookInput = z.object({ columnId: z.uuid() });
export const learnerParams = z.object({ id: z.uuid(), learnerId: z.uuid() });

/** The download query as documented (the route parses it with files/inputs' downloadQuery). */
export const downloadQueryDoc = z.object({ inline: z.enum(['0', '1', 'true', 'false']).optional() });
