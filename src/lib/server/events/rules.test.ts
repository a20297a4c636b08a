import { describe, expect, it } from 'vitest';
import { audienceAdmits, landing, mayGiveFeedback, registrationClosedReason, reminderDue, toPromote, waitlistPlace, type Seat } from './rules';

const at = (s: string) => new Date(s);

describe('audienceAdmits', () => {
	it.each([
		['learners', 'learner', true],
		['learners', 'guardian', false],
		['parents', 'guardian', true],
		['parents', 'learner', false],
		['staff', 'staff', true],
		['staff', 'learner', false],
		['everyone', 'community', true],
		['everyone', 'learner', true]
	] as const)('%s admits %s: %s', (audience, kind, ok) => expect(audienceAdmits(audience, kind)).toBe(ok));
});

describe('registrationClosedReason', () => {
	const e = { startsAt: at('2026-12-10T01:00:00Z'), registrationOpensAt: at('2026-12-01T00:00:00Z'), registrationClosesAt: at('2026-12-08T00:00:00Z'), cancelledAt: null };
	it('is not open before it opens', () => expect(registrationClosedReason(e, at('2026-11-30T23:59:59Z'))).toBe('not_open'));
	it('is open between opening and closing', () => expect(registrationClosedReason(e, at('2026-12-05T00:00:00Z'))).toBeNull());
	it('closes at the closing time', () => expect(registrationClosedReason(e, at('2026-12-08T00:00:00Z'))).toBe('closed'));
	it('without a closing time, closes when the event starts', () => {
		const open = { ...e, registrationOpensAt: null, registrationClosesAt: null };
		expect(registrationClosedReason(open, at('2026-12-10T00:59:59Z'))).toBeNull();
		expect(registrationClosedReason(open, at('2026-12-10T01:00:00Z'))).toBe('closed');
	});
	it('a closing time after the start still closes at the start', () => expect(registrationClosedReason({ ...e, registrationClosesAt: at('2026-12-11T00:00:00Z') }, at('2026-12-10T02:00:00Z'))).toBe('closed'));
	it('a cancelled event takes no registrations', () => expect(registrationClosedReason({ ...e, cancelledAt: at('2026-12-02T00:00:00Z') }, at('2026-12-05T00:00:00Z'))).toBe('cancelled'));
});

describe('landing and the waitlist', () => {
	it('confirms while places remain, then waitlists', () => {
		expect(landing(2, 0)).toBe('confirmed');
		expect(landing(2, 1)).toBe('confirmed');
		expect(landing(2, 2)).toBe('waitlisted');
	});
	it('an unlimited event confirms everyone', () => expect(landing(null, 10_000)).toBe('confirmed'));

	const seats: Seat[] = [
		{ personId: 'a', status: 'confirmed', position: 1 },
		{ personId: 'b', status: 'cancelled', position: 2 },
		{ personId: 'd', status: 'waitlisted', position: 5 },
		{ personId: 'c', status: 'waitlisted', position: 4 },
		{ personId: 'e', status: 'waitlisted', position: 6 }
	];
	it('promotes the earliest waitlisted into each free place', () => {
		expect(toPromote(2, seats)).toEqual(['c']);
		expect(toPromote(3, seats)).toEqual(['c', 'd']);
		expect(toPromote(1, seats)).toEqual([]);
		expect(toPromote(null, seats)).toEqual(['c', 'd', 'e']);
	});
	it('numbers the waitlist from 1 in registration order', () => {
		expect(waitlistPlace(seats, 'c')).toBe(1);
		expect(waitlistPlace(seats, 'd')).toBe(2);
		expect(waitlistPlace(seats, 'a')).toBeNull();
	});
});

describe('feedback and reminders', () => {
	const e = { startsAt: at('2026-12-10T01:00:00Z'), cancelledAt: null };
	it('feedback only from those who attended, once the event has begun', () => {
		expect(mayGiveFeedback(e, true, at('2026-12-10T01:00:00Z'))).toBe(true);
		expect(mayGiveFeedback(e, true, at('2026-12-10T00:59:00Z'))).toBe(false);
		expect(mayGiveFeedback(e, false, at('2026-12-11T00:00:00Z'))).toBe(false);
		expect(mayGiveFeedback(e, null, at('2026-12-11T00:00:00Z'))).toBe(false);
	});
	it('a reminder is due from 24 hours before until the start', () => {
		expect(reminderDue(e, at('2026-12-09T00:59:59Z'))).toBe(false);
		expect(reminderDue(e, at('2026-12-09T01:00:00Z'))).toBe(true);
		expect(reminderDue(e, at('2026-12-10T00:59:59Z'))).toBe(true);
		expect(reminderDue(e, at('2026-12-10T01:00:00Z'))).toBe(false);
		expect(reminderDue({ ...e, cancelledAt: at('2026-12-01T00:00:00Z') }, at('2026-12-09T12:00:00Z'))).toBe(false);
	});
});
