/**
 * The gradebook service: teaching assignments, the subject grid (read, save with versions), term
 * locks and change requests. Rules come from ./rules; permissions from the central policy; every
 * write is one transaction with its history and audit records.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, decidesOwnRequest, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { enqueueMany } from '../platform/outbox';
import { getSetting } from '../settings/service';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { classes, schools, subjects } from '../organisations/schema';
import { persons, guardianships } from '../people/schema';
import * as orgRepo from '../organisations/repository';
import { fullName, sortVietnamese } from '../people/names';
import { gradeChangeRequests, gradeColumns, gradeEntries, gradeHistory, gradebookLocks, teachingAssignments } from './schema';
import { columnLabel, columnsFor, stageOf, type ColumnSpec, type Term, type ValueType } from './columns';
import { cellText, cellValue, parseCell, sameStored, type StoredValue } from './cells';
import { subjectTermOutcome, subjectYearOutcome, type SubjectTermOutcome } from './results';
import { sameCellValue, validateChangeRequest, type CellValue, type MissedAssessmentOptions } from './rules';
import { cellErrorMessage } from '#lib/gradebook/cell-messages';
import { m } from '#lib/paraglide/messages.js';

// ── Context ─────────────────────────────────────────────────────────────────────────────────────

export async function classContext(db: Executor, classId: string) {
	const [row] = await db
		.select({ cls: classes, schoolLevel: schools.level, schoolName: schools.name })
		.from(classes)
		.innerJoin(schools, eq(schools.id, classes.schoolId))
		.where(eq(classes.id, classId));
	return row ? { ...row.cls, schoolLevel: row.schoolLevel, schoolName: row.schoolName, stage: stageOf(row.schoolLevel, row.cls.grade) } : undefined;
}
export type ClassContext = NonNullable<Awaited<ReturnType<typeof classContext>>>;

async function subjectOfSchool(db: Executor, schoolId: string, subjectId: string) {
	const [s] = await db.select().from(subjects).where(and(eq(subjects.id, subjectId), eq(subjects.schoolId, schoolId)));
	if (!s) throw new ValidationError(m.gb_subject_unknown(), [{ path: 'subjectId', message: m.gb_subject_unknown() }]);
	return s;
}

async function assignmentOf(db: Executor, classId: string, subjectId: string) {
	const [a] = await db.select().from(teachingAssignments).where(and(eq(teachingAssignments.classId, classId), eq(teachingAssignments.subjectId, subjectId)));
	return a;
}

/** The policy's view of a class's subject grid: the class path and the assigned teacher. */
const gridResource = (cls: { path: string }, teacherId: string | undefined): Resource => ({ path: cls.path, teacherId });

async function requireClass(db: Executor, p: Principal, classId: string) {
	const cls = await classContext(db, classId);
	if (!cls) throw new NotFoundError(m.error_not_found());
	return cls;
}

// ── Teaching assignments ────────────────────────────────────────────────────────────────────────

export async function listAssignments(db: Executor, p: Principal, filter: { classId?: string; teacherId?: string; schoolId?: string }) {
	authorizeList(p, 'teaching_assignment');
	const conds = [scopeCondition(p, 'read', 'teaching_assignment', { path: teachingAssignments.path, teacherId: teachingAssignments.teacherId })];
	if (filter.classId) conds.push(eq(teachingAssignments.classId, filter.classId));
	if (filter.teacherId) conds.push(eq(teachingAssignments.teacherId, filter.teacherId));
	if (filter.schoolId) conds.push(eq(teachingAssignments.schoolId, filter.schoolId));
	const rows = await db
		.select({
			id: teachingAssignments.id,
			classId: teachingAssignments.classId,
			className: classes.name,
			grade: classes.grade,
			subjectId: teachingAssignments.subjectId,
			subjectName: subjects.name,
			teacherId: teachingAssignments.teacherId,
			familyName: persons.familyName,
			middleName: persons.middleName,
			givenName: persons.givenName
		})
		.from(teachingAssignments)
		.innerJoin(classes, eq(classes.id, teachingAssignments.classId))
		.innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
		.innerJoin(persons, eq(persons.id, teachingAssignments.teacherId))
		.where(and(...conds))
		.orderBy(asc(classes.name), asc(subjects.name));
	return rows.map(({ familyName, middleName, givenName, ...r }) => ({ ...r, teacherName: fullName({ familyName, middleName, givenName }) }));
}

/** Phân công giảng dạy: who teaches a subject in a class (replaces the previous teacher). */
export async function assignTeacher(db: Executor, p: Principal, input: { classId: string; subjectId: string; teacherId: string }) {
	const cls = await requireClass(db, p, input.classId);
	authorize(p, 'update', 'teaching_assignment', { path: cls.path });
	await subjectOfSchool(db, cls.schoolId, input.subjectId);
	const [teacher] = await db.select().from(persons).where(eq(persons.id, input.teacherId));
	if (!teacher || teacher.kind !== 'staff' || teacher.schoolId !== cls.schoolId)
		throw new ValidationError(m.gb_teacher_not_staff(), [{ path: 'teacherId', message: m.gb_teacher_not_staff() }]);
	return db.transaction(async (tx) => {
		const before = await assignmentOf(tx, cls.id, input.subjectId);
		const [row] = await tx
			.insert(teachingAssignments)
			.values({ schoolId: cls.schoolId, schoolYearId: cls.schoolYearId, classId: cls.id, subjectId: input.subjectId, teacherId: input.teacherId, path: cls.path })
			.onConflictDoUpdate({ target: [teachingAssignments.classId, teachingAssignments.subjectId], set: { teacherId: input.teacherId } })
			.returning();
		await writeAudit(tx, p, { action: before ? 'update' : 'create', entityType: 'teaching_assignment', entityId: row.id, scopePath: cls.path, schoolId: cls.schoolId, before, after: row });
		return row;
	});
}

