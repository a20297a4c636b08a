/**
 * Periodic reports (báo cáo định kỳ) up the tree: a school's leader reports to the school's
 * management unit, a unit's officer to the city, the city's officer to the city people's
 * committee (the top: submitted is final). Under the central policy (kind `program_report`,
 * read/create/update `within`; `ownsReport` writes and submits, `receivesReport` accepts or
 * returns); the moves themselves are the pure state machine of report-workflow.ts.
 *
 * A draft's figures are computed live (report-figures.ts); on submission they are stored with the
 * report, which no longer changes. Every change runs in one transaction with its audit record,
 * on the report row locked (`for update`), so two submissions cannot both pass.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeList } from '../auth/authorize';
import { ownsReport, receivesReport, scopeCondition } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { alreadyNotified, notify, notifyInBatches, type Notice } from '../notifications/service';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { persons, roleGrants } from '../people/schema';
import { fullName } from '../people/names';
import { programReports } from './report-schema';
import { dueDate, dueInstant, emptyNarrative, formatDay, parentPath, periodHasBegun, periodLabel, periodOf, periodsToWatch, reminderStage, TEMPLATES, type Narrative, type ReportLevel, type ReportStatus, type ReportTemplate } from './report-rules';
import { isLive, move, movesOpen, type ReportActor, type ReportMove } from './report-workflow';
import { reportFigures } from './report-figures';
import type { Figure } from './figures';
import { encodeReportCursor, REPORTS_PAGE_SIZE, type CreateReportInput, type ReportCursor, type ReportsQuery } from './report-inputs';
import { m } from '#lib/paraglide/messages.js';

type Report = typeof programReports.$inferSelect;
const cols = { path: programReports.path };
const OWNER_ROLE = { school: 'school_leader', unit: 'unit_officer', city: 'city_officer' } as const;
const PROGRAM_OFFICER_ROLES = new Set<string>(['unit_officer', 'city_officer']);

export const templateTitle = (t: ReportTemplate) => ({ monthly: m.prgrep_template_monthly, quarterly: m.prgrep_template_quarterly, yearly: m.prgrep_template_yearly })[t]();
export const statusLabel = (s: ReportStatus, top = false) => (top && s === 'submitted' ? m.prgrep_status_final() : { draft: m.prgrep_status_draft, submitted: m.prgrep_status_submitted, accepted: m.prgrep_status_accepted, returned: m.prgrep_status_returned }[s]());

/** An organisation that reports: its level, path and name (and the ids to store). */
export interface ReportingOrg {
	level: ReportLevel;
	path: string;
	name: string;
	schoolId: string | null;
	orgUnitId: string | null;
	/** `school:<id>` or `unit:<id>`: the value of the create form's choice. */
	value: string;
}

/** The organisations the caller reports for: each grant of a reporting officer on exactly their org. */
export async function reportingOrgs(db: Executor, p: Principal): Promise<ReportingOrg[]> {
	const schoolIds = [...new Set(p.grants.filter((g) => g.role === 'school_leader' && g.scopeType === 'school' && g.scopeId).map((g) => g.scopeId!))];
	const unitIds = [...new Set(p.grants.filter((g) => (g.role === 'unit_officer' && g.scopeType === 'org_unit') || (g.role === 'city_officer' && g.scopeType === 'city')).map((g) => g.scopeId).filter((x): x is string => !!x))];
	const ss = schoolIds.length ? await db.select().from(schools).where(inArray(schools.id, schoolIds)) : [];
	const us = unitIds.length ? await db.select().from(orgUnits).where(inArray(orgUnits.id, unitIds)) : [];
	const out: ReportingOrg[] = [
		...ss.map((s) => ({ level: 'school' as const, path: s.path, name: s.name, schoolId: s.id, orgUnitId: null, value: `school:${s.id}` })),
		...us.map((u) => ({ level: (u.parentId ? 'unit' : 'city') as ReportLevel, path: u.path, name: u.name, schoolId: null, orgUnitId: u.id, value: `unit:${u.id}` }))
	];
	return out.filter((o) => ownsReport(p, o));
}

