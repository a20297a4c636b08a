/**
 * "Using Sen" on a real database, through the built server: every sign-in and every request
 * served with a session or an API token leaves one `account_activity_days` row per account and
 * day in Vietnam (auth/activity.ts), and the dashboards' job and the report figures count those
 * rows — exactly, whether the person signed out since or stayed signed in for days.
 *
 * Added to the demo: a unit "Xã Hoạt Động" with two schools of its own, so the counts are known.
 * `now` is the real time (the server stamps requests with it); the other days are relative to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../helpers/app';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { accountActivityDays, accounts, persons, sessions } from '#lib/server/people/schema';
import { schoolDailyStats } from '#lib/server/programs/dashboard-schema';
import { addDays, refreshDailyStats } from '#lib/server/programs/dashboard-stats';
import { createApiToken, createSession, loadPrincipal } from '#lib/server/auth/service';
import { ACTIVITY_RETENTION_DAYS, pruneActivityDays, recordActivityDay } from '#lib/server/auth/activity';
import { hashPassword } from '#lib/server/auth/password';
import { SESSION_COOKIE } from '#lib/server/auth/cookies';
import { computeFigures } from '#lib/server/programs/report-figures';
import { todayInVietnam } from '#lib/format';

let app: TestApp;
const now = new Date();
const today = todayInVietnam(now);
const DAY_MS = 86_400_000;
const daysAgo = (n: number) => addDays(today, -n);
let unitPath: string;
const school: Record<'A' | 'B', { id: string; path: string }> = {} as never;
const PASSWORD = 'Hoat-dong-2026!';
let hash: string;

beforeAll(async () => {
	app = await startApp();
	hash = await hashPassword(PASSWORD);
	const [city] = await app.db.select().from(orgUnits).where(isNull(orgUnits.parentId));
	const unitId = crypto.randomUUID();
	unitPath = `${city.path}${unitId}/`;
	await app.db.insert(orgUnits).values({ id: unitId, parentId: city.id, kind: 'commune_ward', code: 'HN-HOATDONG', name: 'Xã Hoạt Động', path: unitPath });
	for (const k of ['A', 'B'] as const) {
		const id = crypto.randomUUID();
		school[k] = { id, path: `${unitPath}${id}/` };
		await app.db.insert(schools).values({ id, orgUnitId: unitId, code: `THCS-HD-${k}`, name: `THCS Hoạt Động ${k}`, level: 'lower_secondary', ownership: 'public', setting: 'rural', path: school[k].path });
	}
});
afterAll(() => app?.close());

let n = 0;
/** A person of the kind with an account (the demo's password rules apply to signing in). */
async function someone(kind: 'learner' | 'guardian' | 'staff', where: 'A' | 'B' | 'unit') {
	const s = where === 'unit' ? null : school[where];
	const [p] = await app.db.insert(persons).values({ kind, familyName: 'Hoạt', givenName: `Động ${++n}`, schoolId: s?.id ?? null, path: s?.path ?? unitPath }).returning();
	const [a] = await app.db.insert(accounts).values({ personId: p.id, username: `hoatdong-${n}`, passwordHash: hash }).returning();
	return a;
}

const daysOf = async (accountId: string) =>
	(await app.db.select({ day: accountActivityDays.day }).from(accountActivityDays).where(eq(accountActivityDays.accountId, accountId)).orderBy(asc(accountActivityDays.day))).map((r) => r.day);

/** The pre-aggregated row of a school on a day, after a run of the job over the last `days` days. */
async function statsOf(k: 'A' | 'B', day: string, days = 31) {
	await refreshDailyStats(app.db, now, days);
	const [row] = await app.db.select().from(schoolDailyStats).where(and(eq(schoolDailyStats.schoolId, school[k].id), eq(schoolDailyStats.day, day)));
	return { learners: row.activeLearners7d, parents: row.activeParents7d, teachers: row.activeTeachers7d, accounts: row.activeAccounts30d };
}

