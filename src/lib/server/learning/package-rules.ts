/**
 * HTML5 packages (a .zip with an index.html: exported interactive content, simulations, games) and
 * H5P packages (a .h5p — also a zip — with h5p.json, content/content.json and its library folders):
 * what a package may hold and how its paths are read. Pure: no database, no HTTP. Sen serves the
 * files under a capability URL with a `sandbox` content security policy, so the package runs in an
 * opaque origin and never as Sen (see packages.ts); an H5P package is played by h5p-standalone from
 * a start page Sen writes (h5pEntryPage), see docs/decisions/008-h5p-packages.md.
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
	m4a: 'audio/mp4',
	woff: 'font/woff',
	woff2: 'font/woff2',
	ttf: 'font/ttf',
	otf: 'font/otf',
	eot: 'application/vnd.ms-fontobject',
	wasm: 'application/wasm'
};
export const PACKAGE_LIMITS = { entries: 2000, totalBytes: 200 * 1024 * 1024 };

export type PackageProblem = 'unsafe_path' | 'type_not_allowed' | 'no_index' | 'too_many_files' | 'too_large' | 'empty' | H5PProblem;
export type H5PProblem = 'h5p_unreadable' | 'h5p_no_main_library' | 'h5p_missing_library' | 'h5p_no_content';
export type PackageKind = 'html5' | 'h5p';

/**
 * The start page of an H5P package: not a file of the package but written by Sen when it is asked
 * for (so every package plays with the player Sen ships today). Its name marks the package as H5P.
 */
export const H5P_ENTRY = 'sen-h5p.html';

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
export type PackagePlan = { kind: PackageKind; files: { name: string; path: string; contentType: string; size: number }[]; entry: string };
export function planPackage(entries: { name: string; size: number }[]): PackagePlan | { problem: PackageProblem; name?: string } {
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
	// An H5P package: h5p.json at its root. Its start page is Sen's, so no file may take that name.
	if (rooted.some((f) => f.path === 'h5p.json')) {
		const clash = rooted.find((f) => f.path.toLowerCase() === H5P_ENTRY);
		if (clash) return { problem: 'unsafe_path', name: clash.name };
		return { kind: 'h5p', files: rooted, entry: H5P_ENTRY };
	}
	const entry = rooted.find((f) => f.path.toLowerCase() === 'index.html' || f.path.toLowerCase() === 'index.htm');
	if (!entry) return { problem: 'no_index' };
	return { kind: 'html5', files: rooted, entry: entry.path };
}

/** An H5P machine name (`H5P.MultiChoice`, `FontAwesome`): letters, digits, `.`, `_`, `-`. */
const MACHINE_NAME = /^[A-Za-z][\w.-]{0,126}$/;
const VERSION = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/**
 * Checks an H5P package's h5p.json (parsed, or null when it is not JSON) against the package's
 * paths: a main library among the preloaded dependencies, every dependency's folder with its
 * library.json (`H5P.X-1.16/` as H5P exports it, or `H5P.X/`), and content/content.json.
 * Libraries' own dependencies are found by the player from their library.json.
 */
export function checkH5P(h5p: unknown, paths: string[]): { mainLibrary: string; title: string } | { problem: H5PProblem; name?: string } {
	if (!h5p || typeof h5p !== 'object' || Array.isArray(h5p)) return { problem: 'h5p_unreadable' };
	const json = h5p as { mainLibrary?: unknown; title?: unknown; preloadedDependencies?: unknown };
	if (typeof json.mainLibrary !== 'string' || !MACHINE_NAME.test(json.mainLibrary)) return { problem: 'h5p_no_main_library' };
	const deps = Array.isArray(json.preloadedDependencies) ? json.preloadedDependencies : [];
	const have = new Set(paths);
	if (!deps.some((d) => d && typeof d === 'object' && d.machineName === json.mainLibrary)) return { problem: 'h5p_missing_library', name: json.mainLibrary };
	for (const d of deps as { machineName?: unknown; majorVersion?: unknown; minorVersion?: unknown }[]) {
		if (!d || typeof d !== 'object' || typeof d.machineName !== 'string' || !MACHINE_NAME.test(d.machineName) || !VERSION(d.majorVersion) || !VERSION(d.minorVersion)) return { problem: 'h5p_unreadable' };
		const folder = `${d.machineName}-${d.majorVersion}.${d.minorVersion}`;
		if (!have.has(`${folder}/library.json`) && !have.has(`${d.machineName}/library.json`)) return { problem: 'h5p_missing_library', name: folder };
	}
	if (!have.has('content/content.json')) return { problem: 'h5p_no_content' };
	return { mainLibrary: json.mainLibrary, title: typeof json.title === 'string' ? json.title.trim().slice(0, 300) : '' };
}

/**
 * The start page of an H5P package, served from the package's own address: it loads Sen's copy of
 * h5p-standalone (`playerBase`, e.g. `/h5p-player/3.8.2`) and plays the package from `.`, the
 * folder of this page. Nothing of the package is written into it. The content is embedded as a
 * `div` in this page, which is itself the sandboxed frame: the player's own iframe (about:blank,
 * written by its parent) cannot work in a sandbox without allow-same-origin, since a nested frame
 * gets a fresh opaque origin of its own (see docs/decisions/008-h5p-packages.md).
 */
export function h5pEntryPage(playerBase: string, lang: 'vi' | 'en' = 'vi'): string {
	if (!/^\/[\w./-]*$/.test(playerBase)) throw new Error(`not a player path: ${playerBase}`);
	const base = playerBase.replace(/\/$/, '');
	return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'vi'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>H5P</title>
<style>html,body{margin:0;padding:0;background:#fff}</style>
<script>
// An opaque origin has no storage: reading localStorage throws, and H5P core does not always catch
// it. Stand-ins in memory, for this page only (nothing kept, nothing sent).
(function () {
	function memory() {
		var items = new Map();
		return {
			get length() { return items.size; },
			key: function (i) { return Array.from(items.keys())[i] ?? null; },
			getItem: function (k) { return items.has(String(k)) ? items.get(String(k)) : null; },
			setItem: function (k, v) { items.set(String(k), String(v)); },
			removeItem: function (k) { items.delete(String(k)); },
			clear: function () { items.clear(); }
		};
	}
	['localStorage', 'sessionStorage'].forEach(function (name) {
		try { window[name].length; } catch (e) { Object.defineProperty(window, name, { value: memory(), configurable: true }); }
	});
})();
</script>
<script src="${base}/main.bundle.js"></script>
</head>
<body>
<div id="h5p-container"></div>
<script>
new H5PStandalone.H5P(document.getElementById('h5p-container'), {
	h5pJsonPath: '.',
	embedType: 'div',
	frameJs: '${base}/frame.bundle.js',
	frameCss: '${base}/styles/h5p.css',
	frame: false, copyright: false, embed: false, export: false, icon: false
});
</script>
</body>
</html>
`;
}