/** The names of reports' organisations (schools' and units'). */
async function orgNames(db: Executor, rs: Pick<Report, 'schoolId' | 'orgUnitId'>[]) {
	const sIds = [...new Set(rs.map((r) => r.schoolId).filter((x): x is string => !!x))];
	const uIds = [...new Set(rs.map((r) => r.orgUnitId).filter((x): x is string => !!x))];
	const names = new Map<string, string>();
	if (sIds.length) for (const s of await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, sIds))) names.set(s.id, s.name);
	if (uIds.length) for (const u of await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, uIds))) names.set(u.id, u.name);
	return (r: Pick<Report, 'schoolId' | 'orgUnitId'>) => names.get((r.schoolId ?? r.orgUnitId)!) ?? '';
}

const resourceOf = (r: Pick<Report, 'path' | 'level'>) => ({ path: r.path, level: r.level });
function actorsOf(p: Principal, r: Report): ReportActor[] {
	const a: ReportActor[] = [];
	if (ownsReport(p, resourceOf(r))) a.push('owner');
	if (receivesReport(p, resourceOf(r))) a.push('receiver');
	return a;
}

function summary(p: Principal, r: Report, orgName: string, now: Date) {
	const period = { template: r.template, key: r.periodKey, from: r.periodFrom, to: r.periodTo };
	const top = r.level === 'city';
	return {
		id: r.id,
		template: r.template,
		templateTitle: templateTitle(r.template),
		periodKey: r.periodKey,
		periodLabel: periodLabel(period),
		periodFrom: r.periodFrom.toISOString(),
		periodTo: r.periodTo.toISOString(),
		level: r.level,
		path: r.path,
		schoolId: r.schoolId,
		orgUnitId: r.orgUnitId,
		orgName,
		status: r.status,
		statusLabel: statusLabel(r.status, top),
		top,
		dueDate: formatDay(dueDate(r.level, period)),
		overdue: (r.status === 'draft' || r.status === 'returned') && now >= dueInstant(r.level, period),
		submittedAt: r.submittedAt?.toISOString() ?? null,
		decidedAt: r.decidedAt?.toISOString() ?? null,
		decisionComment: r.decisionComment,
		mine: ownsReport(p, resourceOf(r)),
		toMe: receivesReport(p, resourceOf(r))
	};
}
export type ReportSummary = ReturnType<typeof summary>;

/** A page of the reports list and the cursor of the next (null on the last page). */
export interface ReportsPage {
	items: ReportSummary[];
	next: string | null;
}

/**
 * The reports the caller may read (their own, those sent to them, those under them), a page at a
 * time (keyset paging, report-inputs.ts `ReportCursor`). The caller's own reports and those sent
 * to them come first, newest period first, then the others: the city's officer can read every
 * school's report (thousands a month), and those never push the ones they must act on to a later
 * page. Every report is on exactly one page.
 */
export async function listReports(db: Executor, p: Principal, f: Partial<ReportsQuery> = {}, now = new Date()): Promise<ReportsPage> {
	authorizeList(p, 'program_report');
	const limit = f.limit ?? REPORTS_PAGE_SIZE;
	const conds: SQL[] = [scopeCondition(p, 'read', 'program_report', cols)];
	if (f.template) conds.push(eq(programReports.template, f.template));
	if (f.period) conds.push(eq(programReports.periodKey, f.period));
	if (f.status) conds.push(eq(programReports.status, f.status));
	const ownPaths = [...new Set(p.grants.filter((g) => g.role === 'school_leader' || PROGRAM_OFFICER_ROLES.has(g.role)).map((g) => g.scopePath))];
	const officerPaths = [...new Set(p.grants.filter((g) => PROGRAM_OFFICER_ROLES.has(g.role)).map((g) => g.scopePath))];
	const near: SQL[] = [sql`false`];
	if (ownPaths.length) near.push(inArray(programReports.path, ownPaths));
	if (officerPaths.length) near.push(inArray(sql`regexp_replace(${programReports.path}, '[^/]+/$', '')`, officerPaths));
	const rank = sql<number>`(case when ${or(...near)} then 0 else 1 end)`;
	if (f.cursor) conds.push(afterCursor(rank, f.cursor));
	const rs = await db
		.select({ report: programReports, rank })
		.from(programReports)
		.where(and(...conds))
		.orderBy(rank, desc(programReports.periodFrom), asc(programReports.template), asc(programReports.path))
		.limit(limit + 1);
	const page = rs.slice(0, limit);
	const last = page.at(-1);
	const next = rs.length > limit && last ? encodeReportCursor({ rank: Number(last.rank) === 0 ? 0 : 1, from: last.report.periodFrom.toISOString(), template: last.report.template, path: last.report.path }) : null;
	const name = await orgNames(db, page.map((x) => x.report));
	return { items: page.map(({ report: r }) => summary(p, r, name(r), now)), next };
}

