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
	for (let i = 0; i < 300 && !done; i++) {
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
	it('seeds the demo on first start, prints one login per role, and a second process on the same data refuses', async () => {
		const dataDir = join(mkdtempSync(join(tmpdir(), 'sen-start-')), 'data');
		const port = await freePort();
		const first = start({ PORT: String(port), DATA_DIR: dataDir });
		await waitReady(port, first.exited);
		expect(first.output()).toMatch(/Demo logins, password "sen-demo"/);
		for (const u of ['admin', 'city', 'unit', 'leader', 'teacher', 'parent', 'learner']) expect(first.output()).toMatch(new RegExp(`^\\s+${u}\\s`, 'm'));
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
});
