import { describe, expect, it } from 'vitest';
import { decodeReportCursor, encodeReportCursor, type ReportCursor } from './report-inputs';

const path = '/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/';
const raw = (t: unknown[]) => Buffer.from(JSON.stringify(t)).toString('base64url');

describe('the reports list’s cursor', () => {
	it('decodes what it encodes', () => {
		const c: ReportCursor = { rank: 1, from: '2026-11-30T17:00:00.000Z', template: 'monthly', path };
		expect(decodeReportCursor(encodeReportCursor(c))).toEqual(c);
	});
	// Anything else is null (a 400 with the list's message), never a value the query cannot take.
	it.each([
		['not base64 JSON', 'not-a-cursor'],
		['a year 0000 (no such timestamptz)', raw([0, '0000-01-01T00:00:00Z', 'monthly', path])],
		['a date that does not exist', raw([0, '2026-02-30T00:00:00Z', 'monthly', path])],
		['an unknown template', raw([0, '2026-11-30T17:00:00Z', 'weekly', path])],
		['a path that is no org path', raw([0, '2026-11-30T17:00:00Z', 'monthly', "/x' or 1=1/"])],
		['a rank other than 0 or 1', raw([2, '2026-11-30T17:00:00Z', 'monthly', path])]
	])('refuses %s', (_what, s) => expect(decodeReportCursor(s)).toBeNull());
});
