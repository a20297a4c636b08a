import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('date formatting', () => {
	it('shows a calendar date as dd/mm/yyyy without shifting it by a time zone', () => {
		expect(formatDate('2014-03-09')).toBe('09/03/2014');
		expect(formatDate(null)).toBe('');
	});

	it('shows a moment in Vietnam time, seven hours ahead of UTC, even across midnight', () => {
		expect(formatDateTime('2026-11-24T17:30:00Z')).toBe('25/11/2026 00:30');
		expect(formatDateTime(new Date('2026-01-01T02:05:00Z'))).toBe('01/01/2026 09:05');
		expect(formatDate(new Date('2026-11-24T17:30:00Z'))).toBe('25/11/2026');
	});
});
