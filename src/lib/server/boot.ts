import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config';
import { DataDirLockedError, lockDataDir, migrate, openPglite, openPostgres, type DatabaseHandle } from './db/client';
import { getContext, hasContext, setContext } from './context';
import { log } from './log';
import { seedDemoIfEmpty, DEMO_PASSWORD } from './seed/demo';
import { startJobs } from './platform/jobs';
import { ensureFirstAdmin, FirstAdminError } from './people/first-admin';
import { registerConfiguredSenders } from './notifications/senders';

/** Opens the database, applies migrations and seeds demo data. Shared by the server and scripts. */
export async function openApp(config: Config): Promise<{ handle: DatabaseHandle; release: () => void }> {
	let release = () => {};
	let handle: DatabaseHandle;
	if (config.DATABASE_URL) {
		handle = await openPostgres(config.DATABASE_URL);
	} else {
		release = lockDataDir(config.DATA_DIR);
		try {
			handle = await openPglite(resolve(config.DATA_DIR));
		} catch (e) {
			release();
			throw e;
		}
	}
	await migrate(handle, resolve(config.MIGRATIONS_DIR));
	return { handle, release };
}

/** Server start-up (SvelteKit's `init` hook). Exits with a clear message on bad configuration. */
export async function boot(): Promise<void> {
	if (hasContext()) return; // tests hand the app their own database
	let config: Config;
	try {
		config = loadConfig();
		const { handle, release } = await openApp(config);
		setContext({ config, handle, db: handle.db });
		let stopJobs = () => {};
		process.once('sveltekit:shutdown' as never, async () => {
			stopJobs();
			await handle.close();
			release();
			log.info('database closed; bye');
		});
		process.once('exit', release);
		log.info({ database: handle.kind, dataDir: config.DATABASE_URL ? undefined : resolve(config.DATA_DIR) }, 'database ready, migrations applied');
		if (config.demo) {
			const seeded = await seedDemoIfEmpty(handle.db, config.SEN_DEMO_YEAR);
			printDemoLogins(seeded, config.PORT);
		}
		if (config.firstAdmin) {
			const outcome = await ensureFirstAdmin(handle.db, config.firstAdmin);
			if (outcome === 'created') log.info({ username: config.firstAdmin.username }, 'first system administrator created from SEN_ADMIN_USERNAME');
			else log.info('a system administrator exists; SEN_ADMIN_USERNAME/SEN_ADMIN_PASSWORD ignored');
		}
		try {
			registerConfiguredSenders(config, () => getContext().db);
		} catch (e) {
			throw new ConfigError(`Sen cannot start: ${e instanceof Error ? e.message : String(e)}`);
		}
		// Outbox delivery, reminders, digests: one run of each job at a time (platform/jobs.ts).
		stopJobs = startJobs(() => getContext().db);
	} catch (e) {
		if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof FirstAdminError) {
			console.error('\n' + e.message + '\n');
			process.exit(1);
		}
		throw e;
	}
}

function printDemoLogins(seeded: { created: boolean; logins: { username: string; role: string }[] }, port: number) {
	const lines = seeded.logins.map((l) => `  ${l.username.padEnd(12)} ${l.role}`);
	console.log(
		`\nSen demo (${seeded.created ? 'seeded now' : 'existing data'}) on http://localhost:${port}\n` +
			`Demo logins, password "${DEMO_PASSWORD}":\n${lines.join('\n')}\n`
	);
}
