/**
 * Who may talk to whom (auth/policy.ts `mayStartConversation`) over every pair of a small school
 * world, and the messaging rules of the central policy (kinds conversation, message_report,
 * contact_book). Tree: /city/ → /city/u/s1/ (classes 6A1, 7A1) and /city/u/s2/ (class 6B2).
 */
import { describe, expect, it } from 'vitest';
import { can, mayEver, mayStartConversation, type Party } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const S1 = '/city/u/s1/';
const C6A1 = '/city/u/s1/6A1/';
const C7A1 = '/city/u/s1/7A1/';
const S2 = '/city/u/s2/';
const C6B2 = '/city/u/s2/6B2/';

type G = { role: Role; scopeType: ScopeType; scopePath: string; schoolId: string | null };
const g = (role: Role, scopeType: ScopeType, scopePath: string, schoolId: string | null): G => ({ role, scopeType, scopePath, schoolId });
const party = (personId: string, kind: Party['kind'], grants: G[], classPaths: string[] = []): Party => ({ personId, kind, grants, classPaths });

const W = {
	teacher6A1: party('teacher6A1', 'staff', [g('teacher', 'school', S1, 's1'), g('teacher', 'class', C6A1, 's1')]),
	homeroom6A1: party('homeroom6A1', 'staff', [g('teacher', 'school', S1, 's1'), g('homeroom_teacher', 'class', C6A1, 's1')]),
	teacherS1: party('teacherS1', 'staff', [g('teacher', 'school', S1, 's1')]),
	leader1: party('leader1', 'staff', [g('school_leader', 'school', S1, 's1')]),
	counsellor1: party('counsellor1', 'staff', [g('counsellor', 'school', S1, 's1')]),
	teacher2: party('teacher2', 'staff', [g('teacher', 'school', S2, 's2'), g('teacher', 'class', C6B2, 's2')]),
	leader2: party('leader2', 'staff', [g('school_leader', 'school', S2, 's2')]),
	learner6A1: party('learner6A1', 'learner', [g('learner', 'school', S1, 's1')], [C6A1]),
	learner6A1b: party('learner6A1b', 'learner', [g('learner', 'school', S1, 's1')], [C6A1]),
	learner7A1: party('learner7A1', 'learner', [g('learner', 'school', S1, 's1')], [C7A1]),
	parent6A1: party('parent6A1', 'guardian', [g('parent', 'learner', S1, 's1')], [C6A1]),
	parent6A1b: party('parent6A1b', 'guardian', [g('parent', 'learner', S1, 's1')], [C6A1]),
	parent7A1: party('parent7A1', 'guardian', [g('parent', 'learner', S1, 's1')], [C7A1]),
	mentor: party('mentor', 'community', [g('mentor', 'city', CITY, null)]),
	alumnus: party('alumnus', 'community', [g('alumnus', 'city', CITY, null)]),
	partner: party('partner', 'community', [g('partner_contact', 'city', CITY, null)]),
	cityOfficer: party('cityOfficer', 'staff', [g('city_officer', 'city', CITY, null)]),
	admin: party('admin', 'staff', [g('system_admin', 'city', CITY, null)])
};
type Name = keyof typeof W;

const S1_STAFF: Name[] = ['teacher6A1', 'homeroom6A1', 'teacherS1', 'leader1', 'counsellor1'];
const COMMUNITY: Name[] = ['mentor', 'alumnus', 'partner'];
const STAFF: Name[] = [...S1_STAFF, 'teacher2', 'leader2'];

/** Every allowed pair, once; anything not listed must be refused both ways. */
const ALLOWED: [Name, Name][] = [
	// Teachers and the homeroom teacher of 6A1 with its learners and their parents.
	...(['teacher6A1', 'homeroom6A1'] as Name[]).flatMap((t) => (['learner6A1', 'learner6A1b', 'parent6A1', 'parent6A1b'] as Name[]).map((x) => [t, x] as [Name, Name])),
	// The leader with everyone of the school.
	...(['learner6A1', 'learner6A1b', 'learner7A1', 'parent6A1', 'parent6A1b', 'parent7A1'] as Name[]).map((x) => ['leader1', x] as [Name, Name]),
	// Staff with staff of the same school.
	...S1_STAFF.flatMap((a, i) => S1_STAFF.slice(i + 1).map((b) => [a, b] as [Name, Name])),
	['teacher2', 'leader2'],
	// The community network with school staff only.
	...COMMUNITY.flatMap((c) => STAFF.map((s) => [c, s] as [Name, Name]))
];

const key = (a: string, b: string) => [a, b].sort().join('|');
const allowed = new Set(ALLOWED.map(([a, b]) => key(a, b)));
const names = Object.keys(W) as Name[];
const pairs = names.flatMap((a) => names.filter((b) => b !== a).map((b) => [a, b] as [Name, Name]));

