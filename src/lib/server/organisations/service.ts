import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { classes, enrolments, orgUnits, schoolYears, schools, subjectGroups, subjects, terms } from './schema';
import { persons } from '../people/schema';
import * as repo from './repository';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate } from '../auth/authorize';
import { scopeCondition } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { sortVietnamese } from '../people/names';
import { defaultSubjectAssessment } from '#lib/gradebook/rules/secondary-subject';
import type { ClassInput, OrgUnitInput, SchoolInput } from './inputs';
import type { z } from 'zod';
import type { classPatch, enrolmentInput, orgUnitPatch, schoolPatch, schoolYearInput, schoolYearPatch, subjectGroupInput, subjectGroupPatch, subjectInput, subjectPatch } from './inputs';
import { m } from '#lib/paraglide/messages.js';
import { isUniqueViolation } from '../db/errors';

const childPath = (parentPath: string, id: string) => `${parentPath}${id}/`;

/** Postgres unique violations become a 409 the user can act on. */
async function unique<T>(fn: () => Promise<T>, message: string): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (isUniqueViolation(e)) throw new ConflictError(message);
		throw e;
	}
}

// ── Organisation units ────────────────────────────────────────────────────────────────────────

export function listOrgUnits(db: Executor, p: Principal) {
	return repo.listOrgUnits(db, scopeCondition(p, 'read', 'org_unit', { path: orgUnits.path }));
}

export async function getOrgUnit(db: Executor, p: Principal, id: string) {
	const unit = await repo.findOrgUnit(db, id);
	authorize(p, 'read', 'org_unit', unit);
	return unit;
}

export async function createOrgUnit(db: Executor, p: Principal, input: OrgUnitInput) {
	const parent = input.parentId ? await repo.findOrgUnit(db, input.parentId) : undefined;
	if (input.parentId && !parent) throw new ValidationError(m.error_parent_unit_unknown(), [{ path: 'parentId', message: m.error_parent_unit_unknown() }]);
	authorizeCreate(p, 'org_unit', { path: parent?.path ?? '/' });
	return db.transaction(async (tx) => {
		const id = crypto.randomUUID();
		const path = childPath(parent?.path ?? '/', id);
		const [row] = await unique(
			() => tx.insert(orgUnits).values({ id, parentId: parent?.id ?? null, kind: input.kind, code: input.code, name: input.name, historicalDistrict: input.historicalDistrict ?? null, path }).returning(),
			m.error_code_taken({ code: input.code })
		);
		await writeAudit(tx, p, { action: 'create', entityType: 'org_unit', entityId: id, scopePath: path, after: row });
		return row;
	});
}

export async function updateOrgUnit(db: Executor, p: Principal, id: string, patch: z.infer<typeof orgUnitPatch>) {
	const before = await repo.findOrgUnit(db, id);
	authorize(p, 'update', 'org_unit', before);
	return db.transaction(async (tx) => {
		const [after] = await unique(
			() => tx.update(orgUnits).set({ ...patch, updatedAt: new Date() }).where(eq(orgUnits.id, id)).returning(),
			m.error_code_taken({ code: patch.code ?? '' })
		);
		await writeAudit(tx, p, { action: 'update', entityType: 'org_unit', entityId: id, scopePath: before.path, before, after });
		return after;
	});
}

export async function deleteOrgUnit(db: Executor, p: Principal, id: string) {
	const before = await repo.findOrgUnit(db, id);
	authorize(p, 'delete', 'org_unit', before);
	const children = await repo.countChildren(db, id);
	if (children.units || children.schools) throw new ConflictError(m.error_unit_not_empty());
	await db.transaction(async (tx) => {
		await tx.delete(orgUnits).where(eq(orgUnits.id, id));
		await writeAudit(tx, p, { action: 'delete', entityType: 'org_unit', entityId: id, scopePath: before.path, before });
	});
}

// ── Schools ───────────────────────────────────────────────────────────────────────────────────

export function listSchools(db: Executor, p: Principal, filter: { orgUnitId?: string; level?: string } = {}) {
	return repo.listSchools(db, scopeCondition(p, 'read', 'school', { path: schools.path }), filter);
}

export async function getSchool(db: Executor, p: Principal, id: string) {
	const school = await repo.findSchool(db, id);
	authorize(p, 'read', 'school', school);
	return school;
}

