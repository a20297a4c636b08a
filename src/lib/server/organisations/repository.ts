import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { classes, enrolments, orgUnits, schoolYears, schools, subjectGroups, subjects, terms } from './schema';
import { persons } from '../people/schema';
import { gradeColumns } from '../gradebook/schema';

export const findOrgUnit = async (db: Executor, id: string) => (await db.select().from(orgUnits).where(eq(orgUnits.id, id)))[0];
export const findSchool = async (db: Executor, id: string) => (await db.select().from(schools).where(eq(schools.id, id)))[0];
export const findSchoolYear = async (db: Executor, id: string) => (await db.select().from(schoolYears).where(eq(schoolYears.id, id)))[0];
export const findClass = async (db: Executor, id: string) => (await db.select().from(classes).where(eq(classes.id, id)))[0];
export const findSubject = async (db: Executor, id: string) => (await db.select().from(subjects).where(eq(subjects.id, id)))[0];
export const subjectHasGradeColumns = async (db: Executor, subjectId: string) =>
	(await db.select({ id: gradeColumns.id }).from(gradeColumns).where(eq(gradeColumns.subjectId, subjectId)).limit(1)).length > 0;
export const findSubjectGroup = async (db: Executor, id: string) => (await db.select().from(subjectGroups).where(eq(subjectGroups.id, id)))[0];

export function listOrgUnits(db: Executor, scope: SQL) {
	return db.select().from(orgUnits).where(scope).orderBy(asc(orgUnits.path), asc(orgUnits.name));
}

export function listSchools(db: Executor, scope: SQL, filter: { orgUnitId?: string; level?: string }) {
	const conds = [scope];
	if (filter.orgUnitId) conds.push(eq(schools.orgUnitId, filter.orgUnitId));
	if (filter.level) conds.push(sql`${schools.level} = ${filter.level}`);
	return db.select().from(schools).where(and(...conds)).orderBy(asc(schools.name));
}

export async function countChildren(db: Executor, unitId: string) {
	const [r] = await db
		.select({
			units: sql<number>`(select count(*)::int from ${orgUnits} where ${orgUnits.parentId} = ${unitId})`,
			schools: sql<number>`(select count(*)::int from ${schools} where ${schools.orgUnitId} = ${unitId})`
		})
		.from(sql`(select 1) as one`);
	return { units: Number(r.units), schools: Number(r.schools) };
}

export function listSchoolYears(db: Executor, schoolId: string) {
	return db.select().from(schoolYears).where(eq(schoolYears.schoolId, schoolId)).orderBy(asc(schoolYears.startsOn));
}
export function listTerms(db: Executor, schoolYearId: string) {
	return db.select().from(terms).where(eq(terms.schoolYearId, schoolYearId)).orderBy(asc(terms.number));
}

export function listClasses(db: Executor, scope: SQL, filter: { schoolId?: string; schoolYearId?: string }) {
	const conds = [scope];
	if (filter.schoolId) conds.push(eq(classes.schoolId, filter.schoolId));
	if (filter.schoolYearId) conds.push(eq(classes.schoolYearId, filter.schoolYearId));
	return db
		.select({
			id: classes.id,
			schoolId: classes.schoolId,
			schoolYearId: classes.schoolYearId,
			name: classes.name,
			grade: classes.grade,
			homeroomTeacherId: classes.homeroomTeacherId,
			path: classes.path,
			// Qualified by hand: Drizzle renders columns of a one-table select unqualified, which inside
			// the subquery would compare enrolments.id with enrolments.class_id.
			learnerCount: sql<number>`(select count(*)::int from enrolments e where e.class_id = "classes"."id")`
		})
		.from(classes)
		.where(and(...conds))
		.orderBy(asc(classes.grade), asc(classes.name));
}

export function listSubjectGroups(db: Executor, schoolId: string) {
	return db.select().from(subjectGroups).where(eq(subjectGroups.schoolId, schoolId)).orderBy(asc(subjectGroups.name));
}
export function listSubjects(db: Executor, schoolId: string) {
	return db.select().from(subjects).where(eq(subjects.schoolId, schoolId)).orderBy(asc(subjects.name));
}

export function listEnrolledLearners(db: Executor, classId: string) {
	return db
		.select({
			enrolmentId: enrolments.id,
			id: persons.id,
			familyName: persons.familyName,
			middleName: persons.middleName,
			givenName: persons.givenName,
			learnerCode: persons.learnerCode,
			dateOfBirth: persons.dateOfBirth,
			gender: persons.gender
		})
		.from(enrolments)
		.innerJoin(persons, eq(persons.id, enrolments.learnerId))
		.where(eq(enrolments.classId, classId));
}
