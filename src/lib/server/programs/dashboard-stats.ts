/**
 * The `dashboard-stats` periodic job: recomputes the dashboards' pre-aggregated rows
 * (dashboard-schema.ts) with set-based SQL — one statement for the days, one for the score bands —
 * so a city dashboard reads one row per school instead of millions of enrolments, activity days
 * and grade entries.
 *
 * Using Sen: a day's row counts the distinct people of each kind who used Sen (signed in, or were
 * served a request with a session or an API token) in the 7 days ending that day, and the
 * distinct accounts in the 30 days, from `account_activity_days` (auth/activity.ts, one row per
 * account and day in Vietnam, carrying the person's kind and school of that day — so no join to
 * accounts or persons here). The source is exact and its rows within a window never go away (they
 * are pruned after 400 days), so a recomputation simply overwrites the counts: a sign-out or an
 * expired session changes nothing, and the `greatest(old, new)` that kept session-based counts
 * from going down is gone. People belong to a school by the school carried on the row: learners,
 * staff (teachers and other staff) and parents (a guardian's record carries their child's school).
 *
 * Idempotent: running it twice with the same data writes the same rows (upsert on the day; the
 * bands of the current year are deleted and rewritten in one transaction).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { todayInVietnam } from '../../format';

const DAY_MS = 86_400_000;
/** ISO date `days` after (or before) an ISO date. */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The school year each school is in on `day`: the one containing it, else the latest begun, else its first. */
const currentYears = (day: string) => sql`
	select distinct on (school_id) id, school_id, name from school_years
	order by school_id, (starts_on <= ${day}::date and ends_on >= ${day}::date) desc, (starts_on <= ${day}::date) desc, starts_on desc`;

/** Recomputes the daily rows of the `days` days ending today (in Vietnam) for every school. */
export async function refreshDailyStats(db: Executor, now: Date, days = 2): Promise<number> {
	const to = todayInVietnam(now);
	const from = addDays(to, -(days - 1));
	const result = await db.execute(sql`
		with days as (select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') d),
		cur_year as (${currentYears(to)}),
		learners as (select e.school_id, count(*)::int n from enrolments e join cur_year y on y.id = e.school_year_id group by 1),
		people as (
			select school_id, count(*) filter (where kind = 'staff')::int teachers, count(*) filter (where kind = 'guardian')::int parents
			from persons where school_id is not null group by 1),
		accts as (select p.school_id, count(*)::int n from accounts a join persons p on p.id = a.person_id where p.school_id is not null group by 1),
		cls as (
			select c.school_id, count(*)::int n,
				count(*) filter (where exists (select 1 from grade_columns gc join grade_entries ge on ge.column_id = gc.id where gc.class_id = c.id))::int graded
			from classes c join cur_year y on y.id = c.school_year_id group by 1),
		active as (
			select school_id, kind, account_id, day from account_activity_days
			where school_id is not null and day >= ${from}::date - 29 and day <= ${to}::date),
		act as (
			select d.day, a.school_id,
				count(distinct a.account_id) filter (where a.kind = 'learner' and a.day >= d.day - 6)::int learners7,
				count(distinct a.account_id) filter (where a.kind = 'guardian' and a.day >= d.day - 6)::int parents7,
				count(distinct a.account_id) filter (where a.kind = 'staff' and a.day >= d.day - 6)::int teachers7,
				count(distinct a.account_id)::int accounts30
			from days d join active a on a.day >= d.day - 29 and a.day <= d.day
			group by 1, 2)
		insert into school_daily_stats (school_id, day, org_unit_id, path, learners, teachers, parents, accounts,
			active_learners_7d, active_parents_7d, active_teachers_7d, active_accounts_30d, classes, classes_with_grades, refreshed_at)
		select s.id, d.day, s.org_unit_id, s.path, coalesce(l.n, 0), coalesce(pp.teachers, 0), coalesce(pp.parents, 0), coalesce(ac.n, 0),
			coalesce(a.learners7, 0), coalesce(a.parents7, 0), coalesce(a.teachers7, 0), coalesce(a.accounts30, 0), coalesce(c.n, 0), coalesce(c.graded, 0), ${now.toISOString()}::timestamptz
		from schools s cross join days d
		left join learners l on l.school_id = s.id
		left join people pp on pp.school_id = s.id
		left join accts ac on ac.school_id = s.id
		left join cls c on c.school_id = s.id
		left join act a on a.school_id = s.id and a.day = d.day
		on conflict (school_id, day) do update set
			org_unit_id = excluded.org_unit_id, path = excluded.path, learners = excluded.learners, teachers = excluded.teachers,
			parents = excluded.parents, accounts = excluded.accounts,
			active_learners_7d = excluded.active_learners_7d, active_parents_7d = excluded.active_parents_7d,
			active_teachers_7d = excluded.active_teachers_7d, active_accounts_30d = excluded.active_accounts_30d,
			classes = excluded.classes, classes_with_grades = excluded.classes_with_grades, refreshed_at = excluded.refreshed_at`);
	return rowCount(result);
}

