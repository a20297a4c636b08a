import { z } from 'zod';

const term = z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(2)]));
const cellInput = z.union([z.string().max(20), z.number(), z.null()]);

export const assignmentInput = z.object({ classId: z.uuid(), subjectId: z.uuid(), teacherId: z.uuid() });
export const assignmentsQuery = z.object({ classId: z.uuid().optional(), teacherId: z.uuid().optional(), schoolId: z.uuid().optional() });

export const gridQuery = z.object({ classId: z.uuid(), subjectId: z.uuid(), term });

export const scoresInput = z.object({
	classId: z.uuid(),
	subjectId: z.uuid(),
	cells: z
		.array(
			z.object({
				columnId: z.uuid(),
				learnerId: z.uuid(),
				value: cellInput,
				version: z.number().int().min(0),
				missedReason: z.enum(['force_majeure', 'other']).nullable().optional(),
				comment: z.string().max(2000).optional(),
				makeup: z.enum(['pending', 'not_taken']).nullable().optional()
			})
		)
		.min(1)
		.max(2000)
});

export const historyQuery = z.object({ columnId: z.uuid(), learnerId: z.uuid() });

export const lockInput = z.object({ schoolYearId: z.uuid(), term, classId: z.uuid().nullable().optional() });
export const locksQuery = z.object({ schoolYearId: z.uuid() });

export const changeRequestInput = z.object({
	columnId: z.uuid(),
	learnerId: z.uuid(),
	oldValue: cellInput,
	newValue: cellInput,
	reason: z.string().max(1000)
});
export const changeRequestsQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(), schoolId: z.uuid().optional() });
export const decisionInput = z.object({ approve: z.boolean(), note: z.string().max(1000).optional() });

export const resultsQuery = z.object({ classId: z.uuid(), period: z.enum(['1', '2', 'year']).transform((v) => (v === 'year' ? 'year' : (Number(v) as 1 | 2))) });
export const conductInput = z.object({
	classId: z.uuid(),
	term,
	rows: z
		.array(z.object({ learnerId: z.uuid(), level: z.enum(['tot', 'kha', 'dat', 'chua_dat']).nullable(), comment: z.string().max(2000).default(''), version: z.number().int().min(0) }))
		.min(1)
		.max(100)
});

const point = z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]));
export const qualitiesQuery = z.object({ classId: z.uuid(), point });
export const qualitiesInput = z.object({
	classId: z.uuid(),
	point,
	rows: z.array(z.object({ learnerId: z.uuid(), code: z.string().max(40), level: z.string().max(20), version: z.number().int().min(0) })).min(1).max(2000)
});

const stage = z.enum(['nha_tre', 'mau_giao']);
export const indicatorsQuery = z.object({ schoolId: z.uuid(), stage: stage.optional() });
export const indicatorInput = z.object({ schoolId: z.uuid(), stage, domain: z.string().max(60), code: z.string().trim().min(1).max(40), description: z.string().trim().min(1).max(500) });
export const developmentQuery = z.object({ classId: z.uuid(), period: z.string().trim().min(1).max(40), stage: stage.default('mau_giao') });
export const developmentInput = z.object({
	classId: z.uuid(),
	period: z.string().trim().min(1).max(40),
	rows: z.array(z.object({ learnerId: z.uuid(), indicatorId: z.uuid(), reached: z.boolean().nullable(), note: z.string().max(1000).default(''), version: z.number().int().min(0) })).min(1).max(5000)
});

export const retakeInput = z.object({ classId: z.uuid(), subjectId: z.uuid() });
