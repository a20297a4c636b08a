/**
 * Where the bytes of uploaded files live. One interface, streamed both ways; the local-disk store
 * is the default, and an S3-compatible store is a later implementation of the same three calls.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getContext } from '../context';

export interface FileStore {
	/** Stores the stream under the key; a failed or aborted stream leaves nothing behind. */
	put(key: string, body: Readable | AsyncIterable<Uint8Array>): Promise<void>;
	/** The stored bytes; throws when missing. */
	get(key: string): Promise<Readable>;
	/** Removes the bytes; a missing key is not an error. */
	delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}$/;
const checked = (key: string) => {
	if (!KEY.test(key)) throw new Error(`invalid file key ${JSON.stringify(key)}`);
	return key;
};

/** Files under one directory, fanned out by the key's first two characters. */
export class LocalDiskStore implements FileStore {
	readonly dir: string;
	constructor(dir: string) {
		this.dir = resolve(dir);
	}

	private pathOf(key: string) {
		return join(this.dir, checked(key).slice(0, 2), key);
	}

	async put(key: string, body: Readable | AsyncIterable<Uint8Array>) {
		const target = this.pathOf(key);
		await mkdir(join(target, '..'), { recursive: true });
		const part = `${target}.part`;
		try {
			await pipeline(body instanceof Readable ? body : Readable.from(body), createWriteStream(part, { flags: 'wx' }));
			await rename(part, target);
		} catch (e) {
			await rm(part, { force: true });
			throw e;
		}
	}

	async get(key: string) {
		const path = this.pathOf(key);
		await stat(path);
		return createReadStream(path);
	}

	async delete(key: string) {
		await rm(this.pathOf(key), { force: true });
	}
}

let cached: LocalDiskStore | undefined;
/** The installation's store (FILES_DIR). */
export function fileStore(): FileStore {
	const dir = resolve(getContext().config.filesDir);
	if (!cached || cached.dir !== dir) cached = new LocalDiskStore(dir);
	return cached;
}
