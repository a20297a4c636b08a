/**
 * The pure rules of events and meetings: who an audience admits, whether registration is open,
 * how a registration lands (confirmed or on the waitlist) and who is promoted when a place frees
 * up, when feedback may be given, and which events are due a reminder.
 */
export const EVENT_KINDS = ['seminar', 'talk', 'experience_day', 'fair', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_AUDIENCES = ['learners', 'parents', 'staff', 'everyone'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const MEETING_FOR_KINDS = ['class', 'parent_group', 'club', 'training', 'staff', 'other'] as const;
export type MeetingForKind = (typeof MEETING_FOR_KINDS)[number];
export const MEETING_RESPONSES = ['accepted', 'declined'] as const;
export type MeetingResponse = (typeof MEETING_RESPONSES)[number];

/** Meetings whose invitees come from a class: its learners, or their parents. */
export const CLASS_MEETINGS: readonly MeetingForKind[] = ['class', 'parent_group'];

type PersonKind = 'learner' | 'staff' | 'guardian' | 'community';

/** May a person of this kind take part in an event for this audience? (A learner-only event has no place for adults.) */
export function audienceAdmits(audience: EventAudience, kind: PersonKind): boolean {
	if (audience === 'everyone') return true;
	return { learners: kind === 'learner', parents: kind === 'guardian', staff: kind === 'staff' }[audience];
}

export interface RegistrationWindow {
	startsAt: Date;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	cancelledAt: Date | null;
}

/** Why one may not register now, or null when one may. Registration closes when the event starts unless it closes earlier. */
export function registrationClosedReason(e: RegistrationWindow, now: Date): 'cancelled' | 'not_open' | 'closed' | null {
	if (e.cancelledAt) return 'cancelled';
	if (e.registrationOpensAt && now < e.registrationOpensAt) return 'not_open';
	const closes = e.registrationClosesAt && e.registrationClosesAt < e.startsAt ? e.registrationClosesAt : e.startsAt;
	if (now >= closes) return 'closed';
	return null;
}

/** A new registration is confirmed while places remain (or there is no limit), else waitlisted. */
export function landing(capacity: number | null, confirmed: number): 'confirmed' | 'waitlisted' {
	return capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted';
}

export interface Seat {
	personId: string;
	status: RegistrationStatus;
	position: number;
}

/** Who moves from the waitlist to confirmed: the earliest waitlisted, as many as places are free. */
export function toPromote(capacity: number | null, seats: readonly Seat[]): string[] {
	const confirmed = seats.filter((s) => s.status === 'confirmed').length;
	const waiting = seats.filter((s) => s.status === 'waitlisted').sort((a, b) => a.position - b.position);
	const free = capacity === null ? waiting.length : Math.max(0, capacity - confirmed);
	return waiting.slice(0, free).map((s) => s.personId);
}

/** A waitlisted registration's place in the queue (1 = next), or null if not waitlisted. */
export function waitlistPlace(seats: readonly Seat[], personId: string): number | null {
	return waitlistPlaces(seats).get(personId) ?? null;
}

/** Every waitlisted person's place (1 = next in line), computed once for a whole list. */
export function waitlistPlaces(seats: readonly Seat[]): Map<string, number> {
	const waiting = seats.filter((s) => s.status === 'waitlisted').sort((a, b) => a.position - b.position);
	return new Map(waiting.map((s, i) => [s.personId, i + 1]));
}

/** Feedback is for those who attended, once the event has begun. */
export function mayGiveFeedback(e: { startsAt: Date; cancelledAt: Date | null }, attended: boolean | null, now: Date): boolean {
	return !e.cancelledAt && attended === true && now >= e.startsAt;
}

export const REMINDER_HOURS = 24;

/** An event is due its reminder from 24 hours before it starts until it starts. */
export function reminderDue(e: { startsAt: Date; cancelledAt: Date | null }, now: Date): boolean {
	const ms = e.startsAt.getTime() - now.getTime();
	return !e.cancelledAt && ms > 0 && ms <= REMINDER_HOURS * 3600_000;
}

/** An event or meeting ends after it starts. */
export const endsAfterStart = (startsAt: Date, endsAt: Date) => endsAt > startsAt;
