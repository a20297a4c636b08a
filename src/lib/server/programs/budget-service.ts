/**
 * The program's budget (kinh phí): tasks, the plan per task and year, commitments and spending
 * with documents, and the report (plan, committed, spent, remaining, % executed) by SQL aggregates.
 * Under the central policy's kind `budget` at the city's path: the program office (city officer)
 * reads and writes; anyone else gets 404. Every write is one transaction with its audit record.
 *
 * Commitments and spending are never edited: `reverse…` adds a negative entry with a reason.
 * A payment is checked against its commitment under a lock on the commitment row, so two payments
 * at once cannot together exceed it.
 */
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { can } from '../auth/policy';
import { writeAudit, writeAudits } from '../audit/service';
import { NotFoundError, ValidationError } from '../errors';
import { orgUnits } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName } from '../people/names';
import { files } from '../files/schema';
import { downloadResponse, presentFile, recordFiles } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { budgetCommitments, budgetPlans, budgetSpending, budgetSpendingFiles, budgetTasks, type BudgetTask } from './budget-schema';
import { amountProblem, overPlan, parseVnd, PROGRAM_YEARS, reportRows, reversalProblem, spendingProblem, ZERO, executed, type EntryProblem, type Totals } from './budget-rules';
import type { CommitmentInput, PlansInput, ReversalInput, SpendingInput, TaskInput, TaskPatch } from './budget-inputs';
import { buildBudgetWorkbook, budgetFileName, readPlanSheet } from './budget-xlsx';
import { todayInVietnam } from '#lib/format';
import { m } from '#lib/paraglide/messages.js';
import { refuseDuplicate } from '../db/errors';

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);

const problemText: Record<EntryProblem, () => string> = {
	not_positive: m.prgbud_amount_positive,
	too_large: m.prgbud_amount_too_large,
	exceeds_commitment: m.prgbud_exceeds_commitment,
	commitment_other_task: m.prgbud_commitment_other_task,
	reversal_of_reversal: m.prgbud_reversal_of_reversal,
	exceeds_original: m.prgbud_exceeds_original,
	below_spent: m.prgbud_below_spent
};
const problemPath: Record<EntryProblem, string> = { not_positive: 'amount', too_large: 'amount', exceeds_commitment: 'amount', commitment_other_task: 'commitmentId', reversal_of_reversal: 'amount', exceeds_original: 'amount', below_spent: 'amount' };
const refuse = (problem: EntryProblem) => invalid(problemPath[problem], problemText[problem]());

/** JSON- and audit-safe: bigints as digit strings. */
export function plain<T>(v: T): unknown {
	return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)));
}

// ── Where the budget lives ─────────────────────────────────────────────────────────────────────

/** The city department (the root org unit): the program office's unit, where the budget lives. */
export async function budgetHome(db: Executor): Promise<{ id: string; path: string } | undefined> {
	const [u] = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(and(isNull(orgUnits.parentId), eq(orgUnits.kind, 'department'))).orderBy(asc(orgUnits.path)).limit(1);
	return u;
}

/** The budget's home if the caller may do `action` on it; 404 for whoever may not read it. */
export async function budgetAccess(db: Executor, p: Principal, action: 'read' | 'create' | 'update' = 'read') {
	const home = await budgetHome(db);
	authorize(p, action, 'budget', home ? { path: home.path } : undefined);
	return home!;
}

/** Whether the caller may change the budget (an administrator reads it but changes nothing). */
export async function mayEditBudget(db: Executor, p: Principal): Promise<boolean> {
	const home = await budgetHome(db);
	return !!home && can(p, 'update', 'budget', { path: home.path });
}

async function tasksOf(db: Executor, path: string) {
	return db.select().from(budgetTasks).where(eq(budgetTasks.path, path));
}

