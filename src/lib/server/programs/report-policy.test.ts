/**
 * Who reads, writes and receives periodic reports, on a small tree
 *   /city/ → /city/unitA/ → /city/unitA/school1/, /city/unitB/school2/, and /city/school3/ (under the city directly).
 */
import { describe, expect, it } from 'vitest';
import { can, ownsReport, receivesReport } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT_A = '/city/unitA/';
const SCHOOL1 = '/city/unitA/school1/';
const SCHOOL2 = '/city/unitB/school2/';
const SCHOOL3 = '/city/school3/';
const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (grants: Grant[]): Principal => ({ personId: 'p', accountId: 'a', username: 'u', displayName: 'u', grants, childIds: [], via: 'session' });
const P = {
	city: who([grant('city_officer', 'city', CITY)]),
	unit: who([grant('unit_officer', 'org_unit', UNIT_A)]),
	leader: who([grant('school_leader', 'school', SCHOOL1)]),
	leader3: who([grant('school_leader', 'school', SCHOOL3)]),
	teacher: who([grant('teacher', 'school', SCHOOL1)]),
	admin: who([grant('system_admin', 'city', CITY)])
};
const R = {
	school1: { path: SCHOOL1, level: 'school' as const },
	school2: { path: SCHOOL2, level: 'school' as const },
	school3: { path: SCHOOL3, level: 'school' as const },
	unitA: { path: UNIT_A, level: 'unit' as const },
	city: { path: CITY, level: 'city' as const }
};

describe('program report policy', () => {
	const reads: [keyof typeof P, keyof typeof R, boolean][] = [
		['leader', 'school1', true],
		['leader', 'school2', false],
		['leader', 'unitA', false],
		['unit', 'school1', true],
		['unit', 'unitA', true],
		['unit', 'school2', false],
		['unit', 'city', false],
		['city', 'school2', true],
		['city', 'city', true],
		['teacher', 'school1', false]
	];
	it.each(reads)('%s reads %s: %s', (p, r, expected) => expect(can(P[p], 'read', 'program_report', R[r])).toBe(expected));

	const owns: [keyof typeof P, keyof typeof R, boolean][] = [
		['leader', 'school1', true],
		['leader', 'school2', false],
		['unit', 'unitA', true],
		['unit', 'school1', false],
		['city', 'city', true],
		['city', 'unitA', false],
		['city', 'school1', false],
		['teacher', 'school1', false],
		['admin', 'school1', false]
	];
	it.each(owns)('%s owns %s: %s', (p, r, expected) => expect(ownsReport(P[p], R[r])).toBe(expected));

	const receives: [keyof typeof P, keyof typeof R, boolean][] = [
		['unit', 'school1', true],
		['unit', 'school2', false],
		['unit', 'unitA', false],
		['city', 'unitA', true],
		['city', 'school3', true],
		['city', 'school1', false],
		['city', 'city', false],
		['leader', 'school1', false],
		['leader3', 'school3', false],
		['admin', 'unitA', false]
	];
	it.each(receives)('%s receives %s: %s', (p, r, expected) => expect(receivesReport(P[p], R[r])).toBe(expected));

	it('nobody without a principal', () => {
		expect(ownsReport(null, R.school1)).toBe(false);
		expect(receivesReport(null, R.school1)).toBe(false);
	});
});
