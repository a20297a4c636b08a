import type { Config } from './config';
import type { Database, DatabaseHandle } from './db/client';

export interface AppContext {
	config: Config;
	handle: DatabaseHandle;
	db: Database;
}

// Kept on globalThis so tests (and the start script) can hand the built app its database.
const KEY = Symbol.for('sen.context');
type WithContext = typeof globalThis & { [KEY]?: AppContext };

export function setContext(ctx: AppContext | undefined): void {
	(globalThis as WithContext)[KEY] = ctx;
}

export function getContext(): AppContext {
	const ctx = (globalThis as WithContext)[KEY];
	if (!ctx) throw new Error('Sen is not initialised: no database');
	return ctx;
}

export function hasContext(): boolean {
	return (globalThis as WithContext)[KEY] !== undefined;
}
