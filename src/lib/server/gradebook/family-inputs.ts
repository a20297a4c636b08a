import { z } from 'zod';

/**
 * Inputs of the register (điểm danh), the family view and publishing. The date, the learner and
 * the status of a row are checked by the service, so that each wrong row gets its own message.
 */
const term = z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(2)]));
const day = z.string().max(10).describe('ISO date, YYYY-MM-DD');

export const attendanceQuery = z.object({ classId: z.uuid(), on: day });
export const attendanceInput = z.object({
	classId: z.uuid(),
	on: day,
	records: z
		.array(
			z.object({
				learnerId: z.string().max(64),
				status: z.string().max(20).describe('present | excused | unexcused | late'),
				note: z.string().max(500).default('')
			})
		)
		.min(1)
		.max(200)
});
export const attendanceTotalsQuery = z.object({ classId: z.uuid(), term });

export const learnerGradebookQuery = z.object({ schoolYearId: z.uuid().optional() });
