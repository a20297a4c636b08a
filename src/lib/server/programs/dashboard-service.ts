/**
 * Dashboards per level (bảng điều khiển): a school (its leader), a management unit (its officer)
 * and the city (the program office). Every figure is read from the pre-aggregated rows of
 * dashboard-schema.ts, so the city's dashboard reads one row per school and day, never the
 * two million enrolments: the sums are SQL aggregates over the scope's org path, grouped by the
 * schools' management unit (`schools.org_unit_id`), never by a fixed district level.
 *
 * Scope: without a parameter, the caller's own level (the widest of their dashboard grants);
 * `unit` or `school` drills down within it. Anything outside the caller's scope, and anyone
 * without a dashboard role, gets 404.
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { mayEver } from '../auth/policy';
import { NotFoundError } from '../errors';
import { orgUnits, schools, schoolYears, terms } from '../organisations/schema';
import { schoolDailyStats, schoolResultStats } from './dashboard-schema';
import { addDays } from './dashboard-stats';
import { readinessSource, type ReadinessRow, type ReadinessSource } from './dashboard-readiness';
import { BANDS, type BandKey } from '../gradebook/summaries';
import { todayInVietnam } from '../../format';
import { m } from '#lib/paraglide/messages.js';
import { underPattern } from '../db/like';

export type DashboardLevel = 'city' | 'unit' | 'school';

export interface DashboardScope {
	level: DashboardLevel;
	id: string;
	name: string;
	path: string;
}

export interface DashboardQuery {
	unit?: string;
	school?: string;
}

/** Weeks shown on the usage chart; each point is the 7 days ending on that day. */
export const USAGE_WEEKS = 12;

export interface UnitCounts {
	unitId: string;
	unitName: string;
	schools: number;
	learners: number;
	teachers: number;
	parents: number;
	accounts: number;
	activeAccounts30d: number;
	classes: number;
	classesWithGrades: number;
}

export interface SchoolCounts {
	schoolId: string;
	code: string;
	name: string;
	learners: number;
	teachers: number;
	activeAccounts30d: number;
	classes: number;
	classesWithGrades: number;
}

export interface Dashboard {
	scope: DashboardScope;
	/** The day the counts are of (Vietnam), null when the job has not run yet for this scope. */
	day: string | null;
	refreshedAt: string | null;
	usage: { days: string[]; learners: (number | null)[]; parents: (number | null)[]; teachers: (number | null)[] };
	results: { schoolYear: string | null; term: number | null; bands: Record<BandKey, number>; byUnit: { unitId: string; unitName: string; bands: Record<BandKey, number> }[] };
	units: UnitCounts[];
	/** A unit's and a school's dashboards list their schools (the drill-down); the city lists units only. */
	schools: SchoolCounts[];
	/** The IT-readiness table from the surveys part; null while not wired (dashboard-readiness.ts). */
	readiness: ReadinessRow[] | null;
}

const DASHBOARD_ROLES = new Set(['city_officer', 'unit_officer', 'school_leader']);

/** The dashboard the caller asks for, checked against the policy (`program_dashboard` read). */
export async function resolveDashboardScope(db: Executor, p: Principal, q: DashboardQuery): Promise<DashboardScope> {
	if (!mayEver(p, 'read', 'program_dashboard')) throw new NotFoundError(m.error_not_found());
	let scope: DashboardScope | null;
	if (q.school) scope = await schoolScope(db, q.school);
	else if (q.unit) scope = await unitScope(db, sql`${orgUnits.id} = ${q.unit}`);
	else {
		const own = p.grants.filter((g) => DASHBOARD_ROLES.has(g.role)).sort((a, b) => a.scopePath.length - b.scopePath.length)[0];
		if (!own) throw new NotFoundError(m.error_not_found());
		scope = await dashboardScopeForPath(db, own.scopePath);
	}
	authorize(p, 'read', 'program_dashboard', scope ? { path: scope.path } : undefined);
	if (!scope) throw new NotFoundError(m.error_not_found());
	return scope;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function schoolScope(db: Executor, id: string): Promise<DashboardScope | null> {
	if (!isUuid(id)) return null;
	const [s] = await db.select({ id: schools.id, name: schools.name, path: schools.path }).from(schools).where(eq(schools.id, id));
	return s ? { level: 'school', ...s } : null;
}

async function unitScope(db: Executor, where: ReturnType<typeof sql>): Promise<DashboardScope | null> {
	const [u] = await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, kind: orgUnits.kind, parentId: orgUnits.parentId }).from(orgUnits).where(where);
	if (!u) return null;
	return { level: u.kind === 'department' && !u.parentId ? 'city' : 'unit', id: u.id, name: u.name, path: u.path };
}