const withCookie = (token: string) => app.request('GET', '/api/v1/me', { cookie: `${SESSION_COOKIE}=${token}` });

describe('what records a day of use', () => {
	it('a sign-in through the login route records the day, with the person’s kind and school', async () => {
		const a = await someone('guardian', 'A');
		expect(await daysOf(a.id)).toEqual([]);
		await app.loginAs(a.username, PASSWORD);
		const rows = await app.db.select().from(accountActivityDays).where(eq(accountActivityDays.accountId, a.id));
		expect(rows).toEqual([{ day: today, accountId: a.id, kind: 'guardian', schoolId: school.A.id }]);
		await app.db.delete(accountActivityDays).where(eq(accountActivityDays.accountId, a.id));
	});

	it('the day is Vietnam’s: 16:59 UTC is still the same day there, 17:00 UTC the next', async () => {
		const a = await someone('staff', 'unit');
		await createSession(app.db, a.id, 1, new Date('2025-06-30T16:59:59Z'));
		await createSession(app.db, a.id, 1, new Date('2025-06-30T17:00:00Z'));
		expect(await daysOf(a.id)).toEqual(['2025-06-30', '2025-07-01']);
	});

	it('a request with a session records its day; a second request that day writes nothing (the throttle)', async () => {
		const a = await someone('staff', 'unit');
		// Signed in three days ago, in another process (the test's), still signed in.
		const { token } = await createSession(app.db, a.id, 10, new Date(now.getTime() - 3 * DAY_MS));
		expect(await daysOf(a.id)).toEqual([daysAgo(3)]);
		expect((await withCookie(token)).status).toBe(200);
		expect(await daysOf(a.id)).toEqual([daysAgo(3), today]);
		expect((await withCookie(token)).status).toBe(200);
		expect(await daysOf(a.id)).toEqual([daysAgo(3), today]);
		// Proof that the second request did not write: with today's row gone, a third one does not bring it back.
		await app.db.delete(accountActivityDays).where(and(eq(accountActivityDays.accountId, a.id), eq(accountActivityDays.day, today)));
		expect((await withCookie(token)).status).toBe(200);
		expect(await daysOf(a.id)).toEqual([daysAgo(3)]);
	});

	it('a request with an API token records its day', async () => {
		const a = await someone('staff', 'unit');
		const { token } = await createApiToken(app.db, (await loadPrincipal(app.db, a.id, 'session'))!, 'Tích hợp');
		expect(await daysOf(a.id)).toEqual([]);
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(200);
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(200);
		expect(await daysOf(a.id)).toEqual([today]);
	});

	it('a request without a valid sign-in records nothing', async () => {
		const before = await app.db.select().from(accountActivityDays);
		expect((await app.request('GET', '/api/v1/me', { cookie: `${SESSION_COOKIE}=not-a-session` })).status).toBe(401);
		expect((await app.request('GET', '/api/v1/me', { token: 'sen_not-a-token' })).status).toBe(401);
		expect(await app.db.select().from(accountActivityDays)).toEqual(before);
	});
});

describe('the dashboards’ counts (school B)', () => {
	it('a signed-out person’s day still counts', async () => {
		const a = await someone('guardian', 'B');
		const client = await app.loginAs(a.username, PASSWORD);
		await client.form('/logout', {});
		expect(await app.db.select().from(sessions).where(eq(sessions.accountId, a.id))).toHaveLength(0);
		expect(await statsOf('B', today)).toMatchObject({ parents: 1, accounts: 1 });
	});

	it('one session of 10 days, used on day 1 and day 9: active in the 7 days ending day 9 (and day 7), not day 8', async () => {
		const a = await someone('learner', 'B');
		// Day 1 is eight days ago; the session lasts until day 11.
		const { token } = await createSession(app.db, a.id, 10, new Date(now.getTime() - 8 * DAY_MS));
		expect((await withCookie(token)).status).toBe(200);
		expect(await daysOf(a.id)).toEqual([daysAgo(8), today]);
		expect((await statsOf('B', today)).learners).toBe(1);
		expect((await statsOf('B', daysAgo(1))).learners).toBe(0);
		expect((await statsOf('B', daysAgo(2))).learners).toBe(1);
		expect((await statsOf('B', daysAgo(8))).learners).toBe(1);
		expect((await statsOf('B', daysAgo(9))).learners).toBe(0);
	});

	it('a staff member on an API token counts as a teacher of the school', async () => {
		const a = await someone('staff', 'B');
		const { token } = await createApiToken(app.db, (await loadPrincipal(app.db, a.id, 'session'))!, 'Sổ điểm');
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(200);
		expect(await statsOf('B', today)).toEqual({ learners: 1, parents: 1, teachers: 1, accounts: 3 });
	});
});

