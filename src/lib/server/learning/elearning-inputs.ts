import { z } from 'zod';
import { COGNITIVE_LEVELS, QUESTION_KINDS, questionBodySchema } from './questions';
import { blockInputSchema } from './lesson-blocks';

const id = z.uuid();

export const questionInput = z.object({
	subjectId: id,
	grade: z.number().int().min(0).max(12).nullable().optional(),
	level: z.enum(COGNITIVE_LEVELS).default('nhan_biet'),
	topic: z.string().trim().max(200).default(''),
	stem: z.string().trim().min(1).max(10_000),
	points: z.number().int().min(1).max(100).default(1),
	body: questionBodySchema
});

export const questionsQuery = z.object({
	subjectId: id.optional(),
	topic: z.string().trim().max(200).optional(),
	level: z.enum(COGNITIVE_LEVELS).optional(),
	kind: z.enum(QUESTION_KINDS).optional()
});

export const lessonInput = z.object({
	subjectId: id,
	grade: z.number().int().min(0).max(12),
	title: z.string().trim().min(1).max(300),
	summary: z.string().trim().max(5000).default('')
});
export const lessonPatch = z.object({
	title: z.string().trim().min(1).max(300).optional(),
	summary: z.string().trim().max(5000).optional(),
	grade: z.number().int().min(0).max(12).optional()
});
export const lessonsQuery = z.object({ subjectId: id.optional(), authorId: id.optional() });

export const blockInput = blockInputSchema;
export const blockMoveInput = z.object({ by: z.union([z.literal(-1), z.literal(1)]) });

export const quizInput = z.object({
	title: z.string().trim().min(1).max(300),
	questionIds: z.array(id).min(1).max(200),
	drawCount: z.number().int().min(1).max(200).nullable().optional(),
	shuffle: z.boolean().default(true),
	timeLimitMinutes: z.number().int().min(1).max(600).nullable().optional(),
	maxAttempts: z.number().int().min(1).max(20).default(1)
});

export const assignInput = z.object({
	classId: id,
	opensAt: z.coerce.date().nullable().optional(),
	dueAt: z.coerce.date().nullable().optional()
});

const answer = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('single'), choice: z.string().max(20).nullable() }),
	z.object({ kind: z.literal('multiple'), choices: z.array(z.string().max(20)).max(10) }),
	z.object({ kind: z.literal('true_false'), value: z.boolean().nullable() }),
	z.object({ kind: z.literal('short_answer'), text: z.string().max(2000) }),
	z.object({ kind: z.literal('numeric'), value: z.number().finite().nullable() }),
	z.object({ kind: z.literal('matching'), matches: z.record(z.string().max(2000), z.string().max(2000)) }),
	z.object({ kind: z.literal('essay'), text: z.string().max(50_000) })
]);
export const submitInput = z.object({ answers: z.record(id, answer) });

export const essayGradeInput = z.object({ questionId: id, points: z.number().min(0).max(100), comment: z.string().trim().max(5000).default('') });
export const learnerQuery = z.object({ learnerId: id.optional() });

export const questionImportQuery = z.object({ subjectId: id });
