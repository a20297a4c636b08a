/**
 * The program dashboards through /api/v1/dashboard on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), on the demo: the city department with Phường Ba Đình (MN Hoa Sen, TH Hoa
 * Sữa), Xã Thạch Thất (THCS Bình Yên, LC Sao Mai) and THPT Sông Hồng under the city directly.
 * `city`, `unit` (Xã Thạch Thất) and `leader` (THCS Bình Yên) may read dashboards; `teacher' may
 * not. Every figure is compared with a count of the rows themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, orgUnits, schools, subjects } from '#lib/server/organisations/schema';
import { accounts, persons, sessions } from '#lib/server/people/schema';
import { gradeColumns, gradeEntries } from '#lib/server/gradebook/schema';
import { schoolDailyStats, schoolResultStats } from '#lib/server/programs/dashboard-schema';
import { refreshDashboardStats } from '#lib/server/programs/dashboard-stats';
import { recordActivityDay } from '#lib/server/auth/activity';
import { periodicJobs } from '#lib/server/platform/jobs';
import { termAverageOf } from '#lib/gradebook/rules/secondary-subject';
import { bandOf } from '#lib/server/gradebook/summaries';
import { todayInVietnam } from '#lib/format';
import type { Dashboard } from '#lib/server/programs/dashboard-service';

let app: TestApp;
const as: Record<string, Client> = {};
const school: Record<string, typeof schools.$inferSelect> = {};
const unit: Record<string, string> = {};
const now = new Date();
const expectedBands: Record<string, number> = { lt35: 0, '35to50': 0, '50to65': 0, '65to80': 0, ge80: 0 };

beforeAll(async () => {
	app = await startApp();
	for (const s of await app.db.select().from(schools)) school[s.code] = s;
	for (const u of await app.db.select().from(orgUnits)) unit[u.code] = u.id;
	for (const u of ['city', 'unit', 'leader', 'teacher', 'learner', 'parent']) as[u] = await app.loginAs(u);
	// The learner also used Sen ten days ago: in last week's point, not this week's.
	const [learner] = await app.db.select().from(accounts).where(eq(accounts.username, 'learner'));
	await recordActivityDay(app.db, learner.id, todayInVietnam(new Date(now.getTime() - 10 * 86_400_000)));
	// The endterm of Toán 6A1, term 1 (the demo has its regular and midterm scores): term averages.
	const thcs = school['THCS-BINHYEN'];
	const [c6a1] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
	const [toan] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN')));
	const [ck] = await app.db.insert(gradeColumns).values({ schoolId: thcs.id, classId: c6a1.id, subjectId: toan.id, term: 1, kind: 'endterm', valueType: 'score', slot: 1, path: c6a1.path }).returning();
	const learners = await app.db.select({ id: enrolments.learnerId }).from(enrolments).where(eq(enrolments.classId, c6a1.id)).orderBy(asc(enrolments.learnerId));
	await app.db.insert(gradeEntries).values(learners.map((l, i) => ({ schoolId: thcs.id, columnId: ck.id, learnerId: l.id, scoreTenths: 20 + i * 7 })));
	const cells = await app.db
		.select({ learnerId: gradeEntries.learnerId, kind: gradeColumns.kind, score: gradeEntries.scoreTenths })
		.from(gradeEntries)
		.innerJoin(gradeColumns, eq(gradeColumns.id, gradeEntries.columnId))
		.where(and(eq(gradeColumns.classId, c6a1.id), eq(gradeColumns.subjectId, toan.id), eq(gradeColumns.term, 1)));
	for (const l of learners) {
		const mine = cells.filter((c) => c.learnerId === l.id);
		const reg = mine.filter((c) => c.kind === 'regular').map((c) => c.score!);
		const mid = mine.find((c) => c.kind === 'midterm')?.score;
		const fin = mine.find((c) => c.kind === 'endterm')?.score;
		if (reg.length && mid != null && fin != null) expectedBands[bandOf(termAverageOf(reg, mid, fin) / 10)]++;
	}
	await refreshDashboardStats(app.db, now, 14);
});
afterAll(() => app?.close());

const dashboard = async (c: Client, q = '') => {
	const res = await c.get(`/api/v1/dashboard${q}`);
	expect(res.status).toBe(200);
	return (await res.json()) as Dashboard;
};

/** Counts straight from the rows: enrolments, staff and parents per management unit. */
async function countsByUnit(pathPrefix: string) {
	const learners = await app.db.execute<{ org_unit_id: string; n: number }>(sql`
		select s.org_unit_id, count(*)::int n from enrolments e join schools s on s.id = e.school_id where s.path like ${pathPrefix + '%'} group by 1`);
	const staff = await app.db.execute<{ org_unit_id: string; n: number }>(sql`
		select s.org_unit_id, count(*)::int n from persons p join schools s on s.id = p.school_id where p.kind = 'staff' and s.path like ${pathPrefix + '%'} group by 1`);
	const schoolsN = await app.db.execute<{ org_unit_id: string; n: number }>(sql`select org_unit_id, count(*)::int n from schools where path like ${pathPrefix + '%'} group by 1`);
	const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as { org_unit_id: string; n: number }[];
	const map = (r: unknown) => Object.fromEntries(rows(r).map((x) => [x.org_unit_id, Number(x.n)]));
	return { learners: map(learners), staff: map(staff), schools: map(schoolsN) };
}

