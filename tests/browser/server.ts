import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { DEMO_PASSWORD } from '#lib/server/seed/logins';
import { SEEDED_DATA_DIR } from '../helpers/paths';

/**
 * The BUILT app as a real process (`bin/start.js`, as `npm start` runs it) on a free port with a
 * fresh demo database: a temp PGlite data dir, or a new database on TEST_DATABASE_URL's server.
 */
export interface RunningSen {
	url: string;
	output(): string;
	stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const s = createServer()
			.once('error', fail)
			.listen(0, '127.0.0.1', () => {
				const port = (s.address() as { port: number }).port;
				s.close(() => ok(port));
			});
	});
}

async function createPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `sen_browser_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const dbUrl = new URL(url);
	dbUrl.pathname = '/' + name;
	return {
		url: dbUrl.toString(),
		async drop() {
			const c = new pg.Client({ connectionString: url });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

export async function startSen(): Promise<RunningSen> {
	const port = await freePort();
	const url = `http://localhost:${port}`;
	const env: Record<string, string | undefined> = {
		...process.env,
		NODE_ENV: 'development',
		LOG_LEVEL: 'warn',
		PORT: String(port),
		ORIGIN: url,
		SEN_DEMO: 'true',
		SEN_DEMO_YEAR: '2026',
		SEN_BUILD_DIR: process.env.SEN_BUILD_DIR ?? 'build',
		DATABASE_URL: undefined,
		DATA_DIR: undefined
	};
	let pgDb: { url: string; drop(): Promise<void> } | undefined;
	const dataRoot = mkdtempSync(join(tmpdir(), 'sen-browser-'));
	env.FILES_DIR = join(dataRoot, 'files');
	if (process.env.TEST_DATABASE_URL) {
		pgDb = await createPostgresDatabase(process.env.TEST_DATABASE_URL);
		env.DATABASE_URL = pgDb.url;
	} else {
		env.DATA_DIR = join(dataRoot, 'data');
		// Start from the data dir global-setup migrated and seeded once (a fresh copy per Sen).
		if (existsSync(SEEDED_DATA_DIR)) cpSync(SEEDED_DATA_DIR, env.DATA_DIR, { recursive: true });
	}

	const child: ChildProcess = spawn(NODE, ['bin/start.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	let exited = false;
	const exit = new Promise<void>((ok) => child.once('exit', () => ((exited = true), ok())));

	const stop = async () => {
		if (!exited) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exit;
			clearTimeout(timer);
		}
		rmSync(dataRoot, { recursive: true, force: true });
		await pgDb?.drop();
	};

	const deadline = Date.now() + 120_000; // a loaded 2-core machine may take long to start it
	while (Date.now() < deadline && !exited) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return { url, output: () => output, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`Sen did not become ready on port ${port}:\n${output}`);
}

/** Debian's Chromium driven by playwright-core; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']
	});
}

/**
 * Signs in through the real login form, as a person would, and waits to leave the sign-in page.
 * The page's context must have been created with `baseURL` (see `newContext`).
 */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/Tên đăng nhập hoặc email|Username or email/).fill(username);
	await page.getByLabel(/^Mật khẩu|^Password/).fill(password);
	await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click()]);
}

/**
 * Waits, after a page load, until Svelte has hydrated it (the root layout sets `data-hydrated`):
 * what is typed before hydration can be undone by it on a loaded machine. Not for non-HTML answers.
 */
async function untilHydrated(page: Page, response: Response | null): Promise<void> {
	if (!response?.headers()['content-type']?.startsWith('text/html')) return;
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/**
 * A fresh browser context (own cookies) pointed at the running app. With JavaScript on, its pages'
 * `goto` and `reload` return only once the page has hydrated.
 */
export async function newContext(browser: Browser, sen: RunningSen, opts: { width?: number; height?: number; javaScript?: boolean } = {}): Promise<BrowserContext> {
	const javaScript = opts.javaScript ?? true;
	const context = await browser.newContext({ baseURL: sen.url, viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, javaScriptEnabled: javaScript });
	if (!javaScript) return context;
	const newPage = context.newPage.bind(context);
	context.newPage = async () => {
		const page = await newPage();
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await untilHydrated(page, response);
			return response;
		};
		page.reload = async (options) => {
			const response = await reload(options);
			await untilHydrated(page, response);
			return response;
		};
		return page;
	};
	return context;
}

/**
 * For a test file: starts Sen and Chromium before its tests (in parallel) and stops both after;
 * `ready` receives them. Usage: `let sen: RunningSen, browser: Browser; useSen((s, b) => ([sen, browser] = [s, b]));`
 */
export function useSen(ready: (sen: RunningSen, browser: Browser) => void): void {
	let sen: RunningSen | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		[sen, browser] = await Promise.all([startSen(), launchBrowser()]);
		ready(sen, browser);
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
		await sen?.stop();
	});
}

/** Set SEN_SCREENSHOT_DIR to keep a picture of each page the tests look at. */
export async function snap(page: Page, name: string): Promise<void> {
	const dir = process.env.SEN_SCREENSHOT_DIR;
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A signed-in JSON client of the running app, as an integration would use it (for test setup). */
export async function apiAs(sen: RunningSen, username: string, password = DEMO_PASSWORD) {
	const login = await fetch(`${sen.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: sen.url }, body: JSON.stringify({ username, password }) });
	if (login.status !== 200) throw new Error(`login as ${username}: ${login.status}`);
	const cookie = login.headers.get('set-cookie')!.split(';')[0];
	const call = async (method: string, path: string, body?: unknown) => {
		const res = await fetch(`${sen.url}${path}`, { method, headers: { cookie, origin: sen.url, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
		if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
		return res.json();
	};
	return { get: (path: string) => call('GET', path), put: (path: string, body: unknown) => call('PUT', path, body), post: (path: string, body?: unknown) => call('POST', path, body ?? {}) };
}
