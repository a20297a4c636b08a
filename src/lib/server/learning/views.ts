/**
 * Read models and form parsing for the lesson-plan pages (/lesson-plans…). Everything goes through
 * the learning and organisations services, so a page sees exactly what the API would show.
 */
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { mayEver } from '../auth/policy';
import { getSchool, listSchoolYears, listSubjects } from '../organisations/service';
import { compareVietnameseNames, splitFullName } from '../people/names';
import { capacitiesOf, listLessonPlans, type LessonPlanFilter } from './service';
import { learnerOverview } from './elearning';
import { emptyContent, type LessonPlanContent } from './content';
import { LESSON_PLAN_STATUSES, possibleActions, type LessonPlanStatus } from './workflow';
import { isUuid } from '../organisations/views';

/** The schools where the principal works as staff (teacher, group head, leader). */
export function staffSchoolIds(p: Principal): string[] {
	const staff = new Set(['teacher', 'homeroom_teacher', 'subject_group_head', 'school_leader', 'counsellor']);
	return [...new Set(p.grants.filter((g) => staff.has(g.role) && g.schoolId).map((g) => g.schoolId!))];
}

/** The filters of the list, read from the query string; anything malformed is ignored. */
export function planFilterOf(params: URLSearchParams): LessonPlanFilter {
	const f: LessonPlanFilter = {};
	const id = (k: string) => (isUuid(params.get(k)) ? params.get(k)! : undefined);
	const int = (k: string, min: number, max: number) => {
		const n = Number(params.get(k));
		return params.get(k) && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
	};
	f.schoolYearId = id('schoolYearId');
	f.subjectId = id('subjectId');
	f.authorId = id('authorId');
	f.week = int('week', 1, 60);
	f.grade = int('grade', 0, 12);
	const status = params.get('status');
	if (LESSON_PLAN_STATUSES.includes(status as LessonPlanStatus)) f.status = status as LessonPlanStatus;
	return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as LessonPlanFilter;
}

/**
 * The list page: each staff school with its years and subjects (for the new-plan form and the
 * filters), the plans the caller may read, and the authors among them.
 */
export async function lessonPlansPage(db: Executor, p: Principal, filter: LessonPlanFilter, today = new Date().toISOString().slice(0, 10)) {
	const schools = [];
	for (const schoolId of staffSchoolIds(p)) {
		const [school, years, { subjects }] = await Promise.all([getSchool(db, p, schoolId), listSchoolYears(db, p, schoolId), listSubjects(db, p, schoolId)]);
		const current = years.filter((y) => y.startsOn <= today).at(-1) ?? years[0];
		schools.push({
			id: school.id,
			name: school.name,
			currentYearId: current?.id ?? null,
			years: years.map((y) => ({ id: y.id, name: y.name })),
			subjects: subjects.map((s) => ({ id: s.id, name: s.name }))
		});
	}
	// The current year of the first school unless another was asked for.
	const schoolYearId = filter.schoolYearId ?? schools[0]?.currentYearId ?? undefined;
	const plans = await listLessonPlans(db, p, { ...filter, schoolYearId });
	const authors = new Map(plans.map((r) => [r.authorId, r.authorName]));
	return {
		schools,
		filter: { ...filter, schoolYearId },
		plans,
		authors: [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => compareVietnameseNames(splitFullName(a.name), splitFullName(b.name))),
		canCreate: mayEver(p, 'create', 'lesson_plan')
	};
}

const CONTENT_FIELDS = {
	objectives: ['knowledge', 'competencies', 'qualities'] as const,
	activity: ['title', 'goal', 'content', 'product', 'organisation'] as const
};

/** The plan's body from the form's fields (`content.objectives.knowledge`, `content.activities.2.product`, …). */
export function contentFromForm(values: Record<string, string | undefined>): LessonPlanContent {
	const c = emptyContent();
	const v = (k: string) => values[k] ?? '';
	for (const k of CONTENT_FIELDS.objectives) c.objectives[k] = v(`content.objectives.${k}`);
	c.materials = v('content.materials');
	c.activities.forEach((a, i) => {
		for (const k of CONTENT_FIELDS.activity) a[k] = v(`content.activities.${i}.${k}`);
	});
	return c;
}

const numberOr = (s: string | undefined, fallback: number | null) => (s === undefined ? fallback : Number(s));

/** The form's header fields as the service's input (numbers as numbers, blanks as null). */
export function planFieldsFromForm(values: Record<string, string | undefined>) {
	return {
		title: values.title ?? '',
		grade: numberOr(values.grade, NaN),
		week: numberOr(values.week, null),
		teachingDate: values.teachingDate ?? null,
		periods: numberOr(values.periods, 1),
		shared: values.shared === 'on' || values.shared === 'true'
	};
}

/**
 * The home page's tasks from teaching and learning: plans waiting for the caller's review (group
 * head, leader), the caller's plans returned for changes, and for a learner the lessons to do next.
 */
export async function learningTasks(db: Executor, p: Principal) {
	const tasks: { toReview: number; returned: number; next: { lessonId: string; title: string }[] } = { toReview: 0, returned: 0, next: [] };
	if (mayEver(p, 'update', 'lesson_plan')) {
		const plans = await listLessonPlans(db, p, {});
		for (const plan of plans) {
			const caps = capacitiesOf(p, plan);
			if (plan.authorId === p.personId && plan.status === 'returned') tasks.returned++;
			else if (possibleActions(plan.status, caps).some((a) => a !== 'submit')) tasks.toReview++;
		}
	}
	if (p.grants.some((g) => g.role === 'learner')) {
		const overview = await learnerOverview(db, p, p.personId).catch(() => null);
		tasks.next = (overview?.suggestions ?? []).slice(0, 3).map((s) => ({ lessonId: s.lessonId, title: s.title }));
	}
	return tasks;
}
