/**
 * HTML5 and H5P packages in lessons. The author uploads a .zip (exported interactive content) or a
 * .h5p; Sen checks every entry (safe paths, allowed types, an index.html or a valid h5p.json, size
 * limits — package-rules.ts), stores each file, and appends a `package` block. An H5P package's
 * start page is written by Sen when asked for: it loads Sen's copy of h5p-standalone
 * (h5p-player.ts), which plays the package from its own address. Readers of the lesson see it in a sandboxed frame whose
 * address carries the package's secret: the files are served with `content-security-policy:
 * sandbox allow-scripts …`, so the package runs in an opaque origin, never as Sen, and its
 * requests carry no Sen cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { writeAudit } from '../audit/service';
import { AppError, NotFoundError, ValidationError } from '../errors';
import { fileStore } from '../files/store';
import { getContext } from '../context';
import { lessonPackageFiles, lessonPackages } from './attachment-schema';
import { lessons } from './lesson-schema';
import { addUploadedBlock } from './elearning';
import { mayReadLesson } from './lesson-files';
import { checkH5P, h5pEntryPage, H5P_ENTRY, planPackage, safePackagePath, type PackageProblem } from './package-rules';
import { h5pPlayerBase } from './h5p-player';
import { m } from '#lib/paraglide/messages.js';

const fail = (message: string) => new ValidationError(message, [{ path: 'file', message }]);
const problemText = (p: PackageProblem, name = '') =>
	({
		unsafe_path: m.pkg_unsafe_path({ name }),
		type_not_allowed: m.pkg_type_not_allowed({ name }),
		no_index: m.pkg_no_index(),
		too_many_files: m.pkg_too_many(),
		too_large: m.pkg_too_large(),
		empty: m.pkg_empty(),
		h5p_unreadable: m.pkg_h5p_unreadable(),
		h5p_no_main_library: m.pkg_h5p_no_main_library(),
		h5p_missing_library: m.pkg_h5p_missing_library({ name }),
		h5p_no_content: m.pkg_h5p_no_content()
	})[p];

/** The zip from a form (field `file`, optional `title`), within the upload limit. */
export async function packageFromForm(request: Request) {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw fail(m.file_none());
	}
	const file = form.get('file');
	if (!file || typeof file === 'string' || file.size === 0) throw fail(m.file_none());
	const max = getContext().config.FILES_MAX_MB * 1024 * 1024 * 5;
	if (file.size > max) throw new AppError(413, 'file_too_large', m.file_too_large({ name: file.name, max: getContext().config.FILES_MAX_MB * 5 }));
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fail(m.pkg_not_zip());
	const title = form.get('title');
	return { bytes, name: file.name, title: typeof title === 'string' ? title.trim() : '' };
}

export async function uploadPackage(db: Executor, p: Principal, lessonId: string, upload: { bytes: Uint8Array; name: string; title: string }) {
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	authorize(p, 'update', 'lesson', lesson ? { path: lesson.path, authorId: lesson.authorId } : undefined);
	// First the directory only (no byte is inflated), so a zip bomb is refused by its declared
	// sizes; then the planned files, whose real sizes are checked again.
	const listed: { name: string; size: number }[] = [];
	let entries: Record<string, Uint8Array>;
	try {
		unzipSync(upload.bytes, { filter: (f) => (listed.push({ name: f.name, size: f.originalSize }), false) });
	} catch {
		throw fail(m.pkg_not_zip());
	}
	const plan = planPackage(listed);
	if ('problem' in plan) throw fail(problemText(plan.problem, plan.name));
	const wanted = new Set(plan.files.map((f) => f.name));
	try {
		entries = unzipSync(upload.bytes, { filter: (f) => wanted.has(f.name) });
	} catch {
		throw fail(m.pkg_not_zip());
	}
	if (plan.files.some((f) => (entries[f.name]?.length ?? -1) !== f.size)) throw fail(m.pkg_not_zip());
	let h5pTitle = '';
	if (plan.kind === 'h5p') {
		const manifest = plan.files.find((f) => f.path === 'h5p.json')!;
		let json: unknown = null;
		try {
			json = JSON.parse(new TextDecoder().decode(entries[manifest.name]).replace(/^\uFEFF/, ''));
		} catch {
			/* checkH5P says it cannot be read */
		}
		const h5p = checkH5P(json, plan.files.map((f) => f.path));
		if ('problem' in h5p) throw fail(problemText(h5p.problem, h5p.name));
		h5pTitle = h5p.title;
	}
	const store = fileStore();
	const stored: string[] = [];
	try {
		const rows: { path: string; storeKey: string; contentType: string; size: number }[] = [];
		for (const f of plan.files) {
			const key = crypto.randomUUID();
			await store.put(key, Readable.from([entries[f.name]]));
			stored.push(key);
			rows.push({ path: f.path, storeKey: key, contentType: f.contentType, size: f.size });
		}
		const pkg = await db.transaction(async (tx) => {
			const [row] = await tx.insert(lessonPackages).values({ lessonId, schoolId: lesson.schoolId, secret: randomBytes(24).toString('base64url'), name: upload.name, entry: plan.entry }).returning();
			await tx.insert(lessonPackageFiles).values(rows.map((r) => ({ ...r, packageId: row.id })));
			await writeAudit(tx, p, { action: 'add_package', entityType: 'lesson', entityId: lessonId, scopePath: lesson.path, schoolId: lesson.schoolId, after: { packageId: row.id, name: upload.name, kind: plan.kind, files: rows.length } });
			return row;
		});
		const after = await addUploadedBlock(db, p, lessonId, { kind: 'package', title: upload.title || h5pTitle || upload.name.replace(/\.(zip|h5p)$/i, ''), packageId: pkg.id, name: upload.name, contentType: 'application/zip', fileId: pkg.id });
		return { package: { id: pkg.id, name: pkg.name, kind: plan.kind, files: rows.length, entry: pkg.entry }, lesson: after };
	} catch (e) {
		await Promise.all(stored.map((k) => store.delete(k).catch(() => {})));
		throw e;
	}
}

