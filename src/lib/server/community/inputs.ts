import { z } from 'zod';
import { CLUB_AUDIENCES, CLUB_KINDS, CLUB_LEVELS, COMMITTEE_ROLES } from './rules';

const id = z.uuid();
const text = (max: number) => z.string().trim().max(max);
const title = z.string().trim().min(1).max(300);

export const clubInput = z
	.object({
		schoolId: id.nullable().optional(),
		orgUnitId: id.nullable().optional(),
		kind: z.enum(CLUB_KINDS),
		name: title,
		description: text(10_000).default(''),
		advisorId: id,
		openTo: z.array(z.enum(CLUB_AUDIENCES)).min(1).max(3)
	});
export const clubsQuery = z.object({ kind: z.enum(CLUB_KINDS).optional(), level: z.enum(CLUB_LEVELS).optional() });
export const membershipDecision = z.object({ decision: z.enum(['approved', 'rejected']), role: z.enum(['member', 'leader']).optional() });
export const memberParams = z.object({ id, personId: id });
export const activityParams = z.object({ id, activityId: id });
export const activityInput = z.object({ title, startsAt: z.coerce.date(), place: text(300).default(''), description: text(5000).default('') });
export const attendanceInput = z.object({ presentIds: z.array(id).max(500) });
export const clubPostInput = z.object({ title, body: z.string().trim().min(1).max(20_000) });
export const showcaseInput = z.object({ title, description: text(5000).default(''), url: text(2000).nullable().optional() });

export const spaceInput = z.object({ kind: z.enum(['school', 'city_teachers']), schoolId: id.nullable().optional(), orgUnitId: id.nullable().optional(), name: title });
export const spaceQuery = z.object({ q: text(200).optional(), categoryId: id.optional() });
export const categoryInput = z.object({ name: z.string().trim().min(1).max(200) });
export const threadInput = z.object({ categoryId: id.nullable().optional(), title, body: z.string().trim().min(1).max(20_000) });
export const replyInput = z.object({ body: z.string().trim().min(1).max(20_000) });
export const threadModeration = z.object({ pinned: z.boolean().optional(), locked: z.boolean().optional(), hidden: z.boolean().optional() });
export const postModeration = z.object({ hidden: z.boolean() });

export const committeeInput = z.object({ classId: id.nullable().optional(), schoolId: id.nullable().optional(), name: title });
export const committeeMemberInput = z.object({ personId: id, role: z.enum([...COMMITTEE_ROLES, 'none']) });
export const announcementInput = z.object({ title, body: z.string().trim().min(1).max(20_000) });
