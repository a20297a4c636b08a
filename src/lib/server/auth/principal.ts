export const ROLES = [
	'learner',
	'parent',
	'teacher',
	'homeroom_teacher',
	'subject_group_head',
	'school_leader',
	'counsellor',
	'unit_officer',
	'city_officer',
	'mentor',
	'alumnus',
	'partner_contact',
	'system_admin'
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['city', 'org_unit', 'school', 'class', 'subject_group', 'learner', 'self'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export interface Grant {
	role: Role;
	scopeType: ScopeType;
	scopeId: string | null;
	/** Org path of the scope; for a learner scope, the learner's school path. */
	scopePath: string;
	schoolId: string | null;
}

/** Who is asking: the signed-in person with every role they hold and where. */
export interface Principal {
	personId: string;
	accountId: string;
	username: string;
	displayName: string;
	grants: Grant[];
	/** Learners this person is parent/guardian of. */
	childIds: string[];
	via: 'session' | 'token';
}
