import { z } from 'zod';
import { CASE_CATEGORIES, CASE_STATUSES, SLOT_MODES } from './rules';

const id = z.uuid();

export const caseInput = z.object({
	category: z.enum(CASE_CATEGORIES),
	subject: z.string().trim().min(1).max(200),
	/** The first message to the counsellor. */
	message: z.string().trim().min(1).max(10_000),
	anonymous: z.boolean().default(false),
	/** For a parent: the child the case is about (defaults to their only child). A learner asks about themselves. */
	learnerId: id.optional()
});
export const casesQuery = z.object({ status: z.enum(CASE_STATUSES).optional() });
export const casePatch = z.object({ status: z.enum(CASE_STATUSES) });
export const messageInput = z.object({ body: z.string().trim().min(1).max(10_000) });
export const assignInput = z.object({ counsellorId: id });
export const schoolQuery = z.object({ schoolId: id.optional() });

export const slotsInput = z.object({
	/** The first slot's date and time in Vietnam. */
	date: z.iso.date(),
	time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
	minutes: z.number().int().min(10).max(180),
	count: z.number().int().min(1).max(20),
	gapMinutes: z.number().int().min(0).max(120).default(0),
	mode: z.enum(SLOT_MODES),
	place: z.string().trim().max(300).default('')
});
export const slotsQuery = z.object({ schoolId: id.optional(), view: z.enum(['free', 'mine']).default('free') });
export const bookingInput = z.object({ caseId: id.nullable().optional() });
