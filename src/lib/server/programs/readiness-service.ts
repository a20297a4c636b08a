/**
 * The IT-readiness index by school and by management unit, from submitted responses to an
 * IT-readiness survey (the index is computed once on submission, readiness-rules.ts). Scoped by
 * the policy on `survey_response`: a unit officer sees their unit's schools, a leader their own.
 * Exported for the dashboards and reports: `readinessBySchool`, `readinessByUnit`.
 */
import { and, asc, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorizeList } from '../auth/authorize';
import { scopeCondition } from '../auth/policy';
import { orgUnits, schools } from '../organisations/schema';
import { surveyResponses, surveys } from './survey-schema';
import { IT_READINESS_TEMPLATE } from './readiness-rules';
import { NotFoundError } from '../errors';
import { m } from '#lib/paraglide/messages.js';
import { underPattern } from '../db/like';

const visible = (p: Principal) => scopeCondition(p, 'read', 'survey_response', { path: surveyResponses.path });

/** The IT-readiness survey meant: the one named (404 unless it is one and the caller sees a response of it), else the latest sent. */
export interface ReadinessSurvey {
	id: string;
	title: string;
	sentAt: Date | null;
	closesAt: Date | null;
}

export async function readinessSurvey(db: Executor, p: Principal, surveyId?: string): Promise<ReadinessSurvey | null> {
	authorizeList(p, 'survey_response');
	const s = await latestReadinessSurvey(db, visible(p), p.grants.map((g) => g.scopePath), surveyId);
	if (!s && surveyId) throw new NotFoundError(m.error_not_found());
	return s;
}

/**
 * The latest sent IT-readiness survey (or the one named) with a response matching `responses`.
 * One sent from the scope itself or above it (`scopes`: the org paths the caller looks from)
 * comes before one a unit below sent to its own schools, so a ward's follow-up survey of two
 * schools never replaces the city's survey of every school on the city's table.
 */
async function latestReadinessSurvey(db: Executor, responses: SQL, scopes: string[], surveyId?: string, sentBy?: Date): Promise<ReadinessSurvey | null> {
	const conds = [eq(surveys.template, IT_READINESS_TEMPLATE), eq(surveys.status, 'sent'), exists(db.select({ one: sql`1` }).from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveys.id), responses)))];
	if (surveyId) conds.push(eq(surveys.id, surveyId));
	if (sentBy) conds.push(sql`${surveys.sentAt} <= ${sentBy.toISOString()}::timestamptz`);
	const covering = scopes.length ? sql`(${sql.join(scopes.map((x) => sql`left(${x}, length(${surveys.path})) = ${surveys.path}`), sql` or `)})` : sql`false`;
	const [s] = await db
		.select({ id: surveys.id, title: surveys.title, sentAt: surveys.sentAt, closesAt: surveys.closesAt })
		.from(surveys)
		.where(and(...conds))
		.orderBy(desc(covering), desc(surveys.sentAt))
		.limit(1);
	return s ?? null;
}

export interface SchoolReadiness {
	schoolId: string;
	code: string;
	name: string;
	orgUnitId: string;
	unitName: string;
	status: string;
	index: number | null;
	ready: boolean | null;
}

/** Every targeted school the caller may see, with its index and readiness once submitted. */
export async function readinessBySchool(db: Executor, p: Principal, surveyId?: string): Promise<{ survey: ReadinessSurvey | null; schools: SchoolReadiness[] }> {
	const s = await readinessSurvey(db, p, surveyId);
	if (!s) return { survey: null, schools: [] };
	const rows = await db
		.select({ schoolId: schools.id, code: schools.code, name: schools.name, orgUnitId: schools.orgUnitId, unitName: orgUnits.name, status: surveyResponses.status, index: surveyResponses.readinessIndex, ready: surveyResponses.ready })
		.from(surveyResponses)
		.innerJoin(schools, eq(schools.id, surveyResponses.schoolId))
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.where(and(eq(surveyResponses.surveyId, s.id), visible(p)))
		.orderBy(asc(orgUnits.name), asc(schools.name));
	return { survey: s, schools: rows.map((r) => ({ ...r, index: r.status === 'submitted' ? r.index : null, ready: r.status === 'submitted' ? r.ready : null })) };
}

export interface UnitReadiness {
	orgUnitId: string;
	name: string;
	schools: number;
	submitted: number;
	/** Average over submitted responses; null when none submitted. */
	averageIndex: number | null;
	ready: number;
}

/** Per management unit (schools.org_unit_id): schools targeted, submitted, average index, ready count — SQL aggregates. */
export async function readinessByUnit(db: Executor, p: Principal, surveyId?: string): Promise<{ survey: ReadinessSurvey | null; units: UnitReadiness[] }> {
	const s = await readinessSurvey(db, p, surveyId);
	return { survey: s, units: s ? await unitsOf(db, s, visible(p)) : [] };
}

/**
 * The same table for the schools under an org path, from the latest IT-readiness survey answered
 * there: for the dashboards, which have already decided that the caller may read that scope.
 * With `asOf` (a report's period end), as it stood then: the latest survey sent by then, counting
 * only the responses submitted by then (one submitted later is still "not submitted").
 */
export async function readinessByUnitUnder(db: Executor, path: string, asOf?: Date): Promise<UnitReadiness[]> {
	const under = sql`${surveyResponses.path} like ${underPattern(path)}`;
	const s = await latestReadinessSurvey(db, under, [path], undefined, asOf);
	return s ? unitsOf(db, s, under, asOf) : [];
}

async function unitsOf(db: Executor, s: ReadinessSurvey, responses: SQL, asOf?: Date): Promise<UnitReadiness[]> {
	const submitted = asOf ? sql`(${surveyResponses.status} = 'submitted' and ${surveyResponses.submittedAt} <= ${asOf.toISOString()}::timestamptz)` : sql`${surveyResponses.status} = 'submitted'`;
	const rows = await db
		.select({
			orgUnitId: orgUnits.id,
			name: orgUnits.name,
			schools: sql<number>`count(*)::int`,
			submitted: sql<number>`count(*) filter (where ${submitted})::int`,
			averageIndex: sql<number | null>`round(avg(${surveyResponses.readinessIndex}) filter (where ${submitted})::numeric, 1)::float8`,
			ready: sql<number>`count(*) filter (where ${submitted} and ${surveyResponses.ready})::int`
		})
		.from(surveyResponses)
		.innerJoin(schools, eq(schools.id, surveyResponses.schoolId))
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.where(and(eq(surveyResponses.surveyId, s.id), responses))
		.groupBy(orgUnits.id, orgUnits.name)
		.orderBy(asc(orgUnits.name));
	return rows;
}
