import { z } from 'zod';
import { PLACE_KINDS, PLACE_LEVELS } from './place-rules';

const id = z.uuid();
const link = z.string().trim().max(2000).nullable().optional();

export const placeInput = z.object({
	name: z.string().trim().min(1).max(300),
	kind: z.enum(PLACE_KINDS),
	wardId: id.nullable().optional(),
	address: z.string().trim().max(500).default(''),
	/** WGS 84 degrees; both or neither (ranges checked by place-rules.ts, with a message saying how). */
	latitude: z.number().nullable().optional(),
	longitude: z.number().nullable().optional(),
	contact: z.string().trim().max(500).default(''),
	learning: z.string().trim().max(5000).default(''),
	levels: z.array(z.enum(PLACE_LEVELS)).max(4).default([])
});

export const placesQuery = z.object({
	q: z.string().trim().max(200).optional(),
	kind: z.enum(PLACE_KINDS).optional(),
	level: z.enum(PLACE_LEVELS).optional()
});

export const lessonPlaceInput = z.object({ placeId: id });

export const projectInput = z.object({
	classId: id,
	title: z.string().trim().min(1).max(300),
	description: z.string().trim().max(10_000).default(''),
	drivingQuestion: z.string().trim().max(1000).default(''),
	placeId: id.nullable().optional(),
	mentorId: id.nullable().optional()
});
/** The outside mentor of a project (null: none). */
export const mentorInput = z.object({ mentorId: id.nullable() });
export const projectsQuery = z.object({ classId: id.optional() });

export const teamInput = z.object({ name: z.string().trim().min(1).max(200), learnerIds: z.array(id).min(1).max(50) });
export const milestoneInput = z.object({ title: z.string().trim().min(1).max(300), dueOn: z.iso.date() });
/** Text and/or an https link; files come with the files module (evidence.fileId). */
export const evidenceInput = z.object({ text: z.string().trim().max(10_000).default(''), url: link });
export const feedbackInput = z.object({ body: z.string().trim().min(1).max(10_000) });
export const finalProductInput = z.object({ text: z.string().trim().max(10_000).default(''), url: link });
