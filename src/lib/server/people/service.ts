import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../db/client';
import { accounts, guardianships, persons, roleGrants } from './schema';
import { classes, enrolments, orgUnits, schools, subjectGroups } from '../organisations/schema';
import type { Principal, Role, ScopeType } from '../auth/principal';
import { authorize, authorizeCreate } from '../auth/authorize';
import { can, mayGrant, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { hashPassword, passwordProblem } from '../auth/password';
import { adminResetPassword } from '../auth/service';
import type { accountInput, grantInput, guardianInput, peopleQuery, personInput, personPatch } from './inputs';
import { m } from '#lib/paraglide/messages.js';
import { escapeLike } from '../db/like';
import { isUniqueViolation } from '../db/errors';

export type Person = typeof persons.$inferSelect;

/** What the policy needs to know about a person: where they live and which classes they touch. */
export async function personResource(db: Executor, person: Person): Promise<Resource> {
	const learnerIds =
		person.kind === 'learner'
			? [person.id]
			: (await db.select({ id: guardianships.learnerId }).from(guardianships).where(eq(guardianships.guardianId, person.id))).map((r) => r.id);
	const classPaths = learnerIds.length
		? (await db.select({ path: classes.path }).from(enrolments).innerJoin(classes, eq(classes.id, enrolments.classId)).where(inArray(enrolments.learnerId, learnerIds))).map((r) => r.path)
		: [];
	return { path: person.path, personId: person.id, personKind: person.kind, classPaths };
}

const scopeOf = (p: Principal) => scopeCondition(p, 'read', 'person', { path: persons.path, personId: persons.id, personKind: persons.kind });

/** Diacritics-insensitive name search within the caller's scope, paginated. */
export async function searchPeople(db: Executor, p: Principal, query: z.infer<typeof peopleQuery>) {
	const conds: SQL[] = [scopeOf(p)];
	if (query.q) {
		const words = query.q.split(/\s+/).filter(Boolean);
		for (const w of words) conds.push(sql`${persons.searchName} like '%' || lower(unaccent(${escapeLike(w)})) || '%'`);
	}
	if (query.kind) conds.push(eq(persons.kind, query.kind));
	if (query.schoolId) conds.push(eq(persons.schoolId, query.schoolId));
	const where = and(...conds);
	const [{ total }] = await db.select({ total: count() }).from(persons).where(where);
	// Vietnamese order: given name, then family name. The database has no ICU collation, so the
	// unaccented given name orders first and the page is then sorted with Intl.Collator('vi').
	const items = await db
		.select()
		.from(persons)
		.where(where)
		.orderBy(sql`lower(unaccent(${persons.givenName}))`, sql`lower(unaccent(${persons.familyName}))`, asc(persons.middleName), asc(persons.id))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize);
	const { sortVietnamese } = await import('./names');
	return { items: sortVietnamese(items).map(publicPerson), page: query.page, pageSize: query.pageSize, total: Number(total) };
}

export function publicPerson(p: Person) {
	const { searchName: _s, path: _p, ...rest } = p;
	return rest;
}

export async function getPerson(db: Executor, p: Principal, id: string) {
	const [person] = await db.select().from(persons).where(eq(persons.id, id));
	authorize(p, 'read', 'person', person ? await personResource(db, person) : undefined);
	return person;
}

export async function getPersonDetail(db: Executor, p: Principal, id: string) {
	const person = await getPerson(db, p, id);
	// Whoever reads a person does not therefore read their account (policy: self, the leader, the administrator).
	const showAccount = can(p, 'read', 'account', await personResource(db, person));
	const [grants, children, guardians, account] = await Promise.all([
		db.select().from(roleGrants).where(eq(roleGrants.personId, id)),
		db.select({ id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName, relation: guardianships.relation }).from(guardianships).innerJoin(persons, eq(persons.id, guardianships.learnerId)).where(eq(guardianships.guardianId, id)),
		db.select({ id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName, relation: guardianships.relation, phone: persons.phone }).from(guardianships).innerJoin(persons, eq(persons.id, guardianships.guardianId)).where(eq(guardianships.learnerId, id)),
		db.select({ id: accounts.id, username: accounts.username, email: accounts.email, lockedUntil: accounts.lockedUntil, disabled: accounts.disabled }).from(accounts).where(eq(accounts.personId, id))
	]);
	return { person: publicPerson(person), grants, children, guardians, account: showAccount ? (account[0] ?? null) : null };
}

