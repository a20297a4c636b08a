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

	describe('outgoing messages', () => {
		const vapid = { VAPID_PUBLIC_KEY: 'B' + 'a'.repeat(86), VAPID_PRIVATE_KEY: 'c'.repeat(43), VAPID_SUBJECT: 'mailto:admin@sen.example.vn' };
		const fails = (env: Record<string, string>, pattern: RegExp) => expect(() => loadConfig(env)).toThrow(pattern);

		it('has no SMTP, SMS provider or web push unless configured (the log sender stays)', () => {
			const c = loadConfig({});
			expect([c.smtp, c.SMS_PROVIDER, c.vapid]).toEqual([undefined, undefined, undefined]);
		});
		it('reads SMTP from a URL or from host, port and credentials, always with a From address', () => {
			expect(loadConfig({ SMTP_URL: 'smtps://sen:pw@mail.example.vn:465', SMTP_FROM: 'Sen <no-reply@sen.example.vn>' }).smtp).toMatchObject({ url: 'smtps://sen:pw@mail.example.vn:465', from: 'Sen <no-reply@sen.example.vn>' });
			expect(loadConfig({ SMTP_HOST: 'mail.example.vn', SMTP_PORT: '587', SMTP_USER: 'sen', SMTP_PASS: 'pw', SMTP_FROM: 'no-reply@sen.example.vn' }).smtp).toMatchObject({ host: 'mail.example.vn', port: 587, user: 'sen', pass: 'pw' });
			fails({ SMTP_HOST: 'mail.example.vn' }, /SMTP_FROM: is needed/);
			fails({ SMTP_URL: 'smtp://a', SMTP_HOST: 'b', SMTP_FROM: 'x@y.vn' }, /SMTP_HOST: set SMTP_URL or SMTP_HOST, not both/);
			fails({ SMTP_URL: 'http://mail', SMTP_FROM: 'x@y.vn' }, /SMTP_URL: must be an smtp/);
		});
		it('never echoes the SMTP password or the VAPID private key', () => {
			const messageOf = (env: Record<string, string>) => {
				try {
					loadConfig(env);
				} catch (e) {
					return (e as Error).message;
				}
				throw new Error('expected the configuration to be refused');
			};
			const smtp = messageOf({ SMTP_URL: 'ftp://sen:topsecret@mail', SMTP_FROM: 'x@y.vn' });
			expect(smtp).toMatch(/SMTP_URL/);
			expect(smtp).not.toContain('topsecret');
			const key = messageOf({ ...vapid, VAPID_PRIVATE_KEY: 'short-secret' });
			expect(key).toMatch(/VAPID_PRIVATE_KEY: .*\(got 12 characters\)/);
			expect(key).not.toContain('short-secret');
		});
		it('takes the VAPID keys and subject together', () => {
			expect(loadConfig(vapid).vapid).toEqual({ publicKey: vapid.VAPID_PUBLIC_KEY, privateKey: vapid.VAPID_PRIVATE_KEY, subject: vapid.VAPID_SUBJECT });
			fails({ VAPID_PUBLIC_KEY: vapid.VAPID_PUBLIC_KEY }, /set together/);
			fails({ ...vapid, VAPID_SUBJECT: 'admin@sen.example.vn' }, /VAPID_SUBJECT: must be a mailto/);
		});
	});
});