export async function createSchool(db: Executor, p: Principal, input: SchoolInput) {
	const unit = await repo.findOrgUnit(db, input.orgUnitId);
	if (!unit) throw new ValidationError(m.error_parent_unit_unknown(), [{ path: 'orgUnitId', message: m.error_parent_unit_unknown() }]);
	authorizeCreate(p, 'school', { path: unit.path });
	return db.transaction(async (tx) => {
		const id = crypto.randomUUID();
		const path = childPath(unit.path, id);
		const [row] = await unique(() => tx.insert(schools).values({ ...input, id, path }).returning(), m.error_code_taken({ code: input.code }));
		await writeAudit(tx, p, { action: 'create', entityType: 'school', entityId: id, schoolId: id, scopePath: path, after: row });
		return row;
	});
}

export async function updateSchool(db: Executor, p: Principal, id: string, patch: z.infer<typeof schoolPatch>) {
	const before = await repo.findSchool(db, id);
	authorize(p, 'update', 'school', before);
	return db.transaction(async (tx) => {
		const [after] = await unique(() => tx.update(schools).set({ ...patch, updatedAt: new Date() }).where(eq(schools.id, id)).returning(), m.error_code_taken({ code: patch.code ?? '' }));
		await writeAudit(tx, p, { action: 'update', entityType: 'school', entityId: id, schoolId: id, scopePath: before.path, before, after });
		return after;
	});
}

// ── School years and terms ────────────────────────────────────────────────────────────────────

export async function listSchoolYears(db: Executor, p: Principal, schoolId: string) {
	const school = await getSchool(db, p, schoolId);
	const years = await repo.listSchoolYears(db, school.id);
	return Promise.all(years.map(async (y) => ({ ...y, terms: await repo.listTerms(db, y.id) })));
}

/** Midpoint of a school year, the default first day of term 2. */
export function defaultTerm2Start(startsOn: string, endsOn: string): string {
	const a = Date.parse(startsOn + 'T00:00:00Z');
	const b = Date.parse(endsOn + 'T00:00:00Z');
	return new Date(a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}

const dayBefore = (iso: string) => new Date(Date.parse(iso + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);

export async function createSchoolYear(db: Executor, p: Principal, input: z.infer<typeof schoolYearInput>) {
	const school = await getSchool(db, p, input.schoolId);
	authorizeCreate(p, 'school_year', { path: school.path });
	const term2 = input.term2StartsOn ?? defaultTerm2Start(input.startsOn, input.endsOn);
	if (!(term2 > input.startsOn && term2 <= input.endsOn))
		throw new ValidationError(m.error_term_dates(), [{ path: 'term2StartsOn', message: m.error_term_dates() }]);
	return db.transaction(async (tx) => {
		const [year] = await unique(
			() => tx.insert(schoolYears).values({ schoolId: school.id, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn }).returning(),
			m.error_year_exists({ name: input.name })
		);
		const termRows = await tx
			.insert(terms)
			.values([
				{ schoolId: school.id, schoolYearId: year.id, number: 1, startsOn: input.startsOn, endsOn: dayBefore(term2) },
				{ schoolId: school.id, schoolYearId: year.id, number: 2, startsOn: term2, endsOn: input.endsOn }
			])
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'school_year', entityId: year.id, schoolId: school.id, scopePath: school.path, after: { ...year, terms: termRows } });
		return { ...year, terms: termRows };
	});
}

/** Renames a year or moves its dates; term 1 starts with the year, term 2 ends with it. */
export async function updateSchoolYear(db: Executor, p: Principal, id: string, patch: z.infer<typeof schoolYearPatch>) {
	const year = await repo.findSchoolYear(db, id);
	const school = year && (await repo.findSchool(db, year.schoolId));
	if (!year || !school) throw new NotFoundError(m.error_not_found());
	authorize(p, 'update', 'school_year', { path: school.path });
	const termsBefore = await repo.listTerms(db, year.id);
	const startsOn = patch.startsOn ?? year.startsOn;
	const endsOn = patch.endsOn ?? year.endsOn;
	if (!(startsOn < endsOn)) throw new ValidationError(m.api_year_dates(), [{ path: 'endsOn', message: m.api_year_dates() }]);
	const term2 = patch.term2StartsOn ?? termsBefore.find((t) => t.number === 2)?.startsOn ?? defaultTerm2Start(startsOn, endsOn);
	if (!(term2 > startsOn && term2 <= endsOn)) throw new ValidationError(m.error_term_dates(), [{ path: 'term2StartsOn', message: m.error_term_dates() }]);
	const name = patch.name ?? year.name;
	return db.transaction(async (tx) => {
		const [after] = await unique(() => tx.update(schoolYears).set({ name, startsOn, endsOn }).where(eq(schoolYears.id, id)).returning(), m.error_year_exists({ name }));
		await tx.update(terms).set({ startsOn, endsOn: dayBefore(term2) }).where(and(eq(terms.schoolYearId, id), eq(terms.number, 1)));
		await tx.update(terms).set({ startsOn: term2, endsOn }).where(and(eq(terms.schoolYearId, id), eq(terms.number, 2)));
		const termsAfter = await repo.listTerms(tx, id);
		await writeAudit(tx, p, { action: 'update', entityType: 'school_year', entityId: id, schoolId: school.id, scopePath: school.path, before: { ...year, terms: termsBefore }, after: { ...after, terms: termsAfter } });
		return { ...after, terms: termsAfter };
	});
}

