/**
 * The central policy's rules for pilot models, sites and publications on a small tree
 *   /city/ → /city/unitA/ → /city/unitA/school1/, and /city/unitB/ → /city/unitB/school2/
 * with hand-made principals and no database.
 */
import { describe, expect, it } from 'vitest';
import { can, publicationAudienceRoles, type Action, type Kind, type Resource } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT_A = '/city/unitA/';
const SCHOOL1 = '/city/unitA/school1/';
const SCHOOL2 = '/city/unitB/school2/';
const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[], childIds: string[] = []): Principal => ({ personId, accountId: 'a-' + personId, username: personId, displayName: personId, grants, childIds, via: 'session' });
const P = {
	city: who('city', [grant('city_officer', 'city', CITY)]),
	unit: who('unit', [grant('unit_officer', 'org_unit', UNIT_A)]),
	unitB: who('unitB', [grant('unit_officer', 'org_unit', '/city/unitB/')]),
	leader: who('leader', [grant('school_leader', 'school', SCHOOL1)]),
	leader2: who('leader2', [grant('school_leader', 'school', SCHOOL2)]),
	teacher: who('teacher', [grant('teacher', 'school', SCHOOL1)]),
	parent: who('parent', [grant('parent', 'learner', SCHOOL1)], ['child']),
	learner: who('child', [grant('learner', 'school', SCHOOL1)]),
	mentor: who('mentor', [grant('mentor', 'city', CITY)])
};
type Who = keyof typeof P;

describe('pilot models and sites', () => {
	const model = { path: CITY };
	const site1 = { path: SCHOOL1 };
	it.each<[Who, Action, Kind, Resource, boolean]>([
		['city', 'create', 'pilot_model', model, true],
		['unit', 'create', 'pilot_model', model, false],
		['leader', 'read', 'pilot_model', model, true],
		['teacher', 'read', 'pilot_model', model, true],
		['parent', 'read', 'pilot_model', model, false],
		['city', 'create', 'pilot_site', site1, true],
		['unit', 'read', 'pilot_site', site1, true],
		['unit', 'update', 'pilot_site', site1, true],
		['unit', 'create', 'pilot_site', site1, false],
		['unit', 'read', 'pilot_site', { path: SCHOOL2 }, false],
		['leader', 'update', 'pilot_site', site1, true],
		['leader2', 'read', 'pilot_site', site1, false],
		['teacher', 'read', 'pilot_site', site1, true],
		['teacher', 'update', 'pilot_site', site1, false],
		['parent', 'read', 'pilot_site', site1, false]
	])('%s %s %s %j → %s', (w, action, kind, r, expected) => expect(can(P[w], action, kind, r)).toBe(expected));
});

describe('publication audiences along the path', () => {
	const pub = (audience: Resource['audience'], path = CITY): Resource => ({ path, audience });
	it.each<[Who, Resource, boolean]>([
		['leader', pub('leaders'), true],
		['leader', pub('staff'), true],
		['teacher', pub('staff'), true],
		['teacher', pub('leaders'), false],
		['teacher', pub('parents'), false],
		['parent', pub('parents'), true],
		['parent', pub('staff'), false],
		['parent', pub('leaders'), false],
		['learner', pub('learners'), true],
		['learner', pub('parents'), false],
		['mentor', pub('everyone'), true],
		['mentor', pub('staff'), false],
		['leader2', pub('leaders', UNIT_A), false], // another unit's publication
		['unit', pub('leaders', UNIT_A), true] // the publishing office reads within
	])('%s reads %j: %s', (w, r, expected) => expect(can(P[w], 'read', 'publication', r)).toBe(expected));

	it('widens nothing else: staff still get events for staff only along their path, families no staff events', () => {
		expect(can(P.parent, 'read', 'event', { path: SCHOOL1, audience: 'staff' })).toBe(false);
		expect(can(P.learner, 'read', 'event', { path: SCHOOL1, audience: 'parents' })).toBe(false);
		expect(can(P.learner, 'read', 'training_course', { path: CITY, audience: 'staff' })).toBe(false);
		expect(can(P.teacher, 'read', 'event', { path: SCHOOL2, audience: 'staff' })).toBe(false);
	});

	it.each([
		['leaders', ['school_leader']],
		['staff', ['teacher', 'homeroom_teacher', 'subject_group_head', 'school_leader', 'counsellor']],
		['parents', ['parent']],
		['learners', ['learner', 'parent']]
	])('the %s audience is made of %j', (a, roles) => expect(publicationAudienceRoles(a).sort()).toEqual([...roles].sort()));

	it('only officers publish', () => {
		expect(can(P.city, 'create', 'publication', { path: CITY })).toBe(true);
		expect(can(P.unit, 'create', 'publication', { path: UNIT_A })).toBe(true);
		expect(can(P.unit, 'create', 'publication', { path: CITY })).toBe(false);
		expect(can(P.leader, 'create', 'publication', { path: SCHOOL1 })).toBe(false);
	});
});

describe('who corrects and withdraws a publication: exactly those who may publish it', () => {
	const pub = (path: string, audience: Resource['audience'] = 'everyone'): Resource => ({ path, audience });
	it.each<[Who, Resource, boolean]>([
		['city', pub(CITY), true],
		['city', pub(UNIT_A), true], // the city office over the unit
		['unit', pub(UNIT_A), true],
		['unit', pub(CITY), false], // reads the city's news for everyone, but did not publish it
		['unitB', pub(UNIT_A), false], // another unit's office
		['leader', pub(CITY, 'leaders'), false], // in the audience, not the office
		['teacher', pub(UNIT_A, 'staff'), false],
		['parent', pub(CITY, 'parents'), false],
		['mentor', pub(CITY), false]
	])('%s corrects and withdraws %j: %s', (w, r, expected) => {
		expect(can(P[w], 'update', 'publication', r)).toBe(expected);
		expect(can(P[w], 'delete', 'publication', r)).toBe(expected);
	});

	it('for every principal and path, correcting and withdrawing go with publishing', () => {
		for (const w of Object.keys(P) as Who[])
			for (const path of [CITY, UNIT_A, SCHOOL1, SCHOOL2]) {
				const publishes = can(P[w], 'create', 'publication', { path });
				expect([w, path, can(P[w], 'update', 'publication', pub(path))]).toEqual([w, path, publishes]);
				expect([w, path, can(P[w], 'delete', 'publication', pub(path))]).toEqual([w, path, publishes]);
			}
	});
});