/** The dashboard scope of an org path (a unit's or a school's), for callers that have checked access (the reports' PDF). */
export async function dashboardScopeForPath(db: Executor, path: string): Promise<DashboardScope | null> {
	const unit = await unitScope(db, sql`${orgUnits.path} = ${path}`);
	if (unit) return unit;
	const [s] = await db.select({ id: schools.id }).from(schools).where(eq(schools.path, path));
	return s ? schoolScope(db, s.id) : null;
}

export async function getDashboard(db: Executor, p: Principal, q: DashboardQuery): Promise<Dashboard> {
	return loadDashboard(db, await resolveDashboardScope(db, p, q));
}

const emptyBands = (): Record<BandKey, number> => Object.fromEntries(BANDS.map((b) => [b.key, 0])) as Record<BandKey, number>;
const n = (x: unknown) => Number(x ?? 0);

/**
 * The dashboard drawn into a periodic report's PDF: of the report's organisation as it stood at the
 * end of the report's period (its last instant, or now while the period runs) — usage up to that
 * day, the results of the school year and term in effect on it, the readiness answered by then.
 * Null when the path is no unit's or school's. For callers that have checked access to the report.
 */
export async function reportDashboard(db: Executor, path: string, periodTo: Date, now = new Date()): Promise<Dashboard | null> {
	const scope = await dashboardScopeForPath(db, path);
	if (!scope) return null;
	return loadDashboard(db, scope, new Date(Math.min(now.getTime(), periodTo.getTime() - 1)), readinessSource, { asOf: true });
}

/**
 * The school year (its name) and term in effect on `day` for most of the schools under `path`:
 * each school's year containing the day and, in it, its term begun last by then (so a day between
 * the terms counts for the one just ended). Null outside every school year (the summer).
 */
async function termInEffect(db: Executor, path: string, day: string): Promise<{ schoolYear: string; term: number } | null> {
	const perSchool = db
		.selectDistinctOn([terms.schoolId], { schoolYear: sql<string>`${schoolYears.name}`.as('school_year'), term: sql<number>`${terms.number}`.as('term') })
		.from(terms)
		.innerJoin(schoolYears, eq(schoolYears.id, terms.schoolYearId))
		.innerJoin(schools, eq(schools.id, terms.schoolId))
		.where(and(sql`${schools.path} like ${underPattern(path)}`, lte(schoolYears.startsOn, day), gte(schoolYears.endsOn, day), lte(terms.startsOn, day)))
		.orderBy(terms.schoolId, desc(terms.startsOn))
		.as('per_school');
	const [pick] = await db
		.select({ schoolYear: perSchool.schoolYear, term: perSchool.term })
		.from(perSchool)
		.groupBy(perSchool.schoolYear, perSchool.term)
		.orderBy(sql`count(*) desc`, desc(perSchool.schoolYear), desc(perSchool.term))
		.limit(1);
	return pick ? { schoolYear: pick.schoolYear, term: Number(pick.term) } : null;
}

export interface DashboardOptions {
	/**
	 * Read the dashboard as of `now` (a report's period end) rather than live: the results of the
	 * term in effect on that day — none, rather than another term's, when the job kept none for it —
	 * and the readiness from responses submitted by then.
	 */
	asOf?: boolean;
}