export async function removeAssignment(db: Executor, p: Principal, id: string) {
	const [before] = await db.select().from(teachingAssignments).where(eq(teachingAssignments.id, id));
	authorize(p, 'delete', 'teaching_assignment', before ? { path: before.path, teacherId: before.teacherId } : undefined);
	await db.transaction(async (tx) => {
		await tx.delete(teachingAssignments).where(eq(teachingAssignments.id, id));
		await writeAudit(tx, p, { action: 'delete', entityType: 'teaching_assignment', entityId: id, scopePath: before.path, schoolId: before.schoolId, before });
	});
}

// ── Columns ─────────────────────────────────────────────────────────────────────────────────────

/** The term's columns of a class's subject, created from the regulation the first time they are asked for. */
async function ensureColumns(db: Executor, cls: ClassContext, subject: typeof subjects.$inferSelect, term: Term) {
	const existing = await db
		.select()
		.from(gradeColumns)
		.where(and(eq(gradeColumns.classId, cls.id), eq(gradeColumns.subjectId, subject.id), eq(gradeColumns.term, term)));
	const commentRegularCount = await getSetting(db, cls.path, 'gradebook.regularCountCommentSubjects');
	const specs = columnsFor(cls.stage, subject, cls.grade, term, Number(commentRegularCount));
	const key = (c: Pick<ColumnSpec, 'kind' | 'valueType' | 'slot'>) => `${c.kind}:${c.valueType}:${c.slot}`;
	const have = new Set(existing.map(key));
	const missing = specs.filter((s) => !have.has(key(s)));
	if (missing.length) {
		await db
			.insert(gradeColumns)
			.values(missing.map((s) => ({ ...s, schoolId: cls.schoolId, classId: cls.id, subjectId: subject.id, path: cls.path })))
			.onConflictDoNothing();
		return ensureColumns(db, cls, subject, term);
	}
	const order = { regular: 0, midterm: 1, endterm: 2, retake: 3 } as const;
	const typeOrder = { score: 0, pass: 1, level: 2, integer: 3 } as const;
	return existing.sort((a, b) => order[a.kind] - order[b.kind] || typeOrder[a.valueType] - typeOrder[b.valueType] || a.slot - b.slot);
}
type Column = typeof gradeColumns.$inferSelect;

// ── Locks ───────────────────────────────────────────────────────────────────────────────────────

export async function isLocked(db: Executor, cls: { id: string; schoolId: string; schoolYearId: string }, term: number): Promise<boolean> {
	const [row] = await db
		.select({ id: gradebookLocks.id })
		.from(gradebookLocks)
		.where(and(eq(gradebookLocks.schoolYearId, cls.schoolYearId), eq(gradebookLocks.term, term), or(eq(gradebookLocks.classId, cls.id), isNull(gradebookLocks.classId))))
		.limit(1);
	return Boolean(row);
}

/**
 * The row lock that orders a save against a term lock: a save holds its school and class rows
 * `for share` while it checks for a lock and writes; locking takes the school's row (whole school)
 * or the class's row `for no key update`, so one waits for the other. A save that started before
 * the lock lands before it; one that waited sees the lock and is refused.
 */
async function lockScope(tx: Executor, scope: { schoolId: string; classId: string | null }, mode: 'share' | 'no key update') {
	if (scope.classId) await tx.select({ id: classes.id }).from(classes).where(eq(classes.id, scope.classId)).for(mode);
	if (!scope.classId || mode === 'share') await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, scope.schoolId)).for(mode);
}

export async function listLocks(db: Executor, p: Principal, schoolYearId: string) {
	const year = await orgRepo.findSchoolYear(db, schoolYearId);
	const school = year ? await orgRepo.findSchool(db, year.schoolId) : undefined;
	authorize(p, 'read', 'school', school);
	return db
		.select({ id: gradebookLocks.id, term: gradebookLocks.term, classId: gradebookLocks.classId, className: classes.name, lockedAt: gradebookLocks.lockedAt })
		.from(gradebookLocks)
		.leftJoin(classes, eq(classes.id, gradebookLocks.classId))
		.where(eq(gradebookLocks.schoolYearId, schoolYearId))
		.orderBy(asc(gradebookLocks.term), asc(classes.name));
}

