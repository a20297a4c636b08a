import { describe, expect, it } from 'vitest';
import { calendarText } from './ical';

const item = {
	uid: 'event-1@sen',
	title: 'Ngày trải nghiệm Làng gốm Bát Tràng; học sinh, phụ huynh và thầy cô giáo trường THCS Bình Yên',
	description: 'Mang theo: nước, mũ.\nTập trung lúc 7:00',
	location: 'Làng gốm Bát Tràng',
	startsAt: new Date('2026-12-05T01:00:00Z'),
	endsAt: new Date('2026-12-05T09:30:00Z'),
	url: 'https://sen.example/events/1'
};

describe('calendarText (RFC 5545)', () => {
	const text = calendarText('Sen', [item, { ...item, uid: 'meeting-2@sen', title: 'Họp phụ huynh 6A1', cancelled: true }], new Date('2026-12-01T03:04:05Z'));
	const lines = text.split('\r\n');

	it('is a VCALENDAR of CRLF lines with one VEVENT per item', () => {
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines.at(-1) === 'END:VCALENDAR' || lines.at(-2) === 'END:VCALENDAR').toBe(true);
	});

	it('writes UTC times with Z, a UID and a DTSTAMP', () => {
		expect(lines).toContain('DTSTART:20261205T010000Z');
		expect(lines).toContain('DTEND:20261205T093000Z');
		expect(lines).toContain('DTSTAMP:20261201T030405Z');
		expect(lines).toContain('UID:event-1@sen');
		expect(lines).toContain('UID:meeting-2@sen');
		expect(lines).toContain('STATUS:CANCELLED');
	});

	it('folds lines at 75 octets (UTF-8) and escapes commas, semicolons and newlines', () => {
		for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
		const unfolded = text.replace(/\r\n[ \t]/g, '');
		expect(unfolded).toContain('SUMMARY:Ngày trải nghiệm Làng gốm Bát Tràng\\; học sinh\\, phụ huynh và thầy cô giáo trường THCS Bình Yên');
		expect(unfolded).toContain('DESCRIPTION:Mang theo: nước\\, mũ.\\nTập trung lúc 7:00');
	});
});
