import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { LocalDiskStore } from './store';

const dirs: string[] = [];
const store = () => {
	const dir = mkdtempSync(join(tmpdir(), 'sen-store-'));
	dirs.push(dir);
	return new LocalDiskStore(dir);
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const read = async (s: LocalDiskStore, key: string) => Buffer.concat(await (await s.get(key)).toArray()).toString();
const allFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? allFiles(join(dir, d.name)) : [d.name]));

describe('the local-disk file store', () => {
	it('puts a stream, gets it back and deletes it', async () => {
		const s = store();
		const key = randomUUID();
		await s.put(key, (async function* () {
			yield Buffer.from('Bài làm ');
			yield Buffer.from('của em');
		})());
		expect(await read(s, key)).toBe('Bài làm của em');
		await s.delete(key);
		await expect(s.get(key)).rejects.toThrow();
		await s.delete(key); // deleting twice is fine
	});

	it('leaves nothing behind when the stream fails half-way', async () => {
		const s = store();
		const key = randomUUID();
		const failing = (async function* () {
			yield Buffer.from('part');
			throw new Error('too large');
		})();
		await expect(s.put(key, failing)).rejects.toThrow('too large');
		expect(allFiles(s.dir)).toEqual([]);
	});

	it('refuses keys that are not file ids (no path tricks)', async () => {
		const s = store();
		await expect(s.get('../../etc/passwd')).rejects.toThrow(/invalid file key/);
	});
});