/** Where a new person's record lives: their school, or a unit (officers), or the tree's root. */
async function homePath(db: Executor, schoolId?: string | null, orgUnitId?: string | null): Promise<string> {
	if (schoolId) {
		const [s] = await db.select({ path: schools.path }).from(schools).where(eq(schools.id, schoolId));
		if (!s) throw new ValidationError(m.error_not_found(), [{ path: 'schoolId', message: m.error_not_found() }]);
		return s.path;
	}
	if (orgUnitId) {
		const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
		if (!u) throw new ValidationError(m.error_not_found(), [{ path: 'orgUnitId', message: m.error_not_found() }]);
		return u.path;
	}
	return '/';
}

export function uniqueCodeError(e: unknown): never {
	if (isUniqueViolation(e)) throw new ConflictError(m.error_duplicate_code());
	throw e;
}

/** Inserts a person inside the caller's transaction, with its audit record. */
export async function insertPerson(tx: Executor, actor: Principal | null, input: z.infer<typeof personInput>, path: string) {
	const { orgUnitId: _u, ...values } = input;
	const [row] = await tx
		.insert(persons)
		.values({ ...values, middleName: values.middleName ?? '', schoolId: values.schoolId ?? null, path })
		.returning()
		.catch(uniqueCodeError);
	await writeAudit(tx, actor, { action: 'create', entityType: 'person', entityId: row.id, schoolId: row.schoolId, scopePath: path, after: publicPerson(row) });
	return row;
}

export async function createPerson(db: Executor, p: Principal, input: z.infer<typeof personInput>) {
	const path = await homePath(db, input.schoolId, input.orgUnitId);
	authorizeCreate(p, 'person', { path, personKind: input.kind });
	return db.transaction((tx) => insertPerson(tx, p, input, path)).then(publicPerson);
}

export async function updatePerson(db: Executor, p: Principal, id: string, patch: z.infer<typeof personPatch>) {
	const [before] = await db.select().from(persons).where(eq(persons.id, id));
	authorize(p, 'update', 'person', before ? await personResource(db, before) : undefined);
	return db.transaction(async (tx) => {
		const [after] = await tx.update(persons).set({ ...patch, updatedAt: new Date() }).where(eq(persons.id, id)).returning().catch(uniqueCodeError);
		await writeAudit(tx, p, { action: 'update', entityType: 'person', entityId: id, schoolId: before.schoolId, scopePath: before.path, before: publicPerson(before), after: publicPerson(after) });
		return publicPerson(after);
	});
}

export async function deletePerson(db: Executor, p: Principal, id: string) {
	const [before] = await db.select().from(persons).where(eq(persons.id, id));
	authorize(p, 'delete', 'person', before ? await personResource(db, before) : undefined);
	await db.transaction(async (tx) => {
		await tx.delete(enrolments).where(eq(enrolments.learnerId, id));
		await tx.update(classes).set({ homeroomTeacherId: null }).where(eq(classes.homeroomTeacherId, id));
		await tx.delete(persons).where(eq(persons.id, id));
		await writeAudit(tx, p, { action: 'delete', entityType: 'person', entityId: id, schoolId: before.schoolId, scopePath: before.path, before: publicPerson(before) });
	});
}

/** Resolves a scope to its org path (what grants are matched against). */
export async function scopePathOf(db: Executor, scopeType: ScopeType, scopeId: string | null | undefined): Promise<{ path: string; schoolId: string | null }> {
	const missing = () => new ValidationError(m.error_scope_unknown(), [{ path: 'scopeId', message: m.error_scope_unknown() }]);
	if (scopeType === 'city') {
		const [root] = await db.select({ path: orgUnits.path }).from(orgUnits).where(sql`${orgUnits.parentId} is null`).orderBy(asc(orgUnits.createdAt)).limit(1);
		return { path: root?.path ?? '/', schoolId: null };
	}
	if (!scopeId) throw missing();
	const one = async <T>(q: Promise<T[]>) => {
		const [r] = await q;
		if (!r) throw missing();
		return r;
	};
	switch (scopeType) {
		case 'org_unit':
			return { ...(await one(db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, scopeId)))), schoolId: null };
		case 'school':
			return one(db.select({ path: schools.path, schoolId: schools.id }).from(schools).where(eq(schools.id, scopeId)));
		case 'class':
			return one(db.select({ path: classes.path, schoolId: classes.schoolId }).from(classes).where(eq(classes.id, scopeId)));
		case 'subject_group':
			return one(db.select({ path: subjectGroups.path, schoolId: subjectGroups.schoolId }).from(subjectGroups).where(eq(subjectGroups.id, scopeId)));
		case 'learner':
		case 'self':
			return one(db.select({ path: persons.path, schoolId: persons.schoolId }).from(persons).where(eq(persons.id, scopeId)));
	}
}

