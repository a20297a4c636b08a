/**
 * The central policy's counselling rules (TT 31/2017: counselling is confidential), with
 * hand-made principals: a school with two counsellors, its leader, a homeroom teacher, a learner and
 * her mother, another learner, the system administrator and another school's counsellor.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { can, CONFIDENTIAL, mayMoveCase, scopeCondition } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const SCHOOL1 = CITY + 'unit/school1/';
const CLASS = SCHOOL1 + 'class6a1/';
const SCHOOL2 = CITY + 'unit/school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a', username: personId, displayName: personId, grants, childIds, via: 'session' });

const counsellor = who('c1', [grant('counsellor', 'school', SCHOOL1)]);
const otherCounsellor = who('c2', [grant('counsellor', 'school', SCHOOL1)]);
const farCounsellor = who('c3', [grant('counsellor', 'school', SCHOOL2)]);
const leader = who('leader', [grant('school_leader', 'school', SCHOOL1)]);
const homeroom = who('homeroom', [grant('teacher', 'school', SCHOOL1), grant('homeroom_teacher', 'class', CLASS), grant('teacher', 'class', CLASS)]);
const admin = who('admin', [grant('system_admin', 'city', CITY)]);
const learner = who('an', [grant('learner', 'school', SCHOOL1)]);
const classmate = who('binh', [grant('learner', 'school', SCHOOL1)]);
const mother = who('mother', [grant('parent', 'learner', SCHOOL1)], ['an']);
const unitOfficer = who('unit', [grant('unit_officer', 'org_unit', CITY + 'unit/')]);

const learnersCase = { path: SCHOOL1, personId: 'an', counsellorIds: ['c1'] };
const mothersCase = { path: SCHOOL1, personId: 'mother', counsellorIds: ['c1'] };

describe('a counselling case’s content', () => {
	it('is read and answered by its requester and its assigned counsellor only', () => {
		expect(can(learner, 'read', 'counselling_case', learnersCase)).toBe(true);
		expect(can(learner, 'update', 'counselling_case', learnersCase)).toBe(true);
		expect(can(counsellor, 'read', 'counselling_case', learnersCase)).toBe(true);
		expect(can(counsellor, 'update', 'counselling_case', learnersCase)).toBe(true);
	});
	it('is closed to a counsellor who is not assigned, and to another school’s', () => {
		expect(can(otherCounsellor, 'read', 'counselling_case', learnersCase)).toBe(false);
		expect(can(farCounsellor, 'read', 'counselling_case', { ...learnersCase, counsellorIds: ['c3'] })).toBe(false);
	});
	it('is closed to the school leader, the homeroom teacher, a classmate, an officer and the system administrator', () => {
		for (const p of [leader, homeroom, classmate, unitOfficer, admin]) {
			for (const action of ['read', 'update', 'delete'] as const) expect(can(p, action, 'counselling_case', learnersCase), `${p.personId} ${action}`).toBe(false);
		}
	});
	it('leaves the administrator out of every confidential kind, although their grant covers everything else', () => {
		expect(CONFIDENTIAL).toEqual(['counselling_case', 'counselling_assignment', 'counselling_booking']);
		for (const kind of CONFIDENTIAL) expect(can(admin, 'read', kind, { path: SCHOOL1, personId: 'an', counsellorIds: ['c1'] }), kind).toBe(false);
		expect(can(admin, 'read', 'school', { path: SCHOOL1 })).toBe(true);
		// …and their lists are empty: no `anywhere` rule turns the filter into `true`.
		const cols = { path: sql`c.path`, personId: sql`c.requester_id`, counsellorIds: sql`c.counsellor_ids` };
		expect(new PgDialect().sqlToQuery(scopeCondition(admin, 'read', 'counselling_case', cols)).sql).toBe('false');
		expect(new PgDialect().sqlToQuery(scopeCondition(admin, 'read', 'counselling_booking', cols)).sql).toBe('false');
	});
	it('is not the parent’s when the child asked, nor the child’s when the parent asked', () => {
		expect(can(mother, 'read', 'counselling_case', learnersCase)).toBe(false);
		expect(can(mother, 'read', 'counselling_case', mothersCase)).toBe(true);
		expect(can(learner, 'read', 'counselling_case', mothersCase)).toBe(false);
	});
	it('is asked for by learners and parents at their school, not by staff', () => {
		expect(can(learner, 'create', 'counselling_case', { path: SCHOOL1, personId: 'an' })).toBe(true);
		expect(can(mother, 'create', 'counselling_case', { path: SCHOOL1, personId: 'mother' })).toBe(true);
		expect(can(learner, 'create', 'counselling_case', { path: SCHOOL2, personId: 'an' })).toBe(false);
		expect(can(homeroom, 'create', 'counselling_case', { path: SCHOOL1, personId: 'homeroom' })).toBe(false);
	});
	it('moves: counsellors to any status, the requester only to closed', () => {
		expect(mayMoveCase(counsellor, learnersCase, 'in_progress')).toBe(true);
		expect(mayMoveCase(learner, learnersCase, 'closed')).toBe(true);
		expect(mayMoveCase(learner, learnersCase, 'in_progress')).toBe(false);
		expect(mayMoveCase(leader, learnersCase, 'closed')).toBe(false);
	});
});

describe('the queue, statistics, slots and bookings', () => {
	it('shows the queue and the statistics to the leader and counsellors of the school, not to others', () => {
		for (const kind of ['counselling_assignment', 'counselling_stats'] as const) {
			expect(can(leader, 'read', kind, { path: SCHOOL1 })).toBe(true);
			expect(can(counsellor, 'read', kind, { path: SCHOOL1 })).toBe(true);
			expect(can(homeroom, 'read', kind, { path: SCHOOL1 })).toBe(false);
			expect(can(learner, 'read', kind, { path: SCHOOL1 })).toBe(false);
			expect(can(farCounsellor, 'read', kind, { path: SCHOOL1 })).toBe(false);
		}
		expect(can(leader, 'create', 'counselling_assignment', { path: SCHOOL1 })).toBe(true);
	});
	it('lets a counsellor publish slots and change only their own', () => {
		expect(can(counsellor, 'create', 'counselling_slot', { path: SCHOOL1, counsellorIds: ['c1'] })).toBe(true);
		expect(can(counsellor, 'delete', 'counselling_slot', { path: SCHOOL1, counsellorIds: ['c1'] })).toBe(true);
		expect(can(otherCounsellor, 'delete', 'counselling_slot', { path: SCHOOL1, counsellorIds: ['c1'] })).toBe(false);
		expect(can(learner, 'create', 'counselling_slot', { path: SCHOOL1, counsellorIds: ['an'] })).toBe(false);
		expect([learner, mother, counsellor].map((p) => can(p, 'read', 'counselling_slot', { path: SCHOOL1, counsellorIds: ['c1'] }))).toEqual([true, true, true]);
	});
	it('keeps a booking to its booker and the slot’s counsellor', () => {
		const booking = { path: SCHOOL1, personId: 'an', counsellorIds: ['c1'] };
		expect(can(learner, 'update', 'counselling_booking', booking)).toBe(true);
		expect(can(counsellor, 'update', 'counselling_booking', booking)).toBe(true);
		for (const p of [classmate, mother, otherCounsellor, leader, homeroom, admin]) expect(can(p, 'read', 'counselling_booking', booking), p.personId).toBe(false);
	});
});
