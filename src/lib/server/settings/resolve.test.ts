/**
 * Inheritance on a small tree: /city/ → /city/unit/ → /city/unit/school/ (and /city/school2/,
 * a school the department manages directly, as upper-secondary schools are since 2025).
 */
import { describe, expect, it } from 'vitest';
import { ancestorPaths, resolveSetting, type StoredValue } from './resolve';
import { registry } from './registry';

const CITY = '/city/';
const UNIT = '/city/unit/';
const SCHOOL = '/city/unit/school/';
const DIRECT = '/city/school2/';
const visibility = registry['gradebook.scoreVisibility'];

describe('ancestorPaths', () => {
	it.each([
		[SCHOOL, [CITY, UNIT, SCHOOL]],
		[CITY, [CITY]],
		['/', []]
	])('%s → %j', (path, expected) => expect(ancestorPaths(path)).toEqual(expected));
});

describe('resolveSetting', () => {
	type Row = [set: Record<string, unknown>, at: string, value: unknown, from: string | null, own: unknown];
	const rows: Row[] = [
		[{}, SCHOOL, 'immediate', null, null],
		[{ [CITY]: 'after_publish' }, SCHOOL, 'after_publish', CITY, null],
		[{ [CITY]: 'after_publish', [UNIT]: 'immediate' }, SCHOOL, 'immediate', UNIT, null],
		[{ [CITY]: 'immediate', [UNIT]: 'immediate', [SCHOOL]: 'after_publish' }, SCHOOL, 'after_publish', SCHOOL, 'after_publish'],
		[{ [UNIT]: 'after_publish' }, DIRECT, 'immediate', null, null],
		[{ [CITY]: 'after_publish' }, DIRECT, 'after_publish', CITY, null],
		[{ [CITY]: 'after_publish' }, CITY, 'after_publish', CITY, 'after_publish'],
		// A sibling whose path starts with the same characters is no ancestor.
		[{ '/city/unit/school10/': 'after_publish' }, SCHOOL, 'immediate', null, null]
	];
	it.each(rows)('with %j set, %s gets %s from %s', (set, at, value, from, own) => {
		const stored: StoredValue[] = Object.entries(set).map(([scopePath, v]) => ({ scopePath, value: v }));
		const r = resolveSetting(visibility, at, stored);
		expect(r.value).toBe(value);
		expect(r.from).toBe(from);
		expect(r.own).toBe(own);
	});

	it('tells what a reset would give: the nearest ancestor, else the default', () => {
		const stored = [
			{ scopePath: CITY, value: 'after_publish' },
			{ scopePath: SCHOOL, value: 'immediate' }
		];
		expect(resolveSetting(visibility, SCHOOL, stored).inherited).toEqual({ value: 'after_publish', from: CITY });
		expect(resolveSetting(visibility, CITY, stored).inherited).toEqual({ value: 'immediate', from: null });
	});

	it('skips a stored value the registry no longer accepts, as if it were unset', () => {
		const count = registry['gradebook.regularCountCommentSubjects'];
		expect(resolveSetting(count, SCHOOL, [{ scopePath: UNIT, value: 3 }, { scopePath: SCHOOL, value: 9 }])).toMatchObject({ value: 3, from: UNIT, own: null });
		expect(resolveSetting(visibility, SCHOOL, [{ scopePath: SCHOOL, value: 'sometimes' }])).toMatchObject({ value: 'immediate', from: null, own: null });
	});

	it('resolves object values whole, never merging fields across levels', () => {
		const r = resolveSetting(registry['messaging.quietHours'], SCHOOL, [
			{ scopePath: CITY, value: { start: '22:00', end: '06:00' } },
			{ scopePath: SCHOOL, value: { start: '20:30', end: '07:00' } }
		]);
		expect(r.value).toEqual({ start: '20:30', end: '07:00' });
		expect(r.inherited.value).toEqual({ start: '22:00', end: '06:00' });
	});
});