/** A task of the budget that entries and plans go on: one without sub-tasks. */
async function leafTask(db: Executor, path: string, taskId: string, field = 'taskId'): Promise<BudgetTask> {
	const [t] = await db.select().from(budgetTasks).where(and(eq(budgetTasks.id, taskId), eq(budgetTasks.path, path)));
	if (!t) throw invalid(field, m.prgbud_task_unknown());
	const [child] = await db.select({ id: budgetTasks.id }).from(budgetTasks).where(eq(budgetTasks.parentId, t.id)).limit(1);
	if (child) throw invalid(field, m.prgbud_task_has_subtasks());
	return t;
}

// ── Aggregates ────────────────────────────────────────────────────────────────────────────────

const sumText = (col: typeof budgetPlans.amount | typeof budgetCommitments.amount | typeof budgetSpending.amount) => sql<string>`coalesce(sum(${col}), 0)::text`;

/**
 * Plan, committed and spent per task (net of reversals), for the given years or all years; with
 * `before` (an ISO date), only what was signed or spent before that day — the figures as they
 * stood at a period's end (a reversal counts from the day it was entered).
 */
export async function taskTotals(db: Executor, path: string, years: number[] | null, before?: string): Promise<Map<string, Totals>> {
	const [plans, commits, spends] = await Promise.all([
		db
			.select({ taskId: budgetPlans.taskId, total: sumText(budgetPlans.amount) })
			.from(budgetPlans)
			.where(and(eq(budgetPlans.path, path), years ? inArray(budgetPlans.year, years) : undefined))
			.groupBy(budgetPlans.taskId),
		db
			.select({ taskId: budgetCommitments.taskId, total: sumText(budgetCommitments.amount) })
			.from(budgetCommitments)
			.where(and(eq(budgetCommitments.path, path), years ? inArray(budgetCommitments.year, years) : undefined, before ? lt(budgetCommitments.signedOn, before) : undefined))
			.groupBy(budgetCommitments.taskId),
		db
			.select({ taskId: budgetSpending.taskId, total: sumText(budgetSpending.amount) })
			.from(budgetSpending)
			.where(and(eq(budgetSpending.path, path), years ? inArray(budgetSpending.year, years) : undefined, before ? lt(budgetSpending.spentOn, before) : undefined))
			.groupBy(budgetSpending.taskId)
	]);
	const out = new Map<string, Totals>();
	const at = (id: string) => out.get(id) ?? (out.set(id, { ...ZERO }), out.get(id)!);
	for (const r of plans) at(r.taskId).plan = BigInt(r.total);
	for (const r of commits) at(r.taskId).committed = BigInt(r.total);
	for (const r of spends) at(r.taskId).spent = BigInt(r.total);
	return out;
}

/** What was spent (net of reversals) on the days `from` ≤ day < `before` (ISO dates), in all tasks. */
export async function spentBetween(db: Executor, path: string, from: string, before: string): Promise<bigint> {
	const [r] = await db.select({ total: sumText(budgetSpending.amount) }).from(budgetSpending).where(and(eq(budgetSpending.path, path), gte(budgetSpending.spentOn, from), lt(budgetSpending.spentOn, before)));
	return BigInt(r.total);
}

/** Plan, committed and spent per year (the all-years summary), optionally of some tasks only. */
export async function yearTotals(db: Executor, path: string, taskIds?: string[]): Promise<Map<number, Totals>> {
	const only = <C extends typeof budgetPlans.taskId | typeof budgetCommitments.taskId | typeof budgetSpending.taskId>(c: C) => (taskIds ? inArray(c, taskIds) : undefined);
	const [plans, commits, spends] = await Promise.all([
		db.select({ year: budgetPlans.year, total: sumText(budgetPlans.amount) }).from(budgetPlans).where(and(eq(budgetPlans.path, path), only(budgetPlans.taskId))).groupBy(budgetPlans.year),
		db.select({ year: budgetCommitments.year, total: sumText(budgetCommitments.amount) }).from(budgetCommitments).where(and(eq(budgetCommitments.path, path), only(budgetCommitments.taskId))).groupBy(budgetCommitments.year),
		db.select({ year: budgetSpending.year, total: sumText(budgetSpending.amount) }).from(budgetSpending).where(and(eq(budgetSpending.path, path), only(budgetSpending.taskId))).groupBy(budgetSpending.year)
	]);
	const out = new Map<number, Totals>();
	const at = (y: number) => out.get(y) ?? (out.set(y, { ...ZERO }), out.get(y)!);
	for (const r of plans) at(r.year).plan = BigInt(r.total);
	for (const r of commits) at(r.year).committed = BigInt(r.total);
	for (const r of spends) at(r.year).spent = BigInt(r.total);
	return out;
}