/** Khóa sổ: the school leader locks a term for one class or (no classId) the whole school. */
export async function lockTerm(db: Executor, p: Principal, input: { schoolYearId: string; term: Term; classId?: string | null }) {
	const year = await orgRepo.findSchoolYear(db, input.schoolYearId);
	if (!year) throw new NotFoundError(m.error_not_found());
	const school = await orgRepo.findSchool(db, year.schoolId);
	let path = school.path;
	if (input.classId) {
		const cls = await orgRepo.findClass(db, input.classId);
		if (!cls || cls.schoolYearId !== year.id) throw new ValidationError(m.gb_class_not_in_year(), [{ path: 'classId', message: m.gb_class_not_in_year() }]);
		path = cls.path;
	}
	authorizeCreate(p, 'grade_lock', { path });
	return db.transaction(async (tx) => {
		// Waits for saves in flight on the scope (they hold it `for share`) and holds back new ones
		// until the lock is committed, when they see it (see lockScope).
		await lockScope(tx, { schoolId: year.schoolId, classId: input.classId ?? null }, 'no key update');
		const [row] = await tx
			.insert(gradebookLocks)
			.values({ schoolId: year.schoolId, schoolYearId: year.id, term: input.term, classId: input.classId ?? null, lockedBy: p.personId, path })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new ConflictError(m.gb_already_locked());
		await writeAudit(tx, p, { action: 'create', entityType: 'gradebook_lock', entityId: row.id, scopePath: path, schoolId: year.schoolId, after: row });
		return row;
	});
}

export async function unlockTerm(db: Executor, p: Principal, lockId: string) {
	const [before] = await db.select().from(gradebookLocks).where(eq(gradebookLocks.id, lockId));
	authorize(p, 'delete', 'grade_lock', before);
	await db.transaction(async (tx) => {
		await tx.delete(gradebookLocks).where(eq(gradebookLocks.id, lockId));
		await writeAudit(tx, p, { action: 'delete', entityType: 'gradebook_lock', entityId: lockId, scopePath: before.path, schoolId: before.schoolId, before });
	});
}

// ── The grid ────────────────────────────────────────────────────────────────────────────────────

export interface GridCell {
	value: number | string | null;
	text: string;
	version: number;
	missedReason: string | null;
	makeup: string | null;
	/** The teacher's comment on this assessment (nhận xét; TT27 Điều 6–7 for primary). */
	comment: string;
}

export async function getGrid(db: Executor, p: Principal, q: { classId: string; subjectId: string; term: Term }) {
	const cls = await requireClass(db, p, q.classId);
	const assignment = await assignmentOf(db, cls.id, q.subjectId);
	authorize(p, 'read', 'grade', gridResource(cls, assignment?.teacherId));
	const subject = await subjectOfSchool(db, cls.schoolId, q.subjectId);
	const columns = await ensureColumns(db, cls, subject, q.term);
	const learners = sortVietnamese(await orgRepo.listEnrolledLearners(db, cls.id));
	const entries = columns.length
		? await db.select().from(gradeEntries).where(inArray(gradeEntries.columnId, columns.map((c) => c.id)))
		: [];
	const byCell = new Map(entries.map((e) => [`${e.columnId}:${e.learnerId}`, e]));
	let teacherName: string | null = null;
	if (assignment) {
		const [t] = await db.select().from(persons).where(eq(persons.id, assignment.teacherId));
		teacherName = t ? fullName(t) : null;
	}
	const locked = await isLocked(db, cls, q.term);
	const missed = { missedWithoutForceMajeure: await getSetting(db, cls.path, 'gradebook.missedWithoutForceMajeure') };
	return {
		class: { id: cls.id, name: cls.name, grade: cls.grade, schoolId: cls.schoolId, schoolYearId: cls.schoolYearId, stage: cls.stage },
		subject: { id: subject.id, code: subject.code, name: subject.name, assessment: subject.assessment, periodsPerYear: subject.periodsPerYear },
		term: q.term,
		teacher: assignment ? { id: assignment.teacherId, name: teacherName } : null,
		locked,
		canEdit: !locked && can(p, 'update', 'grade', gridResource(cls, assignment?.teacherId)),
		canRequestChange: locked && can(p, 'create', 'grade_change', gridResource(cls, assignment?.teacherId)),
		columns: columns.map((c) => ({ id: c.id, kind: c.kind, valueType: c.valueType, slot: c.slot, label: columnLabel(c), publishedAt: c.publishedAt })),
		rows: learners.map((l) => {
			const cells: Record<string, GridCell> = {};
			for (const c of columns) {
				const e = byCell.get(`${c.id}:${l.id}`);
				cells[c.id] = { value: cellValue(c.valueType, e), text: cellText(c.valueType, e), version: e?.version ?? 0, missedReason: e?.missedReason ?? null, makeup: e?.makeup ?? null, comment: e?.comment ?? '' };
			}
			return { learner: { id: l.id, name: fullName(l), learnerCode: l.learnerCode }, cells, result: outcomeOf(columns, cells, subject.assessment, cls.stage, missed) };
		})
	};
}
export type Grid = Awaited<ReturnType<typeof getGrid>>;

function outcomeOf(columns: Column[], cells: Record<string, GridCell>, assessment: 'score' | 'comment', stage: string, options: MissedAssessmentOptions): SubjectTermOutcome | null {
	if (stage !== 'secondary') return null;
	return subjectTermOutcome(
		assessment,
		columns.map((c) => ({ kind: c.kind, slot: c.slot, value: cells[c.id].value, missedReason: cells[c.id].missedReason, makeup: cells[c.id].makeup })),
		options
	);
}

export interface CellEdit {
	columnId: string;
	learnerId: string;
	/** What the teacher typed; null or "" clears the cell. */
	value: string | number | null;
	/** The version the teacher saw (0 for a cell never written): a different current version is a conflict. */
	version: number;
	missedReason?: 'force_majeure' | 'other' | null;
	/** A comment on the assessment; left as it was when absent. */
	comment?: string;
	makeup?: 'pending' | 'not_taken' | null;
}


