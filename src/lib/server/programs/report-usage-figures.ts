/**
 * The report figures on data Sen already holds: use of Sen, gradebook coverage, engagement of
 * parents and the community, and fair participation. Every figure is one SQL aggregate over the
 * scope's org path (prefix) and the period [from, to).
 *
 * What the words mean here:
 * - a person "used Sen" during the period when their account has a day in it in
 *   `account_activity_days` (auth/activity.ts: they signed in, or were served a page or an API
 *   call with a session or a token, that day in Vietnam's time) — exact, whether they signed out
 *   since or stayed signed in for weeks. The period's days are those from `from` to `to` in
 *   Vietnam (periods begin at midnight there). A school person is counted under the school carried
 *   on the day's row (its path), anyone else (officers, the community) under their own path;
 * - a school "uses Sen" in a period when at least one person of the school (its staff, learners,
 *   parents) used Sen during it;
 * - learners enrolled: distinct learners enrolled in a class of a school year that overlaps the period;
 * - gradebook coverage: the share of teaching assignments (class × subject, of a school year that
 *   overlaps the period) whose grid has at least one entered value (a score or a level) in any term;
 * - an engaged parent: a guardian with an account who, in the period, used Sen, read a
 *   notification, or read a class announcement (their read pointer moved in the period);
 * - community: network engagements requested in the period, club memberships approved and
 *   current at the period's end, event registrations made in the period (not cancelled);
 * - fair participation: there is no fair module yet, so the value is null ("chưa có dữ liệu"), never 0.
 */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/client';
import type { Figure, FigureScope, FigureSource } from './figures';
import { underPattern } from '../db/like';

const under = underPattern;
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

async function one(db: Executor, q: ReturnType<typeof sql>): Promise<Record<string, number>> {
	const [r] = await rows<Record<string, string | number>>(db, q);
	return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
}