/** The figures of a scope the caller may read (checked by `resolveDashboardScope`). */
export async function loadDashboard(db: Executor, scope: DashboardScope, now = new Date(), readiness: ReadinessSource | null = readinessSource, opts: DashboardOptions = {}): Promise<Dashboard> {
	const inScope = sql`${schoolDailyStats.path} like ${underPattern(scope.path)}`;
	const today = todayInVietnam(now);
	// The latest refreshed day (an index range on (day, path)), then when it was refreshed.
	const [{ day: latestDay }] = await db
		.select({ day: sql<string | null>`max(${schoolDailyStats.day})::text` })
		.from(schoolDailyStats)
		.where(and(inScope, sql`${schoolDailyStats.day} <= ${today}`));
	const day = latestDay ?? null;
	const [latest] = day
		? await db
				.select({ refreshedAt: sql<string>`max(${schoolDailyStats.refreshedAt})` })
				.from(schoolDailyStats)
				.where(and(inScope, eq(schoolDailyStats.day, day)))
		: [];

	// Usage: one point a week, ending on the latest day.
	const days = Array.from({ length: USAGE_WEEKS }, (_, i) => addDays(day ?? today, -7 * (USAGE_WEEKS - 1 - i)));
	const usageRows = await db
		.select({
			day: schoolDailyStats.day,
			learners: sql<number>`sum(${schoolDailyStats.activeLearners7d})`,
			parents: sql<number>`sum(${schoolDailyStats.activeParents7d})`,
			teachers: sql<number>`sum(${schoolDailyStats.activeTeachers7d})`
		})
		.from(schoolDailyStats)
		.where(and(inScope, sql`${schoolDailyStats.day} in (${sql.join(days.map((d) => sql`${d}::date`), sql`, `)})`))
		.groupBy(schoolDailyStats.day);
	const byDay = new Map(usageRows.map((r) => [String(r.day), r]));
	const series = (k: 'learners' | 'parents' | 'teachers') => days.map((d) => (byDay.has(d) ? n(byDay.get(d)![k]) : null));

	// Key counts per management unit, and the schools below a unit or school.
	const units: UnitCounts[] = day
		? (
				await db
					.select({
						unitId: schoolDailyStats.orgUnitId,
						unitName: orgUnits.name,
						schools: sql<number>`count(*)`,
						learners: sql<number>`sum(${schoolDailyStats.learners})`,
						teachers: sql<number>`sum(${schoolDailyStats.teachers})`,
						parents: sql<number>`sum(${schoolDailyStats.parents})`,
						accounts: sql<number>`sum(${schoolDailyStats.accounts})`,
						activeAccounts30d: sql<number>`sum(${schoolDailyStats.activeAccounts30d})`,
						classes: sql<number>`sum(${schoolDailyStats.classes})`,
						classesWithGrades: sql<number>`sum(${schoolDailyStats.classesWithGrades})`
					})
					.from(schoolDailyStats)
					.innerJoin(orgUnits, eq(orgUnits.id, schoolDailyStats.orgUnitId))
					.where(and(inScope, eq(schoolDailyStats.day, day)))
					.groupBy(schoolDailyStats.orgUnitId, orgUnits.name)
					.orderBy(asc(orgUnits.name))
			).map((r) => ({ ...r, schools: n(r.schools), learners: n(r.learners), teachers: n(r.teachers), parents: n(r.parents), accounts: n(r.accounts), activeAccounts30d: n(r.activeAccounts30d), classes: n(r.classes), classesWithGrades: n(r.classesWithGrades) }))
		: [];
	const schoolRows: SchoolCounts[] =
		day && scope.level !== 'city'
			? await db
					.select({
						schoolId: schools.id,
						code: schools.code,
						name: schools.name,
						learners: schoolDailyStats.learners,
						teachers: schoolDailyStats.teachers,
						activeAccounts30d: schoolDailyStats.activeAccounts30d,
						classes: schoolDailyStats.classes,
						classesWithGrades: schoolDailyStats.classesWithGrades
					})
					.from(schoolDailyStats)
					.innerJoin(schools, eq(schools.id, schoolDailyStats.schoolId))
					.where(and(inScope, eq(schoolDailyStats.day, day)))
					.orderBy(asc(schools.name))
			: [];

	// Results: the latest school year and term with averages in the scope (as of a day: the term then).
	const inResults = sql`${schoolResultStats.path} like ${underPattern(scope.path)}`;
	const [period] = opts.asOf
		? [await termInEffect(db, scope.path, today)].filter((x) => x !== null)
		: await db
				.select({ schoolYear: schoolResultStats.schoolYear, term: schoolResultStats.term })
				.from(schoolResultStats)
				.where(inResults)
				.orderBy(sql`${schoolResultStats.schoolYear} desc`, sql`${schoolResultStats.term} desc`)
				.limit(1);
	const bands = emptyBands();
	const byUnit = new Map<string, { unitId: string; unitName: string; bands: Record<BandKey, number> }>();
	if (period) {
		const rows = await db
			.select({ unitId: schoolResultStats.orgUnitId, unitName: orgUnits.name, band: schoolResultStats.band, averages: sql<number>`sum(${schoolResultStats.averages})` })
			.from(schoolResultStats)
			.innerJoin(orgUnits, eq(orgUnits.id, schoolResultStats.orgUnitId))
			.where(and(inResults, eq(schoolResultStats.schoolYear, period.schoolYear), eq(schoolResultStats.term, period.term)))
			.groupBy(schoolResultStats.orgUnitId, orgUnits.name, schoolResultStats.band)
			.orderBy(asc(orgUnits.name));
		for (const r of rows) {
			const key = r.band as BandKey;
			if (!(key in bands)) continue;
			bands[key] += n(r.averages);
			if (!byUnit.has(r.unitId)) byUnit.set(r.unitId, { unitId: r.unitId, unitName: r.unitName, bands: emptyBands() });
			byUnit.get(r.unitId)!.bands[key] += n(r.averages);
		}
	}

	return {
		scope,
		day: day ? String(day) : null,
		refreshedAt: latest?.refreshedAt ? new Date(latest.refreshedAt).toISOString() : null,
		usage: { days, learners: series('learners'), parents: series('parents'), teachers: series('teachers') },
		results: { schoolYear: period?.schoolYear ?? null, term: period?.term ?? null, bands, byUnit: [...byUnit.values()] },
		units,
		schools: schoolRows,
		readiness: readiness && scope.level !== 'school' ? await readiness(db, { path: scope.path, asOf: opts.asOf ? now : undefined }) : null
	};
}
