import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from './client';

let child: ChildProcess | undefined;
afterEach(() => child?.kill());

describe('data directory lock', () => {
	it('writes our pid and removes the lock on release', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'sen-lock-')), 'data');
		const release = lockDataDir(dir);
		expect(readFileSync(dir + '.lock', 'utf8')).toBe(String(process.pid));
		release();
		expect(existsSync(dir + '.lock')).toBe(false);
	});

	it('refuses when another live process holds it, naming the directory and the pid', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'sen-lock-')), 'data');
		child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
		writeFileSync(dir + '.lock', String(child.pid));
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		expect(() => lockDataDir(dir)).toThrow(new RegExp(`already in use by process ${child.pid}`));
	});

	it('takes over a stale lock left by a dead process', () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'sen-lock-')), 'data');
		writeFileSync(dir + '.lock', '999999999');
		const release = lockDataDir(dir);
		expect(readFileSync(dir + '.lock', 'utf8')).toBe(String(process.pid));
		release();
	});
});