/** The rows after the cursor in the list's order: rank, period newest first, template, path. */
function afterCursor(rank: SQL, c: ReportCursor): SQL {
	const from = sql`${c.from}::timestamptz`;
	const template = sql`${c.template}::program_report_template`;
	return sql`(${rank} > ${c.rank} or (${rank} = ${c.rank} and (${programReports.periodFrom} < ${from} or (${programReports.periodFrom} = ${from} and (${programReports.template} > ${template} or (${programReports.template} = ${template} and ${programReports.path} > ${c.path}))))))`;
}

async function loadReport(db: Executor, p: Principal, id: string, lock = false): Promise<Report> {
	const q = db.select().from(programReports).where(eq(programReports.id, id));
	const [r] = lock ? await q.for('update') : await q;
	authorize(p, 'read', 'program_report', r ? resourceOf(r) : undefined);
	return r;
}

const scopeOf = (r: Pick<Report, 'path' | 'periodFrom' | 'periodTo'>) => ({ path: r.path, from: r.periodFrom, to: r.periodTo });

/** The figures to show: live while a draft, else the snapshot stored on submission. */
async function figuresOf(db: Executor, r: Report): Promise<Figure[]> {
	if (!isLive(r.status) && r.figures) return r.figures;
	return reportFigures(db, r.template, scopeOf(r));
}

/** The organisations one level below: a unit's schools, the city's units and the schools directly under it. */
async function childOrgs(db: Executor, r: Report): Promise<{ level: ReportLevel; path: string; name: string }[]> {
	if (r.level === 'school' || !r.orgUnitId) return [];
	const ss = await db.select({ path: schools.path, name: schools.name }).from(schools).where(eq(schools.orgUnitId, r.orgUnitId)).orderBy(asc(schools.name));
	const us = r.level === 'city' ? await db.select({ path: orgUnits.path, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.parentId, r.orgUnitId)).orderBy(asc(orgUnits.name)) : [];
	return [...us.map((u) => ({ level: 'unit' as const, ...u })), ...ss.map((s) => ({ level: 'school' as const, ...s }))];
}

/** The roll-up: which organisations below sent their report for the same template and period. */
async function rollup(db: Executor, p: Principal, r: Report) {
	const below = await childOrgs(db, r);
	if (!below.length) return { rows: [], total: 0, submitted: 0, accepted: 0 };
	const reports = await db
		.select()
		.from(programReports)
		.where(and(eq(programReports.template, r.template), eq(programReports.periodKey, r.periodKey), inArray(programReports.path, below.map((b) => b.path)), scopeCondition(p, 'read', 'program_report', cols)));
	const byPath = new Map(reports.map((x) => [x.path, x]));
	const rows = below.map((b) => {
		const x = byPath.get(b.path);
		return { level: b.level, name: b.name, path: b.path, reportId: x?.id ?? null, status: x?.status ?? null, statusLabel: x ? statusLabel(x.status) : m.prgrep_status_missing(), submittedAt: x?.submittedAt?.toISOString() ?? null };
	});
	return { rows, total: rows.length, submitted: rows.filter((x) => x.status === 'submitted' || x.status === 'accepted').length, accepted: rows.filter((x) => x.status === 'accepted').length };
}

/** One report with its figures, narrative, the moves open to the caller and the roll-up of the level below. */
export async function getReport(db: Executor, p: Principal, id: string, now = new Date()) {
	const r = await loadReport(db, p, id);
	const name = await orgNames(db, [r]);
	const [submitter] = r.submittedBy ? await db.select().from(persons).where(eq(persons.id, r.submittedBy)) : [];
	const parent = r.level === 'school' && r.schoolId ? (await db.select({ name: orgUnits.name }).from(schools).innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId)).where(eq(schools.id, r.schoolId)))[0]?.name : r.orgUnitId ? (await db.select({ name: sql<string>`p.name` }).from(orgUnits).innerJoin(sql`org_units p`, sql`p.id = ${orgUnits.parentId}`).where(eq(orgUnits.id, r.orgUnitId)))[0]?.name : undefined;
	return {
		...summary(p, r, name(r), now),
		parentName: parent ?? null,
		narrative: { ...emptyNarrative(), ...r.narrative },
		sections: TEMPLATES[r.template].sections,
		live: isLive(r.status),
		figures: await figuresOf(db, r),
		submittedByName: submitter ? fullName(submitter) : null,
		moves: movesOpen(r.status, actorsOf(p, r), { top: r.level === 'city' }),
		rollup: await rollup(db, p, r)
	};
}
export type ReportView = Awaited<ReturnType<typeof getReport>>;

