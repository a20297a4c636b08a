import { describe, expect, it } from 'vitest';
import { engagementMayMove, listedToSchools, memberSearchKey, pathCovers, roleForKind, vetterMayMove, vettingProblems } from './rules';

describe('vetting a network member', () => {
	const base = { identityChecked: true, backgroundCheck: 'done' as const, backgroundCheckedOn: '2026-11-20', codeOfConductConfirmed: true, decision: 'vetted' as const };
	it.each([
		['a complete record', base, true, {}],
		['identity not checked', { ...base, identityChecked: false }, true, { identityChecked: 'identity' }],
		['code of conduct not confirmed by the vetter', { ...base, codeOfConductConfirmed: false }, true, { codeOfConductConfirmed: 'code' }],
		['code of conduct never agreed by the member', base, false, { codeOfConductConfirmed: 'code' }],
		['background check done without its date', { ...base, backgroundCheckedOn: null }, true, { backgroundCheckedOn: 'date' }],
		['background check not done (recorded, allowed)', { ...base, backgroundCheck: 'not_done' as const, backgroundCheckedOn: null }, true, {}],
		['a rejection with nothing checked', { ...base, identityChecked: false, codeOfConductConfirmed: false, decision: 'rejected' as const }, false, {}]
	])('%s', (_name, v, agreed, problems) => expect(vettingProblems(v, agreed)).toEqual(problems));

	it.each([
		['pending', 'vetted', true],
		['pending', 'rejected', true],
		['vetted', 'suspended', true],
		['suspended', 'vetted', true],
		['rejected', 'vetted', true],
		['vetted', 'vetted', false],
		['pending', 'suspended', false],
		['rejected', 'suspended', false]
	] as const)('%s → %s: %s', (from, to, ok) => expect(vetterMayMove(from, to)).toBe(ok));

	it('grants the role of the kind', () => {
		expect([roleForKind('mentor'), roleForKind('alumnus'), roleForKind('business'), roleForKind('partner_org')]).toEqual(['mentor', 'alumnus', 'partner_contact', 'partner_contact']);
	});
});

describe('what schools see', () => {
	it('only vetted members who consent to be contacted', () => {
		expect(listedToSchools({ status: 'vetted', consentContact: true })).toBe(true);
		expect(listedToSchools({ status: 'vetted', consentContact: false })).toBe(false);
		expect(listedToSchools({ status: 'pending', consentContact: true })).toBe(false);
		expect(listedToSchools({ status: 'suspended', consentContact: true })).toBe(false);
	});
	it('searches without diacritics', () => {
		expect(memberSearchKey('Đỗ Thị Hằng', { organisation: 'Gốm Bát Tràng', title: '', bio: '', areas: 'mỹ thuật' })).toBe('do thi hang gom bat trang my thuat');
	});
	it('a member registered at the city or the school’s unit covers the school; one of another school does not', () => {
		expect(pathCovers('/city/', '/city/unit/school/')).toBe(true);
		expect(pathCovers('/city/unit/', '/city/unit/school/class/')).toBe(true);
		expect(pathCovers('/city/unit/other/', '/city/unit/school/')).toBe(false);
	});
});

describe('an engagement', () => {
	it.each([
		['member', 'requested', 'accepted', true],
		['member', 'requested', 'declined', true],
		['member', 'accepted', 'done', false],
		['school', 'requested', 'accepted', false],
		['school', 'accepted', 'done', true],
		['school', 'requested', 'done', false],
		['school', 'requested', 'cancelled', true],
		['school', 'done', 'cancelled', false]
	] as const)('%s moves %s → %s: %s', (actor, from, to, ok) => expect(engagementMayMove(actor, from, to)).toBe(ok));
});