// ── Subjects and subject groups ───────────────────────────────────────────────────────────────

export async function listSubjects(db: Executor, p: Principal, schoolId: string) {
	const school = await getSchool(db, p, schoolId);
	const [groups, list] = await Promise.all([repo.listSubjectGroups(db, school.id), repo.listSubjects(db, school.id)]);
	return { groups, subjects: list };
}

export async function createSubjectGroup(db: Executor, p: Principal, input: z.infer<typeof subjectGroupInput>) {
	const school = await getSchool(db, p, input.schoolId);
	authorizeCreate(p, 'subject', { path: school.path });
	return db.transaction(async (tx) => {
		const id = crypto.randomUUID();
		const [row] = await unique(() => tx.insert(subjectGroups).values({ id, schoolId: school.id, name: input.name, path: childPath(school.path, id) }).returning(), m.error_name_taken({ name: input.name }));
		await writeAudit(tx, p, { action: 'create', entityType: 'subject_group', entityId: id, schoolId: school.id, scopePath: school.path, after: row });
		return row;
	});
}

export async function createSubject(db: Executor, p: Principal, input: z.infer<typeof subjectInput>) {
	const school = await getSchool(db, p, input.schoolId);
	authorizeCreate(p, 'subject', { path: school.path });
	if (input.subjectGroupId) {
		const g = await repo.findSubjectGroup(db, input.subjectGroupId);
		if (!g || g.schoolId !== school.id) throw new ValidationError(m.error_not_found(), [{ path: 'subjectGroupId', message: m.error_not_found() }]);
	}
	return db.transaction(async (tx) => {
		const assessment = input.assessment ?? defaultSubjectAssessment(school.level, input.code, input.name);
		const [row] = await unique(() => tx.insert(subjects).values({ ...input, assessment, subjectGroupId: input.subjectGroupId ?? null }).returning(), m.error_code_taken({ code: input.code }));
		await writeAudit(tx, p, { action: 'create', entityType: 'subject', entityId: row.id, schoolId: school.id, scopePath: school.path, after: row });
		return row;
	});
}

export async function updateSubjectGroup(db: Executor, p: Principal, id: string, patch: z.infer<typeof subjectGroupPatch>) {
	const before = await repo.findSubjectGroup(db, id);
	const school = before && (await repo.findSchool(db, before.schoolId));
	if (!before || !school) throw new NotFoundError(m.error_not_found());
	authorize(p, 'update', 'subject', { path: school.path });
	return db.transaction(async (tx) => {
		const [after] = await unique(() => tx.update(subjectGroups).set({ name: patch.name }).where(eq(subjectGroups.id, id)).returning(), m.error_name_taken({ name: patch.name }));
		await writeAudit(tx, p, { action: 'update', entityType: 'subject_group', entityId: id, schoolId: school.id, scopePath: school.path, before, after });
		return after;
	});
}

export async function updateSubject(db: Executor, p: Principal, id: string, patch: z.infer<typeof subjectPatch>) {
	const before = await repo.findSubject(db, id);
	const school = before && (await repo.findSchool(db, before.schoolId));
	if (!before || !school) throw new NotFoundError(m.error_not_found());
	authorize(p, 'update', 'subject', { path: school.path });
	if (Object.keys(patch).length === 0) return before;
	if (patch.subjectGroupId) {
		const g = await repo.findSubjectGroup(db, patch.subjectGroupId);
		if (!g || g.schoolId !== school.id) throw new ValidationError(m.error_not_found(), [{ path: 'subjectGroupId', message: m.error_not_found() }]);
	}
	// Scores and comments are stored differently (TT22 Điều 5, 6): a subject with entries keeps its mode.
	if (patch.assessment && patch.assessment !== before.assessment && (await repo.subjectHasGradeColumns(db, id)))
		throw new ConflictError(m.api_subject_assessment_in_use({ name: before.name }));
	return db.transaction(async (tx) => {
		const [after] = await unique(() => tx.update(subjects).set(patch).where(eq(subjects.id, id)).returning(), m.error_code_taken({ code: patch.code ?? '' }));
		await writeAudit(tx, p, { action: 'update', entityType: 'subject', entityId: id, schoolId: school.id, scopePath: school.path, before, after });
		return after;
	});
}

// ── Classes and enrolments ────────────────────────────────────────────────────────────────────

