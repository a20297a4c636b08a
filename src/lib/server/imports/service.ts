/**
 * Importing a school's list of learners (with class and parents) or staff, all or nothing:
 * preview parses and validates every row and writes nothing; commit validates again inside one
 * transaction and, only when no row has a problem, writes every row with multi-row INSERTs and
 * their audit records in the same transaction.
 */
import { and, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '../db/client';
import type { Principal, Role, ScopeType } from '../auth/principal';
import { authorize, authorizeCreate } from '../auth/authorize';
import { can, mayGrant } from '../auth/policy';
import { classes, enrolments, schoolYears, schools } from '../organisations/schema';
import { guardianships, persons, roleGrants } from '../people/schema';
import { auditLog } from '../audit/schema';
import { requestId } from '../http/request-context';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { columnsOf, type Field, type ImportKind } from './columns';
import { FileProblem, cellText, classKey, locateTable, normalisePhone, readRows, type Table } from './parse';
import { sortErrors, tableErrors, validateLearners, validateStaff, type ClassInfo, type ImportContext, type ImportError, type LearnerRow, type StaffRow } from './validate';
import { getSetting } from '../settings/service';
import { todayInVietnam } from '../../format';
import { m } from '#lib/paraglide/messages.js';
import { isUniqueViolation } from '../db/errors';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The form fields besides the file. */
export const importFields = z.object({
	schoolId: z.uuid(),
	schoolYearId: z.uuid().optional()
});
export type ImportFields = z.infer<typeof importFields>;

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

/** The uploaded file from a multipart form, refused when absent, too large or of another type. */
export async function uploadFrom(form: FormData): Promise<Upload> {
	const file = form.get('file');
	const fail = (message: string) => new ValidationError(message, [{ path: 'file', message }]);
	if (!file || typeof file === 'string' || file.size === 0) throw fail(m.import_err_file_missing());
	if (file.size > MAX_FILE_BYTES) throw fail(m.import_err_file_too_big({ max: '5 MB' }));
	if (!/\.(xlsx|csv|txt)$/i.test(file.name)) throw fail(m.import_err_file_type());
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}


/**
 * The school to import into, checked against the policy: someone who may not see the school gets
 * 404, someone who may see it but not import gets 403. The year is the one asked for, else the
 * one containing today, else the latest.
 */
async function target(db: Executor, p: Principal, fields: ImportFields) {
	const [school] = await db.select({ id: schools.id, path: schools.path, name: schools.name }).from(schools).where(eq(schools.id, fields.schoolId));
	authorize(p, 'read', 'school', school ? { path: school.path } : undefined);
	authorizeCreate(p, 'import', { path: school.path });
	const years = await db.select({ id: schoolYears.id, name: schoolYears.name, startsOn: schoolYears.startsOn, endsOn: schoolYears.endsOn }).from(schoolYears).where(eq(schoolYears.schoolId, school.id));
	let year: (typeof years)[number] | null = null;
	if (fields.schoolYearId) {
		year = years.find((y) => y.id === fields.schoolYearId) ?? null;
		if (!year) throw new ValidationError(m.error_not_found(), [{ path: 'schoolYearId', message: m.error_not_found() }]);
	} else {
		const today = todayInVietnam();
		year = years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? [...years].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0] ?? null;
	}
	return { school, year };
}
type Target = Awaited<ReturnType<typeof target>>;

async function readTable(kind: ImportKind, upload: Upload): Promise<Table | null> {
	try {
		return locateTable(kind, await readRows(upload.bytes, upload.name));
	} catch (e) {
		if (!(e instanceof FileProblem)) throw e;
		const message = e.reason === 'type' ? m.import_err_file_type() : e.reason === 'encoding' ? m.import_err_file_encoding() : m.import_err_file_unreadable();
		throw new ValidationError(message, [{ path: 'file', message }]);
	}
}

