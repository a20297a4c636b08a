import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../helpers/app';
import { outbox } from '#lib/server/platform/schema';
import { auditLog } from '#lib/server/audit/schema';
import { deliverPending, registerSender, logSender, type OutgoingMessage } from '#lib/server/platform/outbox';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('POST /api/v1/auth/login', () => {
	it('answers 200, sets an HttpOnly SameSite=Lax session cookie and returns the person', async () => {
		const res = await app.request('POST', '/api/v1/auth/login', { body: { username: 'teacher', password: 'sen-demo' } });
		expect(res.status).toBe(200);
		const cookie = res.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^sen_session=/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		const body = await res.json();
		expect(body.account.username).toBe('teacher');
		expect(body.roles.map((r: { role: string }) => r.role)).toContain('teacher');
	});

	it('accepts the email address instead of the username', async () => {
		const res = await app.request('POST', '/api/v1/auth/login', { body: { username: 'Leader@sen.test', password: 'sen-demo' } });
		expect(res.status).toBe(200);
	});

	it('should fail with 401 and the error shape on a wrong password', async () => {
		const res = await app.request('POST', '/api/v1/auth/login', { body: { username: 'teacher', password: 'wrong' } });
		expect(res.status).toBe(401);
		const body = await res.json();
		expect(body.error.code).toBe('invalid_credentials');
		expect(body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
	});

	it('should fail with 400 and field issues when the body is incomplete', async () => {
		const res = await app.request('POST', '/api/v1/auth/login', { body: { username: 'teacher' } });
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.error.code).toBe('validation_failed');
		expect(body.error.details.issues[0].path).toBe('password');
	});

	it('locks the account for 15 minutes after 5 failures in a row, even for the right password', async () => {
		for (let i = 0; i < 4; i++) {
			expect((await app.request('POST', '/api/v1/auth/login', { body: { username: 'counsellor', password: 'nope' } })).status).toBe(401);
		}
		const fifth = await app.request('POST', '/api/v1/auth/login', { body: { username: 'counsellor', password: 'nope' } });
		expect(fifth.status).toBe(423);
		const body = await fifth.json();
		expect(body.error.code).toBe('account_locked');
		expect(body.error.message).toMatch(/15 phút/);
		const right = await app.request('POST', '/api/v1/auth/login', { body: { username: 'counsellor', password: 'sen-demo' } });
		expect(right.status).toBe(423);
	});

	it('counts wrong passwords sent at the same time: five in parallel lock the account', async () => {
		const tries = await Promise.all(Array.from({ length: 5 }, () => app.request('POST', '/api/v1/auth/login', { body: { username: 'alumnus', password: 'nope' } })));
		expect(tries.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 423]);
		expect((await app.request('POST', '/api/v1/auth/login', { body: { username: 'alumnus', password: 'sen-demo' } })).status).toBe(423);
	});

	it('answers in English with the language cookie', async () => {
		const res = await app.request('POST', '/api/v1/auth/login', { body: { username: 'x', password: 'y' }, cookie: 'PARAGLIDE_LOCALE=en' });
		expect((await res.json()).error.message).toBe('Wrong username or password.');
	});
});

describe('GET /api/v1/me', () => {
	it('should fail with 401 without a session', async () => {
		const res = await app.request('GET', '/api/v1/me');
		expect(res.status).toBe(401);
		expect((await res.json()).error.code).toBe('unauthenticated');
	});

	it('returns the person with roles and scopes', async () => {
		const parent = await app.loginAs('parent');
		const body = await (await parent.get('/api/v1/me')).json();
		expect(body.roles).toEqual([expect.objectContaining({ role: 'parent', scope: expect.objectContaining({ type: 'learner' }) })]);
		expect(body.children).toHaveLength(1);
	});

	it('accepts a bearer API token', async () => {
		const leader = await app.loginAs('leader');
		const created = await leader.post('/api/v1/auth/tokens', { name: 'integration' });
		expect(created.status).toBe(201);
		const { token } = await created.json();
		const res = await app.request('GET', '/api/v1/me', { token });
		expect(res.status).toBe(200);
		expect((await res.json()).account.username).toBe('leader');
		expect((await app.request('GET', '/api/v1/me', { token: 'sen_forged' })).status).toBe(401);
	});
});

