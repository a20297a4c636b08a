import { json } from '@sveltejs/kit';
import { resolve } from 'node:path';
import { getContext } from '#lib/server/context';
import { migrationStatus } from '#lib/server/db/client';

/** Readiness: the database answers and every migration on disk is applied. */
export async function GET() {
	try {
		const { db, config, handle } = getContext();
		const m = await migrationStatus(db, resolve(config.MIGRATIONS_DIR));
		const ready = m.applied >= m.expected;
		return json({ status: ready ? 'ready' : 'migrations_pending', database: handle.kind, migrations: m }, { status: ready ? 200 : 503 });
	} catch {
		return json({ status: 'database_unreachable' }, { status: 503 });
	}
}
