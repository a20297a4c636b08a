/**
 * Inheritance, as pure functions: a setting's effective value at a scope is the one set nearest
 * up the scope's org path (school over unit over city), else the registry's default.
 */
import type { SettingDefinition } from './registry';

/** '/city/unit/school/' → ['/city/', '/city/unit/', '/city/unit/school/'] (root first). */
export function ancestorPaths(path: string): string[] {
	const ids = path.split('/').filter(Boolean);
	return ids.map((_, i) => '/' + ids.slice(0, i + 1).join('/') + '/');
}

export interface StoredValue {
	scopePath: string;
	value: unknown;
}

export interface Resolution<T> {
	/** What applies at the scope. */
	value: T;
	/** Path of the scope that set it; null for the default. */
	from: string | null;
	/** The value set at this very scope, if any. */
	own: T | null;
	/** What would apply without a value of its own: the nearest ancestor's, else the default. */
	inherited: { value: T; from: string | null };
}

/**
 * Resolves one setting at `scopePath` from the values stored for it anywhere along the path.
 * A stored value its schema no longer accepts (the registry changed) is skipped, as if unset.
 */
export function resolveSetting<T>(def: SettingDefinition<T>, scopePath: string, stored: readonly StoredValue[]): Resolution<T> {
	const chain = ancestorPaths(scopePath);
	const valid = new Map<string, T>();
	for (const s of stored) {
		if (!chain.includes(s.scopePath)) continue;
		const r = def.schema.safeParse(s.value);
		if (r.success) valid.set(s.scopePath, r.data);
	}
	let inherited: { value: T; from: string | null } = { value: def.default, from: null };
	for (const path of chain.slice(0, -1)) if (valid.has(path)) inherited = { value: valid.get(path)!, from: path };
	const own = valid.has(scopePath) ? valid.get(scopePath)! : null;
	return own !== null ? { value: own, from: scopePath, own, inherited } : { value: inherited.value, from: inherited.from, own: null, inherited };
}
