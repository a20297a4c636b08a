/**
 * Reading a multipart upload as a stream: each file goes straight to the store while its size,
 * sha256 and type (sniffed from the first bytes) are checked, so a large or wrong file is refused
 * without ever being held in memory, and a refused request leaves no bytes behind.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import Busboy from '@fastify/busboy';
import { AppError, ValidationError } from '../errors';
import { getContext } from '../context';
import { fileStore, type FileStore } from './store';
import { ALLOWED_LABEL, SNIFF_BYTES, sniff } from './sniff';
import { m } from '#lib/paraglide/messages.js';

export interface StoredUpload {
	/** The key in the store; becomes the `files` row's id. */
	id: string;
	field: string;
	name: string;
	contentType: string;
	size: number;
	sha256: string;
}

export interface UploadRequest {
	/** Text fields of the form (empty strings become undefined, as `formObject` does). */
	fields: Record<string, string | undefined>;
	/** Every value of each field, in order (checkboxes sharing a name, as `FormData.getAll`). */
	all: Record<string, string[]>;
	files: StoredUpload[];
}

/** The per-file limit in bytes (FILES_MAX_MB). */
export const maxUploadBytes = () => getContext().config.FILES_MAX_MB * 1024 * 1024;
export const MAX_FILES_PER_REQUEST = 5;

export const tooLarge = (name: string) => new AppError(413, 'file_too_large', m.file_too_large({ name, max: getContext().config.FILES_MAX_MB }));
const notAllowed = (name: string) => new AppError(415, 'file_type_not_allowed', m.file_type_not_allowed({ name, allowed: ALLOWED_LABEL }));

/** Removes stored uploads (after a refused request or a failed transaction). */
export async function discardUploads(uploads: StoredUpload[], store: FileStore = fileStore()) {
	await Promise.all(uploads.map((u) => store.delete(u.id).catch(() => {})));
}

/**
 * Streams every file of a multipart request into the store, checking each against the size limit
 * and the allow-list; any failure removes what was stored and throws (413, 415, 400).
 */
export async function readUploads(request: Request, opts: { maxFiles?: number; store?: FileStore } = {}): Promise<UploadRequest> {
	const store = opts.store ?? fileStore();
	const maxBytes = maxUploadBytes();
	const maxFiles = opts.maxFiles ?? MAX_FILES_PER_REQUEST;
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType) || !request.body) throw new ValidationError(m.file_not_multipart(), [{ path: 'file', message: m.file_not_multipart() }]);

	// A body that cannot fit the limits is refused before a byte is read (fields get 1 MB of room).
	const declared = Number(request.headers.get('content-length'));
	if (declared > maxFiles * maxBytes + 1024 * 1024) throw new AppError(413, 'file_too_large', m.file_request_too_large({ count: maxFiles, max: getContext().config.FILES_MAX_MB }));

	const fields: Record<string, string | undefined> = {};
	const all: Record<string, string[]> = {};
	const stored: StoredUpload[] = [];
	const pending: Promise<void>[] = [];
	let failure: unknown;
	const fail = (e: unknown) => {
		failure ??= e;
	};

	const bb = Busboy({ headers: { 'content-type': contentType }, limits: { fileSize: maxBytes, files: maxFiles, fields: 100, fieldSize: 100_000 } });
	const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);

	bb.on('field', (name: string, value: string) => {
		fields[name] = value.trim() === '' ? undefined : value;
		(all[name] ??= []).push(value);
	});
	bb.on('filesLimit', () => fail(new ValidationError(m.file_too_many({ max: maxFiles }), [{ path: 'file', message: m.file_too_many({ max: maxFiles }) }])));
	bb.on('file', (field: string, file: Readable, filename: string | undefined) => {
		const name = (filename ?? '').trim();
		if (!name || failure) {
			file.resume(); // no file chosen in the form, or the request is already refused
			return;
		}
		const id = randomUUID();
		const hash = createHash('sha256');
		let size = 0;
		let truncated = false;
		let kind: string | undefined;
		file.on('limit', () => {
			truncated = true;
		});
		async function* checked(): AsyncGenerator<Uint8Array> {
			let head: Buffer[] = [];
			let headLength = 0;
			const decide = () => {
				const bytes = Buffer.concat(head);
				if (bytes.length === 0) throw new ValidationError(m.file_empty({ name }), [{ path: field, message: m.file_empty({ name }) }]);
				const s = sniff(bytes.subarray(0, SNIFF_BYTES), name);
				if (!s) throw notAllowed(name);
				kind = s.contentType;
				return bytes;
			};
			for await (const chunk of file as AsyncIterable<Buffer>) {
				if (truncated) throw tooLarge(name);
				size += chunk.length;
				hash.update(chunk);
				if (kind) {
					yield chunk;
					continue;
				}
				head.push(chunk);
				headLength += chunk.length;
				if (headLength >= SNIFF_BYTES) {
					yield decide();
					head = [];
				}
			}
			if (truncated) throw tooLarge(name);
			if (!kind) yield decide();
		}
		pending.push(
			store.put(id, checked()).then(
				() => {
					stored.push({ id, field, name: name.slice(0, 255), contentType: kind!, size, sha256: hash.digest('hex') });
				},
				(e) => {
					fail(e);
					file.resume();
				}
			)
		);
	});

	try {
		await new Promise<void>((resolve, reject) => {
			bb.on('finish', resolve);
			bb.on('error', reject);
			source.on('error', reject);
			source.pipe(bb);
		});
	} catch {
		// A malformed or aborted body: whatever a file already failed with explains it better.
		fail(new ValidationError(m.file_not_multipart(), [{ path: 'file', message: m.file_not_multipart() }]));
	}
	await Promise.all(pending);
	if (failure) {
		await discardUploads(stored, store);
		throw failure;
	}
	return { fields, all, files: stored };
}

/** A form posted without files (JavaScript off and no file chosen, or an urlencoded post), in the shape `readUploads` gives. */
export async function readPlainForm(request: Request): Promise<UploadRequest> {
	const form = await request.formData();
	const fields: Record<string, string | undefined> = {};
	const all: Record<string, string[]> = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string') continue;
		fields[name] = value.trim() === '' ? undefined : value;
		(all[name] ??= []).push(value);
	}
	return { fields, all, files: [] };
}
