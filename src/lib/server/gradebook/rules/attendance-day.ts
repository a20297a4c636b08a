/**
 * Taking the register (điểm danh) for one day (pure): which days may be recorded, and which
 * changes the family hears about. Totals and the promotion count are in ./attendance.
 */
import type { AttendanceStatus, TermRange } from './attendance';

export const ATTENDANCE_STATUSES = ['present', 'excused', 'unexcused', 'late'] as const satisfies readonly AttendanceStatus[];

export const isAttendanceStatus = (s: unknown): s is AttendanceStatus => typeof s === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(s);

export { todayInVietnam } from '../../../format';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The term a date falls in (ends inclusive), or null between terms and outside the year. */
export function termOfDate(on: string, terms: readonly TermRange[]): TermRange['term'] | null {
	// ISO dates compare correctly as strings.
	return terms.find((t) => on >= t.startsOn && on <= t.endsOn)?.term ?? null;
}

export type AttendanceDateIssue = 'date_invalid' | 'date_future' | 'date_outside_terms';

/**
 * Why a day may not be recorded, or null when it may: a real date, not after today (the register
 * records what happened), inside one of the school year's terms.
 */
export function attendanceDateIssue(on: string, today: string, terms: readonly TermRange[]): AttendanceDateIssue | null {
	if (!isIsoDate(on)) return 'date_invalid';
	if (on > today) return 'date_future';
	if (termOfDate(on, terms) === null) return 'date_outside_terms';
	return null;
}

/**
 * Whether the family is told about a saved status: a new absence (excused or not) or late arrival,
 * not a day marked present, and not the same status saved again.
 */
export function isNewAbsenceOrLate(before: AttendanceStatus | undefined, after: AttendanceStatus): boolean {
	return after !== 'present' && before !== after;
}
