/**
 * A synthetic city for benchmarks (issue 7: "a city dashboard over 2,748 schools and 2 million
 * learners, synthetic data from a seed command").
 *
 *   DATABASE_URL=postgres://…/sen_bench_dash npm run seed:city      (or PGlite: DATA_DIR=/tmp/city)
 *   SCHOOLS=2748 LEARNERS=2000000 UNITS=126 by default
 *
 * Everything is set-based SQL, `insert … select … from generate_series(…)`, never a row at a time
 * from JavaScript. Ids are derived from numbers (`md5('s' || n)::uuid`), so every table joins to
 * its parents by arithmetic, without lookups. What it makes:
 *   - the department and UNITS wards/communes (org_units); SCHOOLS schools across levels —
 *     upper-secondary ones (8 %) under the department directly, the rest spread over the units;
 *   - a school year 2026-2027 per school with two terms, classes of 35, LEARNERS learners with
 *     their enrolments;
 *   - one staff member per 20 learners, one parent per 4 learners (with a guardianship);
 *   - accounts for every staff member and parent and every 10th learner (an unusable password
 *     hash), and for a third of the accounts a day of use (account_activity_days) every 14 days
 *     over the last 84 days, each account on its own days;
 *   - the scores of one subject (Toán) in the first class of every school: two regular, a midterm
 *     and an endterm column of term 1.
 * Then the dashboards' pre-aggregation (`refreshDashboardStats`) for the last 84 days.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { migrate, openPglite, openPostgres, type Database, type DatabaseHandle } from '#lib/server/db/client';
import { refreshDashboardStats } from '#lib/server/programs/dashboard-stats';

export interface CitySize {
	schools: number;
	learners: number;
	units: number;
}

const CLASS_SIZE = 35;

async function step(name: string, work: () => Promise<unknown>) {
	const t0 = performance.now();
	await work();
	console.log(`  ${name.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
}

/** Seeds an empty, migrated database with the city. */
export async function seedCity(db: Database, size: CitySize, now = new Date()): Promise<void> {
	const { schools: S, learners: L, units: U } = size;
	const T = Math.ceil(L / 20);
	const P = Math.ceil(L / 4);
	const city = sql`md5('city')::uuid`;
	const cityPath = sql`'/' || md5('city')::uuid || '/'`;
	const unitOf = (s: ReturnType<typeof sql>) => sql`(case when ${s} % 100 < 8 then null else ${s} % ${U} end)`;
	console.log(`seeding ${S} schools, ${L} learners, ${U} units, ${T} staff, ${P} parents`);
	await step('org units', () =>
		db.execute(sql`
			insert into org_units (id, parent_id, kind, code, name, path)
			select ${city}, null::uuid, 'department'::org_unit_kind, 'BENCH-HN', 'Sở Giáo dục và Đào tạo (thử tải)', ${cityPath}
			union all
			select md5('u' || u)::uuid, ${city}, 'commune_ward'::org_unit_kind, 'BENCH-U' || u, (case when u % 3 = 0 then 'Xã ' else 'Phường ' end) || 'Số ' || (u + 1), ${cityPath} || md5('u' || u)::uuid || '/'
			from generate_series(0, ${U - 1}) u`)
	);
	await step('schools, years, terms, subjects', async () => {
		await db.execute(sql`
			insert into schools (id, org_unit_id, code, name, level, ownership, setting, path)
			select md5('s' || s)::uuid, coalesce(md5('u' || ${unitOf(sql`s`)})::uuid, ${city}), 'BENCH-' || s,
				(case when s % 100 < 8 then 'Trường THPT ' when s % 100 < 43 then 'Trường Mầm non ' when s % 100 < 73 then 'Trường Tiểu học ' when s % 100 < 95 then 'Trường THCS ' else 'Trường Liên cấp ' end) || 'Số ' || (s + 1),
				(case when s % 100 < 8 then 'upper_secondary' when s % 100 < 43 then 'preschool' when s % 100 < 73 then 'primary' when s % 100 < 95 then 'lower_secondary' else 'multi_level' end)::school_level,
				(case when s % 10 = 0 then 'private' else 'public' end)::school_ownership,
				(case when s % 3 = 0 then 'suburban' else 'urban' end)::school_setting,
				${cityPath} || coalesce(md5('u' || ${unitOf(sql`s`)})::uuid || '/', '') || md5('s' || s)::uuid || '/'
			from generate_series(0, ${S - 1}) s`);
		await db.execute(sql`
			insert into school_years (id, school_id, name, starts_on, ends_on)
			select md5('y' || s)::uuid, md5('s' || s)::uuid, '2026-2027', '2026-09-05', '2027-05-31' from generate_series(0, ${S - 1}) s`);
		await db.execute(sql`
			insert into terms (school_id, school_year_id, number, starts_on, ends_on)
			select md5('s' || s)::uuid, md5('y' || s)::uuid, t, (case when t = 1 then '2026-09-05' else '2027-01-11' end)::date, (case when t = 1 then '2027-01-10' else '2027-05-31' end)::date
			from generate_series(0, ${S - 1}) s, generate_series(1, 2) t`);
		await db.execute(sql`
			insert into subjects (id, school_id, code, name) select md5('sub' || s)::uuid, md5('s' || s)::uuid, 'TOAN', 'Toán' from generate_series(0, ${S - 1}) s`);
	});
	// Learner i is in school i % S, class (i / S) / CLASS_SIZE of it.
	await step('classes', () =>
		db.execute(sql`
			insert into classes (id, school_id, school_year_id, name, grade, path)
			select md5('c' || s || '-' || k)::uuid, sc.id, md5('y' || s)::uuid, 'Lớp ' || (k + 1), 1 + k % 9, sc.path || md5('c' || s || '-' || k)::uuid || '/'
			from generate_series(0, ${Math.min(S, L) - 1}) s
			join schools sc on sc.id = md5('s' || s)::uuid
			cross join lateral generate_series(0, ((${L} - 1 - s) / ${S}) / ${CLASS_SIZE}) k`)
	);
	await step('learners', () =>
		db.execute(sql`
			insert into persons (id, kind, family_name, middle_name, given_name, school_id, path)
			select md5('l' || i)::uuid, 'learner', (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + i % 8], 'Văn', 'Học ' || i, sc.id, sc.path
			from generate_series(0, ${L - 1}) i join schools sc on sc.id = md5('s' || (i % ${S}))::uuid`)
	);
	await step('enrolments', () =>
		db.execute(sql`
			insert into enrolments (school_id, school_year_id, class_id, learner_id)
			select md5('s' || (i % ${S}))::uuid, md5('y' || (i % ${S}))::uuid, md5('c' || (i % ${S}) || '-' || ((i / ${S}) / ${CLASS_SIZE}))::uuid, md5('l' || i)::uuid
			from generate_series(0, ${L - 1}) i`)
	);
	await step('staff and parents, guardianships', async () => {
		await db.execute(sql`
			insert into persons (id, kind, family_name, middle_name, given_name, school_id, path)
			select md5('t' || j)::uuid, 'staff', 'Lê', 'Thị', 'Giáo viên ' || j, sc.id, sc.path
			from generate_series(0, ${T - 1}) j join schools sc on sc.id = md5('s' || (j % ${S}))::uuid`);
		await db.execute(sql`
			insert into persons (id, kind, family_name, middle_name, given_name, school_id, path)
			select md5('g' || j)::uuid, 'guardian', 'Trần', 'Thị', 'Phụ huynh ' || j, sc.id, sc.path
			from generate_series(0, ${P - 1}) j join schools sc on sc.id = md5('s' || (j % ${S}))::uuid`);
		await db.execute(sql`
			insert into guardianships (guardian_id, learner_id, relation) select md5('g' || j)::uuid, md5('l' || j)::uuid, 'mother' from generate_series(0, ${P - 1}) j`);
	});
	await step('accounts and days of use', async () => {
		await db.execute(sql`
			insert into accounts (id, person_id, username, password_hash)
			select md5('a' || k || j)::uuid, md5(k || j)::uuid, 'bench-' || k || j, 'not-a-hash'
			from (select 't' k, j from generate_series(0, ${T - 1}) j
				union all select 'g', j from generate_series(0, ${P - 1}) j
				union all select 'l', j from generate_series(0, ${L - 1}, 10) j) x`);
		await db.execute(sql`
			insert into account_activity_days (day, account_id, kind, school_id)
			select (${now.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date - k, a.id, p.kind, p.school_id
			from accounts a join persons p on p.id = a.person_id cross join generate_series(0, 83) k
			where a.username like 'bench-%' and abs(hashtext(a.id::text)) % 3 = 0 and (abs(hashtext(a.id::text)) / 3 + k) % 14 = 0`);
	});
	await step('grades (Toán, term 1, first class of each school)', async () => {
		await db.execute(sql`
			insert into grade_columns (id, school_id, class_id, subject_id, term, kind, value_type, slot, path)
			select md5('gc' || s || '-' || c.n)::uuid, md5('s' || s)::uuid, cl.id, md5('sub' || s)::uuid, 1, c.kind::grade_column_kind, 'score', c.slot, cl.path
			from generate_series(0, ${Math.min(S, L) - 1}) s
			join classes cl on cl.id = md5('c' || s || '-0')::uuid
			cross join (values (0, 'regular', 1), (1, 'regular', 2), (2, 'midterm', 1), (3, 'endterm', 1)) c(n, kind, slot)`);
		await db.execute(sql`
			insert into grade_entries (school_id, column_id, learner_id, score_tenths)
			select md5('s' || (i % ${S}))::uuid, md5('gc' || (i % ${S}) || '-' || c)::uuid, md5('l' || i)::uuid, (30 + (i * 13 + c * 29) % 71)::smallint
			from generate_series(0, ${Math.min(L, S * CLASS_SIZE) - 1}) i, generate_series(0, 3) c`);
	});
	await step('analyze', () => db.execute(sql`analyze`));
	await step('pre-aggregation, 84 days (dashboard-stats)', () => refreshDashboardStats(db, now, 84));
	// As autovacuum would soon after: the planner needs the new rows' statistics.
	await step('analyze the pre-aggregated rows', () => db.execute(sql`analyze school_daily_stats, school_result_stats`));
}

export function citySize(env = process.env): CitySize {
	return { schools: Number(env.SCHOOLS ?? 2748), learners: Number(env.LEARNERS ?? 2_000_000), units: Number(env.UNITS ?? 126) };
}

/** Opens DATABASE_URL (PostgreSQL) or PGlite in DATA_DIR (or memory), migrated. */
export async function openBenchDatabase(): Promise<DatabaseHandle> {
	const handle = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(process.env.DATA_DIR);
	await migrate(handle, resolve(import.meta.dirname, '../drizzle'));
	return handle;
}

if (import.meta.filename === process.argv[1]) {
	const handle = await openBenchDatabase();
	const [{ n }] = (await handle.db.execute<{ n: number }>(sql`select count(*)::int n from schools`).then((r) => (r as { rows?: unknown[] }).rows ?? r)) as { n: number }[];
	if (Number(n) > 0) {
		console.error('The database already has schools: seed:city needs an empty database.');
		process.exit(1);
	}
	await seedCity(handle.db, citySize());
	await handle.close();
}
