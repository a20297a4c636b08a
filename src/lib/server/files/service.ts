/**
 * Files as other modules use them: record stored uploads (in the caller's transaction, audited),
 * answer a download, forget a file. Who may do any of it is decided by the module the file is
 * attached to (a lesson plan, an assignment, a submission) before it calls these.
 */
import { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { writeAudit, writeAudits } from '../audit/service';
import { NotFoundError } from '../errors';
import { files } from './schema';
import { fileStore } from './store';
import { isInlineImage } from './sniff';
import type { StoredUpload } from './upload';
import { m } from '#lib/paraglide/messages.js';

export type FileRow = typeof files.$inferSelect;

/** Public shape of a file (no storage detail). */
export const presentFile = (f: FileRow) => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256, image: isInlineImage(f.contentType), createdAt: f.createdAt });

/** Rows for uploads already in the store, owned by the caller, placed at `path` of the school. */
export async function recordFiles(tx: Executor, p: Principal, place: { schoolId: string | null; path: string }, uploads: StoredUpload[]): Promise<FileRow[]> {
	if (!uploads.length) return [];
	const rows = await tx
		.insert(files)
		.values(uploads.map((u) => ({ id: u.id, schoolId: place.schoolId, path: place.path, ownerId: p.personId, name: u.name, contentType: u.contentType, size: u.size, sha256: u.sha256 })))
		.returning();
	await writeAudits(tx, p, rows.map((f) => ({ action: 'upload', entityType: 'file', entityId: f.id, scopePath: f.path, schoolId: f.schoolId, after: presentFile(f) })));
	return rows;
}

export async function findFiles(db: Executor, ids: string[]) {
	return ids.length ? db.select().from(files).where(inArray(files.id, ids)) : [];
}

/** Deletes the row (in the caller's transaction); the bytes go once it has committed. */
export async function forgetFile(tx: Executor, p: Principal, file: FileRow) {
	await tx.delete(files).where(eq(files.id, file.id));
	await writeAudit(tx, p, { action: 'delete', entityType: 'file', entityId: file.id, scopePath: file.path, schoolId: file.schoolId, before: presentFile(file) });
}
export const deleteStoredBytes = (ids: string[]) => Promise.all(ids.map((id) => fileStore().delete(id).catch(() => {})));

/** `filename` for the header: an ASCII fallback and the real (Vietnamese) name, RFC 6266/5987. */
function disposition(kind: 'inline' | 'attachment', name: string) {
	const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
	return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The file as a streamed download. Only images may be shown inline; anything else is an
 * attachment, and `sandbox` + `nosniff` keep whatever it holds from running as Sen's origin.
 */
export async function downloadResponse(file: FileRow, opts: { inline?: boolean } = {}): Promise<Response> {
	let stream: Readable;
	try {
		stream = await fileStore().get(file.id);
	} catch {
		throw new NotFoundError(m.file_missing());
	}
	const inline = opts.inline === true && isInlineImage(file.contentType);
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.size),
			'content-disposition': disposition(inline ? 'inline' : 'attachment', file.name),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
			'cache-control': 'private, max-age=0, must-revalidate',
			etag: `"${file.sha256}"`
		}
	});
}

/** A link table of files to what they are attached to (owner id, file id), e.g. a publication's documents. */
export interface FileLink {
	table: PgTable;
	ownerId: PgColumn;
	fileId: PgColumn;
}

/** The files linked to each owner, in name order (owners without files are absent). */
export async function linkedFiles(db: Executor, link: FileLink, ownerIds: readonly string[]): Promise<Map<string, ReturnType<typeof presentFile>[]>> {
	const out = new Map<string, ReturnType<typeof presentFile>[]>();
	if (!ownerIds.length) return out;
	const rows = await db
		.select({ ownerId: link.ownerId, file: files })
		.from(link.table)
		.innerJoin(files, eq(files.id, link.fileId))
		.where(inArray(link.ownerId, [...ownerIds]))
		.orderBy(asc(files.name));
	for (const r of rows) {
		const owner = String(r.ownerId);
		out.set(owner, [...(out.get(owner) ?? []), presentFile(r.file)]);
	}
	return out;
}

/** The download of a file linked to this owner; 404 for a file of another (the caller has checked the owner). */
export async function linkedFileResponse(db: Executor, link: FileLink, ownerId: string, fileId: string): Promise<Response> {
	const [row] = await db.select({ file: files }).from(link.table).innerJoin(files, eq(files.id, link.fileId)).where(and(eq(link.ownerId, ownerId), eq(link.fileId, fileId)));
	if (!row) throw new NotFoundError(m.error_not_found());
	return downloadResponse(row.file);
}

/**
 * Takes a file off its owner: the link and the file's row (audited), in the caller's transaction;
 * the caller deletes the stored bytes once it has committed (`deleteStoredBytes`). 404 for a file
 * that is not this owner's.
 */
export async function unlinkFile(tx: Executor, p: Principal, link: FileLink, ownerId: string, fileId: string): Promise<FileRow> {
	const [row] = await tx.select({ file: files }).from(link.table).innerJoin(files, eq(files.id, link.fileId)).where(and(eq(link.ownerId, ownerId), eq(link.fileId, fileId)));
	if (!row) throw new NotFoundError(m.error_not_found());
	await tx.delete(link.table).where(and(eq(link.ownerId, ownerId), eq(link.fileId, fileId)));
	await forgetFile(tx, p, row.file);
	return row.file;
}