const CHUNK = 1000;
const chunks = <T>(list: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** A snapshot of what the rules compare against, read with the caller's executor. */
async function loadContext(db: Executor, kind: ImportKind, t: Target, table: Table): Promise<ImportContext> {
	const classMap = new Map<string, ClassInfo>();
	if (t.year) {
		const rows = await db.select({ id: classes.id, name: classes.name, homeroom: classes.homeroomTeacherId }).from(classes).where(eq(classes.schoolYearId, t.year.id));
		for (const c of rows) classMap.set(classKey(c.name), { id: c.id, name: c.name, hasHomeroomTeacher: !!c.homeroom });
	}
	const codes = [...new Set(table.records.map((r) => cellText(r.values.code)).filter(Boolean))];
	const codeColumn = kind === 'learners' ? persons.learnerCode : persons.staffCode;
	const existingCodes = new Set<string>();
	for (const part of chunks(codes)) {
		const found = await db.select({ code: codeColumn }).from(persons).where(inArray(codeColumn, part));
		for (const f of found) if (f.code) existingCodes.add(f.code);
	}
	const existingGuardians = new Map<string, string>();
	if (kind === 'learners') {
		const gs = await db
			.select({ id: persons.id, phone: persons.phone })
			.from(persons)
			.where(and(eq(persons.schoolId, t.school.id), eq(persons.kind, 'guardian'), isNotNull(persons.phone)));
		for (const g of gs) {
			const phone = normalisePhone(g.phone);
			if (phone && phone !== 'invalid' && !existingGuardians.has(phone)) existingGuardians.set(phone, g.id);
		}
	}
	return { yearName: t.year?.name ?? null, classes: classMap, existingCodes, existingGuardians };
}

export interface Analysis {
	kind: ImportKind;
	target: Target;
	table: Table | null;
	learners: LearnerRow[];
	staff: StaffRow[];
	errors: ImportError[];
}

async function analyse(db: Executor, kind: ImportKind, t: Target, table: Table | null): Promise<Analysis> {
	const errors = tableErrors(kind, table, await getSetting(db, t.school.path, 'imports.maxRows'));
	let learners: LearnerRow[] = [];
	let staff: StaffRow[] = [];
	if (table && !table.missing.length) {
		const ctx = await loadContext(db, kind, t, table);
		const today = todayInVietnam();
		if (kind === 'learners') {
			const r = validateLearners(table, ctx, today);
			learners = r.rows;
			errors.push(...r.errors);
		} else {
			const r = validateStaff(table, ctx, today);
			staff = r.rows;
			errors.push(...r.errors);
		}
	}
	return { kind, target: t, table, learners, staff, errors: sortErrors(kind, errors) };
}

/** The preview's answer: every row as read (and normalised when valid), the errors, a summary. */
function present(a: Analysis) {
	const byRow = new Map<number, LearnerRow | StaffRow>([...a.learners, ...a.staff].map((r) => [r.row, r]));
	const fields = columnsOf(a.kind).map((c) => c.field);
	const rows = (a.table?.records ?? []).map((r) => {
		const cells = Object.fromEntries(fields.filter((f) => r.values[f] !== undefined).map((f) => [f, cellText(r.values[f])])) as Partial<Record<Field, string>>;
		const normalised = byRow.get(r.row);
		return { row: r.row, valid: !!normalised, cells, ...(normalised ?? {}) };
	});
	const guardianPhones = new Set<string>();
	let guardiansExisting = 0;
	let guardiansNew = 0;
	for (const l of a.learners) {
		if (!l.guardian) continue;
		if (l.guardian.existingId) {
			if (!guardianPhones.has('x' + l.guardian.existingId)) guardiansExisting++;
			guardianPhones.add('x' + l.guardian.existingId);
		} else if (!l.guardian.phone || !guardianPhones.has(l.guardian.phone)) {
			guardiansNew++;
			if (l.guardian.phone) guardianPhones.add(l.guardian.phone);
		}
	}
	const errorRows = new Set(a.errors.filter((e) => e.row > 0 && e.row !== a.table?.headerRow).map((e) => e.row));
	return {
		rows,
		errors: a.errors,
		summary: {
			kind: a.kind,
			school: { id: a.target.school.id, name: a.target.school.name },
			schoolYear: a.target.year ? { id: a.target.year.id, name: a.target.year.name } : null,
			headerRow: a.table?.headerRow ?? null,
			totalRows: rows.length,
			validRows: a.learners.length + a.staff.length,
			rowsWithErrors: errorRows.size,
			errorCount: a.errors.length,
			...(a.kind === 'learners' ? { newGuardians: guardiansNew, existingGuardians: guardiansExisting } : {})
		}
	};
}
export type ImportPreview = ReturnType<typeof present>;

/** Parses and validates every row; writes nothing. */
export async function previewImport(db: Executor, p: Principal, kind: ImportKind, fields: ImportFields, upload: Upload): Promise<ImportPreview> {
	const t = await target(db, p, fields);
	const table = await readTable(kind, upload);
	return present(await analyse(db, kind, t, table));
}

export interface ImportResult {
	created: { learners: number; guardians: number; enrolments: number } | { staff: number; roleGrants: number; homerooms: number };
}

/** Validates again and writes everything in one transaction, or nothing (400 with the errors). */
export async function commitImport(db: Executor, p: Principal, kind: ImportKind, fields: ImportFields, upload: Upload): Promise<ImportResult> {
	const t = await target(db, p, fields);
	const table = await readTable(kind, upload);
	const roles: Role[] = kind === 'learners' ? ['learner', 'parent'] : ['teacher', 'subject_group_head', 'school_leader', 'counsellor', 'homeroom_teacher'];
	return db.transaction(async (tx) => {
		const a = await analyse(tx, kind, t, table);
		if (a.errors.length) {
			const preview = present(a);
			throw new ValidationError(m.import_err_has_errors({ count: String(a.errors.length) }), [], { issues: [], errors: a.errors, summary: preview.summary });
		}
		const needed = new Set<Role>(kind === 'learners' ? roles : a.staff.flatMap((s) => [...s.schoolRoles, ...(s.homeroomClassId ? (['homeroom_teacher', 'teacher'] as Role[]) : [])]));
		for (const r of needed) if (!mayGrant(p, r, t.school.path)) throw new ForbiddenError(m.error_cannot_grant());
		const written = kind === 'learners' ? await writeLearners(tx, p, t, a.learners) : await writeStaff(tx, p, t, a.staff);
		await insertAudit(tx, p, [{ action: 'import', entityType: 'import', entityId: crypto.randomUUID(), schoolId: t.school.id, scopePath: t.school.path, after: { kind, file: upload.name, schoolYearId: t.year?.id ?? null, rows: a.learners.length + a.staff.length, created: written } }]);
		return { created: written };
	});
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

type PersonRow = typeof persons.$inferInsert & { id: string };
type AuditRow = { action: string; entityType: string; entityId: string; schoolId: string | null; scopePath: string; before?: unknown; after?: unknown };

/**
 * Many rows in one statement: the rows travel as a single JSON parameter and
 * `jsonb_to_recordset` turns them back into typed columns, which PGlite and PostgreSQL ingest
 * markedly faster than thousands of bound parameters. Columns absent from every row keep their
 * defaults.
 */
async function bulkInsert(tx: Executor, table: PgTable, rows: Record<string, unknown>[], opts: { ignoreConflicts?: boolean } = {}) {
	if (!rows.length) return;
	const columns = getTableColumns(table) as Record<string, PgColumn>;
	const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => columns[k]);
	const names = sql.join(keys.map((k) => sql.identifier(columns[k].name)), sql`, `);
	const types = sql.raw(keys.map((k) => `"${columns[k].name}" ${columns[k].getSQLType()}`).join(', '));
	for (const part of chunks(rows, 2000)) {
		const json = JSON.stringify(part.map((r) => Object.fromEntries(keys.map((k) => [columns[k].name, r[k] ?? null]))));
		await tx.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as t(${types})${opts.ignoreConflicts ? sql` on conflict do nothing` : sql``}`);
	}
}

/** Audit records in batches: the same columns `writeAudit` fills, in the caller's transaction. */
async function insertAudit(tx: Executor, actor: Principal, entries: AuditRow[]) {
	const reqId = requestId() ?? null;
	await bulkInsert(
		tx,
		auditLog,
		entries.map((e) => ({ actorId: actor.personId, action: e.action, entityType: e.entityType, entityId: e.entityId, schoolId: e.schoolId, scopePath: e.scopePath, before: e.before ?? null, after: e.after ?? null, requestId: reqId }))
	);
}

async function insertPersons(tx: Executor, rows: PersonRow[]) {
	await bulkInsert(tx, persons, rows).catch((e) => {
		// Someone created the same code between the check and the write.
		if (isUniqueViolation(e)) throw new ConflictError(m.error_duplicate_code());
		throw e;
	});
}

const personAudit = (r: PersonRow, extra: Record<string, unknown> = {}): AuditRow => {
	const { searchName: _s, path: _p, ...after } = r;
	return { action: 'create', entityType: 'person', entityId: r.id, schoolId: r.schoolId ?? null, scopePath: r.path, after: { ...after, ...extra } };
};

async function writeLearners(tx: Executor, p: Principal, t: Target, rows: LearnerRow[]) {
	const school = t.school;
	const year = t.year!;
	const learners: PersonRow[] = [];
	const guardians: PersonRow[] = [];
	const guardianByPhone = new Map<string, string>();
	const enrols: (typeof enrolments.$inferInsert)[] = [];
	const links: (typeof guardianships.$inferInsert)[] = [];
	const grants: (typeof roleGrants.$inferInsert)[] = [];
	const audits: AuditRow[] = [];
	const base = { schoolId: school.id, path: school.path };
	for (const r of rows) {
		const id = crypto.randomUUID();
		const learner: PersonRow = { id, kind: 'learner', familyName: r.familyName, middleName: r.middleName, givenName: r.givenName, dateOfBirth: r.dateOfBirth, gender: r.gender, learnerCode: r.code, ...base };
		learners.push(learner);
		enrols.push({ schoolId: school.id, schoolYearId: year.id, classId: r.classId!, learnerId: id });
		grants.push({ personId: id, role: 'learner', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id });
		const g = r.guardian;
		// The learner's audit record also says where they were enrolled and who their guardian is.
		const placed = { classId: r.classId, className: r.className, schoolYearId: year.id };
		if (!g) {
			audits.push(personAudit(learner, placed));
			continue;
		}
		let guardianId = g.existingId ?? (g.phone ? guardianByPhone.get(g.phone) : undefined);
		if (!guardianId) {
			guardianId = crypto.randomUUID();
			const guardian: PersonRow = { id: guardianId, kind: 'guardian', familyName: g.familyName, middleName: g.middleName, givenName: g.givenName, phone: g.phone, email: g.email, ...base };
			guardians.push(guardian);
			audits.push(personAudit(guardian));
			if (g.phone) guardianByPhone.set(g.phone, guardianId);
		}
		links.push({ guardianId, learnerId: id, relation: g.relation });
		audits.push(personAudit(learner, { ...placed, guardianId, relation: g.relation }));
		grants.push({ personId: guardianId, role: 'parent', scopeType: 'learner' as ScopeType, scopeId: id, scopePath: school.path, schoolId: school.id });
	}
	await insertPersons(tx, [...learners, ...guardians]);
	await bulkInsert(tx, enrolments, enrols);
	await bulkInsert(tx, guardianships, links, { ignoreConflicts: true });
	// One parent grant per guardian and school (the unique key ignores which child).
	await bulkInsert(tx, roleGrants, grants, { ignoreConflicts: true });
	await insertAudit(tx, p, audits);
	return { learners: learners.length, guardians: guardians.length, enrolments: enrols.length };
}

async function writeStaff(tx: Executor, p: Principal, t: Target, rows: StaffRow[]) {
	const school = t.school;
	const people: PersonRow[] = [];
	const grants: (typeof roleGrants.$inferInsert)[] = [];
	const audits: AuditRow[] = [];
	const homerooms: { classId: string; className: string; teacherId: string }[] = [];
	for (const r of rows) {
		const id = crypto.randomUUID();
		const person: PersonRow = { id, kind: 'staff', familyName: r.familyName, middleName: r.middleName, givenName: r.givenName, dateOfBirth: r.dateOfBirth, gender: r.gender, email: r.email, phone: r.phone, staffCode: r.code, schoolId: school.id, path: school.path };
		people.push(person);
		audits.push(personAudit(person, { roles: r.roles, homeroomClassId: r.homeroomClassId }));
		for (const role of r.schoolRoles) grants.push({ personId: id, role, scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id });
		if (r.homeroomClassId) homerooms.push({ classId: r.homeroomClassId, className: r.homeroomClassName ?? '', teacherId: id });
	}
	if (homerooms.length) {
		const cls = await tx.select({ id: classes.id, path: classes.path }).from(classes).where(inArray(classes.id, homerooms.map((h) => h.classId)));
		const pathOf = new Map(cls.map((c) => [c.id, c.path]));
		for (const h of homerooms) {
			const path = pathOf.get(h.classId)!;
			for (const role of ['homeroom_teacher', 'teacher'] as const) grants.push({ personId: h.teacherId, role, scopeType: 'class', scopeId: h.classId, scopePath: path, schoolId: school.id });
		}
	}
	await insertPersons(tx, people);
	await bulkInsert(tx, roleGrants, grants, { ignoreConflicts: true });
	for (const h of homerooms) {
		// Guarded so a class given a homeroom teacher since the check is not silently taken over.
		const updated = await tx
			.update(classes)
			.set({ homeroomTeacherId: h.teacherId, updatedAt: new Date() })
			.where(and(eq(classes.id, h.classId), sql`${classes.homeroomTeacherId} is null`))
			.returning({ id: classes.id, name: classes.name, path: classes.path });
		if (!updated.length) throw new ConflictError(m.import_err_homeroom_taken({ name: h.className }));
		audits.push({ action: 'update', entityType: 'class', entityId: h.classId, schoolId: school.id, scopePath: updated[0].path, before: { homeroomTeacherId: null }, after: { homeroomTeacherId: h.teacherId } });
	}
	await insertAudit(tx, p, audits);
	return { staff: people.length, roleGrants: grants.length, homerooms: homerooms.length };
}

/** May the caller import into this school (for the page's choice of schools)? */
export const mayImportInto = (p: Principal, school: { path: string }): boolean => can(p, 'create', 'import', school);
