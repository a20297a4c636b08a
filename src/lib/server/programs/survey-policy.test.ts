/**
 * The central policy's survey rules on a small tree /city/ → /city/unitA/ → /city/unitA/school1/
 * and /city/unitB/school2/, with hand-made principals and no database.
 */
import { describe, expect, it } from 'vitest';
import { can, type Action, type Kind } from '../auth/policy';
import type { Grant, Principal, Role, ScopeType } from '../auth/principal';

const CITY = '/city/';
const UNIT_A = '/city/unitA/';
const SCHOOL1 = '/city/unitA/school1/';
const SCHOOL2 = '/city/unitB/school2/';

const grant = (role: Role, scopeType: ScopeType, scopePath: string): Grant => ({ role, scopeType, scopeId: 'x', scopePath, schoolId: null });
const who = (id: string, grants: Grant[]): Principal => ({ personId: id, accountId: 'a-' + id, username: id, displayName: id, grants, childIds: [], via: 'session' });
const P = {
	city: who('city', [grant('city_officer', 'city', CITY)]),
	unit: who('unit', [grant('unit_officer', 'org_unit', UNIT_A)]),
	leader: who('leader', [grant('school_leader', 'school', SCHOOL1)]),
	teacher: who('teacher', [grant('teacher', 'school', SCHOOL1)])
};

describe('surveys in the central policy', () => {
	const cases: [keyof typeof P, Action, Kind, string, boolean][] = [
		['city', 'create', 'survey', CITY, true],
		['unit', 'create', 'survey', UNIT_A, true],
		['unit', 'create', 'survey', CITY, false],
		['unit', 'read', 'survey', CITY, false],
		['city', 'update', 'survey', UNIT_A, true],
		['leader', 'read', 'survey', CITY, false],
		['teacher', 'read', 'survey', UNIT_A, false],
		['unit', 'read', 'survey_response', SCHOOL1, true],
		['unit', 'read', 'survey_response', SCHOOL2, false],
		['unit', 'update', 'survey_response', SCHOOL1, false],
		['city', 'read', 'survey_response', SCHOOL2, true],
		['leader', 'update', 'survey_response', SCHOOL1, true],
		['leader', 'read', 'survey_response', SCHOOL2, false],
		['teacher', 'read', 'survey_response', SCHOOL1, false]
	];
	it.each(cases)('%s %s %s at %s → %s', (p, action, kind, path, allowed) => expect(can(P[p], action, kind, { path })).toBe(allowed));
});
