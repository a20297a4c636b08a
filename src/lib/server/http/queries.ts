import { z } from 'zod';

export const idParam = z.object({ id: z.uuid() });
export const schoolsQuery = z.object({
	orgUnitId: z.uuid().optional(),
	level: z.enum(['preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level']).optional()
});
export const schoolIdQuery = z.object({ schoolId: z.uuid() });
export const classesQuery = z.object({ schoolId: z.uuid().optional(), schoolYearId: z.uuid().optional() });
export const classIdQuery = z.object({ classId: z.uuid() });
export const auditQuery = z.object({
	entityType: z.string().max(40).optional(),
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(100).default(50)
});