describe('POST /api/v1/auth/logout', () => {
	it('ends the session', async () => {
		const t = await app.loginAs('teacher');
		expect((await t.post('/api/v1/auth/logout')).status).toBe(204);
		expect((await t.get('/api/v1/me')).status).toBe(401);
	});
});

describe('health', () => {
	it('GET /healthz answers ok and /readyz reports migrations applied', async () => {
		expect((await app.request('GET', '/healthz')).status).toBe(200);
		const ready = await app.request('GET', '/readyz');
		expect(ready.status).toBe(200);
		const body = await ready.json();
		expect(body.status).toBe('ready');
		expect(body.migrations.applied).toBe(body.migrations.expected);
	});
});

describe('password reset by emailed link', () => {
	it('queues an email in the outbox, and the link sets a new password once', async () => {
		const asked = await app.request('POST', '/api/v1/auth/password-reset', { body: { username: 'homeroom' } });
		expect(asked.status).toBe(202);
		const [mail] = await app.db.select().from(outbox).where(eq(outbox.recipient, 'homeroom@sen.test'));
		expect(mail.subject).toBe('Đặt lại mật khẩu Sen');
		const token = mail.body.match(/reset-password\/([\w-]+)/)![1];

		const weak = await app.request('PUT', '/api/v1/auth/password-reset', { body: { token, newPassword: 'short' } });
		expect(weak.status).toBe(400);
		expect((await weak.json()).error.message).toBe('Mật khẩu phải có ít nhất 8 ký tự.');

		expect((await app.request('PUT', '/api/v1/auth/password-reset', { body: { token, newPassword: 'hoa-sen-2026' } })).status).toBe(204);
		expect((await app.request('POST', '/api/v1/auth/login', { body: { username: 'homeroom', password: 'hoa-sen-2026' } })).status).toBe(200);
		expect((await app.request('PUT', '/api/v1/auth/password-reset', { body: { token, newPassword: 'another-2026' } })).status).toBe(400);
		const audits = await app.db.select().from(auditLog).where(eq(auditLog.action, 'password_reset_link'));
		expect(audits).toHaveLength(1);
	});

	it('lets a link set a password only once, even when sent twice at the same time', async () => {
		await app.request('POST', '/api/v1/auth/password-reset', { body: { username: 'counsellor' } });
		const [mail] = await app.db.select().from(outbox).where(eq(outbox.recipient, 'counsellor@sen.test'));
		const token = mail.body.match(/reset-password\/([\w-]+)/)![1];
		const both = await Promise.all(['first-pass-2026', 'second-pass-2026'].map((newPassword) => app.request('PUT', '/api/v1/auth/password-reset', { body: { token, newPassword } })));
		expect(both.map((r) => r.status).sort()).toEqual([204, 400]);
	});

	it('answers the same for an unknown user and queues nothing', async () => {
		const before = await app.db.select().from(outbox);
		const res = await app.request('POST', '/api/v1/auth/password-reset', { body: { username: 'nobody-here' } });
		expect(res.status).toBe(202);
		expect(await app.db.select().from(outbox)).toHaveLength(before.length);
	});

	it('delivers pending outbox messages through the registered sender exactly once', async () => {
		const sent: OutgoingMessage[] = [];
		registerSender('email', { send: async (m) => void sent.push(m) });
		try {
			await app.request('POST', '/api/v1/auth/password-reset', { body: { username: 'leader' } });
			// Two runs at once (two processes, or a slow run overlapping the next) claim disjoint batches.
			await Promise.all([deliverPending(app.db), deliverPending(app.db)]);
			await deliverPending(app.db);
			expect(sent.filter((m) => m.recipient === 'leader@sen.test')).toHaveLength(1);
		} finally {
			registerSender('email', logSender);
		}
	});
});

describe('POST /api/v1/auth/password (change own password)', () => {
	it('needs the current password, then signs out the other sessions but keeps this one', async () => {
		const a = await app.loginAs('grouphead');
		const b = await app.loginAs('grouphead');
		const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'to-hoc-2026' });
		expect(wrong.status).toBe(400);
		expect((await a.post('/api/v1/auth/password', { currentPassword: 'sen-demo', newPassword: 'to-hoc-2026' })).status).toBe(204);
		expect((await b.get('/api/v1/me')).status).toBe(401);
		expect((await a.get('/api/v1/me')).status).toBe(200);
		expect((await app.request('POST', '/api/v1/auth/login', { body: { username: 'grouphead', password: 'to-hoc-2026' } })).status).toBe(200);
	});
});