describe('mayStartConversation over every pair', () => {
	it.each(pairs)('%s → %s', (a, b) => {
		expect(mayStartConversation(W[a], W[b])).toBe(allowed.has(key(a, b)));
	});

	it('never lets a mentor, alumnus or partner reach a learner directly, nor a learner them', () => {
		for (const c of COMMUNITY) for (const l of ['learner6A1', 'learner7A1'] as Name[]) {
			expect(mayStartConversation(W[c], W[l])).toBe(false);
			expect(mayStartConversation(W[l], W[c])).toBe(false);
		}
	});

	it('refuses a learner and a community member even if the learner also holds a community role', () => {
		const both = party('both', 'learner', [g('learner', 'school', S1, 's1'), g('alumnus', 'city', CITY, null)], [C6A1]);
		expect(mayStartConversation(both, W.learner7A1)).toBe(false);
		expect(mayStartConversation(W.mentor, both)).toBe(false);
	});

	it('never starts a conversation with oneself', () => {
		for (const n of names) expect(mayStartConversation(W[n], W[n])).toBe(false);
	});

	it('keeps parents of different classes and classmates apart, and parents from other learners', () => {
		expect(mayStartConversation(W.parent6A1, W.parent6A1b)).toBe(false);
		expect(mayStartConversation(W.learner6A1, W.learner6A1b)).toBe(false);
		expect(mayStartConversation(W.parent6A1, W.learner6A1b)).toBe(false);
	});
});

// ── The central rules for the messaging kinds ──────────────────────────────────────────────
const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: 's1' });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a-' + personId, username: personId, displayName: personId, grants, childIds, via: 'session' });
const P = {
	admin: who('admin', [grant('system_admin', 'city', CITY)]),
	leader: who('leader', [grant('school_leader', 'school', S1)]),
	leader2: who('leader2', [grant('school_leader', 'school', S2)]),
	teacher: who('teacher', [grant('teacher', 'school', S1), grant('teacher', 'class', C6A1)]),
	homeroom: who('homeroom', [grant('teacher', 'school', S1), grant('homeroom_teacher', 'class', C6A1)]),
	parent: who('parent', [grant('parent', 'learner', S1)], ['child']),
	learner: who('child', [grant('learner', 'school', S1)]),
	mentor: who('mentor', [grant('mentor', 'city', CITY)]),
	city: who('city', [grant('city_officer', 'city', CITY)])
};

describe('conversation: members only', () => {
	const convo = { path: C6A1, memberIds: ['teacher', 'parent', 'mentor'] };
	it.each([
		['teacher', true],
		['parent', true],
		['mentor', true],
		['learner', false],
		['leader', false],
		['admin', false],
		['city', false]
	] as const)('%s reads and posts: %s', (name, expected) => {
		expect(can(P[name], 'read', 'conversation', convo)).toBe(expected);
		expect(can(P[name], 'update', 'conversation', convo)).toBe(expected);
	});

	it('lets a class’s teachers and homeroom teacher create announcements and channels there only', () => {
		expect(can(P.teacher, 'create', 'conversation', { path: C6A1 })).toBe(true);
		expect(can(P.homeroom, 'create', 'conversation', { path: C6A1 })).toBe(true);
		expect(can(P.teacher, 'create', 'conversation', { path: C7A1 })).toBe(false);
		for (const n of ['parent', 'learner', 'mentor', 'leader', 'admin'] as const) expect(can(P[n], 'create', 'conversation', { path: C6A1 })).toBe(false);
	});

	it('shows the messaging menu to school people and the community network, not to officers or administrators', () => {
		for (const n of ['teacher', 'homeroom', 'parent', 'learner', 'mentor', 'leader'] as const) expect(mayEver(P[n], 'read', 'conversation')).toBe(true);
		for (const n of ['admin', 'city'] as const) expect(mayEver(P[n], 'read', 'conversation')).toBe(false);
	});
});

describe('message_report', () => {
	it('is filed by a member and reviewed by the school’s leader only', () => {
		const convo = { path: C6A1, memberIds: ['parent'] };
		expect(can(P.parent, 'create', 'message_report', convo)).toBe(true);
		expect(can(P.learner, 'create', 'message_report', convo)).toBe(false);
		expect(can(P.leader, 'update', 'message_report', { path: C6A1 })).toBe(true);
		expect(can(P.leader2, 'read', 'message_report', { path: C6A1 })).toBe(false);
		expect(can(P.teacher, 'read', 'message_report', { path: C6A1 })).toBe(false);
		expect(can(P.admin, 'read', 'message_report', { path: C6A1 })).toBe(false);
	});
});

describe('contact_book', () => {
	const child = { path: C6A1, personId: 'child' };
	const other = { path: C6A1, personId: 'other' };
	it('is written by the homeroom teacher of the class', () => {
		expect(can(P.homeroom, 'create', 'contact_book', child)).toBe(true);
		expect(can(P.homeroom, 'create', 'contact_book', { path: C7A1, personId: 'x' })).toBe(false);
		for (const n of ['teacher', 'leader', 'parent', 'admin', 'learner'] as const) expect(can(P[n], 'create', 'contact_book', child)).toBe(false);
	});
	it('is read by the class’s teachers, the leader, the administrator, the parent and the learner', () => {
		for (const n of ['homeroom', 'teacher', 'leader', 'admin', 'parent', 'learner'] as const) expect(can(P[n], 'read', 'contact_book', child)).toBe(true);
		expect(can(P.parent, 'read', 'contact_book', other)).toBe(false);
		expect(can(P.learner, 'read', 'contact_book', other)).toBe(false);
		expect(can(P.mentor, 'read', 'contact_book', child)).toBe(false);
	});
	it('is acknowledged (update) by the parent of the learner only', () => {
		expect(can(P.parent, 'update', 'contact_book', child)).toBe(true);
		expect(can(P.parent, 'update', 'contact_book', other)).toBe(false);
		expect(can(P.learner, 'update', 'contact_book', child)).toBe(false);
		expect(can(P.homeroom, 'update', 'contact_book', child)).toBe(false);
	});
});
