/**
 * The central policy's learning-place and project rules, with hand-made principals: two schools
 * of one unit, a class in the first, and the city's community network.
 */
import { describe, expect, it } from 'vitest';
import { can } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT = CITY + 'unit/';
const SCHOOL1 = UNIT + 'school1/';
const CLASS = SCHOOL1 + 'class6a1/';
const SCHOOL2 = UNIT + 'school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a', username: personId, displayName: personId, grants, childIds, via: 'session' });

const teacher = who('teacher', [grant('teacher', 'school', SCHOOL1), grant('teacher', 'class', CLASS)]);
const colleague = who('colleague', [grant('teacher', 'school', SCHOOL1)]);
const learner = who('an', [grant('learner', 'school', SCHOOL1)]);
const otherLearner = who('binh', [grant('learner', 'school', SCHOOL1)]);
const parent = who('parent', [grant('parent', 'learner', SCHOOL1)], ['an']);
const mentor = who('mentor', [grant('mentor', 'city', CITY)]);
const otherMentor = who('mentor2', [grant('mentor', 'city', CITY)]);
const leader2 = who('leader2', [grant('school_leader', 'school', SCHOOL2)]);
const unitOfficer = who('unit', [grant('unit_officer', 'org_unit', UNIT)]);

describe('learning places', () => {
	const schoolPlace = { path: SCHOOL1, authorId: 'teacher' };
	const cityPlace = { path: CITY, authorId: 'city' };
	it('shows a school’s place within the school only, and the city’s to everyone below', () => {
		expect([teacher, learner, parent, colleague].map((p) => can(p, 'read', 'learning_place', schoolPlace))).toEqual([true, true, true, true]);
		expect(can(leader2, 'read', 'learning_place', schoolPlace)).toBe(false);
		expect(can(leader2, 'read', 'learning_place', cityPlace)).toBe(true);
		expect(can(unitOfficer, 'read', 'learning_place', schoolPlace)).toBe(true);
	});
	it('lets the community network see the city’s places but not a school’s', () => {
		expect(can(mentor, 'read', 'learning_place', cityPlace)).toBe(true);
		expect(can(mentor, 'read', 'learning_place', schoolPlace)).toBe(false);
	});
	it('lets its author edit it, never a colleague, a learner or another school', () => {
		expect(can(teacher, 'update', 'learning_place', schoolPlace)).toBe(true);
		expect([colleague, learner, leader2].map((p) => can(p, 'update', 'learning_place', schoolPlace))).toEqual([false, false, false]);
		expect(can(learner, 'create', 'learning_place', { path: SCHOOL1 })).toBe(false);
	});
});

describe('projects', () => {
	const project = { path: CLASS, memberIds: ['an', 'binh'], mentorId: 'mentor' };
	const teamAn = { path: CLASS, memberIds: ['an'], mentorId: 'mentor' };
	it('lets the class’s teacher run it and read every team, but never post a team’s evidence', () => {
		expect(can(teacher, 'update', 'project', project)).toBe(true);
		expect(can(teacher, 'read', 'project_team', teamAn)).toBe(true);
		expect(can(teacher, 'create', 'project_feedback', teamAn)).toBe(true);
		expect(can(teacher, 'update', 'project_team', teamAn)).toBe(false);
		expect(can(colleague, 'read', 'project', project)).toBe(false);
	});
	it('shows a learner their own team only, and a parent their child’s', () => {
		expect(can(learner, 'update', 'project_team', teamAn)).toBe(true);
		expect(can(otherLearner, 'read', 'project_team', teamAn)).toBe(false);
		expect(can(otherLearner, 'read', 'project', project)).toBe(true);
		expect(can(parent, 'read', 'project_team', teamAn)).toBe(true);
		expect(can(parent, 'update', 'project_team', teamAn)).toBe(false);
		expect(can(parent, 'read', 'project_team', { ...teamAn, memberIds: ['binh'] })).toBe(false);
	});
	it('lets the outside mentor read and comment on the projects they mentor only', () => {
		expect(can(mentor, 'read', 'project_team', teamAn)).toBe(true);
		expect(can(mentor, 'create', 'project_feedback', teamAn)).toBe(true);
		expect(can(mentor, 'update', 'project_team', teamAn)).toBe(false);
		expect(can(otherMentor, 'read', 'project', project)).toBe(false);
		expect(can(mentor, 'read', 'project', { ...project, mentorId: null })).toBe(false);
	});
});
