/**
 * The policy's "Budget" paragraph: only the program office (the city officer at the city) reads
 * and writes the budget; a unit officer, a school leader or a teacher may not even read it.
 */
import { describe, expect, it } from 'vitest';
import { can, mayEver, type Action } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (personId: string, grants: Grant[]): Principal => ({ personId, accountId: 'a-' + personId, username: personId, displayName: personId, grants, childIds: [], via: 'session' });

const P = {
	city: who('city', [grant('city_officer', 'city', CITY)]),
	unit: who('unit', [grant('unit_officer', 'org_unit', '/city/unitA/')]),
	leader: who('leader', [grant('school_leader', 'school', '/city/unitA/school1/')]),
	teacher: who('teacher', [grant('teacher', 'school', '/city/unitA/school1/')]),
	otherCity: who('other', [grant('city_officer', 'city', '/other/')])
};
const ACTIONS: Action[] = ['read', 'create', 'update', 'delete'];

describe('budget policy', () => {
	it.each<[keyof typeof P, boolean]>([
		['city', true],
		['unit', false],
		['leader', false],
		['teacher', false],
		['otherCity', false]
	])('%s → %s for every action on the city’s budget', (name, allowed) => {
		for (const a of ACTIONS) expect(can(P[name], a, 'budget', { path: CITY }), a).toBe(allowed);
	});
	it('shows the hub entry only to those who may ever read it', () => {
		expect(mayEver(P.city, 'read', 'budget')).toBe(true);
		expect(mayEver(P.unit, 'read', 'budget')).toBe(false);
		expect(mayEver(P.leader, 'read', 'budget')).toBe(false);
	});
});
