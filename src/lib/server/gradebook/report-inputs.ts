import { z } from 'zod';

const period = z.enum(['1', '2', 'year']).transform((v) => (v === 'year' ? 'year' : (Number(v) as 1 | 2)));
const term = z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(2)]));

/** One learner's card; classId picks the enrolment (default: the learner's latest school year). */
export const learnerReportCardQuery = z.object({ period, classId: z.uuid().optional() });
export const classReportCardsQuery = z.object({ classId: z.uuid(), period });

/** A summary of a school, one grade level of it (grade) or one class (classId) for a term or the year. */
export const summaryQuery = z.object({
	schoolId: z.uuid(),
	schoolYearId: z.uuid(),
	period,
	grade: z.coerce.number().int().min(0).max(12).optional(),
	classId: z.uuid().optional()
});

export const gridXlsxQuery = z.object({ classId: z.uuid(), subjectId: z.uuid(), term });
