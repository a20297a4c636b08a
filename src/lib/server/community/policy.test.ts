/**
 * The central policy's club, forum and parent-committee rules, with hand-made principals: two
 * schools of one unit, two classes in the first, and the city's community network.
 */
import { describe, expect, it } from 'vitest';
import { can, mayEver, type Resource } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT = CITY + 'unit/';
const SCHOOL1 = UNIT + 'school1/';
const C6A1 = SCHOOL1 + 'c6a1/';
const C6A2 = SCHOOL1 + 'c6a2/';
const SCHOOL2 = UNIT + 'school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a', username: personId, displayName: personId, grants, childIds, via: 'session' });

const advisor = who('advisor', [grant('teacher', 'school', SCHOOL1)]);
const colleague = who('colleague', [grant('teacher', 'school', SCHOOL1)]);
const homeroom = who('homeroom', [grant('teacher', 'school', SCHOOL1), grant('homeroom_teacher', 'class', C6A1)]);
const leader = who('leader', [grant('school_leader', 'school', SCHOOL1)]);
const leader2 = who('leader2', [grant('school_leader', 'school', SCHOOL2)]);
const learner = who('an', [grant('learner', 'school', SCHOOL1)]);
const learner2 = who('binh', [grant('learner', 'school', SCHOOL2)]);
const parent6a1 = who('mother-an', [grant('parent', 'learner', SCHOOL1)], ['an']);
const parent6a2 = who('father-cuc', [grant('parent', 'learner', SCHOOL1)], ['cuc']);
const cityOfficer = who('city', [grant('city_officer', 'city', CITY)]);
const unitOfficer = who('unit', [grant('unit_officer', 'org_unit', UNIT)]);
const mentor = who('mentor', [grant('mentor', 'city', CITY)]);

describe('clubs', () => {
	const club: Resource = { path: SCHOOL1, advisorId: 'advisor', openTo: ['learners'], memberIds: ['an'] };
	const join = (p: Principal): Resource => ({ ...club, personId: p.personId });

	it('lets a learner of the school ask to join, never a learner of another school, nor staff of a learners’ club', () => {
		expect(can(learner, 'create', 'club_membership', join(learner))).toBe(true);
		expect(can(learner2, 'create', 'club_membership', join(learner2))).toBe(false);
		expect(can(learner2, 'read', 'club', club)).toBe(false);
		expect(can(colleague, 'create', 'club_membership', join(colleague))).toBe(false);
		expect(can(colleague, 'create', 'club_membership', { ...join(colleague), openTo: ['learners', 'staff'] })).toBe(true);
	});

	it('lets a unit club take learners of every school below it', () => {
		expect(can(learner2, 'create', 'club_membership', { ...join(learner2), path: UNIT })).toBe(true);
	});

	it('lets only the advisor and the leaders or officers over it decide requests', () => {
		const decision = { ...club, personId: undefined };
		expect([advisor, leader, unitOfficer].map((p) => can(p, 'update', 'club_membership', decision))).toEqual([true, true, true]);
		expect([colleague, learner, leader2, parent6a1].map((p) => can(p, 'update', 'club_membership', decision))).toEqual([false, false, false, false]);
	});

	it('shows activities to members and managers; news to everyone along the path; nothing to the community network', () => {
		expect(can(learner, 'read', 'club_activity', club)).toBe(true);
		expect(can(colleague, 'read', 'club_activity', club)).toBe(false);
		expect(can(parent6a2, 'read', 'club_content', club)).toBe(true);
		expect(mayEver(mentor, 'read', 'club')).toBe(false);
	});

	it('lets the school leader and officers at the level create clubs, not a teacher', () => {
		expect(can(leader, 'create', 'club', { path: SCHOOL1 })).toBe(true);
		expect(can(leader, 'create', 'club', { path: UNIT })).toBe(false);
		expect(can(unitOfficer, 'create', 'club', { path: UNIT })).toBe(true);
		expect(can(advisor, 'create', 'club', { path: SCHOOL1 })).toBe(false);
	});
});

describe('forums', () => {
	const cityForum: Resource = { path: CITY, audience: 'staff', memberIds: [], moderatorIds: [] };
	const schoolForum: Resource = { path: SCHOOL1, audience: 'staff', memberIds: [], moderatorIds: [] };
	const committee6a1: Resource = { path: C6A1, audience: 'members', memberIds: ['mother-an', 'homeroom'], moderatorIds: ['homeroom'] };

	it('keeps learners, parents and the community network out of the teachers’ forums', () => {
		for (const p of [learner, parent6a1, mentor]) expect([can(p, 'read', 'forum_space', cityForum), can(p, 'read', 'forum_space', schoolForum)]).toEqual([false, false]);
		expect([advisor, leader2, unitOfficer].map((p) => can(p, 'read', 'forum_space', cityForum))).toEqual([true, true, true]);
		expect(can(leader2, 'read', 'forum_space', schoolForum)).toBe(false);
	});

	it('lets a parent post in their class’s committee discussion, not another class’s', () => {
		expect(can(parent6a1, 'create', 'forum_thread', committee6a1)).toBe(true);
		expect(can(parent6a2, 'create', 'forum_thread', committee6a1)).toBe(false);
		expect(can(parent6a2, 'read', 'forum_space', committee6a1)).toBe(false);
	});

	it('gives moderation to the named moderators, the school leader within the school and the city officer on teachers’ spaces', () => {
		expect(can(homeroom, 'update', 'forum_space', committee6a1)).toBe(true);
		expect(can(parent6a1, 'update', 'forum_space', committee6a1)).toBe(false);
		expect(can(leader, 'update', 'forum_space', schoolForum)).toBe(true);
		expect(can(cityOfficer, 'update', 'forum_space', cityForum)).toBe(true);
		expect(can(cityOfficer, 'update', 'forum_space', committee6a1)).toBe(false);
		expect(can(advisor, 'update', 'forum_space', cityForum)).toBe(false);
	});
});

describe('parent committees', () => {
	const class6a1: Resource = { path: C6A1, enrolledIds: ['an'], memberIds: ['mother-an'] };
	const class6a2: Resource = { path: C6A2, enrolledIds: ['cuc'], memberIds: [] };

	it('shows a class’s committee to its parents and its homeroom teacher only', () => {
		expect(can(parent6a1, 'read', 'parent_committee', class6a1)).toBe(true);
		expect(can(parent6a2, 'read', 'parent_committee', class6a1)).toBe(false);
		expect(can(homeroom, 'read', 'parent_committee', class6a1)).toBe(true);
		expect(can(homeroom, 'read', 'parent_committee', class6a2)).toBe(false);
	});

	it('lets committee members and the homeroom teacher announce; the homeroom teacher (class) and the leader name members', () => {
		expect(can(parent6a1, 'create', 'committee_announcement', class6a1)).toBe(true);
		expect(can(parent6a2, 'create', 'committee_announcement', class6a2)).toBe(false);
		expect(can(homeroom, 'update', 'parent_committee', class6a1)).toBe(true);
		expect(can(homeroom, 'create', 'parent_committee', { path: SCHOOL1 })).toBe(false);
		expect(can(leader, 'create', 'parent_committee', { path: SCHOOL1 })).toBe(true);
		expect(can(parent6a1, 'update', 'parent_committee', class6a1)).toBe(false);
	});
});
