/**
 * The central policy's assignment and submission rules, with hand-made principals: class 6A1 of
 * school 1 taught Toán by `teacher`, its homeroom teacher, learners `an` (6A1) and `binh` (6A2),
 * `an`'s parent, and a leader of another school.
 */
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { can, scopeCondition, type Resource } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const SCHOOL1 = '/city/unitA/school1/';
const C6A1 = SCHOOL1 + '6a1/';
const SCHOOL2 = '/city/unitB/school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a', username: personId, displayName: personId, grants, childIds, via: 'session' });

const teacher = who('teacher', [grant('teacher', 'school', SCHOOL1)]);
const otherTeacher = who('other-teacher', [grant('teacher', 'school', SCHOOL1), grant('teacher', 'class', C6A1)]);
const homeroom = who('homeroom', [grant('teacher', 'school', SCHOOL1), grant('homeroom_teacher', 'class', C6A1)]);
const leader = who('leader', [grant('school_leader', 'school', SCHOOL1)]);
const leader2 = who('leader2', [grant('school_leader', 'school', SCHOOL2)]);
const an = who('an', [grant('learner', 'school', SCHOOL1)]);
const binh = who('binh', [grant('learner', 'school', SCHOOL1)]);
const parentOfAn = who('parent', [grant('parent', 'learner', SCHOOL1)], ['an']);

const assignment: Resource = { path: C6A1, teacherId: 'teacher', enrolledIds: ['an', 'chi'] };
const ansWork: Resource = { path: C6A1, teacherId: 'teacher', personId: 'an' };
const chisWork: Resource = { path: C6A1, teacherId: 'teacher', personId: 'chi' };

describe('assignment policy', () => {
	it('lets the class’s subject teacher manage the assignment; other teachers of the class, the homeroom teacher and leaders only read or nothing', () => {
		expect(can(teacher, 'update', 'assignment', assignment)).toBe(true);
		expect(can(teacher, 'create', 'assignment', { path: C6A1, teacherId: 'teacher' })).toBe(true);
		expect(can(otherTeacher, 'read', 'assignment', assignment)).toBe(false);
		expect(can(homeroom, 'read', 'assignment', assignment)).toBe(true);
		expect(can(homeroom, 'update', 'assignment', assignment)).toBe(false);
		expect(can(leader, 'read', 'assignment', assignment)).toBe(true);
		expect(can(leader, 'update', 'assignment', assignment)).toBe(false);
		expect(can(leader2, 'read', 'assignment', assignment)).toBe(false);
	});

	it('shows an assignment to the learners of its class and their parents only', () => {
		expect(can(an, 'read', 'assignment', assignment)).toBe(true);
		expect(can(binh, 'read', 'assignment', assignment)).toBe(false);
		expect(can(parentOfAn, 'read', 'assignment', assignment)).toBe(true);
		expect(can(parentOfAn, 'read', 'assignment', { ...assignment, enrolledIds: ['chi'] })).toBe(false);
	});

	it('lets a learner hand in and read only their own work, never grade it; a parent reads only their child’s', () => {
		expect(can(an, 'create', 'submission', ansWork)).toBe(true);
		expect(can(an, 'update', 'submission', ansWork)).toBe(false);
		expect(can(an, 'read', 'submission', chisWork)).toBe(false);
		expect(can(parentOfAn, 'read', 'submission', ansWork)).toBe(true);
		expect(can(parentOfAn, 'read', 'submission', chisWork)).toBe(false);
		expect(can(teacher, 'update', 'submission', chisWork)).toBe(true);
		expect(can(homeroom, 'update', 'submission', chisWork)).toBe(false);
		expect(can(homeroom, 'read', 'submission', chisWork)).toBe(true);
	});

	it('renders the learner’s list filter as a test of their enrolment in the record’s class', () => {
		const q = new PgDialect().sqlToQuery(scopeCondition(an, 'read', 'assignment', { path: sql.raw('a.path'), teacherId: sql.raw('a.teacher') }));
		expect(q.sql).toContain('e.learner_id = $');
		expect(q.sql).toContain('cl.path = a.path');
		expect(q.params).toContain('an');
		const none = new PgDialect().sqlToQuery(scopeCondition(who('nobody', []), 'read', 'assignment', { path: sql.raw('a.path') }));
		expect(none.sql).toBe('false');
	});
});
