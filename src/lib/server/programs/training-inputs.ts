import { z } from 'zod';
import { COURSE_STATUSES, TARGET_GROUPS, TARGET_KEYS } from './training-rules';

const id = z.uuid();
const moment = z.iso.datetime({ offset: true });
const day = z.iso.date();
const score = z.number().min(0).max(1000);

export const materialInput = z.object({
	title: z.string().trim().min(1).max(300),
	body: z.string().trim().max(20_000).default(''),
	url: z.url({ protocol: /^https$/ }).max(2000).nullable().optional()
});

/** A course organised at an org unit (the city department or a management unit). */
export const courseInput = z.object({
	orgUnitId: id,
	programYear: z.number().int().min(2020).max(2100),
	title: z.string().trim().min(1).max(300),
	targetGroup: z.enum(TARGET_GROUPS),
	description: z.string().trim().max(10_000).default(''),
	startsOn: day,
	endsOn: day,
	status: z.enum(COURSE_STATUSES).default('open'),
	capacity: z.number().int().min(1).max(100_000).nullable().optional(),
	maxScore: score.positive().nullable().optional(),
	passMark: score.nullable().optional(),
	/** 0…1: share of sessions to attend (default 0.8). */
	requiredShare: z.number().min(0.1).max(1).default(0.8),
	materials: z.array(materialInput).max(50).default([])
});
export type CourseInput = z.infer<typeof courseInput>;

export const courseUpdateInput = courseInput.omit({ orgUnitId: true, programYear: true, targetGroup: true }).partial();

export const coursesQuery = z.object({
	targetGroup: z.enum(TARGET_GROUPS).optional(),
	programYear: z.coerce.number().int().min(2020).max(2100).optional()
});

export const sessionInput = z.object({
	title: z.string().trim().max(300).default(''),
	startsAt: moment,
	endsAt: moment,
	place: z.string().trim().max(500).default(''),
	/** Online: a Jitsi room is generated. */
	online: z.boolean().default(false),
	trainerIds: z.array(id).max(20).default([]),
	trainerNames: z.array(z.string().trim().min(1).max(200)).max(20).default([])
});
export type SessionInput = z.infer<typeof sessionInput>;

/** Places per school; a school left out keeps its quota, places 0 removes it. All or nothing. */
export const quotasInput = z.object({
	quotas: z
		.array(z.object({ schoolId: id, places: z.number().int().min(0).max(10_000) }))
		.min(1)
		.max(3000)
});

/** Enrol people (persons of Sen) and, by the office, external trainees by name and email (pedagogy students). All or nothing. */
export const enrolInput = z
	.object({
		personIds: z.array(id).max(500).default([]),
		external: z
			.array(z.object({ fullName: z.string().trim().min(2).max(200), email: z.email().max(320) }))
			.max(500)
			.default([])
	})
	.refine((v) => v.personIds.length + v.external.length > 0, { message: 'empty', path: ['personIds'] });
export type EnrolInput = z.infer<typeof enrolInput>;

export const attendanceInput = z.object({
	rows: z
		.array(z.object({ enrolmentId: id, attended: z.boolean() }))
		.min(1)
		.max(5000)
});

export const scoresInput = z.object({
	rows: z
		.array(z.object({ enrolmentId: id, preScore: score.nullable().optional(), postScore: score.nullable().optional() }))
		.min(1)
		.max(5000)
});

export const feedbackInput = z.object({
	usefulness: z.number().int().min(1).max(5),
	applicability: z.number().int().min(1).max(5),
	comment: z.string().trim().max(5000).default('')
});

export const targetsInput = z.object({
	programYear: z.number().int().min(2020).max(2100),
	/** The scope the targets are for (an org unit); the city's by default. */
	orgUnitId: id.optional(),
	targets: z
		.array(z.object({ key: z.enum(TARGET_KEYS), value: z.number().min(0).max(1_000_000) }))
		.min(1)
		.max(TARGET_KEYS.length)
});

export const targetsQuery = z.object({ programYear: z.coerce.number().int().min(2020).max(2100).optional() });
