import { mkdirSync, openSync, writeSync, closeSync, readFileSync, unlinkSync, readdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema';
import { log } from '../log';

export type Schema = typeof schema;
/** The database or an open transaction: every repository function takes one of these first. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema> | PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/**
 * PGlite has no protection against two processes opening one data directory; a lock file next to
 * it holds the owner's pid. A stale lock (dead pid) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
	const lockPath = resolve(dataDir) + '.lock';
	mkdirSync(dirname(lockPath), { recursive: true });
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => {
				try {
					if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
				} catch {
					/* already gone */
				}
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(lockPath, 'utf8'));
			if (pid && pid !== process.pid && isAlive(pid)) {
				throw new DataDirLockedError(
					`Sen cannot start: the data directory ${resolve(dataDir)} is already in use by process ${pid}.\n` +
						`Stop that process first, or set DATA_DIR to another directory (or DATABASE_URL to use PostgreSQL).`
				);
			}
			unlinkSync(lockPath);
		}
	}
	throw new DataDirLockedError(`Sen cannot start: could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Opens PGlite (a directory, or memory when dataDir is undefined) with the extensions Sen uses. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	const { drizzle } = await import('drizzle-orm/pglite');
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent }, loadDataDir });
	const db = drizzle(client, { schema }) as unknown as Database;
	return { db, kind: 'pglite', close: () => client.close() };
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
	const pg = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const pool = new pg.default.Pool({ connectionString: url, max: 10 });
	// An idle connection the server closes (restart, failover, an administrator) must not crash the
	// process: the pool drops it and opens a new one for the next query.
	pool.on('error', (err) => log.warn({ err }, 'an idle PostgreSQL connection was closed'));
	const db = drizzle(pool, { schema }) as unknown as Database;
	await db.execute(sql`select 1`);
	return { db, kind: 'postgres', close: () => pool.end() };
}

export async function migrate(handle: DatabaseHandle, migrationsFolder: string): Promise<void> {
	if (handle.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(handle.db as never, { migrationsFolder });
	} else {
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		await migrate(handle.db as never, { migrationsFolder });
	}
}

/** Migrations known on disk vs applied in the database: /readyz is ready when they match. */
export async function migrationStatus(db: Executor, migrationsFolder: string): Promise<{ expected: number; applied: number }> {
	const expected = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length;
	const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
	return { expected, applied: Number(row?.n ?? 0) };
}

/** Raw SQL rows, the same on PGlite and node-postgres. */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
