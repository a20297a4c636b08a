import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { settings } from './schema';
import { orgUnits, schools } from '../organisations/schema';
import type { ScopeLevel } from './registry';

/** Where a setting can be set: the city (root unit), a unit or a school. */
export interface Scope {
	level: ScopeLevel;
	id: string;
	path: string;
	name: string;
	/** The school's id when the scope is a school (for the audit log). */
	schoolId: string | null;
}

const unitScope = (u: { id: string; parentId: string | null; path: string; name: string }): Scope => ({ level: u.parentId === null ? 'city' : 'unit', id: u.id, path: u.path, name: u.name, schoolId: null });
const schoolScope = (s: { id: string; path: string; name: string }): Scope => ({ level: 'school', id: s.id, path: s.path, name: s.name, schoolId: s.id });

export async function findScopeByPath(db: Executor, path: string): Promise<Scope | undefined> {
	const [s] = await db.select().from(schools).where(eq(schools.path, path));
	if (s) return schoolScope(s);
	const [u] = await db.select().from(orgUnits).where(eq(orgUnits.path, path));
	return u ? unitScope(u) : undefined;
}

export async function findScopeById(db: Executor, id: string): Promise<Scope | undefined> {
	const [s] = await db.select().from(schools).where(eq(schools.id, id));
	if (s) return schoolScope(s);
	const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
	return u ? unitScope(u) : undefined;
}

/** The city: the root of the tree (the oldest root, should there ever be several). */
export async function findCityScope(db: Executor): Promise<Scope | undefined> {
	const [u] = await db.select().from(orgUnits).where(isNull(orgUnits.parentId)).orderBy(asc(orgUnits.createdAt)).limit(1);
	return u ? unitScope(u) : undefined;
}

/** Every value stored at the given paths (a scope and its ancestors), optionally for one key. */
export function listValuesAt(db: Executor, paths: string[], key?: string) {
	const where = key ? and(inArray(settings.scopePath, paths), eq(settings.key, key)) : inArray(settings.scopePath, paths);
	return db.select().from(settings).where(where);
}

/** The row at exactly this scope, locked until the transaction ends. */
export async function findValueForUpdate(tx: Executor, scopePath: string, key: string) {
	const [row] = await tx.select().from(settings).where(and(eq(settings.scopePath, scopePath), eq(settings.key, key))).for('update');
	return row;
}

export async function upsertValue(tx: Executor, row: { scopePath: string; key: string; value: unknown; updatedBy: string | null }) {
	const updatedAt = new Date();
	const [saved] = await tx
		.insert(settings)
		.values({ ...row, updatedAt })
		.onConflictDoUpdate({ target: [settings.scopePath, settings.key], set: { value: row.value, updatedAt, updatedBy: row.updatedBy } })
		.returning();
	return saved;
}

export async function deleteValue(tx: Executor, scopePath: string, key: string) {
	const [gone] = await tx.delete(settings).where(and(eq(settings.scopePath, scopePath), eq(settings.key, key))).returning();
	return gone;
}
