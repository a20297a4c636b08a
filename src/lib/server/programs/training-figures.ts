/**
 * The training figures of a report or dashboard (group 'training'), SQL aggregates over the
 * scope's org path and the period: per target group the trainees enrolled (enrolled_at in the
 * period) and completed (completed_at in the period) whose own path lies in the scope, against
 * the program's targets for the period's year; the core-teacher share; sessions held (started in
 * the period, before now) of courses organised in or above the scope with a trainee from it;
 * the feedback average (mean of usefulness and applicability, 1–5).
 *
 * Core teacher (giáo viên cốt cán): a trainee of a course for the core_teachers group who holds a
 * teacher-like role (teacher, homeroom teacher, subject-group head). The share counts one set of
 * people: the staff holding such a role whose current school (their own path) lies in the scope;
 * of them, those who completed a core-teacher course in the period, in percent — so at most 100 %.
 */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/client';
import type { Figure, FigureScope, FigureSource } from './figures';
import { coreTeacherShare, TARGET_GROUPS, type TargetGroup, type TargetKey } from './training-rules';
import { targetsAt } from './training-service';
import { underPattern } from '../db/like';

const LABELS: Record<TargetGroup, { vi: string; en: string }> = {
	managers: { vi: 'Cán bộ quản lý', en: 'Managers' },
	core_teachers: { vi: 'Giáo viên cốt cán', en: 'Core teachers' },
	pedagogy_management: { vi: 'Sinh viên sư phạm ngành quản lý', en: 'Pedagogy students in management' },
	pedagogy_students: { vi: 'Sinh viên sư phạm', en: 'Pedagogy students' },
	school_staff: { vi: 'Nhân viên trường học', en: 'School staff' },
	parents: { vi: 'Cha mẹ học sinh', en: 'Parents' },
	learners: { vi: 'Học sinh', en: 'Learners' }
};
const TEACHER_ROLES = sql`('teacher', 'homeroom_teacher', 'subject_group_head')`;
const like = underPattern;

const vietnamYear = (d: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(d));

export const trainingFigures: FigureSource = async (db: Executor, scope: FigureScope): Promise<Figure[]> => {
	const prefix = like(scope.path);
	const from = sql`${scope.from.toISOString()}::timestamptz`;
	const to = sql`${scope.to.toISOString()}::timestamptz`;
	const groups = await rows<{ target_group: TargetGroup; enrolled: number; completed: number }>(db, sql`
		select c.target_group,
			count(*) filter (where e.enrolled_at >= ${from} and e.enrolled_at < ${to})::int as enrolled,
			count(*) filter (where e.completed_at >= ${from} and e.completed_at < ${to})::int as completed
		from training_enrolments e join training_courses c on c.id = e.course_id
		where e.path like ${prefix}
		group by c.target_group`);
	// One set of people for both sides of the share: the teachers whose current school lies in the
	// scope, and of them those who completed a core-teacher course in the period, wherever they were
	// enrolled (a teacher trained at one school who moved to another counts at the new one only).
	const [core] = await rows<{ done: number; teachers: number }>(db, sql`
		select
			count(*) filter (where exists (select 1 from training_enrolments e join training_courses c on c.id = e.course_id
				where e.person_id = t.id and c.target_group = 'core_teachers' and e.completed_at >= ${from} and e.completed_at < ${to}))::int as done,
			count(*)::int as teachers
		from (select distinct pe.id from role_grants g join persons pe on pe.id = g.person_id
			where g.role in ${TEACHER_ROLES} and pe.kind = 'staff' and pe.path like ${prefix}) t`);
	const now = new Date();
	const until = sql`${(scope.to < now ? scope.to : now).toISOString()}::timestamptz`;
	const [held] = await rows<{ n: number }>(db, sql`
		select count(*)::int as n from training_sessions s
		where s.starts_at >= ${from} and s.starts_at < ${until}
			and exists (select 1 from training_enrolments e where e.course_id = s.course_id and e.path like ${prefix})`);
	const [fb] = await rows<{ avg: number | null; n: number }>(db, sql`
		select round(avg((f.usefulness + f.applicability) / 2.0), 2)::float8 as avg, count(*)::int as n from training_feedback f
		where f.path like ${prefix} and f.created_at >= ${from} and f.created_at < ${to}`);
	const targets = await targetsAt(db, scope.path, vietnamYear(scope.from));
	const byGroup = new Map(groups.map((r) => [r.target_group, r]));
	const out: Figure[] = [];
	for (const g of TARGET_GROUPS) {
		const r = byGroup.get(g);
		const target = g in targets ? targets[g as TargetKey] : null;
		out.push({ key: `training.${g}.enrolled`, group: 'training', label: { vi: `${LABELS[g].vi}: ghi danh`, en: `${LABELS[g].en}: enrolled` }, value: Number(r?.enrolled ?? 0), unit: 'count' });
		out.push({ key: `training.${g}.completed`, group: 'training', label: { vi: `${LABELS[g].vi}: hoàn thành`, en: `${LABELS[g].en}: completed` }, value: Number(r?.completed ?? 0), unit: 'count', target });
	}
	out.push({
		key: 'training.core_teacher_share',
		group: 'training',
		label: { vi: 'Tỉ lệ giáo viên cốt cán hoàn thành bồi dưỡng', en: 'Share of teachers trained as core teachers' },
		value: coreTeacherShare(Number(core?.done ?? 0), Number(core?.teachers ?? 0)),
		unit: 'percent',
		target: targets.core_teacher_share
	});
	out.push({ key: 'training.sessions_held', group: 'training', label: { vi: 'Buổi bồi dưỡng đã tổ chức', en: 'Training sessions held' }, value: Number(held?.n ?? 0), unit: 'count' });
	out.push({ key: 'training.feedback_average', group: 'training', label: { vi: 'Đánh giá trung bình của học viên (1–5)', en: 'Average trainee feedback (1–5)' }, value: Number(fb?.n ?? 0) ? Number(fb!.avg) : null, unit: 'index' });
	return out;
};

/** The period of a program year in Vietnam's time: [1 Jan, 1 Jan next). */
export function programYearPeriod(year: number): { from: Date; to: Date } {
	return { from: new Date(Date.UTC(year - 1, 11, 31, 17)), to: new Date(Date.UTC(year, 11, 31, 17)) };
}
