import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The real start path: bin/start.js on the built app, as `npm start` runs it.
const NODE = resolve('node_modules/.bin/node');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function freePort(): Promise<number> {
	return new Promise((ok) => {
		const s = createServer().listen(0, () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => ok(port));
		});
	});
}

function start(env: Record<string, string>) {
	const child = spawn(NODE, ['bin/start.js'], { env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env } });
	children.push(child);
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
	return { child, exited, output: () => output };
}

async function waitReady(port: number, exited: Promise<unknown>) {
	let done = false;
	exited.then(() => (done = true));
	// Up to 2 minutes: a first start migrates and seeds, slowly on a loaded 2-core machine.
	for (let i = 0; i < 1200 && !done; i++) {
		try {
			const r = await fetch(`http://127.0.0.1:${port}/readyz`);
			if (r.status === 200) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not become ready');
}

describe('starting Sen', () => {
	it('seeds the demo on first start, prints one login per role, and a second process on the same data refuses', { timeout: 180_000 }, async () => {
		const dataDir = join(mkdtempSync(join(tmpdir(), 'sen-start-')), 'data');
		const port = await freePort();
		const first = start({ PORT: String(port), DATA_DIR: dataDir });
		await waitReady(port, first.exited);
		expect(first.output()).toMatch(/Demo logins, password "sen-demo"/);
		// Every demo login README lists, each on its own line with its role.
		const printed = [...first.output().matchAll(/^ {2}(\S+) +\S.*$/gm)].map((m) => m[1]);
		expect(printed).toEqual(['admin', 'city', 'unit', 'leader', 'grouphead', 'homeroom', 'teacher', 'counsellor', 'parent', 'learner', 'mentor', 'alumnus', 'partner']);
		expect(existsSync(dataDir + '.lock')).toBe(true);

		const second = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
		expect(await second.exited).toBe(1);
		expect(second.output()).toMatch(/already in use by process \d+/);

		// SIGTERM: finish, close the database, release the lock.
		first.child.kill('SIGTERM');
		expect(await first.exited).toBe(0);
		expect(existsSync(dataDir + '.lock')).toBe(false);

		// A second start reuses the data instead of seeding again.
		const again = start({ PORT: String(port), DATA_DIR: dataDir });
		await waitReady(port, again.exited);
		expect(again.output()).toMatch(/existing data/);
		again.child.kill('SIGTERM');
		expect(await again.exited).toBe(0);
	});

	it('stops with a message naming a wrong configuration value', async () => {
		const bad = start({ PORT: 'not-a-port', DATA_DIR: join(mkdtempSync(join(tmpdir(), 'sen-start-')), 'data') });
		expect(await bad.exited).toBe(1);
		expect(bad.output()).toMatch(/invalid configuration/);
		expect(bad.output()).toMatch(/PORT/);
	});

	it('creates the first administrator of a production deployment from SEN_ADMIN_*, once, audited, without demo data', { timeout: 120_000 }, async () => {
		const dataDir = join(mkdtempSync(join(tmpdir(), 'sen-start-')), 'data');
		const port = await freePort();
		const env = { NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, SEN_ADMIN_USERNAME: 'Quantri', SEN_ADMIN_PASSWORD: 'so-gd-ha-noi-2026', SEN_ADMIN_EMAIL: 'quantri@so.hanoi.vn' };
		const first = start(env);
		await waitReady(port, first.exited);
		expect(first.output()).not.toMatch(/Demo logins/);
		expect(first.output()).not.toContain('so-gd-ha-noi-2026');
		const base = `http://127.0.0.1:${port}`;
		const login = (username: string, password: string) =>
			fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
		// Production never seeds the demo: its logins do not exist.
		expect((await login('admin', 'sen-demo')).status).toBe(401);
		const signedIn = await login('quantri', 'so-gd-ha-noi-2026');
		expect(signedIn.status).toBe(200);
		const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
		const me = await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json();
		expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['system_admin']);
		const audit = (await (await fetch(`${base}/api/v1/audit?entityType=account`, { headers: { cookie } })).json()).items;
		expect(audit).toEqual([expect.objectContaining({ action: 'bootstrap_admin', actorId: null, before: null, after: expect.objectContaining({ username: 'quantri' }) })]);
		// The administrator can build the tree from nothing.
		const dept = await fetch(`${base}/api/v1/org-units`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'department', code: 'SO-HN', name: 'Sở GD&ĐT Hà Nội' }) });
		expect(dept.status).toBe(201);
		first.child.kill('SIGTERM');
		expect(await first.exited).toBe(0);

		// Once there is an administrator the variables are ignored: no second account, no password reset.
		const again = start({ ...env, SEN_ADMIN_USERNAME: 'other', SEN_ADMIN_PASSWORD: 'another-pass-2026' });
		await waitReady(port, again.exited);
		expect((await login('other', 'another-pass-2026')).status).toBe(401);
		expect((await login('quantri', 'so-gd-ha-noi-2026')).status).toBe(200);
		again.child.kill('SIGTERM');
		expect(await again.exited).toBe(0);
	});

	it('refuses to start with a first-administrator password that is too short, without printing it', async () => {
		const bad = start({ NODE_ENV: 'production', SEN_ADMIN_USERNAME: 'quantri', SEN_ADMIN_PASSWORD: 'short-1', DATA_DIR: join(mkdtempSync(join(tmpdir(), 'sen-start-')), 'data') });
		expect(await bad.exited).toBe(1);
		expect(bad.output()).toMatch(/SEN_ADMIN_PASSWORD: must be at least 12 characters/);
		expect(bad.output()).not.toContain('short-1');
	});
});
