/**
 * The central policy's community-network rules, with hand-made principals: a city with one unit and
 * two schools, and members registered at the city and at school 1.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { answersEngagement, can, decidesOwnVetting, mayEver, ownNetworkProfile, recordsEngagementOutcome, scopeCondition, seesNetworkContact } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT = CITY + 'unit/';
const SCHOOL1 = UNIT + 'school1/';
const SCHOOL2 = UNIT + 'school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[]): Principal => ({ personId, accountId: 'a', username: personId, displayName: personId, grants, childIds: [], via: 'session' });

const city = who('city', [grant('city_officer', 'city', CITY)]);
const unit = who('unit', [grant('unit_officer', 'org_unit', UNIT)]);
const leader1 = who('leader1', [grant('school_leader', 'school', SCHOOL1)]);
const teacher1 = who('teacher1', [grant('teacher', 'school', SCHOOL1)]);
const teacher2 = who('teacher2', [grant('teacher', 'school', SCHOOL2)]);
const learner = who('learner', [grant('learner', 'school', SCHOOL1)]);
const mentor = who('mentor', [grant('mentor', 'city', CITY)]);
const pending = who('pending', []);

const cityMember = { path: CITY, personId: 'mentor', listed: true };
const pendingMember = { path: CITY, personId: 'pending', listed: false };
const schoolMember = { path: SCHOOL1, personId: 'partner', listed: true };

describe('network members', () => {
	it('school staff, leaders and officers read listed members along their path, never unlisted ones', () => {
		expect([teacher1, teacher2, leader1, unit, city].map((p) => can(p, 'read', 'network_member', cityMember))).toEqual([true, true, true, true, true]);
		expect([teacher1, teacher2, leader1, unit].map((p) => can(p, 'read', 'network_member', pendingMember))).toEqual([false, false, false, false]);
		expect([teacher1, teacher2].map((p) => can(p, 'read', 'network_member', schoolMember))).toEqual([true, false]);
		expect(can(learner, 'read', 'network_member', cityMember)).toBe(false);
	});
	it('vetters vet within their scope only; nobody vets themselves', () => {
		expect(can(city, 'create', 'network_vetting', pendingMember)).toBe(true);
		expect([unit, leader1, teacher1].map((p) => can(p, 'create', 'network_vetting', pendingMember))).toEqual([false, false, false]);
		expect([unit, leader1].map((p) => can(p, 'create', 'network_vetting', schoolMember))).toEqual([true, true]);
		expect(decidesOwnVetting(city, { personId: 'city' })).toBe(true);
		expect(decidesOwnVetting(city, pendingMember)).toBe(false);
	});
	it('a pending member, with no role, still owns their profile; a vetted one reads themselves by the rules', () => {
		expect(can(pending, 'read', 'network_member', pendingMember)).toBe(false);
		expect(ownNetworkProfile(pending, pendingMember)).toBe(true);
		expect(can(mentor, 'read', 'network_member', cityMember)).toBe(true);
		expect(can(mentor, 'read', 'network_member', schoolMember)).toBe(false);
	});
	it('shows contact details to staff within the vetting path, the vetters and the member', () => {
		expect([teacher1, teacher2, city, mentor].map((p) => seesNetworkContact(p, cityMember))).toEqual([true, true, true, true]);
		expect([teacher1, teacher2, unit].map((p) => seesNetworkContact(p, schoolMember))).toEqual([true, false, true]);
		expect(seesNetworkContact(teacher1, { ...cityMember, listed: false })).toBe(false);
	});
	it('filters lists with the same rule', () => {
		const cols = { path: sql.raw('m.path'), personId: sql.raw('m.person_id'), listed: sql.raw('m.listed') };
		const q = new PgDialect().sqlToQuery(scopeCondition(teacher1, 'read', 'network_member', cols));
		expect(q.sql).toContain('m.listed and');
		expect(q.params).toEqual([SCHOOL1.replace(/_/g, '\\_') + '%', SCHOOL1]);
		expect(new PgDialect().sqlToQuery(scopeCondition(learner, 'read', 'network_member', cols)).sql).toBe('false');
	});
});

describe('engagements', () => {
	const e = { path: SCHOOL1, personId: 'mentor', authorId: 'teacher1' };
	it('the school’s staff and leader request and read; officers read; another school does not', () => {
		expect([teacher1, leader1, unit, city, mentor].map((p) => can(p, 'read', 'engagement', e))).toEqual([true, true, true, true, true]);
		expect([teacher2, learner].map((p) => can(p, 'read', 'engagement', e))).toEqual([false, false]);
		expect(can(teacher1, 'create', 'engagement', { path: SCHOOL1 })).toBe(true);
		expect([city, mentor, learner].map((p) => mayEver(p, 'create', 'engagement'))).toEqual([false, false, false]);
	});
	it('only the member answers; only the requester or the leader records the outcome', () => {
		expect([mentor, teacher1, leader1].map((p) => answersEngagement(p, e))).toEqual([true, false, false]);
		expect([teacher1, leader1, mentor, who('colleague', [grant('teacher', 'school', SCHOOL1)])].map((p) => recordsEngagementOutcome(p, e))).toEqual([true, true, false, false]);
	});
});
