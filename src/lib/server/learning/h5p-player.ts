/**
 * Sen's copy of the H5P player (h5p-standalone, pinned in package.json): its dist files served under
 * `/h5p-player/{version}/…`, a path that changes with the version, so they are cached as immutable.
 * They get the packages' sandbox policy and `access-control-allow-origin: *`: the player runs inside
 * an H5P package's opaque origin, from where its fonts are fetched in CORS mode.
 */
import { createReadStream } from 'node:fs';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { safePackagePath, typeOf } from './package-rules';

let found: { dist: string; version: string } | null = null;
function player() {
	if (!found) {
		const pkgJson = createRequire(import.meta.url).resolve('h5p-standalone/package.json');
		const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
		found = { dist: realpathSync(join(dirname(pkgJson), 'dist')), version };
	}
	return found;
}

/** Where the start page of an H5P package finds the player. */
export const h5pPlayerBase = () => `/h5p-player/${player().version}`;

export const PLAYER_HEADERS = {
	'content-security-policy': "sandbox allow-scripts allow-forms allow-popups; default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; connect-src 'none'; form-action 'none'; frame-ancestors 'self'",
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'access-control-allow-origin': '*',
	'cache-control': 'public, max-age=31536000, immutable'
};

/** One file of the player (`{version}/main.bundle.js`, `{version}/styles/h5p.css` …), else 404. */
export function servePlayerFile(path: string): Response {
	const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
	const { dist, version } = player();
	const safe = safePackagePath(path);
	if (!safe || !safe.startsWith(`${version}/`)) return notFound();
	const rest = safe.slice(version.length + 1);
	const contentType = typeOf(rest);
	// Only what the player needs: scripts, styles, fonts, images (not its .d.ts or licence notes).
	if (!contentType || contentType.startsWith('text/html') || contentType.startsWith('text/plain')) return notFound();
	const file = join(dist, rest);
	if (!file.startsWith(dist + sep)) return notFound();
	let size: number;
	try {
		const st = statSync(file);
		if (!st.isFile()) return notFound();
		size = st.size;
	} catch {
		return notFound();
	}
	const body = Readable.toWeb(createReadStream(file)) as ReadableStream;
	return new Response(body, { headers: { ...PLAYER_HEADERS, 'content-type': contentType, 'content-length': String(size) } });
}
