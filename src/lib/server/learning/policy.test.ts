/**
 * The central policy's lesson-plan rules, with hand-made principals: a school with two subject
 * groups, and a second school.
 */
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { can, scopeCondition, type Resource } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const SCHOOL1 = '/city/unitA/school1/';
const KHTN = SCHOOL1 + 'khtn/';
const XH = SCHOOL1 + 'xh/';
const SCHOOL2 = '/city/unitB/school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[]): Principal => ({ personId, accountId: 'a', username: personId, displayName: personId, grants, childIds: [], via: 'session' });

const teacher = who('teacher', [grant('teacher', 'school', SCHOOL1)]);
const colleague = who('colleague', [grant('teacher', 'school', SCHOOL1)]);
const head = who('head', [grant('teacher', 'school', SCHOOL1), grant('subject_group_head', 'subject_group', KHTN)]);
const leader = who('leader', [grant('school_leader', 'school', SCHOOL1)]);
const leader2 = who('leader2', [grant('school_leader', 'school', SCHOOL2)]);
const parent = who('parent', [grant('parent', 'learner', SCHOOL1)]);

const own: Resource = { path: KHTN, authorId: 'teacher', shared: false };
const shared: Resource = { ...own, shared: true };
const otherGroup: Resource = { path: XH, authorId: 'colleague', shared: false };

describe('lesson-plan policy', () => {
	it('lets the author create, read and update their own plans, never delete', () => {
		expect(['create', 'read', 'update'].map((a) => can(teacher, a as 'read', 'lesson_plan', own))).toEqual([true, true, true]);
		expect(can(teacher, 'delete', 'lesson_plan', own)).toBe(false);
	});

	it('shows colleagues of the school shared plans only, read-only', () => {
		expect(can(colleague, 'read', 'lesson_plan', own)).toBe(false);
		expect(can(colleague, 'read', 'lesson_plan', shared)).toBe(true);
		expect(can(colleague, 'update', 'lesson_plan', shared)).toBe(false);
		expect(can(parent, 'read', 'lesson_plan', shared)).toBe(false);
	});

	it('lets the subject-group head review their group’s plans, not another group’s', () => {
		expect(can(head, 'update', 'lesson_plan', own)).toBe(true);
		expect(can(head, 'read', 'lesson_plan', otherGroup)).toBe(false);
	});

	it('lets the school leader act within their school only', () => {
		expect(can(leader, 'update', 'lesson_plan', otherGroup)).toBe(true);
		expect(can(leader2, 'read', 'lesson_plan', shared)).toBe(false);
	});

	it('renders the same rules as SQL for lists', () => {
		const q = new PgDialect().sqlToQuery(scopeCondition(colleague, 'read', 'lesson_plan', { path: sql.raw('t.path'), authorId: sql.raw('t.author_id'), shared: sql.raw('t.shared') }));
		expect(q.sql).toBe('((t.author_id = $1 and t.path like $2) or (t.shared and t.path like $3))');
		expect(q.params).toEqual(['colleague', SCHOOL1 + '%', SCHOOL1 + '%']);
	});
});
