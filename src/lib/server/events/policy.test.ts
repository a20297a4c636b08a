/**
 * The central policy's rules for events, registrations and meetings, on a small tree
 *   /city/ → /city/unitA/ → /city/unitA/school1/ → /city/unitA/school1/6A1/, and /city/unitB/school2/
 * with hand-made principals and no database (the SQL side renders as scopeCondition would run it).
 */
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { can, scopeCondition, type Action, type Kind, type Resource } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT_A = '/city/unitA/';
const SCHOOL1 = '/city/unitA/school1/';
const C6A1 = '/city/unitA/school1/6A1/';
const C7A1 = '/city/unitA/school1/7A1/';
const SCHOOL2 = '/city/unitB/school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a-' + personId, username: personId, displayName: personId, grants, childIds, via: 'session' });

const P = {
	admin: who('admin', [grant('system_admin', 'city', CITY)]),
	city: who('city', [grant('city_officer', 'city', CITY)]),
	unit: who('unit', [grant('unit_officer', 'org_unit', UNIT_A)]),
	leader: who('leader', [grant('school_leader', 'school', SCHOOL1)]),
	leader2: who('leader2', [grant('school_leader', 'school', SCHOOL2)]),
	teacher: who('teacher', [grant('teacher', 'school', SCHOOL1), grant('teacher', 'class', C6A1)]),
	homeroom: who('homeroom', [grant('teacher', 'school', SCHOOL1), grant('homeroom_teacher', 'class', C6A1)]),
	counsellor: who('counsellor', [grant('counsellor', 'school', SCHOOL1)]),
	parent: who('parent', [grant('parent', 'learner', SCHOOL1)], ['child']),
	learner: who('child', [grant('learner', 'school', SCHOOL1)]),
	mentor: who('mentor', [grant('mentor', 'city', CITY)])
};

const ev = (path: string, audience: Resource['audience'], authorId = 'leader'): Resource => ({ path, audience, authorId });
const R = {
	school1: { path: SCHOOL1 },
	school2: { path: SCHOOL2 },
	unitA: { path: UNIT_A },
	class6A1: { path: C6A1 },
	class7A1: { path: C7A1 },
	learnersDay: ev(SCHOOL1, 'learners'),
	parentsTalk: ev(SCHOOL1, 'parents'),
	staffSeminar: ev(SCHOOL1, 'staff', 'teacher'),
	unitEveryone: ev(UNIT_A, 'everyone', 'unit'),
	school2Day: ev(SCHOOL2, 'everyone', 'leader2'),
	childSeat: { path: SCHOOL1, personId: 'child' },
	parentSeat: { path: SCHOOL1, personId: 'parent' },
	otherSeat: { path: SCHOOL1, personId: 'other' },
	classMeeting: { path: C6A1, authorId: 'teacher', memberIds: ['child', 'other'] },
	parentMeeting: { path: C6A1, authorId: 'homeroom', memberIds: ['parent'] }
} satisfies Record<string, Resource>;

