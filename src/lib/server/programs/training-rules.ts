/**
 * The pure rules of training (bồi dưỡng, tập huấn): target groups, completion, quotas per school,
 * the program's targets and the core-teacher share, who may give feedback, and when a session is
 * due its reminder.
 */
export const TARGET_GROUPS = ['managers', 'core_teachers', 'pedagogy_management', 'pedagogy_students', 'school_staff', 'parents', 'learners'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
/** Courses for these groups are online materials read along the path (no enrolment, no quota). */
export const ONLINE_GROUPS: readonly TargetGroup[] = ['parents', 'learners'];
export const COURSE_AUDIENCES = ['staff', 'learners', 'parents', 'everyone'] as const;
export type CourseAudience = (typeof COURSE_AUDIENCES)[number];
export const COURSE_STATUSES = ['planned', 'open', 'in_progress', 'finished', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** Whom a course is for follows from its target group: families read parents'/learners' materials, staff the rest. */
export function audienceFor(group: TargetGroup): CourseAudience {
	return group === 'parents' ? 'parents' : group === 'learners' ? 'learners' : 'staff';
}

/** The share of sessions a trainee must attend to complete a course, unless the course says otherwise. */
export const DEFAULT_REQUIRED_SHARE = 0.8;

export interface CompletionInput {
	/** Sessions of the course (held or planned: a course is complete only once all its sessions are counted). */
	sessions: number;
	/** Sessions the trainee was marked present at. */
	attended: number;
	/** 0…1, e.g. 0.8 = 80 % of the sessions. */
	requiredShare: number;
	/** Null when the course has no post-assessment pass mark. */
	passMark: number | null;
	postScore: number | null;
}

/**
 * Completion (hoàn thành khóa bồi dưỡng): attended at least the required share of the course's
 * sessions AND, when the course has a pass mark, a post-assessment score at or above it. A course
 * without sessions cannot be completed (its materials are read, not attended).
 */
export function isCompleted(c: CompletionInput): boolean {
	if (c.sessions <= 0) return false;
	// Compared in whole sessions so 0.8 × 5 = 4 needs 4, not 4.000000001.
	const needed = Math.ceil(c.requiredShare * c.sessions - 1e-9);
	if (c.attended < needed) return false;
	if (c.passMark !== null) return c.postScore !== null && c.postScore >= c.passMark;
	return true;
}

/**
 * The quota check for enrolling several people of one school at once: all of them fit or the
 * ones beyond the remaining places are named (all or nothing). `quota` null = the school has no
 * quota on this course (0 places).
 */
export function quotaCheck(quota: number | null, used: number, requested: number): { ok: boolean; remaining: number; over: number } {
	const remaining = Math.max(0, (quota ?? 0) - used);
	const over = Math.max(0, requested - remaining);
	return { ok: over === 0, remaining, over };
}

/** The course-wide capacity (null = unlimited), checked the same way. */
export function capacityCheck(capacity: number | null, used: number, requested: number): { ok: boolean; remaining: number } {
	if (capacity === null) return { ok: true, remaining: Number.POSITIVE_INFINITY };
	const remaining = Math.max(0, capacity - used);
	return { ok: requested <= remaining, remaining };
}

/** The keys of the program's targets, with the demo (program plan) values. */
export const TARGET_KEYS = ['managers', 'core_teachers', 'pedagogy_management', 'pedagogy_students', 'school_staff', 'core_teacher_share'] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];
export const PLAN_TARGETS: Record<TargetKey, number> = { managers: 50, core_teachers: 150, pedagogy_management: 50, pedagogy_students: 150, school_staff: 50, core_teacher_share: 5 };

/**
 * The core-teacher share in percent, one decimal: of the teachers in scope, those who completed a
 * core-teacher course. The numerator is a subset of the denominator (the same people counted
 * twice), so the share is at most 100 %; a numerator above it is a counting error and throws
 * rather than being clamped. Null when the scope has no teachers (shown as "—", never 0 %).
 */
export function coreTeacherShare(completedCoreTeachers: number, allTeachers: number): number | null {
	if (completedCoreTeachers < 0 || completedCoreTeachers > allTeachers) throw new RangeError(`core-teacher share: ${completedCoreTeachers} trained is not a part of ${allTeachers} teachers`);
	if (allTeachers <= 0) return null;
	return Math.round((completedCoreTeachers / allTeachers) * 1000) / 10;
}

/** How far a count is towards its target, in percent (capped at 100), or null without a target. */
export function progressPercent(value: number | null, target: number | null): number | null {
	if (value === null || !target || target <= 0) return null;
	return Math.min(100, Math.round((value / target) * 100));
}

/**
 * Feedback: a trainee once the course's first session has begun; for online materials (families'
 * courses) anyone who may read the course. One per person and course; given again it replaces the first.
 */
export function mayGiveFeedback(c: { audience: CourseAudience; status: CourseStatus; firstSessionAt: Date | null }, enrolled: boolean, now: Date): boolean {
	if (c.status === 'cancelled') return false;
	if (c.audience === 'learners' || c.audience === 'parents') return true;
	return enrolled && c.firstSessionAt !== null && now >= c.firstSessionAt;
}

export const REMINDER_HOURS = 24;

/** A session is due its reminder from 24 hours before it starts until it starts. */
export function sessionReminderDue(startsAt: Date, now: Date): boolean {
	const ms = startsAt.getTime() - now.getTime();
	return ms > 0 && ms <= REMINDER_HOURS * 3600_000;
}

/** A score on the course's scale: 0 … max, at most one decimal. */
export function scoreProblem(score: number, max: number): 'range' | 'decimals' | null {
	if (score < 0 || score > max) return 'range';
	if (Math.abs(score * 10 - Math.round(score * 10)) > 1e-9) return 'decimals';
	return null;
}
