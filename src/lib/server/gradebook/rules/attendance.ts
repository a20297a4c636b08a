/**
 * Attendance (điểm danh) totals from daily records, and the absence count used by promotion.
 * One record per learner per school day of the 1-session/day plan.
 */

export type AttendanceStatus = 'present' | 'late' | 'excused' | 'unexcused';

export interface AttendanceRecord {
	/** ISO date, YYYY-MM-DD. */
	on: string;
	status: AttendanceStatus;
}

export interface AttendanceTotals {
	present: number;
	late: number;
	excused: number;
	unexcused: number;
	/** Days recorded. */
	days: number;
}

export interface TermRange {
	term: 1 | 2;
	/** ISO dates, both inclusive. */
	startsOn: string;
	endsOn: string;
}

export function attendanceTotals(records: readonly AttendanceRecord[]): AttendanceTotals {
	const totals: AttendanceTotals = { present: 0, late: 0, excused: 0, unexcused: 0, days: 0 };
	for (const r of records) {
		totals[r.status]++;
		totals.days++;
	}
	return totals;
}

/** Totals per term; records outside both terms (e.g. summer) are not counted. */
export function attendanceTotalsByTerm(records: readonly AttendanceRecord[], terms: readonly TermRange[]): Record<1 | 2, AttendanceTotals> {
	// ISO dates compare correctly as strings.
	const inTerm = (t: TermRange | undefined) => (t ? records.filter((r) => r.on >= t.startsOn && r.on <= t.endsOn) : []);
	return {
		1: attendanceTotals(inTerm(terms.find((t) => t.term === 1))),
		2: attendanceTotals(inTerm(terms.find((t) => t.term === 2)))
	};
}

/** A late arrival is attendance, not absence. */
export function attendedDays(t: AttendanceTotals): number {
	return t.present + t.late;
}

/**
 * Sessions (buổi) of absence for promotion: excused and unexcused together, counted on a
 * 1-session/day plan. TT22/2021 Điều 12–14 (the 45-session limit). Sum the terms' totals for the
 * year.
 */
export function promotionAbsenceCount(...totals: AttendanceTotals[]): number {
	return totals.reduce((n, t) => n + t.excused + t.unexcused, 0);
}
