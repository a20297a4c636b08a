/**
 * HTML5 packages (a .zip with an index.html: exported interactive content, simulations, games):
 * what a package may hold and how its paths are read. Pure: no database, no HTTP. Sen serves the
 * files under a capability URL with a `sandbox` content security policy, so the package runs in an
 * opaque origin and never as Sen (see packages.ts).
 */

/** What a package may contain, by extension, with the type it is served as. */
export const PACKAGE_TYPES: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	htm: 'text/html; charset=utf-8',
	js: 'text/javascript; charset=utf-8',
	mjs: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	json: 'application/json',
	txt: 'text/plain; charset=utf-8',
	xml: 'application/xml',
	vtt: 'text/vtt',
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	ico: 'image/x-icon',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	ogg: 'audio/ogg',
	mp4: 'video/mp4',
	webm: 'video/webm',
	woff: 'font/woff',
	woff2: 'font/woff2',
	ttf: 'font/ttf',
	wasm: 'application/wasm'
};
export const PACKAGE_LIMITS = { entries: 2000, totalBytes: 200 * 1024 * 1024 };

export type PackageProblem = 'unsafe_path' | 'type_not_allowed' | 'no_index' | 'too_many_files' | 'too_large' | 'empty';

/** A safe relative path inside the package, or null (absolute, `..`, backslashes, control characters). */
export function safePackagePath(name: string): string | null {
	if (!name || name.startsWith('/') || name.includes('\\') || /[\u0000-\u001f]/.test(name)) return null;
	const parts = name.split('/');
	if (parts.some((p) => p === '..' || p === '.')) return null;
	return parts.filter(Boolean).join('/');
}

export const typeOf = (path: string) => PACKAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? null;

/**
 * Checks a package's entries (path → size) and finds its start page: index.html at the root, or
 * inside the one folder everything sits in (how most tools export). Folders and the macOS
 * metadata folder are skipped. Returns the files to keep with their paths relative to the root.
 */
export function planPackage(entries: { name: string; size: number }[]): { files: { name: string; path: string; contentType: string; size: number }[]; entry: string } | { problem: PackageProblem; name?: string } {
	const real = entries.filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/') && !/(^|\/)\.DS_Store$/.test(e.name));
	if (!real.length) return { problem: 'empty' };
	if (real.length > PACKAGE_LIMITS.entries) return { problem: 'too_many_files' };
	if (real.reduce((s, e) => s + e.size, 0) > PACKAGE_LIMITS.totalBytes) return { problem: 'too_large' };
	const files = [];
	for (const e of real) {
		const path = safePackagePath(e.name);
		if (path === null) return { problem: 'unsafe_path', name: e.name };
		const contentType = typeOf(path);
		if (!contentType) return { problem: 'type_not_allowed', name: e.name };
		files.push({ name: e.name, path, contentType, size: e.size });
	}
	// One top folder holding everything: serve from inside it.
	const tops = new Set(files.map((f) => (f.path.includes('/') ? f.path.split('/')[0] + '/' : '')));
	const prefix = tops.size === 1 ? [...tops][0] : '';
	const rooted = files.map((f) => ({ ...f, path: prefix && f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path }));
	const entry = rooted.find((f) => f.path.toLowerCase() === 'index.html' || f.path.toLowerCase() === 'index.htm');
	if (!entry) return { problem: 'no_index' };
	return { files: rooted, entry: entry.path };
}