/**
 * The caller's upcoming and missed deadlines: for each organisation they report for and each
 * period being watched (current and previous of every template), those not yet submitted, with
 * their due date and whether a draft exists — the list page's "deadlines" table.
 */
export async function myDeadlines(db: Executor, p: Principal, now = new Date()) {
	const orgs = await reportingOrgs(db, p);
	if (!orgs.length) return [];
	const periods = periodsToWatch(now);
	const rs = await db
		.select({ id: programReports.id, path: programReports.path, template: programReports.template, periodKey: programReports.periodKey, status: programReports.status })
		.from(programReports)
		.where(and(inArray(programReports.path, orgs.map((o) => o.path)), inArray(programReports.periodKey, periods.map((x) => x.key))));
	const out = [];
	for (const o of orgs)
		for (const period of periods) {
			const r = rs.find((x) => x.path === o.path && x.template === period.template && x.periodKey === period.key);
			if (r && (r.status === 'submitted' || r.status === 'accepted')) continue;
			const dueAt = dueInstant(o.level, period);
			// Only what is due within the next 40 days or already overdue.
			if (dueAt.getTime() - now.getTime() > 40 * 86_400_000) continue;
			out.push({ org: o.value, orgName: o.name, template: period.template, templateTitle: templateTitle(period.template), periodKey: period.key, periodLabel: periodLabel(period), dueDate: formatDay(dueDate(o.level, period)), dueAt: dueAt.toISOString(), overdue: now >= dueAt, reportId: r?.id ?? null, status: r ? statusLabel(r.status) : m.prgrep_status_missing() });
		}
	return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Generate a report (a draft) for one of the caller's organisations and a period that has begun. */
export async function createReport(db: Executor, p: Principal, input: CreateReportInput, now = new Date()) {
	const period = periodOf(input.template, input.period);
	if (!period) throw new ValidationError(m.error_invalid_input(), [{ path: 'period', message: m.prgrep_period_bad() }]);
	const org = (await reportingOrgs(db, p)).find((o) => o.value === input.org);
	if (!org) {
		authorizeList(p, 'program_report');
		throw new ValidationError(m.error_invalid_input(), [{ path: 'org', message: m.prgrep_org_bad() }]);
	}
	if (!periodHasBegun(period, now)) throw new ValidationError(m.error_invalid_input(), [{ path: 'period', message: m.prgrep_period_future({ period: periodLabel(period) }) }]);
	return db.transaction(async (tx) => {
		const [r] = await tx
			.insert(programReports)
			.values({ template: input.template, periodKey: period.key, periodFrom: period.from, periodTo: period.to, level: org.level, schoolId: org.schoolId, orgUnitId: org.orgUnitId, path: org.path, narrative: emptyNarrative(), createdBy: p.personId })
			.onConflictDoNothing()
			.returning();
		if (!r) throw new ConflictError(m.prgrep_exists());
		await writeAudit(tx, p, { action: 'create', entityType: 'program_report', entityId: r.id, scopePath: r.path, schoolId: r.schoolId, after: r });
		return summary(p, r, org.name, now);
	});
}

function refuse(reason: 'not_allowed' | 'wrong_status' | 'no_receiver', r: Report): never {
	if (reason === 'not_allowed') throw new ForbiddenError(m.prgrep_not_allowed());
	if (reason === 'no_receiver') throw new ConflictError(m.prgrep_no_receiver());
	throw new ConflictError(m.prgrep_wrong_status({ status: statusLabel(r.status, r.level === 'city') }));
}

/** Locks the report, checks the move, and runs the change with its audit record. */
async function transition(db: Executor, p: Principal, id: string, mv: ReportMove, change: (tx: Executor, r: Report) => Promise<Partial<typeof programReports.$inferInsert>>, after?: (tx: Executor, before: Report, r: Report) => Promise<void>) {
	return db.transaction(async (tx) => {
		const r = await loadReport(tx, p, id, true);
		authorize(p, 'update', 'program_report', resourceOf(r));
		const res = move(mv, r.status, actorsOf(p, r), { top: r.level === 'city' });
		if (!res.ok) refuse(res.reason, r);
		const set = await change(tx, r);
		const [next] = await tx
			.update(programReports)
			.set({ ...set, status: res.to, updatedAt: new Date() })
			.where(eq(programReports.id, id))
			.returning();
		await writeAudit(tx, p, { action: mv, entityType: 'program_report', entityId: id, scopePath: r.path, schoolId: r.schoolId, before: { status: r.status, narrative: r.narrative }, after: { status: next.status, narrative: next.narrative, decisionComment: next.decisionComment } });
		if (after) await after(tx, r, next);
		const name = await orgNames(tx, [next]);
		return summary(p, next, name(next), new Date());
	});
}

const cleanNarrative = (n: Partial<Narrative> | undefined, base: Narrative): Narrative => ({ ...base, ...Object.fromEntries(Object.entries(n ?? {}).filter(([, v]) => typeof v === 'string')) });

/** The owner edits the narrative (a returned report becomes a draft again). */
export async function saveNarrative(db: Executor, p: Principal, id: string, narrative: Partial<Narrative>) {
	return transition(db, p, id, 'edit', async (_tx, r) => ({ narrative: cleanNarrative(narrative, { ...emptyNarrative(), ...r.narrative }) }));
}

/** People holding a role on exactly a path (a report's owners or its receivers). */
async function holders(tx: Executor, path: string, roles: readonly ('school_leader' | 'unit_officer' | 'city_officer')[]) {
	const rs = await tx.selectDistinct({ id: roleGrants.personId }).from(roleGrants).where(and(eq(roleGrants.scopePath, path), inArray(roleGrants.role, [...roles])));
	return rs.map((x) => x.id);
}

/** The owner submits (with the narrative's last edit, if given): the figures are snapshotted; the receivers are notified. */
export async function submitReport(db: Executor, p: Principal, id: string, narrative?: Partial<Narrative>) {
	const now = new Date();
	return transition(
		db,
		p,
		id,
		'submit',
		async (tx, r) => ({ narrative: cleanNarrative(narrative, { ...emptyNarrative(), ...r.narrative }), figures: await reportFigures(tx, r.template, scopeOf(r)), submittedBy: p.personId, submittedAt: now, decidedBy: null, decidedAt: null }),
		async (tx, _before, r) => {
			const parent = parentPath(r.path);
			if (r.level === 'city' || !parent) return;
			const name = await orgNames(tx, [r]);
			await notify(tx, {
				to: (await holders(tx, parent, ['unit_officer', 'city_officer'])).filter((x) => x !== p.personId),
				kind: 'program_report_submitted',
				title: m.prgrep_ntf_submitted({ org: name(r), report: templateTitle(r.template).toLowerCase(), period: periodLabel({ template: r.template, key: r.periodKey }) }),
				link: `/programs/reports/${r.id}`,
				schoolId: r.schoolId,
				key: `program_report:${r.id}:submitted:${now.getTime()}`
			});
		}
	);
}

/** The receiver accepts or returns a submitted report with a comment (needed to return); the sender is notified. */
export async function decideReport(db: Executor, p: Principal, id: string, decision: 'accept' | 'return', comment: string) {
	const now = new Date();
	return transition(
		db,
		p,
		id,
		decision,
		async () => {
			// Checked after the caller's right and the status: someone who may not decide gets 403/409, not "write a reason".
			if (decision === 'return' && !comment.trim()) throw new ValidationError(m.error_invalid_input(), [{ path: 'comment', message: m.prgrep_comment_required() }]);
			return { decidedBy: p.personId, decidedAt: now, decisionComment: comment.trim() };
		},
		async (tx, _before, r) => {
			const to = [...new Set([r.submittedBy, ...(await holders(tx, r.path, [OWNER_ROLE[r.level]]))].filter((x): x is string => !!x))];
			const params = { report: templateTitle(r.template), period: periodLabel({ template: r.template, key: r.periodKey }) };
			await notify(tx, {
				to,
				kind: 'program_report_decided',
				title: decision === 'accept' ? m.prgrep_ntf_accepted(params) : m.prgrep_ntf_returned(params),
				body: comment.trim(),
				link: `/programs/reports/${r.id}`,
				schoolId: r.schoolId,
				key: `program_report:${r.id}:${decision}:${now.getTime()}`
			});
		}
	);
}

/** The figures over any path the caller may read reports of, for a period (the API's report-figures). */
export async function figuresFor(db: Executor, p: Principal, q: { path: string; from: Date; to: Date; template?: ReportTemplate }) {
	authorize(p, 'read', 'program_report', { path: q.path });
	return reportFigures(db, q.template ?? 'yearly', q);
}

/**
 * Deadline reminders: for the periods being watched (the current and previous of each template),
 * every organisation that has not submitted gets, once each, a reminder 3 days before the due
 * day, on the day, and once overdue (notify keys). Schools and units report; so does the city.
 */
export async function sendReportReminders(db: Executor, now = new Date()) {
	const orgs = [
		...(await db.select({ path: schools.path, schoolId: schools.id }).from(schools)).map((s) => ({ level: 'school' as ReportLevel, path: s.path, schoolId: s.schoolId as string | null })),
		...(await db.select({ path: orgUnits.path, parentId: orgUnits.parentId }).from(orgUnits).where(sql`exists (select 1 from schools s where s.path like ${orgUnits.path} || '%')`)).map((u) => ({ level: (u.parentId ? 'unit' : 'city') as ReportLevel, path: u.path, schoolId: null }))
	];
	// Who reports for each org (its officers), read once; orgs nobody reports for are skipped.
	const grants = await db.select({ personId: roleGrants.personId, role: roleGrants.role, path: roleGrants.scopePath }).from(roleGrants).where(inArray(roleGrants.role, ['school_leader', 'unit_officer', 'city_officer']));
	// Indexed by role and path once: a scan of every grant per organisation and period is ~10⁸ steps for the city.
	const owners = new Map<string, Set<string>>();
	for (const g of grants) {
		const k = `${g.role}|${g.path}`;
		if (!owners.has(k)) owners.set(k, new Set());
		owners.get(k)!.add(g.personId);
	}
	const ownersOf = (level: ReportLevel, path: string) => [...(owners.get(`${OWNER_ROLE[level]}|${path}`) ?? [])];
	const notices: Notice[] = [];
	for (const period of periodsToWatch(now)) {
		const due = orgs.flatMap((o) => {
			const stage = reminderStage(o.level, period, now);
			const to = stage ? ownersOf(o.level, o.path) : [];
			return stage && to.length ? [{ o, stage, to }] : [];
		});
		if (!due.length) continue;
		const done = new Set(
			(
				await db
					.select({ path: programReports.path })
					.from(programReports)
					.where(and(eq(programReports.template, period.template), eq(programReports.periodKey, period.key), inArray(programReports.status, ['submitted', 'accepted'])))
			).map((x) => x.path)
		);
		const keyOf = (path: string, stage: string) => `program_report_reminder:${path}:${period.template}:${period.key}:${stage}`;
		const unsubmitted = due.filter((x) => !done.has(x.o.path));
		// Reminders already sent (every hourly run after the first finds them all here).
		const sentKeys = await alreadyNotified(db, unsubmitted.flatMap((x) => x.to), unsubmitted.map((x) => keyOf(x.o.path, x.stage!)));
		for (const { o, stage, to } of unsubmitted) {
			const key = keyOf(o.path, stage!);
			if (sentKeys.has(key)) continue;
			const params = { report: templateTitle(period.template), period: periodLabel(period), date: formatDay(dueDate(o.level, period)) };
			const title = stage === 'soon' ? m.prgrep_ntf_reminder_soon(params) : stage === 'due' ? m.prgrep_ntf_reminder_due(params) : m.prgrep_ntf_reminder_overdue(params);
			notices.push({ to, kind: 'program_report_reminder', title, link: '/programs/reports', schoolId: o.schoolId, key });
		}
	}
	if (!notices.length) return 0;
	// A few queries per batch of reminders, each batch its own transaction (notifyInBatches): the notify
	// keys keep two processes running the job at once from sending twice, and what fails is tried again next run.
	return (await notifyInBatches(db, notices, now)).flat().length;
}