export function listClasses(db: Executor, p: Principal, filter: { schoolId?: string; schoolYearId?: string }) {
	return repo.listClasses(db, scopeCondition(p, 'read', 'class', { path: classes.path }), filter);
}

export async function getClass(db: Executor, p: Principal, id: string) {
	const cls = await repo.findClass(db, id);
	authorize(p, 'read', 'class', cls);
	return cls;
}

async function checkHomeroomTeacher(db: Executor, schoolId: string, teacherId: string | null | undefined) {
	if (!teacherId) return;
	const [t] = await db.select({ schoolId: persons.schoolId, kind: persons.kind }).from(persons).where(eq(persons.id, teacherId));
	if (!t || t.kind !== 'staff' || t.schoolId !== schoolId)
		throw new ValidationError(m.error_teacher_not_in_school(), [{ path: 'homeroomTeacherId', message: m.error_teacher_not_in_school() }]);
}

export async function createClass(db: Executor, p: Principal, input: ClassInput) {
	const year = await repo.findSchoolYear(db, input.schoolYearId);
	if (!year) throw new ValidationError(m.error_not_found(), [{ path: 'schoolYearId', message: m.error_not_found() }]);
	const school = await getSchool(db, p, year.schoolId);
	authorizeCreate(p, 'class', { path: school.path });
	await checkHomeroomTeacher(db, school.id, input.homeroomTeacherId);
	return db.transaction(async (tx) => {
		const id = crypto.randomUUID();
		const [row] = await unique(
			() => tx.insert(classes).values({ id, schoolId: school.id, schoolYearId: year.id, name: input.name, grade: input.grade, homeroomTeacherId: input.homeroomTeacherId ?? null, path: childPath(school.path, id) }).returning(),
			m.error_class_exists({ name: input.name })
		);
		await writeAudit(tx, p, { action: 'create', entityType: 'class', entityId: id, schoolId: school.id, scopePath: row.path, after: row });
		return row;
	});
}

export async function updateClass(db: Executor, p: Principal, id: string, patch: z.infer<typeof classPatch>) {
	const before = await repo.findClass(db, id);
	authorize(p, 'update', 'class', before);
	await checkHomeroomTeacher(db, before.schoolId, patch.homeroomTeacherId);
	return db.transaction(async (tx) => {
		const [after] = await unique(() => tx.update(classes).set({ ...patch, updatedAt: new Date() }).where(eq(classes.id, id)).returning(), m.error_class_exists({ name: patch.name ?? '' }));
		await writeAudit(tx, p, { action: 'update', entityType: 'class', entityId: id, schoolId: before.schoolId, scopePath: before.path, before, after });
		return after;
	});
}

/** A class's learners in Vietnamese order (by given name, then family name). */
export async function listClassLearners(db: Executor, p: Principal, classId: string) {
	const cls = await getClass(db, p, classId);
	authorize(p, 'read', 'enrolment', { path: cls.path, classPaths: [cls.path] });
	return sortVietnamese(await repo.listEnrolledLearners(db, cls.id));
}

export async function enrol(db: Executor, p: Principal, input: z.infer<typeof enrolmentInput>) {
	const cls = await getClass(db, p, input.classId);
	authorizeCreate(p, 'enrolment', { path: cls.path });
	const [learner] = await db.select().from(persons).where(eq(persons.id, input.learnerId));
	if (!learner || learner.kind !== 'learner' || learner.schoolId !== cls.schoolId)
		throw new ValidationError(m.error_learner_not_in_school(), [{ path: 'learnerId', message: m.error_learner_not_in_school() }]);
	return db.transaction(async (tx) => {
		const [row] = await unique(() => tx.insert(enrolments).values({ schoolId: cls.schoolId, schoolYearId: cls.schoolYearId, classId: cls.id, learnerId: learner.id }).returning(), m.error_already_enrolled());
		await writeAudit(tx, p, { action: 'create', entityType: 'enrolment', entityId: row.id, schoolId: cls.schoolId, scopePath: cls.path, after: row });
		return row;
	});
}

export async function unenrol(db: Executor, p: Principal, enrolmentId: string) {
	const [row] = await db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
	if (!row) throw new NotFoundError(m.error_not_found());
	const cls = await repo.findClass(db, row.classId);
	authorize(p, 'delete', 'enrolment', { path: cls.path, classPaths: [cls.path] });
	await db.transaction(async (tx) => {
		await tx.delete(enrolments).where(eq(enrolments.id, enrolmentId));
		await writeAudit(tx, p, { action: 'delete', entityType: 'enrolment', entityId: row.id, schoolId: cls.schoolId, scopePath: cls.path, before: row });
	});
}