describe('the dashboards’ counts per kind are exact (school A)', () => {
	beforeAll(async () => {
		const use = async (kind: 'learner' | 'guardian' | 'staff', ago: number[]) => {
			const a = await someone(kind, 'A');
			for (const d of ago) await recordActivityDay(app.db, a.id, daysAgo(d));
		};
		await use('learner', [0]);
		await use('learner', [6]);
		await use('learner', [7]);
		await use('learner', [29]);
		await use('learner', [30]);
		await use('learner', [0, 1, 3]);
		await use('guardian', [2]);
		await someone('guardian', 'A');
		await use('staff', [0]);
		await use('staff', [10]);
		// Another school's learner, and a unit officer (no school), count for neither of A's rows.
		const b = await someone('learner', 'B');
		await recordActivityDay(app.db, b.id, today);
		const officer = await someone('staff', 'unit');
		await recordActivityDay(app.db, officer.id, today);
	});

	it('counts distinct people per kind in the 7 days and accounts in the 30 days ending each day', async () => {
		// Today: learners active today, 6 days ago, and today + yesterday + 3 days ago (once); accounts 30: all but 30 days ago.
		expect(await statsOf('A', today)).toEqual({ learners: 3, parents: 1, teachers: 1, accounts: 8 });
		// Yesterday: the window is 7..1 days ago (and 30..1 for accounts).
		expect(await statsOf('A', daysAgo(1))).toEqual({ learners: 3, parents: 1, teachers: 0, accounts: 7 });
		expect(await statsOf('B', today)).toEqual({ learners: 2, parents: 1, teachers: 1, accounts: 4 });
	});

	it('recomputing writes the same counts, and a row removed from the source lowers them (no floor kept)', async () => {
		expect(await statsOf('A', today)).toEqual({ learners: 3, parents: 1, teachers: 1, accounts: 8 });
		const [row] = await app.db.select().from(accountActivityDays).where(and(eq(accountActivityDays.schoolId, school.A.id), eq(accountActivityDays.kind, 'staff'), eq(accountActivityDays.day, today)));
		await app.db.delete(accountActivityDays).where(and(eq(accountActivityDays.accountId, row.accountId), eq(accountActivityDays.day, today)));
		expect(await statsOf('A', today)).toEqual({ learners: 3, parents: 1, teachers: 0, accounts: 7 });
		await recordActivityDay(app.db, row.accountId, today);
		expect(await statsOf('A', today)).toEqual({ learners: 3, parents: 1, teachers: 1, accounts: 8 });
	});

	it('the report’s usage figures over the same days equal the data: school people by school, the officer under the unit', async () => {
		// The 30 days ending today, as a report period [from, to) between Vietnam midnights.
		const from = new Date(Date.parse(`${daysAgo(29)}T00:00:00+07:00`));
		const to = new Date(Date.parse(`${addDays(today, 1)}T00:00:00+07:00`));
		const usage = async (path: string) =>
			Object.fromEntries((await computeFigures(app.db, { path, from, to })).filter((f) => f.group === 'usage' && f.key.endsWith('_active')).map((f) => [f.key, f.value]));
		expect(await usage(school.A.path)).toEqual({ 'usage.schools_active': 1, 'usage.learners_active': 5, 'usage.parents_active': 1, 'usage.staff_active': 2 });
		// The unit: both schools (staff: two of A, one of B), and the three officers of the unit (no school) who used Sen in the
		// period in the tests above (three days ago, today on a token, today) — under the unit's path.
		expect(await usage(unitPath)).toEqual({ 'usage.schools_active': 2, 'usage.learners_active': 7, 'usage.parents_active': 2, 'usage.staff_active': 2 + 1 + 3 });
	});
});

