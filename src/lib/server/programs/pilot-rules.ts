/**
 * Pure rules of the pilot models (mô hình thí điểm) of the city program (Quyết định 4906/QĐ-UBND,
 * Chương trình 1217/CTr-ĐHTĐHN): the ecosystem's four components, the program's two phases, a
 * milestone's status (late is computed, never stored) and a site's progress.
 */
export const PILOT_LEVELS = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as const;
export type PilotLevel = (typeof PILOT_LEVELS)[number];

/** The four components of the learning ecosystem: people, content, technology, learning context. */
export const PILOT_COMPONENTS = ['people', 'content', 'technology', 'context'] as const;
export type PilotComponent = (typeof PILOT_COMPONENTS)[number];

export const PILOT_MODEL_STATUSES = ['draft', 'piloting', 'completed'] as const;
export type PilotModelStatus = (typeof PILOT_MODEL_STATUSES)[number];

/** Thử nghiệm mô hình lý thuyết (Sept–Dec 2024, Ba Đình), then thử nghiệm thực tế (2024–2025, Ba Đình and Thạch Thất). */
export const PILOT_PHASES = ['theory', 'practice'] as const;
export type PilotPhase = (typeof PILOT_PHASES)[number];
/** The program's own dates for each phase: a new site starts with them. */
export const PROGRAM_PHASE_DATES: Record<PilotPhase, { startsOn: string; endsOn: string }> = {
	theory: { startsOn: '2024-09-01', endsOn: '2024-12-31' },
	practice: { startsOn: '2024-09-01', endsOn: '2025-05-31' }
};

/** What is stored; `late` is derived. */
export const STORED_MILESTONE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type StoredMilestoneStatus = (typeof STORED_MILESTONE_STATUSES)[number];
export const MILESTONE_STATUSES = [...STORED_MILESTONE_STATUSES, 'late'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * A milestone not done whose due date (an ISO date, Vietnam's calendar) is before today is late;
 * on the due day itself it is not yet late. Done is done, however late it was finished.
 */
export function milestoneStatus(stored: StoredMilestoneStatus, dueOn: string, today: string): MilestoneStatus {
	if (stored === 'done') return 'done';
	return dueOn < today ? 'late' : stored;
}

export interface Progress {
	done: number;
	total: number;
	/** Whole percent, rounded down (so 100 only when every milestone is done); null with no milestones. */
	percent: number | null;
}

/** A site's progress: done milestones over all of them. */
export function siteProgress(statuses: readonly (StoredMilestoneStatus | MilestoneStatus)[]): Progress {
	const total = statuses.length;
	const done = statuses.filter((s) => s === 'done').length;
	return { done, total, percent: total ? Math.floor((done * 100) / total) : null };
}

/** A phase's end is not before its start. */
export const phaseDatesValid = (startsOn: string, endsOn: string) => endsOn >= startsOn;

/** Only https links are kept as evidence (no javascript:, no plain http). */
export function isHttpsUrl(s: string): boolean {
	try {
		return new URL(s).protocol === 'https:';
	} catch {
		return false;
	}
}

/** How many days ahead the school's leaders are reminded of a milestone coming due. */
export const REMINDER_DAYS = 7;

/** Due within the next REMINDER_DAYS days (today included) and not done: time to remind. */
export function milestoneReminderDue(stored: StoredMilestoneStatus, dueOn: string, today: string): boolean {
	if (stored === 'done') return false;
	const last = new Date(Date.parse(today + 'T00:00:00Z') + REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
	return dueOn >= today && dueOn <= last;
}