describe('the city dashboard', () => {
	it('groups the key counts by the schools’ management unit, equal to the rows', async () => {
		const d = await dashboard(as.city);
		expect(d.scope.level).toBe('city');
		const [city] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
		const expected = await countsByUnit(city.path);
		expect(d.units.map((u) => u.unitId).sort()).toEqual(Object.keys(expected.schools).sort());
		for (const u of d.units) {
			expect(u.schools).toBe(expected.schools[u.unitId]);
			expect(u.learners).toBe(expected.learners[u.unitId] ?? 0);
			expect(u.teachers).toBe(expected.staff[u.unitId] ?? 0);
		}
		// THPT Sông Hồng is under the city directly: its row is the department's.
		expect(d.units.find((u) => u.unitId === unit.HN)?.schools).toBe(1);
		expect(d.units.find((u) => u.unitId === unit['HN-BADINH'])?.schools).toBe(2);
		expect(d.schools).toEqual([]);
	});

	it('counts active people per week by kind from their days of use', async () => {
		const d = await dashboard(as.city);
		expect(d.day).toBe(todayInVietnam(now));
		expect(d.usage.days).toHaveLength(12);
		expect(d.usage.days.at(-1)).toBe(todayInVietnam(now));
		// This week: the learner, the parent, the leader and the teacher of THCS Bình Yên (officers have no school).
		expect(d.usage.learners.at(-1)).toBe(1);
		expect(d.usage.parents.at(-1)).toBe(1);
		expect(d.usage.teachers.at(-1)).toBe(2);
		// Last week: only the learner's older day; weeks before the refreshed days are gaps.
		expect(d.usage.learners.at(-2)).toBe(1);
		expect(d.usage.teachers.at(-2)).toBe(0);
		expect(d.usage.learners[0]).toBeNull();
		const active = d.units.find((u) => u.unitId === unit['HN-THACHTHAT'])!;
		expect(active.activeAccounts30d).toBe(4);
	});

	it('shows the distribution of term averages by band, equal to the gradebook arithmetic', async () => {
		const d = await dashboard(as.city);
		expect(d.results.term).toBe(1);
		expect(d.results.schoolYear).toBe('2026-2027');
		expect(d.results.bands).toEqual(expectedBands);
		expect(Object.values(expectedBands).reduce((a, b) => a + b, 0)).toBe(12);
		expect(d.results.byUnit.map((u) => u.unitId)).toEqual([unit['HN-THACHTHAT']]);
	});

	it('shows IT readiness by management unit from the latest readiness survey, equal to the responses', async () => {
		const d = await dashboard(as.city);
		const res = await app.db.execute<{ org_unit_id: string; n: number; submitted: number; ready: number; avg: number | null }>(sql`
			select s.org_unit_id, count(*)::int n, count(*) filter (where r.status = 'submitted')::int submitted,
				count(*) filter (where r.status = 'submitted' and r.ready)::int ready,
				round(avg(r.readiness_index) filter (where r.status = 'submitted')::numeric, 1)::float8 avg
			from survey_responses r join surveys v on v.id = r.survey_id join schools s on s.id = r.school_id
			where v.template = 'it_readiness' group by 1`);
		const rows = ((res as { rows?: unknown[] }).rows ?? (res as unknown[])) as { org_unit_id: string; n: number; submitted: number; ready: number; avg: number | null }[];
		expect(rows.length).toBeGreaterThan(1);
		expect(d.readiness).not.toBeNull();
		expect(d.readiness!.map((r) => r.unitId).sort()).toEqual(rows.map((r) => r.org_unit_id).sort());
		for (const r of rows) {
			const shown = d.readiness!.find((x) => x.unitId === r.org_unit_id)!;
			expect([shown.schools, shown.submitted, shown.ready, shown.averageIndex]).toEqual([r.n, r.submitted, r.ready, r.avg]);
		}
		// A unit officer's dashboard has only their unit's row; a school's has none.
		const own = await dashboard(as.unit);
		expect(own.readiness!.map((r) => r.unitId)).toEqual([unit['HN-THACHTHAT']]);
		expect((await dashboard(as.city, `?school=${school['THCS-BINHYEN'].id}`)).readiness).toBeNull();
	});
});

