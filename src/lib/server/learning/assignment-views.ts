/**
 * What the assignment pages need besides the service: the class subjects a teacher may set work
 * for (their teaching assignments), and form fields turned into the API's input shapes. Times in
 * forms are Vietnam's (datetime-local, Asia/Ho_Chi_Minh = UTC+7, no daylight saving).
 */
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { mayEver } from '../auth/policy';
import { listAssignments as listTeaching } from '../gradebook/service';

/** The caller's own teaching assignments: where they may set an assignment. */
export async function teachingOptions(db: Executor, p: Principal) {
	if (!mayEver(p, 'create', 'assignment') || !mayEver(p, 'read', 'teaching_assignment')) return [];
	const rows = await listTeaching(db, p, { teacherId: p.personId });
	return rows.map((r) => ({ classId: r.classId, subjectId: r.subjectId, label: `${r.className} · ${r.subjectName}` }));
}

/** "2026-11-02T17:00" typed in Vietnam → an ISO moment; anything else is left for zod to refuse. */
export function vietnamMoment(v: string | undefined): string | undefined {
	if (!v) return undefined;
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? new Date(`${v}:00+07:00`).toISOString() : v;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v.replace(',', '.')));

export const RUBRIC_ROWS = 4;

/** The create form: class+subject as one choice, Vietnam times, up to RUBRIC_ROWS criteria. */
export function assignmentFromForm(v: Record<string, string | undefined>) {
	const [classId, subjectId] = (v.target ?? '').split(':');
	const rubric = [];
	for (let i = 0; i < RUBRIC_ROWS; i++) {
		const title = v[`rubric.${i}.title`];
		const points = v[`rubric.${i}.points`];
		if (title || points) rubric.push({ title: title ?? '', points: num(points) });
	}
	return { classId, subjectId, title: v.title, instructions: v.instructions ?? '', opensAt: vietnamMoment(v.opensAt), dueAt: vietnamMoment(v.dueAt), maxScore: num(v.maxScore), rubric };
}

/** The grading form of one learner: a score, or points per criterion (`rubric.<key>`). */
export function gradeFromForm(v: Record<string, string | undefined>, criteria: { key: string }[]) {
	if (criteria.length) return { rubric: Object.fromEntries(criteria.filter((c) => v[`rubric.${c.key}`] !== undefined).map((c) => [c.key, num(v[`rubric.${c.key}`])])), comment: v.comment ?? '' };
	return { score: num(v.score), comment: v.comment ?? '' };
}
