import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { migrate, openPglite, openPostgres, type Database, type DatabaseHandle } from '#lib/server/db/client';
import * as schema from '#lib/server/db/schema';

export const MIGRATIONS = resolve('drizzle');
import { TEMPLATE_PATH } from './paths';
export { SEEDED_DATA_DIR, TEMPLATE_PATH } from './paths';

/** The PostgreSQL to test against, when CI (or you) set TEST_DATABASE_URL. */
export const testPostgresUrl = () => process.env.TEST_DATABASE_URL;

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const url = testPostgresUrl();
	if (!url) {
		const blob = new Blob([readFileSync(TEMPLATE_PATH)]);
		return openPglite(undefined, blob);
	}
	const name = `sen_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const dbUrl = new URL(url);
	dbUrl.pathname = '/' + name;
	const handle = await openPostgres(dbUrl.toString());
	await migrate(handle, MIGRATIONS);
	return {
		...handle,
		async close() {
			await handle.close();
			const c = new pg.Client({ connectionString: url });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

/**
 * The same database through a second drizzle instance that counts the statements it sends: for
 * tests that a fan-out stays a few queries however many items it has (transactions included).
 */
export async function countingDatabase(handle: DatabaseHandle): Promise<{ db: Database; queries(): number; reset(): void }> {
	let n = 0;
	const logger = { logQuery: () => void n++ };
	const client = (handle.db as unknown as { $client: unknown }).$client;
	type Drizzle = (client: never, config: { schema: typeof schema; logger: typeof logger }) => unknown;
	const drizzle = (handle.kind === 'pglite' ? (await import('drizzle-orm/pglite')).drizzle : (await import('drizzle-orm/node-postgres')).drizzle) as unknown as Drizzle;
	const db = drizzle(client as never, { schema, logger }) as Database;
	return { db, queries: () => n, reset: () => void (n = 0) };
}