/**
 * Recomputes the score bands of the current school year: every learner's term average of each
 * scored subject (ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (number of ĐĐGtx + 5), rounded half up
 * to tenths, TT22/2021 Điều 9 — the same arithmetic as gradebook's `termAverageOf`) wherever at
 * least one regular score, the midterm and the endterm are entered, counted per band of
 * gradebook/summaries.ts. Missed assessments are not resolved here (a cell without a score is not
 * counted), so an average waiting for a make-up test is left out rather than guessed.
 */
export async function refreshResultStats(db: Executor, now: Date): Promise<number> {
	const today = todayInVietnam(now);
	return db.transaction(async (tx) => {
		await tx.execute(sql`
			delete from school_result_stats r using (${currentYears(today)}) y
			where r.school_id = y.school_id and r.school_year = y.name`);
		const result = await tx.execute(sql`
			with cur_year as (${currentYears(today)}),
			cells as (
				select gc.school_id, gc.subject_id, gc.class_id, gc.term, ge.learner_id, y.name school_year,
					sum(ge.score_tenths) filter (where gc.kind = 'regular') reg_sum,
					count(*) filter (where gc.kind = 'regular') reg_n,
					max(ge.score_tenths) filter (where gc.kind = 'midterm') mid,
					max(ge.score_tenths) filter (where gc.kind = 'endterm') fin
				from grade_columns gc
				join classes c on c.id = gc.class_id
				join cur_year y on y.id = c.school_year_id
				join grade_entries ge on ge.column_id = gc.id
				where gc.value_type = 'score' and gc.kind in ('regular', 'midterm', 'endterm') and ge.score_tenths is not null
				group by 1, 2, 3, 4, 5, 6),
			averages as (
				select school_id, school_year, term, (2 * (reg_sum + 2 * mid + 3 * fin) + (reg_n + 5)) / (2 * (reg_n + 5)) tenths
				from cells where reg_n > 0 and mid is not null and fin is not null)
			insert into school_result_stats (school_id, school_year, term, band, org_unit_id, path, averages, refreshed_at)
			select a.school_id, a.school_year, a.term,
				case when tenths >= 80 then 'ge80' when tenths >= 65 then '65to80' when tenths >= 50 then '50to65' when tenths >= 35 then '35to50' else 'lt35' end band,
				s.org_unit_id, s.path, count(*)::int, ${now.toISOString()}::timestamptz
			from averages a join schools s on s.id = a.school_id
			group by 1, 2, 3, 4, 5, 6
			-- Another process's run may have written the same rows meanwhile (every Sen process runs the jobs).
			on conflict (school_id, school_year, term, band) do update set
				org_unit_id = excluded.org_unit_id, path = excluded.path, averages = excluded.averages, refreshed_at = excluded.refreshed_at`);
		return rowCount(result);
	});
}

/** The periodic job: today's and yesterday's rows, and the current year's score bands. */
export async function refreshDashboardStats(db: Executor, now: Date, days = 2): Promise<{ days: number; bands: number }> {
	return { days: await refreshDailyStats(db, now, days), bands: await refreshResultStats(db, now) };
}

function rowCount(result: unknown): number {
	const r = result as { rowCount?: number | null; affectedRows?: number };
	return Number(r.rowCount ?? r.affectedRows ?? 0);
}
