import { describe, expect, it } from 'vitest';
import { defaultTerm2Start } from './service';

describe('school year terms', () => {
	it.each([
		['2026-09-05', '2027-05-31', '2027-01-17'],
		['2025-09-01', '2026-05-31', '2026-01-15']
	])('term 2 of %s → %s starts mid-year on %s by default', (start, end, term2) => {
		expect(defaultTerm2Start(start, end)).toBe(term2);
	});
});
