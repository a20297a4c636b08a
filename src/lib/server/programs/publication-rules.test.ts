import { describe, expect, it } from 'vitest';
import { mayBePublic, type PublicationKind } from './publication-rules';

describe('what may be public', () => {
	it.each<[PublicationKind, boolean]>([
		['news', true],
		['value', true],
		['announcement', false],
		['guidance', false]
	])('%s → %s', (k, expected) => expect(mayBePublic(k)).toBe(expected));
});
