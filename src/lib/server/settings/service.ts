/**
 * Scoped settings. `getSetting` is what other modules call to read a value (no caller, no policy:
 * it answers for the code, not for a person); the rest serve people and go through the policy.
 * Setting and clearing a value is audited in the same transaction.
 */
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { writeAudit } from '../audit/service';
import { NotFoundError } from '../errors';
import { checkLevel, definitionOf, registry, SETTING_KEYS, validateValue, type ScopeLevel, type SettingDefinition, type SettingKey, type SettingValue } from './registry';
import { ancestorPaths, resolveSetting, type Resolution } from './resolve';
import * as repo from './repository';
import type { Scope } from './repository';
import type { ScopeParam } from './inputs';
import { m } from '#lib/paraglide/messages.js';

export type { Scope } from './repository';

/** Where an effective value comes from: a level up the path (or here), or the default. */
export interface Source {
	level: ScopeLevel | 'default';
	path: string | null;
}

export interface EffectiveSetting {
	key: SettingKey;
	label: string;
	description: string;
	levels: readonly ScopeLevel[];
	default: unknown;
	/** What applies at this scope. */
	value: unknown;
	source: Source;
	/** The value set at this very scope, if any. */
	own: { value: unknown; updatedAt: string; updatedBy: string | null } | null;
	/** What would apply without a value of its own. */
	inherited: { value: unknown; source: Source };
}

/** The level of a path on a scope's chain: the scope's own, else the root is the city, the rest units. */
function sourceOf(scope: Scope, path: string | null): Source {
	if (path === null) return { level: 'default', path: null };
	if (path === scope.path) return { level: scope.level, path };
	return { level: ancestorPaths(path).length === 1 ? 'city' : 'unit', path };
}

const auditId = (scope: Scope, key: string) => `${scope.id}:${key}`;

/** `city`, a school id or an org unit id (as the API and pages name scopes) → the scope, else 404. */
export async function findScope(db: Executor, param: ScopeParam): Promise<Scope> {
	const scope = param === 'city' ? await repo.findCityScope(db) : await repo.findScopeById(db, param);
	if (!scope) throw new NotFoundError(m.settings_error_scope());
	return scope;
}

async function scopeAt(db: Executor, scopePath: string): Promise<Scope> {
	const scope = await repo.findScopeByPath(db, scopePath);
	if (!scope) throw new NotFoundError(m.settings_error_scope());
	return scope;
}

/**
 * Every setting that may be set at this scope's level, with the value in effect, where it comes
 * from, and the value set here if any. Readable by whoever may read settings at the scope.
 */
export async function effectiveSettings(db: Executor, p: Principal, scopePath: string): Promise<{ scope: Scope; items: EffectiveSetting[] }> {
	const scope = await scopeAt(db, scopePath);
	authorize(p, 'read', 'settings', { path: scope.path });
	const stored = await repo.listValuesAt(db, ancestorPaths(scope.path));
	const items = SETTING_KEYS.filter((key) => registry[key].levels.includes(scope.level)).map((key) => {
		const rows = stored.filter((r) => r.key === key);
		const here = rows.find((r) => r.scopePath === scope.path);
		return present(scope, key, resolveSetting(registry[key] as SettingDefinition, scope.path, rows), here);
	});
	return { scope, items };
}

function present(scope: Scope, key: SettingKey, r: Resolution<unknown>, here: { updatedAt: Date; updatedBy: string | null } | undefined): EffectiveSetting {
	const def = registry[key] as SettingDefinition;
	return {
		key,
		label: def.label(),
		description: def.description(),
		levels: def.levels,
		default: def.default,
		value: r.value,
		source: sourceOf(scope, r.from),
		own: r.own !== null && here ? { value: r.own, updatedAt: here.updatedAt.toISOString(), updatedBy: here.updatedBy } : null,
		inherited: { value: r.inherited.value, source: sourceOf(scope, r.inherited.from) }
	};
}

/**
 * The value in effect for a key at any org path (a school's, a class's, a unit's): for modules
 * reading their configuration. One indexed query; no policy check, as no person is asking.
 */
export async function getSetting<K extends SettingKey>(db: Executor, scopePath: string, key: K): Promise<SettingValue<K>> {
	return (await getSettingAtEach(db, [scopePath], key)).get(scopePath)!;
}

/**
 * The value in effect for a key at each of many org paths, in one query over all their chains
 * (a fan-out to thousands of schools reads a setting once, not once per school).
 */
export async function getSettingAtEach<K extends SettingKey>(db: Executor, scopePaths: readonly string[], key: K): Promise<Map<string, SettingValue<K>>> {
	const def = definitionOf(key) as SettingDefinition<SettingValue<K>>;
	const wanted = [...new Set(scopePaths)];
	const chains = [...new Set(wanted.flatMap(ancestorPaths))];
	const stored = chains.length ? await repo.listValuesAt(db, chains, key) : [];
	return new Map(wanted.map((path) => [path, ancestorPaths(path).length ? resolveSetting(def, path, stored).value : def.default]));
}

/** Sets a value at a scope (a 400 for an unknown key, a level it may not be set at, or a bad value). */
export async function setSetting(db: Executor, p: Principal, scopePath: string, key: string, value: unknown): Promise<EffectiveSetting> {
	const def = definitionOf(key);
	const scope = await scopeAt(db, scopePath);
	authorize(p, 'update', 'settings', { path: scope.path });
	checkLevel(key, def, scope.level);
	const checked = validateValue(def, value);
	return db.transaction(async (tx) => {
		const before = await repo.findValueForUpdate(tx, scope.path, key);
		const after = await repo.upsertValue(tx, { scopePath: scope.path, key, value: checked, updatedBy: p.personId });
		await writeAudit(tx, p, { action: before ? 'update' : 'create', entityType: 'setting', entityId: auditId(scope, key), schoolId: scope.schoolId, scopePath: scope.path, before, after });
		const rows = await repo.listValuesAt(tx, ancestorPaths(scope.path), key);
		return present(scope, key as SettingKey, resolveSetting(def, scope.path, rows), after);
	});
}

/** Removes the value set at a scope, so the inherited one applies again; nothing set is no change. */
export async function clearSetting(db: Executor, p: Principal, scopePath: string, key: string): Promise<void> {
	definitionOf(key);
	const scope = await scopeAt(db, scopePath);
	authorize(p, 'update', 'settings', { path: scope.path });
	await db.transaction(async (tx) => {
		const before = await repo.findValueForUpdate(tx, scope.path, key);
		if (!before) return;
		await repo.deleteValue(tx, scope.path, key);
		await writeAudit(tx, p, { action: 'delete', entityType: 'setting', entityId: auditId(scope, key), schoolId: scope.schoolId, scopePath: scope.path, before });
	});
}
