import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike, underPattern } from './like';

describe('LIKE patterns', () => {
	it.each([
		['/a/b/', '/a/b/'],
		['50%', '50\\%'],
		['a_b', 'a\\_b'],
		['back\\slash', 'back\\\\slash']
	])('escapes %s as %s', (value, escaped) => expect(escapeLike(value)).toBe(escaped));

	it('matches an org path and the paths below it', () => expect(underPattern('/hn/unit_1/')).toBe('/hn/unit\\_1/%'));

	it('matches a value anywhere, its wildcards taken literally', () => expect(containsPattern('10%_off')).toBe('%10\\%\\_off%'));
});