describe('retention', () => {
	it('the job’s pruning deletes the days older than the retention and keeps the rest', async () => {
		const a = await someone('learner', 'A');
		await recordActivityDay(app.db, a.id, daysAgo(ACTIVITY_RETENTION_DAYS + 1));
		await recordActivityDay(app.db, a.id, daysAgo(ACTIVITY_RETENTION_DAYS));
		const all = async () => app.db.select().from(accountActivityDays);
		const tooOld = (await all()).filter((r) => r.day < daysAgo(ACTIVITY_RETENTION_DAYS));
		// This learner's day, and the 2025 days of the sign-in test above.
		expect(tooOld).toHaveLength(3);
		const kept = (await all()).length - 3;
		expect(await pruneActivityDays(app.db, now)).toBe(3);
		expect(await daysOf(a.id)).toEqual([daysAgo(ACTIVITY_RETENTION_DAYS)]);
		expect(await all()).toHaveLength(kept);
		expect(await pruneActivityDays(app.db, now)).toBe(0);
	});
});

describe('the days before the table existed (migration 0014)', () => {
	it('every session still held gives its sign-in day in Vietnam, so a period begun before the table keeps its session-based count', async () => {
		const backfill = readFileSync('drizzle/0014_activity_days_from_sessions.sql', 'utf8');
		const a = await someone('learner', 'B');
		const b = await someone('staff', 'unit');
		// Two sign-ins on one Vietnamese day (the second at 23:30 there), one the next day (00:30 there).
		await app.db.insert(sessions).values([
			{ id: `old-${a.id}-1`, accountId: a.id, createdAt: new Date('2026-10-05T02:00:00Z'), expiresAt: new Date(now.getTime() + DAY_MS) },
			{ id: `old-${a.id}-2`, accountId: a.id, createdAt: new Date('2026-10-05T16:30:00Z'), expiresAt: new Date(now.getTime() + DAY_MS) },
			{ id: `old-${a.id}-3`, accountId: a.id, createdAt: new Date('2026-10-05T17:30:00Z'), expiresAt: new Date(now.getTime() + DAY_MS) },
			{ id: `old-${b.id}`, accountId: b.id, createdAt: new Date('2026-10-20T03:00:00Z'), expiresAt: new Date(now.getTime() + DAY_MS) }
		]);
		await app.db.execute(sql.raw(backfill));
		const rows = async (accountId: string) => app.db.select().from(accountActivityDays).where(eq(accountActivityDays.accountId, accountId)).orderBy(asc(accountActivityDays.day));
		expect(await rows(a.id)).toEqual([
			{ day: '2026-10-05', accountId: a.id, kind: 'learner', schoolId: school.B.id },
			{ day: '2026-10-06', accountId: a.id, kind: 'learner', schoolId: school.B.id }
		]);
		expect(await rows(b.id)).toEqual([{ day: '2026-10-20', accountId: b.id, kind: 'staff', schoolId: null }]);
		// Run again (as on a database migrated twice over the same sessions): nothing more.
		await app.db.execute(sql.raw(backfill));
		expect(await rows(a.id)).toHaveLength(2);
		// October 2026 as a report period counts the learner of school B and the officer.
		const usage = Object.fromEntries(
			(await computeFigures(app.db, { path: unitPath, from: new Date('2026-09-30T17:00:00Z'), to: new Date('2026-10-31T17:00:00Z') })).filter((f) => f.group === 'usage' && f.key.endsWith('_active')).map((f) => [f.key, f.value])
		);
		expect(usage).toMatchObject({ 'usage.schools_active': 1, 'usage.learners_active': 1, 'usage.staff_active': 1 });
	});
});