/**
 * Saves many cells of one class's subject at once, all or nothing: every value is checked first
 * (a message per cell), then every version; one stale cell refuses the whole save with the
 * current values so the teacher can see what changed. Each changed cell gets a history row.
 */
export async function saveCells(db: Executor, p: Principal, input: { classId: string; subjectId: string; cells: CellEdit[] }) {
	const cls = await requireClass(db, p, input.classId);
	const assignment = await assignmentOf(db, cls.id, input.subjectId);
	authorize(p, 'update', 'grade', gridResource(cls, assignment?.teacherId));
	const subject = await subjectOfSchool(db, cls.schoolId, input.subjectId);
	const columns = [...(await ensureColumns(db, cls, subject, 1)), ...(await ensureColumns(db, cls, subject, 2))];
	const colById = new Map(columns.map((c) => [c.id, c]));
	const enrolled = new Set((await orgRepo.listEnrolledLearners(db, cls.id)).map((l) => l.id));

	const issues: FieldIssue[] = [];
	const errors: { index: number; columnId: string; learnerId: string; code: string; message: string }[] = [];
	const parsed: { edit: CellEdit; column: Column; value: StoredValue }[] = [];
	const seen = new Set<string>();
	input.cells.forEach((edit, index) => {
		const fail = (code: string, message: string) => {
			issues.push({ path: `cells.${index}.value`, message });
			errors.push({ index, columnId: edit.columnId, learnerId: edit.learnerId, code, message });
		};
		const column = colById.get(edit.columnId);
		if (!column) return fail('column_unknown', m.gb_column_unknown());
		if (!enrolled.has(edit.learnerId)) return fail('learner_not_in_class', m.gb_learner_not_in_class());
		const key = `${edit.columnId}:${edit.learnerId}`;
		if (seen.has(key)) return fail('duplicate_cell', m.gb_duplicate_cell());
		seen.add(key);
		const r = parseCell(column.valueType as ValueType, edit.value);
		if (!r.ok) return fail(r.code, cellErrorMessage(r.code));
		parsed.push({ edit, column, value: r.value });
	});
	if (errors.length) throw new ValidationError(m.gb_cells_invalid({ count: errors.length }), issues, { cells: errors });

	return db.transaction(async (tx) => {
		// The lock is checked inside the save, under the scope's row lock, so a leader locking the
		// term while this save is in flight either waits for it or refuses it (never a write after the lock).
		// Re-assessment happens after the year, when the terms are locked: its column is outside the lock.
		await lockScope(tx, { schoolId: cls.schoolId, classId: cls.id }, 'share');
		const terms = [...new Set(parsed.filter((x) => x.column.kind !== 'retake').map((x) => x.column.term))];
		for (const t of terms) if (await isLocked(tx, cls, t)) throw new AppError(423, 'gradebook_locked', m.gb_locked());
		await checkRetakes(tx, cls, subject.assessment, columns, parsed);
		// Whether families see a column now, read under a share lock so publishing (an update of
		// the column) waits for this save or this save for it: each new value is told exactly once,
		// here or by publishColumn.
		const writtenColumns = [...new Set(parsed.map((x) => x.column.id))];
		const published = new Set(
			(writtenColumns.length
				? await tx.select({ id: gradeColumns.id, publishedAt: gradeColumns.publishedAt }).from(gradeColumns).where(inArray(gradeColumns.id, writtenColumns)).for('share')
				: []
			)
				.filter((c) => c.publishedAt)
				.map((c) => c.id)
		);
		const current = parsed.length
			? await tx
					.select()
					.from(gradeEntries)
					.where(
						and(
							inArray(gradeEntries.columnId, [...new Set(parsed.map((x) => x.column.id))]),
							inArray(gradeEntries.learnerId, [...new Set(parsed.map((x) => x.edit.learnerId))])
						)
					)
					.for('update')
			: [];
		const byCell = new Map(current.map((e) => [`${e.columnId}:${e.learnerId}`, e]));
		const conflicts = parsed
			.map((x) => ({ x, e: byCell.get(`${x.column.id}:${x.edit.learnerId}`) }))
			.filter(({ x, e }) => (e?.version ?? 0) !== x.edit.version)
			.map(({ x, e }) => ({
				columnId: x.column.id,
				learnerId: x.edit.learnerId,
				value: cellValue(x.column.valueType as ValueType, e),
				text: cellText(x.column.valueType as ValueType, e),
				version: e?.version ?? 0,
				updatedBy: e?.updatedBy ?? null
			}));
		if (conflicts.length) throw new ConflictError(m.gb_conflict({ count: conflicts.length }), { cells: conflicts });

		type Saved = { columnId: string; learnerId: string; value: number | string | null; text: string; version: number };
		const saved: Saved[] = [];
		const writes: { column: Column; learnerId: string; before: (typeof current)[number] | undefined; row: typeof gradeEntries.$inferInsert }[] = [];
		for (const { edit, column, value } of parsed) {
			const before = byCell.get(`${column.id}:${edit.learnerId}`);
			const missedReason = edit.missedReason === undefined ? (before?.missedReason ?? null) : edit.missedReason;
			const makeup = edit.makeup === undefined ? (before?.makeup ?? null) : edit.makeup;
			const vt = column.valueType as ValueType;
			const comment = edit.comment === undefined ? (before?.comment ?? '') : edit.comment.trim();
			if (before && sameStored(before, value) && before.missedReason === missedReason && before.makeup === makeup && before.comment === comment) {
				saved.push({ columnId: column.id, learnerId: edit.learnerId, value: cellValue(vt, before), text: cellText(vt, before), version: before.version });
				continue;
			}
			writes.push({
				column,
				learnerId: edit.learnerId,
				before,
				row: { schoolId: cls.schoolId, columnId: column.id, learnerId: edit.learnerId, ...value, missedReason, makeup, comment, version: edit.version + 1, updatedBy: p.personId }
			});
		}
		const changedLearners = new Set(writes.map((w) => w.learnerId));
		if (writes.length) {
			// One statement for the whole batch. Each row carries the version it will have; a row
			// whose stored version is not the one the teacher saw is left alone, so a cell first
			// written by someone else since we looked (no row to lock then) is caught too.
			const written = await tx
				.insert(gradeEntries)
				.values(writes.map((w) => w.row))
				.onConflictDoUpdate({
					target: [gradeEntries.columnId, gradeEntries.learnerId],
					set: {
						scoreTenths: sql`excluded.score_tenths`,
						level: sql`excluded.level`,
						missedReason: sql`excluded.missed_reason`,
						comment: sql`excluded.comment`,
						makeup: sql`excluded.makeup`,
						version: sql`excluded.version`,
						updatedBy: p.personId,
						updatedAt: new Date()
					},
					where: sql`${gradeEntries.version} = excluded.version - 1`
				})
				.returning();
			const byKey = new Map(written.map((r) => [`${r.columnId}:${r.learnerId}`, r]));
			const lost = writes.filter((w) => !byKey.has(`${w.column.id}:${w.learnerId}`));
			if (lost.length) {
				const now = await tx
					.select()
					.from(gradeEntries)
					.where(and(inArray(gradeEntries.columnId, lost.map((w) => w.column.id)), inArray(gradeEntries.learnerId, lost.map((w) => w.learnerId))));
				const nowOf = new Map(now.map((r) => [`${r.columnId}:${r.learnerId}`, r]));
				throw new ConflictError(m.gb_conflict({ count: lost.length }), {
					cells: lost.map((w) => {
						const e = nowOf.get(`${w.column.id}:${w.learnerId}`);
						const vt = w.column.valueType as ValueType;
						return { columnId: w.column.id, learnerId: w.learnerId, value: cellValue(vt, e), text: cellText(vt, e), version: e?.version ?? 0, updatedBy: e?.updatedBy ?? null };
					})
				});
			}
			await tx.insert(gradeHistory).values(
				writes.map((w) => {
					const vt = w.column.valueType as ValueType;
					return {
						schoolId: cls.schoolId,
						columnId: w.column.id,
						learnerId: w.learnerId,
						before: w.before ? snapshot(vt, w.before) : null,
						after: snapshot(vt, byKey.get(`${w.column.id}:${w.learnerId}`)!),
						changedBy: p.personId
					};
				})
			);
			for (const w of writes) {
				const r = byKey.get(`${w.column.id}:${w.learnerId}`)!;
				const vt = w.column.valueType as ValueType;
				saved.push({ columnId: w.column.id, learnerId: w.learnerId, value: cellValue(vt, r), text: cellText(vt, r), version: r.version });
			}
		}
		// Answer in the order the cells were sent.
		const order = new Map(parsed.map((x, i) => [`${x.column.id}:${x.edit.learnerId}`, i]));
		saved.sort((a, b) => order.get(`${a.columnId}:${a.learnerId}`)! - order.get(`${b.columnId}:${b.learnerId}`)!);
		if (changedLearners.size) {
			await writeAudit(tx, p, {
				action: 'update',
				entityType: 'grade_entries',
				entityId: `${cls.id}:${subject.id}`,
				scopePath: cls.path,
				schoolId: cls.schoolId,
				after: { subject: subject.name, cells: saved.filter((s) => changedLearners.has(s.learnerId)) }
			});
			await notifyNewScores(tx, cls, subject.name, writes.map((w) => ({ learnerId: w.learnerId, published: published.has(w.column.id) })));
		}
		return { cells: saved };
	});
}

