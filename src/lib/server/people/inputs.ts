import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../auth/principal';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const personInput = z.object({
	kind: z.enum(['learner', 'staff', 'guardian', 'community']),
	familyName: z.string().trim().min(1).max(80),
	middleName: z.string().trim().max(80).default(''),
	givenName: z.string().trim().min(1).max(80),
	dateOfBirth: isoDate.nullable().optional(),
	gender: z.enum(['female', 'male', 'other']).nullable().optional(),
	email: z.email().nullable().optional(),
	phone: z.string().trim().max(30).nullable().optional(),
	learnerCode: z.string().trim().max(40).nullable().optional(),
	staffCode: z.string().trim().max(40).nullable().optional(),
	schoolId: z.uuid().nullable().optional(),
	orgUnitId: z.uuid().nullable().optional()
});
export const personPatch = personInput.omit({ kind: true, schoolId: true, orgUnitId: true }).partial();

export const peopleQuery = z.object({
	q: z.string().trim().max(100).optional(),
	kind: z.enum(['learner', 'staff', 'guardian', 'community']).optional(),
	schoolId: z.uuid().optional(),
	page: z.coerce.number().int().min(1).default(1),
	pageSize: z.coerce.number().int().min(1).max(100).default(20)
});

export const grantInput = z.object({
	role: z.enum(ROLES),
	scopeType: z.enum(SCOPE_TYPES),
	/** Id of the unit, school, class, subject group or learner; none for the city. */
	scopeId: z.uuid().nullable().optional()
});

export const guardianInput = z.object({ learnerId: z.uuid(), relation: z.string().trim().max(40).default('guardian') });

export const accountInput = z.object({
	username: z
		.string()
		.trim()
		.min(3)
		.max(60)
		.regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ -'),
	email: z.email().nullable().optional(),
	password: z.string().min(8).max(200)
});

export type PersonInput = z.infer<typeof personInput>;
