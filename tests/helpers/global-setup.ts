import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, openPglite } from '#lib/server/db/client';
import { rmSync } from 'node:fs';
import { loadConfig } from '#lib/server/config';
import { setContext } from '#lib/server/context';
import { seedDemoIfEmpty } from '#lib/server/seed/demo';
import { MIGRATIONS, SEEDED_DATA_DIR, TEMPLATE_PATH, testPostgresUrl } from './db';

/** Migrate one PGlite once and dump it; test files load the dump instead of migrating again. */
export default async function setup() {
	if (testPostgresUrl()) return;
	const handle = await openPglite();
	await migrate(handle, MIGRATIONS);
	const client = (handle.db as unknown as { $client: { dumpDataDir(c?: 'gzip' | 'none'): Promise<Blob> } }).$client;
	const dump = await client.dumpDataDir('gzip');
	mkdirSync(dirname(TEMPLATE_PATH), { recursive: true });
	writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
	await handle.close();

	// The browser tests' Sen starts on a copy of a data dir migrated and seeded here once (as
	// `npm start` would seed it, demo year 2026), instead of migrating and seeding on every start.
	rmSync(SEEDED_DATA_DIR, { recursive: true, force: true });
	const seeded = await openPglite(SEEDED_DATA_DIR);
	await migrate(seeded, MIGRATIONS);
	setContext({ config: loadConfig({ NODE_ENV: 'test', SEN_DEMO: 'false', MIGRATIONS_DIR: 'drizzle' }), handle: seeded, db: seeded.db });
	await seedDemoIfEmpty(seeded.db, 2026);
	await seeded.close();
}
