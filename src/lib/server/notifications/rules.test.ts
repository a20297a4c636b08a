import { describe, expect, it } from 'vitest';
import { digestDue, digestSlot, isTimeZone, localMinutes, parseTimeOfDay, quietUntil } from './rules';

const HCM = 'Asia/Ho_Chi_Minh'; // UTC+7, no daylight saving
const at = (iso: string) => new Date(iso);
const night = { start: '21:00', end: '06:30', timeZone: HCM };

describe('times of day', () => {
	it.each([
		['00:00', 0],
		['06:30', 390],
		['23:59', 1439],
		['24:00', null],
		['6:30', null],
		['12:60', null],
		['', null]
	])('%s → %s', (s, expected) => expect(parseTimeOfDay(s)).toBe(expected));

	it('reads the local time in Vietnam', () => expect(localMinutes(at('2026-12-01T14:05:30Z'), HCM)).toBe(21 * 60 + 5));
	it('knows real time zones only', () => {
		expect(isTimeZone(HCM)).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});
});

describe('quiet hours 21:00–06:30 in Hanoi', () => {
	it.each([
		['20:59 local: outside', '2026-12-01T13:59:00Z', null],
		['21:00 local: held until 06:30 next morning', '2026-12-01T14:00:00Z', '2026-12-01T23:30:00.000Z'],
		['23:15 local: held until 06:30', '2026-12-01T16:15:20Z', '2026-12-01T23:30:00.000Z'],
		['02:00 local (after midnight): held until 06:30 the same morning', '2026-12-01T19:00:00Z', '2026-12-01T23:30:00.000Z'],
		['06:29 local: held one minute', '2026-12-01T23:29:00Z', '2026-12-01T23:30:00.000Z'],
		['06:30 local: outside', '2026-12-01T23:30:00Z', null],
		['noon: outside', '2026-12-02T05:00:00Z', null]
	])('%s', (_name, now, expected) => expect(quietUntil(at(now), night)?.toISOString() ?? null).toBe(expected));

	it('supports a window within one day (12:00–13:30)', () => {
		const lunch = { start: '12:00', end: '13:30', timeZone: HCM };
		expect(quietUntil(at('2026-12-01T05:10:00Z'), lunch)?.toISOString()).toBe('2026-12-01T06:30:00.000Z');
		expect(quietUntil(at('2026-12-01T06:30:00Z'), lunch)).toBeNull();
		expect(quietUntil(at('2026-12-01T04:59:00Z'), lunch)).toBeNull();
	});

	it('has none when not set or start equals end', () => {
		expect(quietUntil(at('2026-12-01T15:00:00Z'), null)).toBeNull();
		expect(quietUntil(at('2026-12-01T15:00:00Z'), { start: '21:00', end: '21:00', timeZone: HCM })).toBeNull();
	});
});

describe('the daily digest at 18:00 Hanoi time', () => {
	it('slot is today 18:00 local after it, yesterday’s before it', () => {
		expect(digestSlot(at('2026-12-01T11:30:00Z'), 18, HCM).toISOString()).toBe('2026-12-01T11:00:00.000Z'); // 18:30 local
		expect(digestSlot(at('2026-12-01T10:59:00Z'), 18, HCM).toISOString()).toBe('2026-11-30T11:00:00.000Z'); // 17:59 local
	});
	it('is due once per slot, for what waited since before it', () => {
		const now = at('2026-12-01T11:30:00Z'); // 18:30 local
		const waiting = at('2026-12-01T09:00:00Z'); // 16:00 local
		expect(digestDue(now, 18, HCM, null, waiting)).toBe(true);
		expect(digestDue(now, 18, HCM, at('2026-11-30T11:00:00Z'), waiting)).toBe(true);
		expect(digestDue(now, 18, HCM, at('2026-12-01T11:00:00Z'), waiting)).toBe(false); // sent at 18:00 already
		expect(digestDue(at('2026-12-02T11:00:00Z'), 18, HCM, at('2026-12-01T11:00:00Z'), at('2026-12-01T12:00:00Z'))).toBe(true);
	});
	it('waits for the next slot when everything came in after the last one', () => {
		// 17:00 local with yesterday's slot never used: what came in at 16:00 goes at 18:00, not now.
		expect(digestDue(at('2026-12-01T10:00:00Z'), 18, HCM, null, at('2026-12-01T09:00:00Z'))).toBe(false);
		// Came in at 19:00 after today's digest: not before tomorrow's.
		expect(digestDue(at('2026-12-01T13:00:00Z'), 18, HCM, at('2026-12-01T11:00:00Z'), at('2026-12-01T12:00:00Z'))).toBe(false);
	});
});
