/**
 * Read models for the people pages: the scopes a caller may grant roles on, names for the scopes
 * of a person's grants, and who wrote audit records. Lists go through the services' scoped queries
 * or the policy's scopeCondition, so nothing outside the caller's scope is offered.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal, Role, ScopeType } from '../auth/principal';
import { ROLES } from '../auth/principal';
import { mayGrant, scopeCondition } from '../auth/policy';
import { classes, orgUnits, schools, subjectGroups } from '../organisations/schema';
import { listClasses, listOrgUnits, listSchools } from '../organisations/service';
import { persons } from './schema';
import { fullName, sortVietnamese } from './names';

export interface ScopeOption {
	/** "school:<id>", "class:<id>", "org_unit:<id>" or "city:" — one select value for type and id. */
	value: string;
	scopeType: ScopeType;
	label: string;
	/** Roles the caller may grant on this scope. */
	roles: Role[];
}

const grantable = (p: Principal, path: string) => ROLES.filter((r) => mayGrant(p, r, path));

/** Units, schools and classes the caller sees and may grant at least one role on. */
export async function grantScopeOptions(db: Executor, p: Principal): Promise<ScopeOption[]> {
	const [units, schoolRows, classRows] = await Promise.all([listOrgUnits(db, p), listSchools(db, p), listClasses(db, p, {})]);
	const schoolName = new Map(schoolRows.map((s) => [s.id, s.name]));
	const options: ScopeOption[] = [
		...units.filter((u) => !u.parentId).map((u) => ({ value: 'city:', scopeType: 'city' as const, label: u.name, roles: grantable(p, u.path) })),
		...units.filter((u) => u.parentId).map((u) => ({ value: `org_unit:${u.id}`, scopeType: 'org_unit' as const, label: u.name, roles: grantable(p, u.path) })),
		...schoolRows.map((s) => ({ value: `school:${s.id}`, scopeType: 'school' as const, label: s.name, roles: grantable(p, s.path) })),
		...classRows.map((c) => ({ value: `class:${c.id}`, scopeType: 'class' as const, label: `${c.name} — ${schoolName.get(c.schoolId) ?? ''}`, roles: grantable(p, c.path) }))
	];
	return options.filter((o) => o.roles.length);
}

/** "school:<id>" back into the grant input's scopeType and scopeId. */
export function splitScope(value: string | undefined): { scopeType?: string; scopeId?: string } {
	if (!value) return {};
	const [scopeType, scopeId] = value.split(':');
	return { scopeType, scopeId: scopeId || undefined };
}

/** Readable names of the scopes of some grants, by scope id. */
export async function scopeLabels(db: Executor, grants: { scopeType: string; scopeId: string | null }[]): Promise<Map<string, string>> {
	const ids = (t: string) => [...new Set(grants.filter((g) => g.scopeType === t && g.scopeId).map((g) => g.scopeId!))];
	const q = <T extends { id: string; name: string }>(list: string[], run: () => Promise<T[]>) => (list.length ? run() : Promise.resolve([] as T[]));
	const [u, s, c, g, l] = await Promise.all([
		q(ids('org_unit').concat(ids('city')), () => db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids('org_unit').concat(ids('city'))))),
		q(ids('school'), () => db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, ids('school')))),
		q(ids('class'), () =>
			db
				.select({ id: classes.id, name: classes.name, school: schools.name })
				.from(classes)
				.innerJoin(schools, eq(schools.id, classes.schoolId))
				.where(inArray(classes.id, ids('class')))
				.then((rows) => rows.map((r) => ({ id: r.id, name: `${r.name} — ${r.school}` })))
		),
		q(ids('subject_group'), () => db.select({ id: subjectGroups.id, name: subjectGroups.name }).from(subjectGroups).where(inArray(subjectGroups.id, ids('subject_group')))),
		q(ids('learner'), () => db.select().from(persons).where(inArray(persons.id, ids('learner'))).then((rows) => rows.map((r) => ({ id: r.id, name: fullName(r) }))))
	]);
	return new Map([...u, ...s, ...c, ...g, ...l].map((r) => [r.id, r.name]));
}

/** Learners of a school the caller may see, in Vietnamese order: whom a guardian can be linked to. */
export async function linkableLearners(db: Executor, p: Principal, schoolId: string | null) {
	const scope = scopeCondition(p, 'read', 'person', { path: persons.path, personId: persons.id, personKind: persons.kind });
	const conds = [scope, eq(persons.kind, 'learner')];
	if (schoolId) conds.push(eq(persons.schoolId, schoolId));
	const rows = await db.select().from(persons).where(and(...conds)).limit(1000);
	return sortVietnamese(rows).map((r) => ({ id: r.id, name: fullName(r), code: r.learnerCode }));
}

/** Names of the people who wrote audit records (everyone who acts is named in the log). */
export async function actorNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids.filter((x): x is string => !!x))];
	if (!wanted.length) return new Map();
	const rows = await db.select().from(persons).where(inArray(persons.id, wanted));
	return new Map(rows.map((r) => [r.id, fullName(r)]));
}