/** The years the report offers: the program's and any other with data, ascending. */
async function reportYears(db: Executor, path: string): Promise<number[]> {
	const ys = await yearTotals(db, path);
	return [...new Set<number>([...PROGRAM_YEARS, ...ys.keys()])].sort((a, b) => a - b);
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────

/** The report of one year (or of all years with `year` null): a row per task, parents with their sub-tasks' totals, the grand total, and every year's totals. */
export async function budgetReport(db: Executor, p: Principal, year: number | null) {
	const home = await budgetAccess(db, p);
	const [tasks, totals, years] = await Promise.all([tasksOf(db, home.path), taskTotals(db, home.path, year === null ? null : [year]), yearTotals(db, home.path)]);
	const { rows, total } = reportRows(tasks, totals);
	const allYears = [...new Set<number>([...PROGRAM_YEARS, ...years.keys()])].sort((a, b) => a - b);
	return { year, rows, total, years: allYears.map((y) => ({ year: y, ...executed(years.get(y) ?? ZERO) })) };
}
export type BudgetReport = Awaited<ReturnType<typeof budgetReport>>;

export async function listTasks(db: Executor, p: Principal) {
	const home = await budgetAccess(db, p);
	const { rows } = reportRows(await tasksOf(db, home.path), new Map());
	return rows.map((r) => ({ ...r.task, level: r.level, hasChildren: r.hasChildren }));
}

export async function getPlans(db: Executor, p: Principal, year: number) {
	const home = await budgetAccess(db, p);
	const [tasks, plans] = await Promise.all([tasksOf(db, home.path), db.select().from(budgetPlans).where(and(eq(budgetPlans.path, home.path), eq(budgetPlans.year, year)))]);
	const amount = new Map(plans.map((r) => [r.taskId, r.amount]));
	const { rows } = reportRows(tasks, new Map());
	return { year, rows: rows.map((r) => ({ task: r.task, level: r.level, editable: !r.hasChildren, amount: amount.get(r.task.id) ?? null })) };
}

const nameCols = { familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

/** Commitments with their reversals folded in: net amount and what was paid against each. */
async function commitmentsOf(db: Executor, path: string, filter: { taskIds?: string[]; year?: number }) {
	const rows = await db
		.select({ c: budgetCommitments, by: nameCols })
		.from(budgetCommitments)
		.innerJoin(persons, eq(persons.id, budgetCommitments.createdBy))
		.where(and(eq(budgetCommitments.path, path), filter.taskIds ? inArray(budgetCommitments.taskId, filter.taskIds) : undefined, filter.year ? eq(budgetCommitments.year, filter.year) : undefined))
		.orderBy(asc(budgetCommitments.signedOn), asc(budgetCommitments.createdAt));
	const ids = rows.map((r) => r.c.id);
	const paid = ids.length
		? await db.select({ id: budgetSpending.commitmentId, total: sumText(budgetSpending.amount) }).from(budgetSpending).where(inArray(budgetSpending.commitmentId, ids)).groupBy(budgetSpending.commitmentId)
		: [];
	const paidOf = new Map(paid.map((r) => [r.id!, BigInt(r.total)]));
	const reversed = new Map<string, bigint>();
	for (const r of rows) if (r.c.reversesId) reversed.set(r.c.reversesId, (reversed.get(r.c.reversesId) ?? 0n) - r.c.amount);
	return rows.map(({ c, by }) => {
		const rev = reversed.get(c.id) ?? 0n;
		return { ...c, createdByName: fullName(by), reversed: rev, net: c.reversesId ? null : c.amount - rev, paid: c.reversesId ? null : (paidOf.get(c.id) ?? 0n) };
	});
}

async function spendingOf(db: Executor, path: string, filter: { taskIds?: string[]; year?: number }) {
	const rows = await db
		.select({ s: budgetSpending, by: nameCols })
		.from(budgetSpending)
		.innerJoin(persons, eq(persons.id, budgetSpending.createdBy))
		.where(and(eq(budgetSpending.path, path), filter.taskIds ? inArray(budgetSpending.taskId, filter.taskIds) : undefined, filter.year ? eq(budgetSpending.year, filter.year) : undefined))
		.orderBy(asc(budgetSpending.spentOn), asc(budgetSpending.createdAt));
	const ids = rows.map((r) => r.s.id);
	const docs = ids.length
		? await db.select({ spendingId: budgetSpendingFiles.spendingId, file: files }).from(budgetSpendingFiles).innerJoin(files, eq(files.id, budgetSpendingFiles.fileId)).where(inArray(budgetSpendingFiles.spendingId, ids)).orderBy(asc(files.name))
		: [];
	const reversed = new Map<string, bigint>();
	for (const r of rows) if (r.s.reversesId) reversed.set(r.s.reversesId, (reversed.get(r.s.reversesId) ?? 0n) - r.s.amount);
	return rows.map(({ s, by }) => ({
		...s,
		createdByName: fullName(by),
		reversed: reversed.get(s.id) ?? 0n,
		net: s.reversesId ? null : s.amount - (reversed.get(s.id) ?? 0n),
		files: docs.filter((d) => d.spendingId === s.id).map((d) => presentFile(d.file))
	}));
}

export async function listCommitments(db: Executor, p: Principal, filter: { taskId?: string; year?: number }) {
	const home = await budgetAccess(db, p);
	return commitmentsOf(db, home.path, { taskIds: filter.taskId ? [filter.taskId] : undefined, year: filter.year });
}

export async function listSpending(db: Executor, p: Principal, filter: { taskId?: string; year?: number }) {
	const home = await budgetAccess(db, p);
	return spendingOf(db, home.path, { taskIds: filter.taskId ? [filter.taskId] : undefined, year: filter.year });
}

/** One task: its sub-tasks, its figures per year (with its sub-tasks'), its commitments and spending with documents. */
export async function getTask(db: Executor, p: Principal, id: string) {
	const home = await budgetAccess(db, p);
	const [task] = await db.select().from(budgetTasks).where(and(eq(budgetTasks.id, id), eq(budgetTasks.path, home.path)));
	if (!task) throw new NotFoundError(m.error_not_found());
	const children = await db.select().from(budgetTasks).where(eq(budgetTasks.parentId, task.id)).orderBy(asc(budgetTasks.position), asc(budgetTasks.code));
	const parent = task.parentId ? (await db.select().from(budgetTasks).where(eq(budgetTasks.id, task.parentId)))[0] : null;
	const ids = [task.id, ...children.map((c) => c.id)];
	const [years, allYears, commitments, spending] = await Promise.all([yearTotals(db, home.path, ids), reportYears(db, home.path), commitmentsOf(db, home.path, { taskIds: ids }), spendingOf(db, home.path, { taskIds: ids })]);
	const byYear = allYears.map((y) => ({ year: y, ...executed(years.get(y) ?? ZERO) }));
	const total = executed([...years.values()].reduce((a, b) => ({ plan: a.plan + b.plan, committed: a.committed + b.committed, spent: a.spent + b.spent }), ZERO));
	return { task, parent, children, leaf: children.length === 0, years: byYear, total, commitments, spending };
}
export type TaskDetail = Awaited<ReturnType<typeof getTask>>;

/** A spending entry's document, for whoever may read the budget. */
export async function spendingFile(db: Executor, p: Principal, spendingId: string, fileId: string) {
	const home = await budgetAccess(db, p);
	const [row] = await db
		.select({ file: files })
		.from(budgetSpendingFiles)
		.innerJoin(budgetSpending, eq(budgetSpending.id, budgetSpendingFiles.spendingId))
		.innerJoin(files, eq(files.id, budgetSpendingFiles.fileId))
		.where(and(eq(budgetSpendingFiles.spendingId, spendingId), eq(budgetSpendingFiles.fileId, fileId), eq(budgetSpending.path, home.path)));
	if (!row) throw new NotFoundError(m.error_not_found());
	return downloadResponse(row.file);
}

// ── Writing ───────────────────────────────────────────────────────────────────────────────────

export async function createTask(db: Executor, p: Principal, input: TaskInput) {
	const home = await budgetAccess(db, p, 'create');
	return db.transaction(async (tx) => {
		if (input.parentId) {
			const [parent] = await tx.select().from(budgetTasks).where(and(eq(budgetTasks.id, input.parentId), eq(budgetTasks.path, home.path)));
			if (!parent) throw invalid('parentId', m.prgbud_task_unknown());
			if (parent.parentId) throw invalid('parentId', m.prgbud_two_levels());
		}
		const [dup] = await tx.select({ id: budgetTasks.id }).from(budgetTasks).where(and(eq(budgetTasks.path, home.path), eq(budgetTasks.code, input.code)));
		if (dup) throw invalid('code', m.prgbud_code_taken({ code: input.code }));
		// Another office's post may take the code between the check and the write: the same refusal, not a 500.
		const [t] = await refuseDuplicate(
			() => tx.insert(budgetTasks).values({ path: home.path, code: input.code, name: input.name, parentId: input.parentId ?? null, position: input.position ?? 0, createdBy: p.personId }).returning(),
			() => invalid('code', m.prgbud_code_taken({ code: input.code }))
		);
		await writeAudit(tx, p, { action: 'create', entityType: 'budget_task', entityId: t.id, scopePath: home.path, after: t });
		return t;
	});
}

export async function updateTask(db: Executor, p: Principal, id: string, patch: TaskPatch) {
	const home = await budgetAccess(db, p, 'update');
	return db.transaction(async (tx) => {
		const [t] = await tx.select().from(budgetTasks).where(and(eq(budgetTasks.id, id), eq(budgetTasks.path, home.path))).for('update');
		if (!t) throw new NotFoundError(m.error_not_found());
		if (patch.code && patch.code !== t.code) {
			const [dup] = await tx.select({ id: budgetTasks.id }).from(budgetTasks).where(and(eq(budgetTasks.path, home.path), eq(budgetTasks.code, patch.code)));
			if (dup) throw invalid('code', m.prgbud_code_taken({ code: patch.code }));
		}
		const [after] = await refuseDuplicate(
			() => tx.update(budgetTasks).set({ code: patch.code ?? t.code, name: patch.name ?? t.name, position: patch.position ?? t.position }).where(eq(budgetTasks.id, id)).returning(),
			() => invalid('code', m.prgbud_code_taken({ code: patch.code ?? t.code }))
		);
		await writeAudit(tx, p, { action: 'update', entityType: 'budget_task', entityId: id, scopePath: home.path, before: t, after });
		return after;
	});
}

/**
 * Sets the plan of one year for the given tasks, all or nothing: every row is checked first
 * (a task of the budget without sub-tasks, an amount ≥ 0, each task once) and any error names its row.
 */
export async function setPlans(db: Executor, p: Principal, input: PlansInput) {
	const home = await budgetAccess(db, p, 'update');
	const tasks = await tasksOf(db, home.path);
	const known = new Map(tasks.map((t) => [t.id, t]));
	const parents = new Set(tasks.map((t) => t.parentId).filter(Boolean));
	const issues: { path: string; message: string }[] = [];
	const seen = new Set<string>();
	input.rows.forEach((r, i) => {
		if (!known.has(r.taskId)) issues.push({ path: `rows.${i}.taskId`, message: m.prgbud_task_unknown() });
		else if (parents.has(r.taskId)) issues.push({ path: `rows.${i}.taskId`, message: m.prgbud_task_has_subtasks() });
		else if (seen.has(r.taskId)) issues.push({ path: `rows.${i}.taskId`, message: m.prgbud_task_twice() });
		seen.add(r.taskId);
		if (r.amount < 0n) issues.push({ path: `rows.${i}.amount`, message: m.prgbud_plan_negative() });
		else if (amountProblem(r.amount + 1n) === 'too_large') issues.push({ path: `rows.${i}.amount`, message: m.prgbud_amount_too_large() });
	});
	if (issues.length) throw new ValidationError(m.prgbud_plan_rows_invalid({ count: issues.length }), issues);
	return db.transaction(async (tx) => {
		const before = await tx.select().from(budgetPlans).where(and(eq(budgetPlans.path, home.path), eq(budgetPlans.year, input.year)));
		const old = new Map(before.map((r) => [r.taskId, r.amount]));
		// Unchanged rows are left alone (no plan and 0 are the same); the rest in one upsert and one audit insert.
		const changed = input.rows.filter((r) => (old.get(r.taskId) ?? 0n) !== r.amount);
		if (changed.length) {
			await tx
				.insert(budgetPlans)
				.values(changed.map((r) => ({ taskId: r.taskId, year: input.year, path: home.path, amount: r.amount, updatedBy: p.personId })))
				.onConflictDoUpdate({ target: [budgetPlans.taskId, budgetPlans.year], set: { amount: sql`excluded.amount`, updatedBy: p.personId, updatedAt: new Date() } });
			await writeAudits(
				tx,
				p,
				changed.map((r) => ({ action: 'set_plan', entityType: 'budget_plan', entityId: `${r.taskId}:${input.year}`, scopePath: home.path, before: old.has(r.taskId) ? { amount: String(old.get(r.taskId)) } : null, after: { taskId: r.taskId, year: input.year, amount: String(r.amount) } }))
			);
		}
		return { year: input.year, changed: changed.length };
	});
}

async function planAndSpent(tx: Executor, taskId: string, year: number) {
	const [[plan], [spent], [committed]] = await Promise.all([
		tx.select({ total: sumText(budgetPlans.amount) }).from(budgetPlans).where(and(eq(budgetPlans.taskId, taskId), eq(budgetPlans.year, year))),
		tx.select({ total: sumText(budgetSpending.amount) }).from(budgetSpending).where(and(eq(budgetSpending.taskId, taskId), eq(budgetSpending.year, year))),
		tx.select({ total: sumText(budgetCommitments.amount) }).from(budgetCommitments).where(and(eq(budgetCommitments.taskId, taskId), eq(budgetCommitments.year, year)))
	]);
	return { plan: BigInt(plan.total), spent: BigInt(spent.total), committed: BigInt(committed.total) };
}

/** A commitment (contract, decision to spend). Above the task's plan for the year it is accepted with the warning `over_plan`. */
export async function createCommitment(db: Executor, p: Principal, input: CommitmentInput) {
	const home = await budgetAccess(db, p, 'create');
	const problem = amountProblem(input.amount);
	if (problem) throw refuse(problem);
	return db.transaction(async (tx) => {
		const task = await leafTask(tx, home.path, input.taskId);
		const t = await planAndSpent(tx, task.id, input.year);
		const [c] = await tx
			.insert(budgetCommitments)
			.values({ taskId: task.id, year: input.year, path: home.path, amount: input.amount, counterparty: input.counterparty, signedOn: input.signedOn, document: input.document, createdBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'budget_commitment', entityId: c.id, scopePath: home.path, after: plain(c) });
		return { commitment: c, warnings: overPlan({ plan: t.plan, before: t.committed, amount: input.amount }) ? ['over_plan'] : [] };
	});
}

/**
 * A spending entry with its documents (already streamed into the store; removed again if the
 * entry is refused). Paying a commitment: at most what remains of it (refused otherwise).
 * Above the task's plan for the year: accepted with the warning `over_plan`.
 */
export async function createSpending(db: Executor, p: Principal, input: SpendingInput, uploads: StoredUpload[] = []) {
	try {
		const home = await budgetAccess(db, p, 'create');
		const problem = amountProblem(input.amount);
		if (problem) throw refuse(problem);
		return await db.transaction(async (tx) => {
			const task = await leafTask(tx, home.path, input.taskId);
			let commitment: { net: bigint; paid: bigint; sameTaskAndYear: boolean } | null = null;
			if (input.commitmentId) {
				const [c] = await tx.select().from(budgetCommitments).where(and(eq(budgetCommitments.id, input.commitmentId), eq(budgetCommitments.path, home.path))).for('update');
				if (!c || c.reversesId) throw invalid('commitmentId', m.prgbud_commitment_unknown());
				const [[rev], [paid]] = await Promise.all([
					tx.select({ total: sumText(budgetCommitments.amount) }).from(budgetCommitments).where(eq(budgetCommitments.reversesId, c.id)),
					tx.select({ total: sumText(budgetSpending.amount) }).from(budgetSpending).where(eq(budgetSpending.commitmentId, c.id))
				]);
				commitment = { net: c.amount + BigInt(rev.total), paid: BigInt(paid.total), sameTaskAndYear: c.taskId === task.id && c.year === input.year };
			}
			const refused = spendingProblem({ amount: input.amount, commitment });
			if (refused) throw refuse(refused);
			const t = await planAndSpent(tx, task.id, input.year);
			const [s] = await tx
				.insert(budgetSpending)
				.values({ taskId: task.id, year: input.year, path: home.path, amount: input.amount, spentOn: input.spentOn, description: input.description, voucherNo: input.voucherNo, commitmentId: input.commitmentId ?? null, createdBy: p.personId })
				.returning();
			const docs = await recordFiles(tx, p, { schoolId: null, path: home.path }, uploads);
			if (docs.length) await tx.insert(budgetSpendingFiles).values(docs.map((f) => ({ spendingId: s.id, fileId: f.id })));
			await writeAudit(tx, p, { action: 'create', entityType: 'budget_spending', entityId: s.id, scopePath: home.path, after: plain({ ...s, files: docs.map((f) => f.id) }) });
			return { spending: { ...s, files: docs.map(presentFile) }, warnings: overPlan({ plan: t.plan, before: t.spent, amount: input.amount }) ? ['over_plan'] : [] };
		});
	} catch (e) {
		await discardUploads(uploads);
		throw e;
	}
}

/** Takes back part or all of a commitment: a negative entry with the reason; not below what was paid against it. */
export async function reverseCommitment(db: Executor, p: Principal, id: string, input: ReversalInput) {
	const home = await budgetAccess(db, p, 'update');
	return db.transaction(async (tx) => {
		const [c] = await tx.select().from(budgetCommitments).where(and(eq(budgetCommitments.id, id), eq(budgetCommitments.path, home.path))).for('update');
		if (!c) throw new NotFoundError(m.error_not_found());
		const [[rev], [paid]] = await Promise.all([
			tx.select({ total: sumText(budgetCommitments.amount) }).from(budgetCommitments).where(eq(budgetCommitments.reversesId, c.id)),
			tx.select({ total: sumText(budgetSpending.amount) }).from(budgetSpending).where(eq(budgetSpending.commitmentId, c.id))
		]);
		const problem = reversalProblem({ amount: input.amount, original: { amount: c.amount, isReversal: !!c.reversesId, reversed: -BigInt(rev.total) }, paidAgainst: BigInt(paid.total) });
		if (problem) throw refuse(problem);
		const [r] = await tx
			.insert(budgetCommitments)
			.values({ taskId: c.taskId, year: c.year, path: c.path, amount: -input.amount, counterparty: c.counterparty, signedOn: todayInVietnam(), document: c.document, reversesId: c.id, reason: input.reason, createdBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: 'reverse', entityType: 'budget_commitment', entityId: c.id, scopePath: home.path, before: plain(c), after: plain(r) });
		return r;
	});
}

/** Takes back part or all of a spending entry (a refund, a mistake): a negative entry with the reason. */
export async function reverseSpending(db: Executor, p: Principal, id: string, input: ReversalInput) {
	const home = await budgetAccess(db, p, 'update');
	return db.transaction(async (tx) => {
		const [s] = await tx.select().from(budgetSpending).where(and(eq(budgetSpending.id, id), eq(budgetSpending.path, home.path))).for('update');
		if (!s) throw new NotFoundError(m.error_not_found());
		const [rev] = await tx.select({ total: sumText(budgetSpending.amount) }).from(budgetSpending).where(eq(budgetSpending.reversesId, s.id));
		const problem = reversalProblem({ amount: input.amount, original: { amount: s.amount, isReversal: !!s.reversesId, reversed: -BigInt(rev.total) } });
		if (problem) throw refuse(problem);
		const [r] = await tx
			.insert(budgetSpending)
			.values({ taskId: s.taskId, year: s.year, path: s.path, amount: -input.amount, spentOn: todayInVietnam(), description: s.description, voucherNo: s.voucherNo, commitmentId: s.commitmentId, reversesId: s.id, reason: input.reason, createdBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: 'reverse', entityType: 'budget_spending', entityId: s.id, scopePath: home.path, before: plain(s), after: plain(r) });
		return r;
	});
}


/** The report as .xlsx: a year's sheet, or (year null) the summary and a sheet per year. */
export async function exportBudgetXlsx(db: Executor, p: Principal, year: number | null) {
	const summary = await budgetReport(db, p, year);
	const reports = year === null ? [summary, ...(await Promise.all(summary.years.map((y) => budgetReport(db, p, y.year))))] : [summary];
	return { bytes: await buildBudgetWorkbook(reports), filename: budgetFileName(year) };
}

/**
 * A year's plan from an .xlsx in the export's layout, all or nothing through `setPlans`: each
 * row's code must be a task of the budget; rows of tasks with sub-tasks are skipped (their figures
 * are sums, as the export writes them); errors name the sheet's row ("row.12").
 */
export async function importPlanXlsx(db: Executor, p: Principal, year: number, bytes: Uint8Array) {
	const home = await budgetAccess(db, p, 'update');
	let sheet;
	try {
		sheet = await readPlanSheet(bytes, year);
	} catch {
		sheet = null;
	}
	if (!sheet) throw invalid('file', m.prgbud_import_layout());
	const tasks = await tasksOf(db, home.path);
	const byCode = new Map(tasks.map((t) => [t.code, t]));
	const parents = new Set(tasks.map((t) => t.parentId).filter(Boolean));
	const issues: { path: string; message: string }[] = [];
	const rows: { taskId: string; amount: bigint; sheetRow: number }[] = [];
	for (const r of sheet) {
		const t = byCode.get(r.code);
		if (!t) {
			issues.push({ path: `row.${r.row}`, message: m.prgbud_import_unknown_code({ row: r.row, code: r.code }) });
			continue;
		}
		if (parents.has(t.id)) continue;
		const amount = r.amount === null ? 0n : parseVnd(r.amount);
		if (amount === null) issues.push({ path: `row.${r.row}`, message: m.prgbud_import_bad_amount({ row: r.row }) });
		else rows.push({ taskId: t.id, amount, sheetRow: r.row });
	}
	if (!rows.length && !issues.length) throw invalid('file', m.prgbud_import_layout());
	if (issues.length) throw new ValidationError(m.prgbud_plan_rows_invalid({ count: issues.length }), issues);
	try {
		return await setPlans(db, p, { year, rows: rows.map(({ taskId, amount }) => ({ taskId, amount })) });
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		throw new ValidationError(
			e.message,
			e.issues.map((i) => {
				const hit = /^rows\.(\d+)\./.exec(i.path);
				const row = hit ? rows[Number(hit[1])].sheetRow : null;
				return row ? { path: `row.${row}`, message: `${m.prgbud_import_row({ row })}: ${i.message}` } : i;
			})
		);
	}
}