/**
 * A re-assessment result is taken only for a subject the learner must re-sit: a year average under
 * 5,0 or Chưa đạt (TT22/2021 Điều 12–14).
 */
async function checkRetakes(db: Executor, cls: ClassContext, assessment: 'score' | 'comment', columns: Column[], parsed: { edit: CellEdit; column: Column; value: StoredValue }[]) {
	const retakes = parsed.filter((x) => x.column.kind === 'retake' && (x.value.scoreTenths !== null || x.value.level !== null));
	if (!retakes.length) return;
	const missed = { missedWithoutForceMajeure: await getSetting(db, cls.path, 'gradebook.missedWithoutForceMajeure') };
	const termCols = columns.filter((c) => c.kind !== 'retake');
	const entries = await db
		.select()
		.from(gradeEntries)
		.where(and(inArray(gradeEntries.columnId, termCols.map((c) => c.id)), inArray(gradeEntries.learnerId, retakes.map((x) => x.edit.learnerId))));
	const issues: FieldIssue[] = [];
	for (const x of retakes) {
		const cells = (term: number) =>
			termCols
				.filter((c) => c.term === term)
				.map((c) => {
					const e = entries.find((y) => y.columnId === c.id && y.learnerId === x.edit.learnerId);
					return { kind: c.kind, slot: c.slot, value: cellValue(c.valueType as ValueType, e), missedReason: e?.missedReason ?? null, makeup: e?.makeup ?? null };
				});
		const year = subjectYearOutcome(subjectTermOutcome(assessment, cells(1), missed), subjectTermOutcome(assessment, cells(2), missed));
		const due = year.status === 'complete' && (year.kind === 'scored' ? year.average < 5 : year.result === 'chua_dat');
		if (!due) issues.push({ path: `cells.${parsed.indexOf(x)}.value`, message: m.gb_retake_not_due() });
	}
	if (issues.length) throw new ValidationError(issues[0].message, issues);
}

