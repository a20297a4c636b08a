import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, openPglite } from '#lib/server/db/client';
import { MIGRATIONS, TEMPLATE_PATH, testPostgresUrl } from './db';

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
}
