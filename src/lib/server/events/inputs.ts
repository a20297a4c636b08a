import { z } from 'zod';
import { EVENT_AUDIENCES, EVENT_KINDS, MEETING_FOR_KINDS, MEETING_RESPONSES } from './rules';

const id = z.uuid();
const moment = z.iso.datetime({ offset: true });

/** Where an event is organised: a school, or an org unit (a commune/ward, the city department). Exactly one. */
export const eventInput = z.object({
	schoolId: id.optional(),
	orgUnitId: id.optional(),
	kind: z.enum(EVENT_KINDS),
	title: z.string().trim().min(1).max(300),
	description: z.string().trim().max(10_000).default(''),
	startsAt: moment,
	endsAt: moment,
	placeId: id.nullable().optional(),
	venue: z.string().trim().max(500).default(''),
	/** Also online: a Jitsi room is generated. */
	online: z.boolean().default(false),
	/** Null or absent = unlimited. */
	capacity: z.number().int().min(1).max(100_000).nullable().optional(),
	audience: z.enum(EVENT_AUDIENCES),
	registrationOpensAt: moment.nullable().optional(),
	registrationClosesAt: moment.nullable().optional()
});
export type EventInput = z.infer<typeof eventInput>;

export const eventsQuery = z.object({
	kind: z.enum(EVENT_KINDS).optional(),
	/** `1`: past events too. */
	past: z.enum(['0', '1']).optional()
});

/** Register oneself (no personId) or one's child. */
export const registrationInput = z.object({ personId: id.optional() });

/** The organiser's attendance sheet: all rows written or none. */
export const attendanceInput = z.object({
	attendance: z
		.array(z.object({ personId: id, attended: z.boolean() }))
		.min(1)
		.max(5000)
});

export const feedbackInput = z.object({
	personId: id.optional(),
	rating: z.number().int().min(1).max(5),
	comment: z.string().trim().max(5000).default('')
});

export const meetingInput = z.object({
	forKind: z.enum(MEETING_FOR_KINDS),
	/** For class and parent_group meetings: the class whose learners (or parents) are invited. */
	classId: id.optional(),
	/** Otherwise where the meeting is held: a school or an org unit. */
	schoolId: id.optional(),
	orgUnitId: id.optional(),
	title: z.string().trim().min(1).max(300),
	description: z.string().trim().max(5000).default(''),
	startsAt: moment,
	endsAt: moment,
	/** More invitees (people the organiser may see); for clubs, trainings and staff meetings, all of them. */
	inviteeIds: z.array(id).max(1000).default([])
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingResponseInput = z.object({ response: z.enum(MEETING_RESPONSES) });