/** Adds the re-assessment column (kiểm tra lại) to a class's subject after the year; the assigned teacher. */
export async function addRetakeColumn(db: Executor, p: Principal, input: { classId: string; subjectId: string }) {
	const cls = await requireClass(db, p, input.classId);
	const assignment = await assignmentOf(db, cls.id, input.subjectId);
	authorize(p, 'update', 'grade', gridResource(cls, assignment?.teacherId));
	const subject = await subjectOfSchool(db, cls.schoolId, input.subjectId);
	if (cls.stage !== 'secondary') throw new ValidationError(m.gb_retake_secondary_only());
	await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(gradeColumns)
			.values({ schoolId: cls.schoolId, classId: cls.id, subjectId: subject.id, term: 2, kind: 'retake', valueType: subject.assessment === 'comment' ? 'pass' : 'score', slot: 1, path: cls.path })
			.onConflictDoNothing()
			.returning();
		if (created) await writeAudit(tx, p, { action: 'create', entityType: 'grade_column', entityId: created.id, scopePath: cls.path, schoolId: cls.schoolId, after: created });
	});
	const [col] = await db.select().from(gradeColumns).where(and(eq(gradeColumns.classId, cls.id), eq(gradeColumns.subjectId, subject.id), eq(gradeColumns.kind, 'retake')));
	return { id: col.id, kind: col.kind, valueType: col.valueType, slot: col.slot, label: columnLabel(col), term: col.term };
}

const snapshot = (vt: ValueType, e: StoredValue & { missedReason?: string | null; makeup?: string | null; comment?: string }) => ({
	value: cellValue(vt, e),
	missedReason: e.missedReason ?? null,
	makeup: e.makeup ?? null,
	...(e.comment ? { comment: e.comment } : {})
});

/** The guardians with an email of some learners, with the learner's name (the outbox's recipients). */
async function guardiansOf(tx: Executor, learnerIds: string[]) {
	if (!learnerIds.length) return [];
	const [rows, learners] = await Promise.all([
		tx
			.select({ email: persons.email, learnerId: guardianships.learnerId })
			.from(guardianships)
			.innerJoin(persons, eq(persons.id, guardianships.guardianId))
			.where(inArray(guardianships.learnerId, learnerIds)),
		tx.select().from(persons).where(inArray(persons.id, learnerIds))
	]);
	const nameOf = new Map(learners.map((l) => [l.id, fullName(l)]));
	return rows.filter((r): r is { email: string; learnerId: string } => Boolean(r.email)).map((r) => ({ ...r, learnerName: nameOf.get(r.learnerId) ?? '' }));
}

/**
 * New scores reach parents by the outbox, once per guardian and learner a save: every change
 * where the school shows scores at once; where it shows them only after publishing, changes to
 * columns already published (the others are told when the column is published).
 */
async function notifyNewScores(tx: Executor, cls: ClassContext, subjectName: string, changes: { learnerId: string; published: boolean }[]) {
	const immediate = (await getSetting(tx, cls.path, 'gradebook.scoreVisibility')) === 'immediate';
	const learnerIds = [...new Set(changes.filter((c) => immediate || c.published).map((c) => c.learnerId))];
	await enqueueMany(
		tx,
		(await guardiansOf(tx, learnerIds)).map((g) => ({ channel: 'email' as const, recipient: g.email, subject: m.gb_notify_subject({ learner: g.learnerName }), body: m.gb_notify_body({ learner: g.learnerName, subject: subjectName, className: cls.name }) }))
	);
}

/** Every value a cell has had, oldest first (the teacher, the leader, and the audit). */
export async function cellHistory(db: Executor, p: Principal, q: { columnId: string; learnerId: string }) {
	const [col] = await db.select().from(gradeColumns).where(eq(gradeColumns.id, q.columnId));
	if (!col) throw new NotFoundError(m.error_not_found());
	const assignment = await assignmentOf(db, col.classId, col.subjectId);
	authorize(p, 'read', 'grade', gridResource(col, assignment?.teacherId));
	return db
		.select()
		.from(gradeHistory)
		.where(and(eq(gradeHistory.columnId, q.columnId), eq(gradeHistory.learnerId, q.learnerId)))
		.orderBy(asc(gradeHistory.id));
}

// ── Change requests after locking ───────────────────────────────────────────────────────────────