export async function grantRole(db: Executor, p: Principal, personId: string, input: z.infer<typeof grantInput>) {
	const person = await getPerson(db, p, personId);
	const scope = await scopePathOf(db, input.scopeType, input.scopeId);
	if (!mayGrant(p, input.role as Role, scope.path)) throw new ForbiddenError(m.error_cannot_grant());
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(roleGrants)
			.values({ personId: person.id, role: input.role, scopeType: input.scopeType, scopeId: input.scopeId ?? null, scopePath: scope.path, schoolId: scope.schoolId })
			.returning()
			.catch((e) => {
				if (isUniqueViolation(e)) throw new ConflictError(m.error_role_exists());
				throw e;
			});
		await writeAudit(tx, p, { action: 'grant', entityType: 'role_grant', entityId: row.id, schoolId: scope.schoolId, scopePath: person.path, after: row });
		return row;
	});
}

export async function revokeRole(db: Executor, p: Principal, personId: string, grantId: string) {
	const [grant] = await db.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.personId, personId)));
	if (!grant) throw new NotFoundError(m.error_not_found());
	const person = await getPerson(db, p, personId);
	if (!mayGrant(p, grant.role, grant.scopePath)) throw new ForbiddenError(m.error_cannot_grant());
	await db.transaction(async (tx) => {
		await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
		await writeAudit(tx, p, { action: 'revoke', entityType: 'role_grant', entityId: grantId, schoolId: grant.schoolId, scopePath: person.path, before: grant });
	});
}

export async function linkGuardian(db: Executor, p: Principal, guardianId: string, input: z.infer<typeof guardianInput>) {
	const guardian = await getPerson(db, p, guardianId);
	const learner = await getPerson(db, p, input.learnerId);
	authorize(p, 'update', 'person', await personResource(db, learner));
	if (learner.kind !== 'learner') throw new ValidationError(m.error_not_a_learner(), [{ path: 'learnerId', message: m.error_not_a_learner() }]);
	await db.transaction(async (tx) => {
		await tx.insert(guardianships).values({ guardianId: guardian.id, learnerId: learner.id, relation: input.relation }).onConflictDoNothing();
		await writeAudit(tx, p, { action: 'link_guardian', entityType: 'person', entityId: guardian.id, schoolId: learner.schoolId, scopePath: learner.path, after: { guardianId: guardian.id, learnerId: learner.id, relation: input.relation } });
	});
}

export async function createAccount(db: Executor, p: Principal, personId: string, input: z.infer<typeof accountInput>) {
	const [person] = await db.select().from(persons).where(eq(persons.id, personId));
	authorize(p, 'update', 'account', person ? await personResource(db, person) : undefined);
	const problem = passwordProblem(input.password);
	if (problem) throw new ValidationError(problem === 'too_short' ? m.error_password_too_short() : m.error_password_too_simple(), [{ path: 'password', message: m.error_password_too_simple() }]);
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(accounts)
			.values({ personId: person.id, username: input.username.toLowerCase(), email: input.email ?? null, passwordHash })
			.returning({ id: accounts.id, username: accounts.username, email: accounts.email })
			.catch((e) => {
				if (isUniqueViolation(e)) throw new ConflictError(m.error_username_taken());
				throw e;
			});
		await writeAudit(tx, p, { action: 'create', entityType: 'account', entityId: row.id, schoolId: person.schoolId, scopePath: person.path, after: row });
		return row;
	});
}

/**
 * An administrator or school leader sets a new password for a person's account (and unlocks it).
 * Not for one's own account: that goes through changePassword, which asks for the current one.
 */
export async function resetPersonPassword(db: Executor, p: Principal, personId: string, newPassword: string) {
	const person = await getPerson(db, p, personId);
	if (person.id === p.personId) throw new ForbiddenError(m.api_own_password());
	const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, person.id));
	if (!account) throw new NotFoundError(m.api_no_account());
	await adminResetPassword(db, p, account.id, newPassword);
}
