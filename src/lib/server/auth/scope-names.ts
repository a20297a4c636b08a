/**
 * Names for the caller's OWN grants and children, for the account page and the home dashboard
 * ("Giáo viên — lớp 6A1, Trường THCS Bình Yên"). Only ids the principal already holds are looked
 * up, so nothing here can reveal a record outside the caller's roles.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Grant, Principal } from './principal';
import { classes, enrolments, orgUnits, schools, subjectGroups } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';

export interface ScopeName {
	unit?: string;
	school?: string;
	schoolId?: string;
	className?: string;
	classId?: string;
	group?: string;
	learner?: string;
}

export interface NamedGrant extends Grant {
	names: ScopeName;
}

const ids = (grants: Grant[], type: Grant['scopeType']) => [...new Set(grants.filter((g) => g.scopeType === type && g.scopeId).map((g) => g.scopeId!))];

/** Each grant of the principal with the names of its scope (unit, school, class, group, learner). */
export async function nameGrants(db: Executor, p: Principal): Promise<NamedGrant[]> {
	const g = p.grants;
	const unitIds = ids(g, 'org_unit').concat(ids(g, 'city'));
	const schoolIds = [...new Set(g.map((x) => x.schoolId).filter((x): x is string => !!x).concat(ids(g, 'school')))];
	const [units, schoolRows, classRows, groupRows, learnerRows] = await Promise.all([
		unitIds.length ? db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, unitIds)) : [],
		schoolIds.length ? db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, schoolIds)) : [],
		ids(g, 'class').length ? db.select({ id: classes.id, name: classes.name }).from(classes).where(inArray(classes.id, ids(g, 'class'))) : [],
		ids(g, 'subject_group').length ? db.select({ id: subjectGroups.id, name: subjectGroups.name }).from(subjectGroups).where(inArray(subjectGroups.id, ids(g, 'subject_group'))) : [],
		ids(g, 'learner').length ? db.select().from(persons).where(inArray(persons.id, ids(g, 'learner'))) : []
	]);
	const name = (rows: { id: string; name: string }[], id: string | null) => rows.find((r) => r.id === id)?.name;
	return g.map((grant) => {
		const names: ScopeName = {};
		if (grant.scopeType === 'city' || grant.scopeType === 'org_unit') names.unit = name(units, grant.scopeId);
		if (grant.schoolId || grant.scopeType === 'school') {
			names.schoolId = grant.schoolId ?? grant.scopeId ?? undefined;
			names.school = name(schoolRows, names.schoolId ?? null);
		}
		if (grant.scopeType === 'class') {
			names.className = name(classRows, grant.scopeId);
			names.classId = grant.scopeId ?? undefined;
		}
		if (grant.scopeType === 'subject_group') names.group = name(groupRows, grant.scopeId);
		if (grant.scopeType === 'learner') {
			const l = learnerRows.find((r) => r.id === grant.scopeId);
			if (l) names.learner = fullName(l);
		}
		return { ...grant, names };
	});
}

export interface Placement {
	learnerId: string;
	name: string;
	classId: string | null;
	className: string | null;
	schoolId: string | null;
	schoolName: string | null;
}

/** The caller's children (or, for a learner, the caller) with their class and school. */
export async function ownLearnerPlacements(db: Executor, p: Principal): Promise<Placement[]> {
	const learnerIds = [...p.childIds];
	if (p.grants.some((g) => g.role === 'learner')) learnerIds.push(p.personId);
	if (!learnerIds.length) return [];
	const rows = await db
		.select({ person: persons, classId: classes.id, className: classes.name, schoolId: schools.id, schoolName: schools.name })
		.from(persons)
		.leftJoin(enrolments, eq(enrolments.learnerId, persons.id))
		.leftJoin(classes, eq(classes.id, enrolments.classId))
		.leftJoin(schools, eq(schools.id, persons.schoolId))
		.where(inArray(persons.id, [...new Set(learnerIds)]));
	return sortVietnamese(rows.map((r) => ({ ...r.person, r }))).map(({ r }) => ({
		learnerId: r.person.id,
		name: fullName(r.person),
		classId: r.classId,
		className: r.className,
		schoolId: r.schoolId,
		schoolName: r.schoolName
	}));
}