export async function requestChange(
	db: Executor,
	p: Principal,
	input: { columnId: string; learnerId: string; oldValue: string | number | null; newValue: string | number | null; reason: string }
) {
	const [col] = await db.select().from(gradeColumns).where(eq(gradeColumns.id, input.columnId));
	if (!col) throw new NotFoundError(m.error_not_found());
	const cls = (await classContext(db, col.classId))!;
	const assignment = await assignmentOf(db, col.classId, col.subjectId);
	authorize(p, 'read', 'grade', gridResource(cls, assignment?.teacherId));
	authorizeCreate(p, 'grade_change', gridResource(cls, assignment?.teacherId));
	if (!(await isLocked(db, cls, col.term))) throw new ConflictError(m.gb_not_locked());
	if (!(await orgRepo.listEnrolledLearners(db, cls.id)).some((l) => l.id === input.learnerId))
		throw new ValidationError(m.gb_learner_not_in_class(), [{ path: 'learnerId', message: m.gb_learner_not_in_class() }]);
	const vt = col.valueType as ValueType;
	const parsedNew = parseCell(vt, input.newValue);
	if (!parsedNew.ok) throw new ValidationError(cellErrorMessage(parsedNew.code), [{ path: 'newValue', message: cellErrorMessage(parsedNew.code) }]);
	const parsedOld = parseCell(vt, input.oldValue);
	if (!parsedOld.ok) throw new ValidationError(cellErrorMessage(parsedOld.code), [{ path: 'oldValue', message: cellErrorMessage(parsedOld.code) }]);
	return db.transaction(async (tx) => {
		const [entry] = await tx.select().from(gradeEntries).where(and(eq(gradeEntries.columnId, col.id), eq(gradeEntries.learnerId, input.learnerId)));
		const check = validateChangeRequest({
			currentValue: cellValue(vt, entry),
			oldValue: cellValue(vt, parsedOld.value),
			newValue: cellValue(vt, parsedNew.value),
			reason: input.reason
		});
		if (!check.ok) {
			const text = { change_stale_old_value: m.gb_change_stale(), change_reason_required: m.gb_change_reason_required(), change_no_difference: m.gb_change_no_difference() };
			const issues = check.errors.map((code) => ({ path: code === 'change_reason_required' ? 'reason' : code === 'change_stale_old_value' ? 'oldValue' : 'newValue', message: text[code] }));
			throw new ValidationError(issues[0].message, issues);
		}
		const [pending] = await tx
			.select({ id: gradeChangeRequests.id })
			.from(gradeChangeRequests)
			.where(and(eq(gradeChangeRequests.columnId, col.id), eq(gradeChangeRequests.learnerId, input.learnerId), eq(gradeChangeRequests.status, 'pending')));
		if (pending) throw new ConflictError(m.gb_change_pending());
		const [row] = await tx
			.insert(gradeChangeRequests)
			.values({
				schoolId: cls.schoolId,
				columnId: col.id,
				learnerId: input.learnerId,
				oldValue: cellValue(vt, entry),
				newValue: cellValue(vt, parsedNew.value),
				reason: input.reason.trim(),
				requestedBy: p.personId,
				path: cls.path
			})
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'grade_change_request', entityId: row.id, scopePath: cls.path, schoolId: cls.schoolId, after: row });
		return row;
	});
}

export async function listChangeRequests(db: Executor, p: Principal, filter: { status?: 'pending' | 'approved' | 'rejected' | 'withdrawn'; schoolId?: string }) {
	authorizeList(p, 'grade_change');
	const conds = [
		or(
			scopeCondition(p, 'update', 'grade_change', { path: gradeChangeRequests.path }),
			eq(gradeChangeRequests.requestedBy, p.personId)
		)!
	];
	if (filter.status) conds.push(eq(gradeChangeRequests.status, filter.status));
	if (filter.schoolId) conds.push(eq(gradeChangeRequests.schoolId, filter.schoolId));
	const learner = sql<string>`(select concat_ws(' ', family_name, nullif(middle_name, ''), given_name) from persons where id = ${gradeChangeRequests.learnerId})`;
	const requester = sql<string>`(select concat_ws(' ', family_name, nullif(middle_name, ''), given_name) from persons where id = ${gradeChangeRequests.requestedBy})`;
	const decider = sql<string | null>`(select concat_ws(' ', family_name, nullif(middle_name, ''), given_name) from persons where id = ${gradeChangeRequests.decidedBy})`;
	return db
		.select({
			request: gradeChangeRequests,
			learnerName: learner,
			requestedByName: requester,
			decidedByName: decider,
			className: classes.name,
			subjectName: subjects.name,
			term: gradeColumns.term,
			column: { kind: gradeColumns.kind, valueType: gradeColumns.valueType, slot: gradeColumns.slot }
		})
		.from(gradeChangeRequests)
		.innerJoin(gradeColumns, eq(gradeColumns.id, gradeChangeRequests.columnId))
		.innerJoin(classes, eq(classes.id, gradeColumns.classId))
		.innerJoin(subjects, eq(subjects.id, gradeColumns.subjectId))
		.where(and(...conds))
		.orderBy(sql`${gradeChangeRequests.requestedAt} desc`)
		.then((rows) =>
			rows.map((r) => ({ ...r.request, learnerName: r.learnerName, requestedByName: r.requestedByName, decidedByName: r.decidedByName, className: r.className, subjectName: r.subjectName, term: r.term, columnLabel: columnLabel(r.column) }))
		);
}