type Case = [who: keyof typeof P, action: Action, kind: Kind, resource: keyof typeof R, allowed: boolean];
const cases: Case[] = [
	// Organising: school staff and the leader in their school, officers at their level.
	['teacher', 'create', 'event', 'school1', true],
	['counsellor', 'create', 'event', 'school1', true],
	['leader', 'create', 'event', 'school1', true],
	['leader', 'create', 'event', 'unitA', false],
	['leader2', 'create', 'event', 'school1', false],
	['unit', 'create', 'event', 'unitA', true],
	['unit', 'create', 'event', 'school2', false],
	['city', 'create', 'event', 'unitA', true],
	['learner', 'create', 'event', 'school1', false],
	['parent', 'create', 'event', 'school1', false],
	['mentor', 'create', 'event', 'school1', false],
	// Reading: staff every audience along their path; families by audience; nobody across schools.
	['counsellor', 'read', 'event', 'staffSeminar', true],
	['counsellor', 'read', 'event', 'unitEveryone', true],
	['leader2', 'read', 'event', 'learnersDay', false],
	['learner', 'read', 'event', 'learnersDay', true],
	['learner', 'read', 'event', 'parentsTalk', false],
	['learner', 'read', 'event', 'staffSeminar', false],
	['learner', 'read', 'event', 'unitEveryone', true],
	['learner', 'read', 'event', 'school2Day', false],
	['parent', 'read', 'event', 'learnersDay', true],
	['parent', 'read', 'event', 'parentsTalk', true],
	['parent', 'read', 'event', 'staffSeminar', false],
	['mentor', 'read', 'event', 'unitEveryone', false],
	// Changing: the organiser, and the leader and officers over them.
	['teacher', 'update', 'event', 'staffSeminar', true],
	['teacher', 'update', 'event', 'learnersDay', false],
	['counsellor', 'update', 'event', 'staffSeminar', false],
	['leader', 'update', 'event', 'staffSeminar', true],
	['leader', 'update', 'event', 'unitEveryone', false],
	['unit', 'update', 'event', 'unitEveryone', true],
	['unit', 'update', 'event', 'learnersDay', true],
	// Registrations: one's own, a parent's child's.
	['learner', 'create', 'event_registration', 'childSeat', true],
	['learner', 'create', 'event_registration', 'otherSeat', false],
	['parent', 'create', 'event_registration', 'childSeat', true],
	['parent', 'create', 'event_registration', 'parentSeat', true],
	['parent', 'delete', 'event_registration', 'childSeat', true],
	['parent', 'create', 'event_registration', 'otherSeat', false],
	['teacher', 'create', 'event_registration', 'childSeat', false],
	// Meetings: teachers for their classes, the homeroom teacher, the leader, officers.
	['teacher', 'create', 'meeting', 'class6A1', true],
	['teacher', 'create', 'meeting', 'class7A1', false],
	['teacher', 'create', 'meeting', 'school1', false],
	['homeroom', 'create', 'meeting', 'class6A1', true],
	['homeroom', 'create', 'meeting', 'class7A1', false],
	['leader', 'create', 'meeting', 'school1', true],
	['leader', 'create', 'meeting', 'class7A1', true],
	['unit', 'create', 'meeting', 'unitA', true],
	['counsellor', 'create', 'meeting', 'school1', false],
	['learner', 'create', 'meeting', 'class6A1', false],
	['parent', 'create', 'meeting', 'class6A1', false],
	// …seen only by the organiser and the invitees: not the leader, not an administrator.
	['teacher', 'read', 'meeting', 'classMeeting', true],
	['teacher', 'update', 'meeting', 'classMeeting', true],
	['learner', 'read', 'meeting', 'classMeeting', true],
	['learner', 'update', 'meeting', 'classMeeting', false],
	['parent', 'read', 'meeting', 'classMeeting', false],
	['parent', 'read', 'meeting', 'parentMeeting', true],
	['leader', 'read', 'meeting', 'classMeeting', false],
	['admin', 'read', 'meeting', 'classMeeting', false],
	['homeroom', 'read', 'meeting', 'classMeeting', false]
];

describe('events and meetings in the central policy', () => {
	it.each(cases)('%s %s %s on %s → %s', (p, action, kind, r, allowed) => {
		expect(can(P[p], action, kind, R[r])).toBe(allowed);
	});

	it('lists filter by audience along the path in SQL, as can() decides one event', () => {
		const dialect = new PgDialect();
		const cols = { path: sql.raw('e.path'), authorId: sql.raw('e.created_by'), audience: sql.raw('e.audience') };
		const learner = dialect.sqlToQuery(scopeCondition(P.learner, 'read', 'event', cols));
		expect(learner.sql).toContain('e.audience::text in');
		expect(learner.params).toEqual(expect.arrayContaining(['learners', 'everyone']));
		expect(learner.params).not.toContain('parents');
		const parent = dialect.sqlToQuery(scopeCondition(P.parent, 'read', 'event', cols));
		expect(parent.params).toEqual(expect.arrayContaining(['learners', 'parents', 'everyone']));
		// An administrator lists only the meetings they are invited to, like anyone else.
		const admin = dialect.sqlToQuery(scopeCondition(P.admin, 'read', 'meeting', { path: sql.raw('m.path'), authorId: sql.raw('m.created_by'), memberIds: sql.raw('m.invitees') }));
		expect(admin).toEqual({ sql: '($1::uuid = any(m.invitees))', params: ['admin'], typings: expect.anything() });
	});
});
