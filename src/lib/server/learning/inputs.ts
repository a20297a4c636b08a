import { z } from 'zod';
import { lessonPlanContentSchema } from './content';
import { LESSON_PLAN_ACTIONS, LESSON_PLAN_STATUSES } from './workflow';

const title = z.string().trim().min(1).max(300);
const week = z.number().int().min(1).max(60).nullable();
const teachingDate = z.iso.date().nullable();
const periods = z.number().int().min(1).max(20);
const grade = z.number().int().min(0).max(12);

export const lessonPlanInput = z.object({
	schoolYearId: z.uuid(),
	subjectId: z.uuid(),
	grade,
	title,
	week: week.optional(),
	teachingDate: teachingDate.optional(),
	periods: periods.default(1),
	shared: z.boolean().default(false),
	/** Omitted: an empty frame to fill in. */
	content: lessonPlanContentSchema.optional()
});

/** Every field optional but the version the caller saw. */
export const lessonPlanPatch = z.object({
	version: z.number().int().min(1),
	title: title.optional(),
	grade: grade.optional(),
	week: week.optional(),
	teachingDate: teachingDate.optional(),
	periods: periods.optional(),
	shared: z.boolean().optional(),
	content: lessonPlanContentSchema.optional()
});

export const lessonPlanCopyInput = z.object({
	/** The year the copy is for (e.g. this year, copying last year's); defaults to the original's. */
	schoolYearId: z.uuid().optional(),
	title: title.optional()
});

export const lessonPlanTransitionInput = z.object({
	action: z.enum(LESSON_PLAN_ACTIONS),
	comment: z.string().trim().max(5000).default(''),
	/** When given, the transition fails with 409 if the plan changed since. */
	version: z.number().int().min(1).optional()
});

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
export const lessonPlansQuery = z.object({
	schoolId: z.uuid().optional(),
	schoolYearId: z.uuid().optional(),
	subjectId: z.uuid().optional(),
	authorId: z.uuid().optional(),
	status: z.enum(LESSON_PLAN_STATUSES).optional(),
	grade: int(0, 12).optional(),
	week: int(1, 60).optional()
});
