import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_MIN, ConfigError, loadConfig } from './config';

describe('configuration', () => {
	it('defaults to port 3000, PGlite in ./data and demo mode', () => {
		const c = loadConfig({});
		expect(c.PORT).toBe(3000);
		expect(c.DATA_DIR).toBe('./data');
		expect(c.DATABASE_URL).toBeUndefined();
		expect(c.demo).toBe(true);
	});

	it('never seeds demo accounts in production, even when asked', () => {
		expect(loadConfig({ NODE_ENV: 'production', SEN_DEMO: 'true' }).demo).toBe(false);
	});

	it('does not seed demo data on PostgreSQL unless asked', () => {
		expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).demo).toBe(false);
		expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', SEN_DEMO: 'true' }).demo).toBe(true);
	});

	it('stops with a message naming each wrong variable', () => {
		expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
		try {
			loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
		} catch (e) {
			expect((e as Error).message).toMatch(/PORT/);
			expect((e as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
		}
	});

	it('rejects a port out of range', () => {
		expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
	});
	it('takes the demo school year, and names SEN_DEMO_YEAR when it is not a year', () => {
		expect(loadConfig({ SEN_DEMO_YEAR: '2026' }).SEN_DEMO_YEAR).toBe(2026);
		expect(() => loadConfig({ SEN_DEMO_YEAR: 'next' })).toThrow(/SEN_DEMO_YEAR/);
	});

	describe('first administrator (SEN_ADMIN_USERNAME + SEN_ADMIN_PASSWORD)', () => {
		it('is taken when both are set, the username lower-cased', () => {
			const c = loadConfig({ NODE_ENV: 'production', SEN_ADMIN_USERNAME: 'Quan.Tri', SEN_ADMIN_PASSWORD: 'hoa-sen-2026-ha-noi', SEN_ADMIN_EMAIL: 'it@so.hanoi.vn' });
			expect(c.firstAdmin).toEqual({ username: 'quan.tri', password: 'hoa-sen-2026-ha-noi', email: 'it@so.hanoi.vn' });
			expect(loadConfig({}).firstAdmin).toBeUndefined();
		});

		it(`refuses a password shorter than ${ADMIN_PASSWORD_MIN} characters or of one kind, without printing it`, () => {
			expect(() => loadConfig({ SEN_ADMIN_USERNAME: 'root', SEN_ADMIN_PASSWORD: 'short-1' })).toThrow(/SEN_ADMIN_PASSWORD: must be at least 12 characters \(got 7 characters\)/);
			expect(() => loadConfig({ SEN_ADMIN_USERNAME: 'root', SEN_ADMIN_PASSWORD: 'onlylettersherE' })).toThrow(/SEN_ADMIN_PASSWORD: must mix letters/);
			try {
				loadConfig({ SEN_ADMIN_USERNAME: 'root', SEN_ADMIN_PASSWORD: 'short-1' });
			} catch (e) {
				expect((e as Error).message).not.toContain('short-1');
			}
		});

		it('needs the username and the password together, and a sensible username', () => {
			expect(() => loadConfig({ SEN_ADMIN_USERNAME: 'root' })).toThrow(/set together/);
			expect(() => loadConfig({ SEN_ADMIN_PASSWORD: 'hoa-sen-2026-ha-noi' })).toThrow(/set together/);
			expect(() => loadConfig({ SEN_ADMIN_USERNAME: 'a b', SEN_ADMIN_PASSWORD: 'hoa-sen-2026-ha-noi' })).toThrow(/SEN_ADMIN_USERNAME/);
		});
	});

	it('keeps uploaded files next to the PGlite data, in ./files on PostgreSQL, or where FILES_DIR says', () => {
		expect(loadConfig({}).filesDir).toBe('./data/files');
		expect(loadConfig({ DATA_DIR: '/srv/sen/' }).filesDir).toBe('/srv/sen/files');
		expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).filesDir).toBe('./files');
		expect(loadConfig({ FILES_DIR: '/mnt/files' }).filesDir).toBe('/mnt/files');
		expect(loadConfig({}).FILES_MAX_MB).toBe(10);
		expect(() => loadConfig({ FILES_MAX_MB: 'lots' })).toThrow(/FILES_MAX_MB/);
	});
});