// The period's first day and the day after its last, in Vietnam.
const firstDay = (s: FigureScope) => sql`(${s.from.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date`;
const endDay = (s: FigureScope) => sql`(${s.to.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * The activity days of the period of people under the path: a school person's by the school on
 * the row (schools are few, so this is a hash join), anyone else's by their person's path.
 */
const activeUnder = (s: FigureScope) => sql`
	select d.account_id, d.kind, d.school_id from account_activity_days d join schools sc on sc.id = d.school_id
	where sc.path like ${under(s.path)} and d.day >= ${firstDay(s)} and d.day < ${endDay(s)}
	union all
	select d.account_id, d.kind, null from account_activity_days d join accounts a on a.id = d.account_id join persons p on p.id = a.person_id
	where d.school_id is null and p.path like ${under(s.path)} and d.day >= ${firstDay(s)} and d.day < ${endDay(s)}`;

export const usageFigures: FigureSource = async (db, s) => {
	const r = await one(
		db,
		sql`with act as (${activeUnder(s)})
		select
			(select count(*) from schools sc where sc.path like ${under(s.path)}) as schools,
			(select count(distinct school_id) from act) as schools_active,
			(select count(distinct e.learner_id) from enrolments e join schools sc on sc.id = e.school_id join school_years y on y.id = e.school_year_id
				where sc.path like ${under(s.path)} and y.starts_on < ${endDay(s)} and y.ends_on >= ${firstDay(s)}) as learners,
			(select count(distinct account_id) from act where kind = 'learner') as learners_active,
			(select count(distinct account_id) from act where kind = 'guardian') as parents_active,
			(select count(distinct account_id) from act where kind = 'staff') as staff_active`
	);
	const f = (key: string, vi: string, en: string, value: number | null, unit: Figure['unit'] = 'count'): Figure => ({ key: `usage.${key}`, group: 'usage', label: { vi, en }, value, unit });
	return [
		f('schools', 'Số trường trong phạm vi', 'Schools in scope', r.schools),
		f('schools_active', 'Số trường sử dụng Sen trong kỳ (có người sử dụng)', 'Schools using Sen in the period (someone used it)', r.schools_active),
		f('schools_active_percent', 'Tỷ lệ trường sử dụng Sen', 'Share of schools using Sen', pct(r.schools_active, r.schools), 'percent'),
		f('learners', 'Số học sinh đang học', 'Learners enrolled', r.learners),
		f('learners_active', 'Số học sinh sử dụng Sen trong kỳ', 'Learners who used Sen in the period', r.learners_active),
		f('parents_active', 'Số phụ huynh sử dụng Sen trong kỳ', 'Parents who used Sen in the period', r.parents_active),
		f('staff_active', 'Số cán bộ, giáo viên sử dụng Sen trong kỳ', 'Staff who used Sen in the period', r.staff_active)
	];
};

export const gradebookFigures: FigureSource = async (db, s) => {
	const r = await one(
		db,
		sql`select count(*) as assignments,
			count(*) filter (where exists (select 1 from grade_columns gc join grade_entries ge on ge.column_id = gc.id
				where gc.class_id = ta.class_id and gc.subject_id = ta.subject_id and (ge.score_tenths is not null or ge.level is not null))) as with_scores
			from teaching_assignments ta join school_years y on y.id = ta.school_year_id
			where ta.path like ${under(s.path)} and y.starts_on < (${s.to.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date and y.ends_on >= (${s.from.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date`
	);
	return [
		{ key: 'gradebook.assignments', group: 'gradebook', label: { vi: 'Số phân công giảng dạy (lớp × môn)', en: 'Teaching assignments (class × subject)' }, value: r.assignments, unit: 'count' },
		{ key: 'gradebook.assignments_with_scores', group: 'gradebook', label: { vi: 'Số phân công đã nhập điểm', en: 'Assignments with entered scores' }, value: r.with_scores, unit: 'count' },
		{ key: 'gradebook.coverage', group: 'gradebook', label: { vi: 'Tỷ lệ sổ điểm điện tử đã có điểm', en: 'Gradebook coverage' }, value: pct(r.with_scores, r.assignments), unit: 'percent' }
	];
};

export const engagementFigures: FigureSource = async (db, s) => {
	const r = await one(
		db,
		sql`select count(*) as parents_with_account,
			count(*) filter (where
				used.account_id is not null
				or exists (select 1 from notifications n where n.person_id = p.id and n.read_at >= ${s.from.toISOString()}::timestamptz and n.read_at < ${s.to.toISOString()}::timestamptz)
				or exists (select 1 from conversation_members cm where cm.person_id = p.id and cm.last_read_at >= ${s.from.toISOString()}::timestamptz and cm.last_read_at < ${s.to.toISOString()}::timestamptz)
			) as parents_engaged,
			(select count(*) from network_engagements ne where ne.path like ${under(s.path)} and ne.created_at >= ${s.from.toISOString()}::timestamptz and ne.created_at < ${s.to.toISOString()}::timestamptz) as network,
			(select count(*) from club_members cm join clubs c on c.id = cm.club_id where c.path like ${under(s.path)} and cm.status = 'approved' and cm.requested_at < ${s.to.toISOString()}::timestamptz) as club_members,
			(select count(*) from event_registrations er join events ev on ev.id = er.event_id where ev.path like ${under(s.path)} and er.status <> 'cancelled' and er.registered_at >= ${s.from.toISOString()}::timestamptz and er.registered_at < ${s.to.toISOString()}::timestamptz) as event_registrations
			from persons p join accounts a on a.person_id = p.id
			-- A join, not an exists: the key of the activity days leads with the day, not the account.
			left join (select distinct account_id from account_activity_days where kind = 'guardian' and day >= ${firstDay(s)} and day < ${endDay(s)}) used on used.account_id = a.id
			where p.kind = 'guardian' and p.path like ${under(s.path)}`
	);
	const f = (key: string, vi: string, en: string, value: number | null, unit: Figure['unit'] = 'count'): Figure => ({ key: `engagement.${key}`, group: 'engagement', label: { vi, en }, value, unit });
	return [
		f('parents_with_account', 'Số phụ huynh có tài khoản', 'Parents with an account', r.parents_with_account),
		f('parents_engaged', 'Số phụ huynh tương tác trong kỳ (sử dụng Sen, đọc thông báo)', 'Parents engaged in the period (used Sen, read a notice)', r.parents_engaged),
		f('parents_engaged_percent', 'Tỷ lệ phụ huynh tương tác', 'Share of parents engaged', pct(r.parents_engaged, r.parents_with_account), 'percent'),
		f('network_engagements', 'Số lượt kết nối mạng lưới cộng đồng trong kỳ', 'Community network engagements in the period', r.network),
		f('club_members', 'Số thành viên câu lạc bộ', 'Club memberships', r.club_members),
		f('event_registrations', 'Số lượt đăng ký sự kiện trong kỳ', 'Event registrations in the period', r.event_registrations)
	];
};

/** No fair module yet: shown as "chưa có dữ liệu", never as 0. */
export const fairFigures: FigureSource = async () => [
	{ key: 'fair.participants', group: 'fair', label: { vi: 'Số lượt tham gia ngày hội', en: 'Fair participation' }, value: null, unit: 'count' }
];
