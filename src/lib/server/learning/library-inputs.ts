import { z } from 'zod';
import { LEARNING_CONTEXTS, LEARNING_MODES, LIBRARY_REACH, SCHOOL_LEVELS } from './library-rules';

const tag = z.string().trim().min(1).max(100);
const https = z
	.string()
	.trim()
	.max(2000)
	.refine((u) => /^https:\/\/[^\s]+$/i.test(u), { message: 'https' });

export const libraryItemInput = z.object({
	title: z.string().trim().min(1).max(300),
	description: z.string().trim().max(5000).default(''),
	url: https.nullable().optional(),
	lessonId: z.uuid().nullable().optional(),
	reach: z.enum(LIBRARY_REACH).default('school'),
	levels: z.array(z.enum(SCHOOL_LEVELS)).max(4).default([]),
	grades: z.array(z.number().int().min(0).max(12)).max(13).default([]),
	subject: z.string().trim().max(100).default(''),
	competencies: z.array(tag).max(20).default([]),
	contexts: z.array(z.enum(LEARNING_CONTEXTS)).max(6).default([]),
	modes: z.array(z.enum(LEARNING_MODES)).max(4).default([])
});

export const libraryQuery = z.object({
	q: z.string().trim().max(200).optional(),
	level: z.enum(SCHOOL_LEVELS).optional(),
	grade: z.coerce.number().int().min(0).max(12).optional(),
	subject: z.string().trim().max(100).optional(),
	context: z.enum(LEARNING_CONTEXTS).optional(),
	mode: z.enum(LEARNING_MODES).optional(),
	sort: z.enum(['new', 'rating', 'reuse']).default('new')
});

export const ratingInput = z.object({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).default('') });
