/**
 * The policy on its own, with no database: hand-made principals on a small tree
 *   /city/ → /city/unitA/ → /city/unitA/school1/ → /city/unitA/school1/6A1/ (and 7A1/)
 *          → /city/unitB/school2/
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { can, decidesOwnRequest, mayEver, mayGrant, scopeCondition, type Action, type Kind, type Resource } from './policy';
import { authorize, authorizeCreate, authorizeList } from './authorize';
import type { Grant, Principal, Role, ScopeType } from './principal';
import { log } from '../log';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';

const CITY = '/city/';
const UNIT_A = '/city/unitA/';
const SCHOOL1 = '/city/unitA/school1/';
const C6A1 = '/city/unitA/school1/6A1/';
const C7A1 = '/city/unitA/school1/7A1/';
const UNIT_B = '/city/unitB/';
const SCHOOL2 = '/city/unitB/school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({
	personId,
	accountId: 'acc-' + personId,
	username: personId,
	displayName: personId,
	grants,
	childIds,
	via: 'session'
});

const P = {
	admin: who('admin', [grant('system_admin', 'city', CITY)]),
	city: who('city', [grant('city_officer', 'city', CITY)]),
	unit: who('unit', [grant('unit_officer', 'org_unit', UNIT_A)]),
	leader: who('leader', [grant('school_leader', 'school', SCHOOL1)]),
	teacher: who('teacher', [grant('teacher', 'school', SCHOOL1), grant('teacher', 'class', C6A1)]),
	counsellor: who('counsellor', [grant('counsellor', 'school', SCHOOL1)]),
	parent: who('parent', [grant('parent', 'learner', SCHOOL1)], ['child']),
	learner: who('child', [grant('learner', 'school', SCHOOL1)]),
	mentor: who('mentor', [grant('mentor', 'city', CITY)])
};

const R = {
	unitA: { path: UNIT_A },
	school1: { path: SCHOOL1 },
	school2: { path: SCHOOL2 },
	class6A1: { path: C6A1 },
	child: { path: SCHOOL1, personId: 'child', personKind: 'learner', classPaths: [C6A1] },
	learner6A1: { path: SCHOOL1, personId: 'l6', personKind: 'learner', classPaths: [C6A1] },
	learner7A1: { path: SCHOOL1, personId: 'l7', personKind: 'learner', classPaths: [C7A1] },
	parentOf6A1: { path: SCHOOL1, personId: 'g6', personKind: 'guardian', classPaths: [C6A1] },
	parentOf7A1: { path: SCHOOL1, personId: 'g7', personKind: 'guardian', classPaths: [C7A1] },
	staff1: { path: SCHOOL1, personId: 's1', personKind: 'staff' },
	staff2: { path: SCHOOL2, personId: 's2', personKind: 'staff' },
	mentorSelf: { path: CITY, personId: 'mentor', personKind: 'community' },
	audit1: { path: SCHOOL1 }
} satisfies Record<string, Resource>;

type Case = [who: keyof typeof P, action: Action, kind: Kind, resource: keyof typeof R, allowed: boolean];
const cases: Case[] = [
	['admin', 'delete', 'school', 'school2', true],
	['city', 'update', 'school', 'school2', true],
	['city', 'read', 'person', 'staff2', true],
	['city', 'read', 'person', 'learner6A1', false],
	['city', 'read', 'person', 'parentOf6A1', false],
	['city', 'delete', 'org_unit', 'unitA', false],
	['unit', 'read', 'school', 'school1', true],
	['unit', 'update', 'school', 'school1', true],
	['unit', 'read', 'school', 'school2', false],
	['unit', 'read', 'person', 'staff1', true],
	['unit', 'read', 'person', 'staff2', false],
	['unit', 'read', 'person', 'learner6A1', false],
	['unit', 'update', 'person', 'staff1', false],
	['leader', 'update', 'person', 'learner7A1', true],
	['leader', 'create', 'class', 'school1', true],
	['leader', 'read', 'audit', 'audit1', true],
	['leader', 'read', 'school', 'school2', false],
	['leader', 'update', 'org_unit', 'unitA', false],
	['teacher', 'read', 'person', 'learner6A1', true],
	['teacher', 'read', 'person', 'parentOf6A1', true],
	['teacher', 'read', 'person', 'learner7A1', false],
	['teacher', 'read', 'person', 'parentOf7A1', false],
	['teacher', 'read', 'person', 'staff1', true],
	['teacher', 'read', 'enrolment', 'learner6A1', true],
	['teacher', 'update', 'person', 'learner6A1', false],
	['teacher', 'read', 'class', 'class6A1', true],
	['teacher', 'create', 'class', 'school1', false],
	['teacher', 'update', 'school', 'school1', false],
	['teacher', 'read', 'audit', 'audit1', false],
	['counsellor', 'read', 'person', 'learner7A1', true],
	['parent', 'read', 'person', 'child', true],
	['parent', 'read', 'person', 'learner6A1', false],
	['parent', 'read', 'school', 'school1', true],
	['parent', 'update', 'person', 'child', false],
	['learner', 'read', 'person', 'child', true],
	['learner', 'read', 'person', 'learner6A1', false],
	['mentor', 'read', 'person', 'mentorSelf', true],
	['mentor', 'read', 'person', 'staff1', false],
	['mentor', 'read', 'school', 'school1', false],
	// Settings: the resource is the scope a value is set at.
	['city', 'update', 'settings', 'school2', true],
	['unit', 'update', 'settings', 'unitA', true],
	['unit', 'update', 'settings', 'school1', true],
	['unit', 'read', 'settings', 'school2', false],
	['leader', 'update', 'settings', 'school1', true],
	['leader', 'update', 'settings', 'school2', false],
	['leader', 'read', 'settings', 'unitA', false],
	['teacher', 'read', 'settings', 'school1', true],
	['teacher', 'update', 'settings', 'school1', false],
	['parent', 'read', 'settings', 'school1', true],
	['parent', 'update', 'settings', 'school1', false],
	['learner', 'update', 'settings', 'school1', false],
	['mentor', 'read', 'settings', 'school1', false],
	// A school's survey answers, periodic reports and the program's budget: administrators read, never write.
	['admin', 'read', 'survey_response', 'school1', true],
	['admin', 'update', 'survey_response', 'school1', false],
	['admin', 'update', 'program_report', 'school1', false],
	['admin', 'create', 'budget', 'school1', false],
	['admin', 'read', 'budget', 'school1', true],
	// The outbox and its dead letters: system administrators only.
	['admin', 'read', 'outbox', 'school1', true],
	['admin', 'update', 'outbox', 'school1', true],
	['leader', 'read', 'outbox', 'school1', false],
	['city', 'read', 'outbox', 'unitA', false],
	['teacher', 'update', 'outbox', 'school1', false],
	// Notification preferences: one's own, nobody else's — not an administrator's, a leader's nor a parent's.
	['learner', 'update', 'notification_preference', 'child', true],
	['mentor', 'read', 'notification_preference', 'mentorSelf', true],
	['parent', 'read', 'notification_preference', 'child', false],
	['admin', 'read', 'notification_preference', 'staff1', false],
	['leader', 'update', 'notification_preference', 'staff1', false],
	['counsellor', 'read', 'notification_preference', 'learner7A1', false]
];

describe('can', () => {
	it.each(cases)('%s %s %s on %s → %s', (p, action, kind, resource, allowed) => {
		expect(can(P[p], action, kind, R[resource])).toBe(allowed);
	});

	it('denies everything to nobody', () => {
		expect(can(null, 'read', 'school', R.school1)).toBe(false);
	});

	it('does not treat a sibling path with the same prefix as inside the scope', () => {
		expect(can(P.leader, 'read', 'school', { path: '/city/unitA/school10/' })).toBe(false);
	});
});

describe('mayEver', () => {
	it('tells which menus to show: the audit to leaders, never to teachers', () => {
		expect(mayEver(P.leader, 'read', 'audit')).toBe(true);
		expect(mayEver(P.teacher, 'read', 'audit')).toBe(false);
		expect(mayEver(P.mentor, 'read', 'school')).toBe(false);
		expect(mayEver(null, 'read', 'school')).toBe(false);
	});
});

describe('decidesOwnRequest (four eyes on change requests)', () => {
	it('is true only for the principal who sent the request, so a leader who may decide every request of the school still may not decide theirs', () => {
		expect(can(P.leader, 'update', 'grade_change', R.school1)).toBe(true);
		expect(decidesOwnRequest(P.leader, { requestedBy: 'leader' })).toBe(true);
		expect(decidesOwnRequest(P.leader, { requestedBy: 'teacher' })).toBe(false);
		expect(decidesOwnRequest(null, { requestedBy: 'leader' })).toBe(false);
	});
});

describe('mayGrant', () => {
	const rows: [who: keyof typeof P, role: Role, scopePath: string, allowed: boolean][] = [
		['admin', 'system_admin', CITY, true],
		['city', 'unit_officer', UNIT_B, true],
		['city', 'system_admin', CITY, false],
		['unit', 'school_leader', SCHOOL1, true],
		['unit', 'school_leader', SCHOOL2, false],
		['unit', 'teacher', SCHOOL1, false],
		['leader', 'teacher', C6A1, true],
		['leader', 'school_leader', SCHOOL1, true],
		['leader', 'teacher', SCHOOL2, false],
		['leader', 'unit_officer', UNIT_A, false],
		['teacher', 'teacher', C6A1, false],
		['parent', 'parent', SCHOOL1, false]
	];
	it.each(rows)('%s granting %s on %s → %s', (p, role, path, allowed) => {
		expect(mayGrant(P[p], role, path)).toBe(allowed);
	});
	it('lets nobody grant without a principal', () => {
		expect(mayGrant(null, 'learner', SCHOOL1)).toBe(false);
	});
});

describe('scopeCondition', () => {
	const dialect = new PgDialect();
	const cols = { path: sql.raw('t.path'), personId: sql.raw('t.id'), personKind: sql.raw('t.kind') };
	const render = (p: Principal | null, action: Action, kind: Kind) => dialect.sqlToQuery(scopeCondition(p, action, kind, cols));

	it('is true for the administrator and false for nobody or a role without a rule', () => {
		expect(render(P.admin, 'read', 'person').sql).toBe('true');
		expect(render(null, 'read', 'person').sql).toBe('false');
		expect(render(P.teacher, 'read', 'audit').sql).toBe('false');
	});

	it('filters by path prefix, escaping LIKE wildcards', () => {
		const q = render(who('x', [grant('school_leader', 'school', '/city/a_b%/')]), 'read', 'school');
		expect(q.sql).toBe('(t.path like $1)');
		expect(q.params).toEqual(['/city/a\\_b\\%/%']);
	});

	it('gives an officer staff and community of the unit, never learners or families', () => {
		const q = render(P.unit, 'read', 'person');
		expect(q.sql).toContain("t.kind in ('staff', 'community')");
		expect(q.sql).toContain('t.id = $');
		expect(q.params).toContain(UNIT_A + '%');
	});

	it('gives a class teacher the learners (and their guardians) of the class through enrolments', () => {
		const q = render(P.teacher, 'read', 'person');
		expect(q.sql).toContain('exists (select 1 from enrolments e join classes c on c.id = e.class_id');
		expect(q.sql).toContain('from guardianships gd');
		expect(q.params).toContain(C6A1 + '%');
		expect(q.params).not.toContain(C7A1 + '%');
	});

	it('gives a parent their children by id', () => {
		const q = render(P.parent, 'read', 'person');
		expect(q.sql).toContain('t.id in ($');
		expect(q.params).toContain('child');
	});

	it('needs the person columns for person rules and says so', () => {
		expect(() => scopeCondition(P.unit, 'read', 'person', { path: sql.raw('t.path') })).toThrow(/scope filter needs the person(Id|Kind) column/);
	});
});

describe('authorize', () => {
	afterEach(() => vi.restoreAllMocks());

	it('answers 404 to someone who may not even read, and logs the denial', () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
		expect(() => authorize(P.teacher, 'read', 'person', R.learner7A1)).toThrow(NotFoundError);
		expect(warn).toHaveBeenCalledWith(expect.objectContaining({ personId: 'teacher', action: 'read', kind: 'person', path: SCHOOL1 }), 'access denied');
	});

	it('answers 403 to someone who may read but not change, and logs it', () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
		expect(() => authorize(P.teacher, 'update', 'school', R.school1)).toThrow(ForbiddenError);
		expect(() => authorizeCreate(P.teacher, 'class', R.school1)).toThrow(ForbiddenError);
		expect(() => authorizeList(P.parent, 'audit')).toThrow(ForbiddenError);
		expect(warn).toHaveBeenCalledTimes(3);
	});

	it('answers 404 for a missing record and 401 without a principal', () => {
		vi.spyOn(log, 'warn').mockImplementation(() => undefined);
		expect(() => authorize(P.admin, 'read', 'school', undefined)).toThrow(NotFoundError);
		expect(() => authorize(null, 'read', 'school', R.school1)).toThrow(UnauthenticatedError);
	});

	it('lets an allowed action through without logging', () => {
		const warn = vi.spyOn(log, 'warn');
		expect(() => authorize(P.leader, 'update', 'school', R.school1)).not.toThrow();
		expect(warn).not.toHaveBeenCalled();
	});
});
