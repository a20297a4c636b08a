import { z } from 'zod';
import { definitionSchema, SCHOOL_LEVELS } from './survey-rules';

const id = z.uuid();
const moment = z.iso.datetime({ offset: true });

export const targetInput = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('unit'), orgUnitId: id }),
	z.object({ kind: z.literal('level'), orgUnitId: id.optional(), level: z.enum(SCHOOL_LEVELS) }),
	z.object({ kind: z.literal('schools'), schoolIds: z.array(id).min(1).max(5000) })
]);

/** A new survey: from the IT-readiness template, or a definition (at least one section, maybe empty). */
export const surveyInput = z.object({
	/** The sending unit (default: the officer's own). */
	orgUnitId: id.optional(),
	template: z.enum(['it_readiness']).optional(),
	title: z.string().trim().min(1).max(300).optional(),
	description: z.string().trim().max(5000).default(''),
	definition: definitionSchema.optional()
});
export type SurveyInput = z.infer<typeof surveyInput>;

/** Changes to a draft survey; `version` is the one the editor read. */
export const surveyUpdate = z.object({
	version: z.number().int().min(1),
	title: z.string().trim().min(1).max(300).optional(),
	description: z.string().trim().max(5000).optional(),
	definition: definitionSchema.optional(),
	target: targetInput.nullable().optional(),
	opensAt: moment.nullable().optional(),
	closesAt: moment.nullable().optional()
});
export type SurveyUpdate = z.infer<typeof surveyUpdate>;

export const responsesQuery = z.object({ surveyId: id.optional(), status: z.enum(['not_started', 'draft', 'submitted', 'returned']).optional() });
export const statusQuery = z.object({ orgUnitId: id.optional(), status: z.enum(['not_started', 'draft', 'submitted', 'returned']).optional() });
export const readinessQuery = z.object({ surveyId: id.optional() });

/** A draft save or a submission: the answers (all of them, as the form holds them) and the version read. */
export const answersInput = z.object({ version: z.number().int().min(1), answers: z.record(z.string(), z.unknown()) });
export type AnswersInput = z.infer<typeof answersInput>;
export const submitInput = z.object({ version: z.number().int().min(1), answers: z.record(z.string(), z.unknown()).optional() });
export const returnInput = z.object({ reason: z.string().trim().min(1).max(2000) });
