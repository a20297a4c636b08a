import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '#lib/server/config';
import { setContext } from '#lib/server/context';
import type { Database, DatabaseHandle } from '#lib/server/db/client';
import { seedDemoIfEmpty, DEMO_PASSWORD } from '#lib/server/seed/demo';

/** Tests pin the demo to 2026-2027 so their dates (02/11/2026, 20/08/2026 …) keep their meaning. */
export const DEMO_YEAR = 2026;
import { createTestDatabase } from './db';

interface KitServer {
	init(opts: { env: Record<string, string> }): Promise<void>;
	respond(req: Request, opts: { getClientAddress(): string }): Promise<Response>;
}

export interface TestApp {
	db: Database;
	handle: DatabaseHandle;
	/** Where this app's uploaded files are stored. */
	filesDir: string;
	request(method: string, path: string, opts?: { body?: unknown; cookie?: string; token?: string; headers?: Record<string, string> }): Promise<Response>;
	/** A client signed in through the real login route. */
	loginAs(username: string, password?: string): Promise<Client>;
	close(): Promise<void>;
}

export interface Client {
	cookie: string;
	get(path: string): Promise<Response>;
	post(path: string, body?: unknown): Promise<Response>;
	put(path: string, body?: unknown): Promise<Response>;
	patch(path: string, body?: unknown): Promise<Response>;
	delete(path: string): Promise<Response>;
	/** A form post as a browser without JavaScript sends it. */
	form(path: string, fields: Record<string, string> | FormData): Promise<Response>;
}

/**
 * The built SvelteKit server, in this process, on a fresh database: every hook, route and
 * policy runs as in production, with no port and no network.
 */
export async function startApp(opts: { seed?: 'demo' | 'none'; filesMaxMb?: number } = {}): Promise<TestApp> {
	const handle = await createTestDatabase();
	// Uploaded files go to a directory of this test file's own, removed on close.
	const filesDir = mkdtempSync(join(tmpdir(), 'sen-files-'));
	const config = loadConfig({ NODE_ENV: 'test', SEN_DEMO: 'false', MIGRATIONS_DIR: 'drizzle', FILES_DIR: filesDir, FILES_MAX_MB: opts.filesMaxMb ? String(opts.filesMaxMb) : undefined });
	setContext({ config, handle, db: handle.db });
	if ((opts.seed ?? 'demo') === 'demo') await seedDemoIfEmpty(handle.db, DEMO_YEAR);
	const buildDir = resolve(process.env.SEN_BUILD_DIR ?? 'build', 'server');
	const { Server } = await import(/* @vite-ignore */ pathToFileURL(`${buildDir}/index.js`).href);
	const { manifest } = await import(/* @vite-ignore */ pathToFileURL(`${buildDir}/manifest.js`).href);
	const server: KitServer = new Server(manifest);
	await server.init({ env: { NODE_ENV: 'test' } as Record<string, string> });

	const request: TestApp['request'] = (method, path, o = {}) => {
		const headers: Record<string, string> = { ...o.headers };
		if (o.cookie) headers.cookie = o.cookie;
		if (o.token) headers.authorization = `Bearer ${o.token}`;
		let body: BodyInit | undefined;
		// Browsers send Origin on every non-GET; SvelteKit's CSRF check relies on it.
		if (method !== 'GET' && method !== 'HEAD') headers.origin ??= 'http://localhost';
		if (o.body instanceof FormData || o.body instanceof URLSearchParams) {
			body = o.body;
		} else if (o.body !== undefined) {
			body = JSON.stringify(o.body);
			headers['content-type'] = 'application/json';
		}
		return server.respond(new Request(`http://localhost${path}`, { method, headers, body }), { getClientAddress: () => '127.0.0.1' });
	};

	const clientFor = (cookie: string): Client => ({
		cookie,
		get: (path) => request('GET', path, { cookie }),
		post: (path, body) => request('POST', path, { cookie, body }),
		put: (path, body) => request('PUT', path, { cookie, body }),
		patch: (path, body) => request('PATCH', path, { cookie, body }),
		delete: (path) => request('DELETE', path, { cookie }),
		form: (path, fields) => {
			const fd = fields instanceof FormData ? fields : new URLSearchParams(fields);
			return request('POST', path, { cookie, body: fd, headers: { accept: 'text/html' } });
		}
	});

	return {
		db: handle.db,
		handle,
		filesDir,
		request,
		async loginAs(username, password = DEMO_PASSWORD) {
			const res = await request('POST', '/api/v1/auth/login', { body: { username, password } });
			if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
			const cookie = res.headers.get('set-cookie')!.split(';')[0];
			return clientFor(cookie);
		},
		async close() {
			setContext(undefined);
			await handle.close();
			rmSync(filesDir, { recursive: true, force: true });
		}
	};
}