describe('scope: who sees which dashboard', () => {
	it('a unit officer sees their unit and its schools, and drills down to one of them', async () => {
		const d = await dashboard(as.unit);
		expect(d.scope).toMatchObject({ level: 'unit', id: unit['HN-THACHTHAT'] });
		expect(d.units.map((u) => u.unitId)).toEqual([unit['HN-THACHTHAT']]);
		expect(d.schools.map((s) => s.code).sort()).toEqual(['LC-SAOMAI', 'THCS-BINHYEN']);
		const one = await dashboard(as.unit, `?school=${school['THCS-BINHYEN'].id}`);
		expect(one.scope).toMatchObject({ level: 'school', name: 'Trường THCS Bình Yên' });
		expect(one.results.bands).toEqual(expectedBands);
	});

	it('should answer 404 when a unit officer asks for another unit or its school', async () => {
		expect((await as.unit.get(`/api/v1/dashboard?unit=${unit['HN-BADINH']}`)).status).toBe(404);
		expect((await as.unit.get(`/api/v1/dashboard?school=${school['TH-HOASUA'].id}`)).status).toBe(404);
		expect((await as.unit.get(`/api/v1/dashboard?unit=${unit.HN}`)).status).toBe(404);
	});

	it('a leader sees only their school', async () => {
		const d = await dashboard(as.leader);
		expect(d.scope).toMatchObject({ level: 'school', id: school['THCS-BINHYEN'].id });
		expect(d.schools.map((s) => s.code)).toEqual(['THCS-BINHYEN']);
		const [{ n }] = await app.db.select({ n: sql<number>`count(*)::int` }).from(enrolments).where(eq(enrolments.schoolId, school['THCS-BINHYEN'].id));
		expect(d.schools[0].learners).toBe(Number(n));
		expect((await as.leader.get(`/api/v1/dashboard?school=${school['LC-SAOMAI'].id}`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/dashboard?unit=${unit['HN-THACHTHAT']}`)).status).toBe(404);
	});

	it('the city officer drills down to any unit', async () => {
		const d = await dashboard(as.city, `?unit=${unit['HN-BADINH']}`);
		expect(d.scope.level).toBe('unit');
		expect(d.schools.map((s) => s.code).sort()).toEqual(['MN-HOASEN', 'TH-HOASUA']);
	});

	it('should answer 404 to a teacher, a learner and a parent, and 400 to a bad id', async () => {
		for (const u of ['teacher', 'learner', 'parent']) expect((await as[u].get('/api/v1/dashboard')).status).toBe(404);
		expect((await as.city.get('/api/v1/dashboard?unit=nope')).status).toBe(400);
		expect((await as.city.get(`/api/v1/dashboard?unit=${crypto.randomUUID()}`)).status).toBe(404);
	});

	it('should fail with 401 without a caller', async () => {
		expect((await app.request('GET', '/api/v1/dashboard')).status).toBe(401);
	});
});

describe('the pre-aggregation job', () => {
	const snapshot = async () => ({
		days: await app.db.select().from(schoolDailyStats).orderBy(asc(schoolDailyStats.schoolId), asc(schoolDailyStats.day)),
		bands: await app.db.select().from(schoolResultStats).orderBy(asc(schoolResultStats.schoolId), asc(schoolResultStats.term), asc(schoolResultStats.band))
	});

	it('is a periodic job, and running it again writes the same rows', async () => {
		const job = periodicJobs.find((j) => j.name === 'dashboard-stats');
		expect(job).toBeDefined();
		const before = await snapshot();
		await refreshDashboardStats(app.db, now, 14);
		await refreshDashboardStats(app.db, now, 14);
		const after = await snapshot();
		expect(after).toEqual(before);
		const [{ n }] = await app.db.select({ n: sql<number>`count(*)::int` }).from(schools);
		// One row per school and refreshed day (the demo's seed wrote today's already).
		expect(after.days.filter((r) => r.day === todayInVietnam(now))).toHaveLength(Number(n));
		expect(after.days.filter((r) => r.schoolId === school['THCS-BINHYEN'].id)).toHaveLength(14);
	});

	it('a sign-out does not erase a sign-in already counted', async () => {
		await as.parent.form('/logout', {});
		const [parent] = await app.db.select().from(accounts).where(eq(accounts.username, 'parent'));
		expect(await app.db.select().from(sessions).where(eq(sessions.accountId, parent.id))).toHaveLength(0);
		await refreshDashboardStats(app.db, now);
		expect((await dashboard(as.city)).usage.parents.at(-1)).toBe(1);
	});

	it('follows new data: a new learner counts after the next run', async () => {
		const thcs = school['THCS-BINHYEN'];
		const [c] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '9A1')));
		const [l] = await app.db.insert(persons).values({ kind: 'learner', familyName: 'Mới', givenName: 'Học', schoolId: thcs.id, path: thcs.path }).returning();
		const before = (await dashboard(as.leader)).schools[0].learners;
		await app.db.insert(enrolments).values({ schoolId: thcs.id, schoolYearId: c.schoolYearId, classId: c.id, learnerId: l.id });
		expect((await dashboard(as.leader)).schools[0].learners).toBe(before);
		await refreshDashboardStats(app.db, now);
		expect((await dashboard(as.leader)).schools[0].learners).toBe(before + 1);
	});
});

it('the dashboard route is in the OpenAPI document', async () => {
	const doc = await (await app.request('GET', '/api/v1/openapi.json')).json();
	expect(doc.paths['/api/v1/dashboard'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['school', 'unit']);
});