/** The school leader approves (the new value is written, with the reason, in the history) or rejects. */
export async function decideChange(db: Executor, p: Principal, id: string, input: { approve: boolean; note?: string }) {
	const [req] = await db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.id, id));
	const [col] = req ? await db.select().from(gradeColumns).where(eq(gradeColumns.id, req.columnId)) : [];
	const assignment = col ? await assignmentOf(db, col.classId, col.subjectId) : undefined;
	authorize(p, 'update', 'grade_change', req ? { path: req.path, teacherId: assignment?.teacherId } : undefined);
	if (decidesOwnRequest(p, req)) throw new ForbiddenError(m.gb_change_own_decision());
	if (req.status !== 'pending') throw new ConflictError(m.gb_change_decided());
	const vt = col.valueType as ValueType;
	return db.transaction(async (tx) => {
		// Deciding first, and only while still pending, so two leaders (or a decision racing the
		// teacher's withdrawal) can never both apply: the second finds no pending row.
		const [after] = await tx
			.update(gradeChangeRequests)
			.set({ status: input.approve ? 'approved' : 'rejected', decidedBy: p.personId, decidedAt: new Date(), decisionNote: input.note ?? null })
			.where(and(eq(gradeChangeRequests.id, id), eq(gradeChangeRequests.status, 'pending')))
			.returning();
		if (!after) throw new ConflictError(m.gb_change_decided());
		if (input.approve) {
			const [entry] = await tx.select().from(gradeEntries).where(and(eq(gradeEntries.columnId, col.id), eq(gradeEntries.learnerId, req.learnerId))).for('update');
			if (!sameCellValue(cellValue(vt, entry), req.oldValue as CellValue)) throw new ConflictError(m.gb_change_stale());
			const parsed = parseCell(vt, req.newValue as string | number | null);
			if (!parsed.ok) throw new ValidationError(cellErrorMessage(parsed.code));
			const [row] = await tx
				.insert(gradeEntries)
				.values({ schoolId: req.schoolId, columnId: col.id, learnerId: req.learnerId, ...parsed.value, version: 1, updatedBy: req.requestedBy })
				.onConflictDoUpdate({
					target: [gradeEntries.columnId, gradeEntries.learnerId],
					set: { ...parsed.value, version: sql`${gradeEntries.version} + 1`, updatedBy: req.requestedBy, updatedAt: new Date() }
				})
				.returning();
			await tx.insert(gradeHistory).values({
				schoolId: req.schoolId,
				columnId: col.id,
				learnerId: req.learnerId,
				before: entry ? snapshot(vt, entry) : null,
				after: snapshot(vt, row),
				changedBy: req.requestedBy,
				reason: req.reason,
				changeRequestId: req.id
			});
			await notifyChangedScore(tx, col, req.learnerId, cellText(vt, row));
		}
		await writeAudit(tx, p, { action: 'update', entityType: 'grade_change_request', entityId: id, scopePath: req.path, schoolId: req.schoolId, before: req, after });
		return after;
	});
}

/**
 * An approved change reaches the learner's guardians with the new value, where families see the
 * column: always when the school shows scores at once, once published otherwise (publishing later
 * tells them then). Called once per decision, which only a pending request can get.
 */
async function notifyChangedScore(tx: Executor, col: Column, learnerId: string, newText: string) {
	// Read under a share lock, as a save does, so a publish racing the approval tells the new value once.
	const [now] = await tx.select({ publishedAt: gradeColumns.publishedAt }).from(gradeColumns).where(eq(gradeColumns.id, col.id)).for('share');
	const visible = (await getSetting(tx, col.path, 'gradebook.scoreVisibility')) === 'immediate' || Boolean(now?.publishedAt);
	if (!visible) return;
	const [names] = await tx
		.select({ subjectName: subjects.name, className: classes.name })
		.from(subjects)
		.innerJoin(classes, eq(classes.id, col.classId))
		.where(eq(subjects.id, col.subjectId));
	const column = columnLabel(col);
	await enqueueMany(
		tx,
		(await guardiansOf(tx, [learnerId])).map((g) => ({
			channel: 'email' as const,
			recipient: g.email,
			subject: m.gb_notify_change_subject({ learner: g.learnerName, subject: names.subjectName, column }),
			body: m.gb_notify_change_body({ learner: g.learnerName, subject: names.subjectName, column, className: names.className, value: newText || '–' })
		}))
	);
}

/** The teacher takes back their own request while it is still pending. Audited. */
export async function withdrawChange(db: Executor, p: Principal, id: string) {
	const [req] = await db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.id, id));
	const [col] = req ? await db.select().from(gradeColumns).where(eq(gradeColumns.id, req.columnId)) : [];
	const assignment = col ? await assignmentOf(db, col.classId, col.subjectId) : undefined;
	authorize(p, 'read', 'grade_change', req ? { path: req.path, teacherId: assignment?.teacherId } : undefined);
	if (req.requestedBy !== p.personId) throw new ForbiddenError(m.gb_change_not_yours());
	if (req.status !== 'pending') throw new ConflictError(m.gb_change_decided());
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(gradeChangeRequests)
			.set({ status: 'withdrawn', decidedAt: new Date() })
			.where(and(eq(gradeChangeRequests.id, id), eq(gradeChangeRequests.status, 'pending')))
			.returning();
		if (!after) throw new ConflictError(m.gb_change_decided());
		await writeAudit(tx, p, { action: 'update', entityType: 'grade_change_request', entityId: id, scopePath: req.path, schoolId: req.schoolId, before: req, after });
		return after;
	});
}
