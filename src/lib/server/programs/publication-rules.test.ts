import { describe, expect, it } from 'vitest';
import { levelsReach, mayBePublic, type PublicationKind } from './publication-rules';

describe('levels reached', () => {
	it.each<[string[], string[], boolean]>([
		[[], [], true],
		[[], ['primary'], true],
		[['primary'], ['primary'], true],
		[['primary', 'lower_secondary'], ['lower_secondary'], true],
		[['primary'], ['upper_secondary'], false],
		[['primary'], [], false]
	])('limit %j, person %j → %s', (limit, levels, expected) => expect(levelsReach(limit, levels)).toBe(expected));
});

describe('what may be public', () => {
	it.each<[PublicationKind, boolean]>([
		['news', true],
		['value', true],
		['announcement', false],
		['guidance', false]
	])('%s → %s', (k, expected) => expect(mayBePublic(k)).toBe(expected));
});