/** The address of a package's start page, for whoever may read the lesson (else 404). */
export async function packageUrl(db: Executor, p: Principal, lessonId: string, packageId: string) {
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	if (!lesson || !(await mayReadLesson(db, p, lesson))) throw new NotFoundError(m.error_not_found());
	const [pkg] = await db.select().from(lessonPackages).where(and(eq(lessonPackages.id, packageId), eq(lessonPackages.lessonId, lessonId)));
	if (!pkg) throw new NotFoundError(m.error_not_found());
	return `/packages/${pkg.id}/${pkg.secret}/${pkg.entry}`;
}

/** The security headers of every package file: an opaque-origin sandbox, no sniffing, no referrer. */
export const PACKAGE_HEADERS = {
	'content-security-policy': "sandbox allow-scripts allow-forms allow-popups; default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; connect-src 'none'; form-action 'none'; frame-ancestors 'self'",
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'cache-control': 'private, max-age=3600'
};

/**
 * The headers of an H5P package's files: the same sandbox, but the player reads the package's JSON
 * (h5p.json, content.json, library.json) with fetch — so connect-src allows this package's own
 * address and nothing else, and the files allow CORS, as the sandboxed page's origin is opaque
 * (`null`). Still no request reaches Sen's pages or API.
 */
export function h5pPackageHeaders(host: string, packageId: string, secret: string) {
	return {
		...PACKAGE_HEADERS,
		'content-security-policy': PACKAGE_HEADERS['content-security-policy'].replace("connect-src 'none'", `connect-src ${host}/packages/${packageId}/${secret}/`),
		'access-control-allow-origin': '*'
	};
}

/** One file of a package by its capability address; anything else is a plain 404. */
export async function servePackageFile(db: Executor, packageId: string, secret: string, path: string, host = ''): Promise<Response> {
	const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
	const safe = safePackagePath(path);
	if (!safe || !/^[0-9a-f-]{36}$/i.test(packageId)) return notFound();
	const [pkg] = await db.select().from(lessonPackages).where(eq(lessonPackages.id, packageId));
	if (!pkg || !sameSecret(pkg.secret, secret)) return notFound();
	const h5p = pkg.entry === H5P_ENTRY;
	// The host goes into a CSP source: only a plain host[:port].
	const headers = h5p && /^[\w.-]+(:\d+)?$/.test(host) ? h5pPackageHeaders(host, pkg.id, pkg.secret) : PACKAGE_HEADERS;
	if (h5p && safe === H5P_ENTRY) {
		const page = new TextEncoder().encode(h5pEntryPage(h5pPlayerBase()));
		return new Response(page, { headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) } });
	}
	const [file] = await db.select().from(lessonPackageFiles).where(and(eq(lessonPackageFiles.packageId, packageId), eq(lessonPackageFiles.path, safe)));
	if (!file) return notFound();
	const body = Readable.toWeb(await fileStore().get(file.storeKey)) as ReadableStream;
	return new Response(body, { headers: { ...headers, 'content-type': file.contentType, 'content-length': String(file.size) } });
}

/** Compares a secret in constant time (Node's timingSafeEqual needs equal lengths). */
function sameSecret(a: string, b: string) {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
