/**
 * City dashboard benchmark (issue 7: "a city dashboard over 2,748 schools and 2 million learners
 * answers within a small multiple of the raw aggregate SQL (print the ratio)").
 *
 *   DATABASE_URL=postgres://…/sen_bench_dash npm run bench:dashboard      (PostgreSQL, 2M learners)
 *   npm run bench:dashboard                                             (PGlite in memory, LEARNERS=200000)
 *   SCHOOLS=2748 LEARNERS=… UNITS=126 ROUNDS=5
 *
 * An empty database is first seeded with the synthetic city of bench/seed-city.ts (set-based SQL;
 * minutes at full size). Then, in the same run, the median of ROUNDS of:
 *   - service: `getDashboard` for the city officer — policy, scope, the usage series, key counts
 *     per management unit, the score bands, the schools' rows — read from the pre-aggregated rows;
 *   - raw: the bare aggregate one figure needs from the base tables, learners per management unit:
 *     `select s.org_unit_id, count(*) from enrolments e join schools s … group by s.org_unit_id`;
 *   - refresh: one run of the `dashboard-stats` job (today and yesterday, and the score bands),
 *     i.e. what the dashboard would cost if it were computed live on each request.
 * Prints each and the ratio service / raw.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { citySize, openBenchDatabase, seedCity } from './seed-city';
import { getDashboard } from '#lib/server/programs/dashboard-service';
import { refreshDashboardStats } from '#lib/server/programs/dashboard-stats';
import type { Principal } from '#lib/server/auth/principal';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1).padStart(9)} ms`;
const rowsOf = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

async function main() {
	if (!process.env.DATABASE_URL) process.env.LEARNERS ??= '200000';
	const handle = await openBenchDatabase();
	const db = handle.db;
	const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int n from schools`));
	if (Number(n) === 0) await seedCity(db, citySize());
	const [city] = rowsOf<{ id: string; path: string }>(await db.execute(sql`select id, path from org_units where parent_id is null order by (code = 'BENCH-HN') desc limit 1`));
	const [counts] = rowsOf<{ schools: number; learners: number; units: number }>(
		await db.execute(sql`select (select count(*) from schools)::int schools, (select count(*) from enrolments)::int learners, (select count(*) from org_units)::int units`)
	);
	const officer: Principal = {
		personId: crypto.randomUUID(),
		accountId: crypto.randomUUID(),
		username: 'bench-city',
		displayName: 'Bench',
		childIds: [],
		via: 'session',
		grants: [{ role: 'city_officer', scopeType: 'city', scopeId: city.id, scopePath: city.path, schoolId: null }]
	};
	console.log(`\ncity dashboard on ${handle.kind}: ${counts.schools} schools, ${counts.learners} learners, ${counts.units} org units; median of ${ROUNDS} rounds\n`);

	const service: number[] = [];
	const raw: number[] = [];
	const refresh: number[] = [];
	let summary = '';
	for (let round = 0; round < ROUNDS + 1; round++) {
		const t0 = performance.now();
		const d = await getDashboard(db, officer, {});
		const t1 = performance.now();
		const r = rowsOf<{ org_unit_id: string; n: number }>(
			await db.execute(sql`select s.org_unit_id, count(*)::int n from enrolments e join schools s on s.id = e.school_id where s.path like ${city.path + '%'} group by s.org_unit_id`)
		);
		const t2 = performance.now();
		// Round 0 warms caches and checks that the dashboard's figures equal the raw aggregate.
		if (round === 0) {
			const byUnit = new Map(r.map((x) => [x.org_unit_id, Number(x.n)]));
			for (const u of d.units) if (byUnit.get(u.unitId) !== u.learners) throw new Error(`learners of ${u.unitName}: dashboard ${u.learners}, raw ${byUnit.get(u.unitId)}`);
			summary = `${d.units.length} units, ${d.units.reduce((a, u) => a + u.schools, 0)} schools, ${d.units.reduce((a, u) => a + u.learners, 0)} learners, ${Object.values(d.results.bands).reduce((a, b) => a + b, 0)} term averages`;
			continue;
		}
		service.push(t1 - t0);
		raw.push(t2 - t1);
		if (round <= 2) {
			const t3 = performance.now();
			await refreshDashboardStats(db, new Date());
			refresh.push(performance.now() - t3);
		}
	}
	console.log(`dashboard figures equal the raw aggregate: ${summary}`);
	const s = median(service);
	const b = median(raw);
	console.log(`city dashboard (service)          ${ms(s)}`);
	console.log(`raw aggregate (learners per unit) ${ms(b)}`);
	console.log(`ratio service / raw               ${(s / b).toFixed(2).padStart(9)} ×`);
	console.log(`refresh job (dashboard-stats)     ${ms(median(refresh))}   (the cost per request without pre-aggregation)`);
	await handle.close();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
