import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../helpers/app';
import { outbox } from '#lib/server/platform/schema';
import { auditLog } from '#lib/server/audit/schema';
import { apiTokens } from '#lib/server/people/schema';
import { deliverPending, registerSender, logSender, type OutgoingMessage } from '#lib/server/platform/outbox';
import { login, LOCK_MINUTES } from '#lib/server/auth/service';
import { LockedError } from '#lib/server/errors';

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

	it('lifts the lock after 15 minutes: still locked a second before, signs in on the minute (the clock driven)', async () => {
		const t0 = new Date();
		const at = (ms: number) => new Date(t0.getTime() + ms);
		for (let i = 0; i < 4; i++) await expect(login(app.db, 'mentor', 'nope', at(i * 1000))).rejects.toMatchObject({ status: 401 });
		await expect(login(app.db, 'mentor', 'nope', at(4000))).rejects.toBeInstanceOf(LockedError);
		const lockEnds = 4000 + LOCK_MINUTES * 60_000;
		const justBefore = login(app.db, 'mentor', 'sen-demo', at(lockEnds - 1000));
		await expect(justBefore).rejects.toBeInstanceOf(LockedError);
		await expect(login(app.db, 'mentor', 'sen-demo', at(lockEnds - 1000)).catch((e) => e.message)).resolves.toMatch(/sau 1 phút/);
		await expect(login(app.db, 'mentor', 'sen-demo', at(lockEnds))).resolves.toMatchObject({ username: 'mentor' });
		// Unlocked means a fresh count: one more wrong password does not lock again.
		await expect(login(app.db, 'mentor', 'nope', at(lockEnds + 1000))).rejects.toMatchObject({ status: 401 });
	});

	it('counts only failures in a row: a successful sign-in resets the count', async () => {
		const attempt = (password: string) => app.request('POST', '/api/v1/auth/login', { body: { username: 'partner', password } });
		for (let i = 0; i < 4; i++) expect((await attempt('nope')).status).toBe(401);
		expect((await attempt('sen-demo')).status).toBe(200);
		// Four more would make eight in all, but only four in a row: still not locked.
		for (let i = 0; i < 4; i++) expect((await attempt('nope')).status).toBe(401);
		expect((await attempt('sen-demo')).status).toBe(200);
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
		const homeroom = await app.loginAs('homeroom');
		const { token: apiToken } = await (await homeroom.post('/api/v1/auth/tokens', { name: 'before the reset' })).json();
		const asked = await app.request('POST', '/api/v1/auth/password-reset', { body: { username: 'homeroom' } });
		expect(asked.status).toBe(202);
		const [mail] = await app.db.select().from(outbox).where(eq(outbox.recipient, 'homeroom@sen.test'));
		expect(mail.subject).toBe('Đặt lại mật khẩu Sen');
		const token = mail.body.match(/reset-password\/([\w-]+)/)![1];

		const weak = await app.request('PUT', '/api/v1/auth/password-reset', { body: { token, newPassword: 'short' } });
		expect(weak.status).toBe(400);
		expect((await weak.json()).error.message).toBe('Mật khẩu phải có ít nhất 8 ký tự.');

		expect((await app.request('PUT', '/api/v1/auth/password-reset', { body: { token, newPassword: 'hoa-sen-2026' } })).status).toBe(204);
		// Whoever asked for the link may not be whoever holds the old sessions and tokens: all end.
		expect((await homeroom.get('/api/v1/me')).status).toBe(401);
		expect((await app.request('GET', '/api/v1/me', { token: apiToken })).status).toBe(401);
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
	it('needs the current password, then signs out the other sessions and revokes every token but keeps this session', async () => {
		const a = await app.loginAs('grouphead');
		const b = await app.loginAs('grouphead');
		const { token } = await (await a.post('/api/v1/auth/tokens', { name: 'spreadsheet' })).json();
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(200);
		const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'to-hoc-2026' });
		expect(wrong.status).toBe(400);
		expect((await a.post('/api/v1/auth/password', { currentPassword: 'sen-demo', newPassword: 'to-hoc-2026' })).status).toBe(204);
		expect((await b.get('/api/v1/me')).status).toBe(401);
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(401);
		expect((await a.get('/api/v1/me')).status).toBe(200);
		expect((await (await a.get('/api/v1/auth/tokens')).json()).items).toEqual([]);
		expect((await app.request('POST', '/api/v1/auth/login', { body: { username: 'grouphead', password: 'to-hoc-2026' } })).status).toBe(200);
	});
});

describe('API tokens: GET /api/v1/auth/tokens and DELETE /api/v1/auth/tokens/{id}', () => {
	it('lists one’s own working tokens, newest first, without the secrets', async () => {
		const unit = await app.loginAs('unit');
		const first = await (await unit.post('/api/v1/auth/tokens', { name: 'Báo cáo xã' })).json();
		const second = await (await unit.post('/api/v1/auth/tokens', { name: 'Bảng tính' })).json();
		await app.request('GET', '/api/v1/me', { token: first.token });
		const res = await unit.get('/api/v1/auth/tokens');
		expect(res.status).toBe(200);
		const { items } = await res.json();
		expect(items.map((t: { id: string }) => t.id)).toEqual([second.id, first.id]);
		expect(items[1]).toEqual({ id: first.id, name: 'Báo cáo xã', createdAt: expect.any(String), lastUsedAt: expect.any(String) });
		expect(items[0].lastUsedAt).toBeNull();
		expect(JSON.stringify(items)).not.toContain(first.token);
		// Someone else's tokens are not in the list.
		const city = await app.loginAs('city');
		expect((await (await city.get('/api/v1/auth/tokens')).json()).items.map((t: { id: string }) => t.id)).not.toContain(first.id);
		expect((await app.request('GET', '/api/v1/auth/tokens')).status).toBe(401);
	});

	it('revokes one’s own token at once and audits it; someone else’s is not found', async () => {
		const unit = await app.loginAs('unit');
		const { id, token } = await (await unit.post('/api/v1/auth/tokens', { name: 'to revoke' })).json();
		const city = await app.loginAs('city');
		const notMine = await city.delete(`/api/v1/auth/tokens/${id}`);
		expect(notMine.status).toBe(404);
		expect((await notMine.json()).error.message).toBe('Không tìm thấy mã truy cập này trong tài khoản của bạn.');
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(200);

		expect((await unit.delete(`/api/v1/auth/tokens/${id}`)).status).toBe(204);
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(401);
		expect((await (await unit.get('/api/v1/auth/tokens')).json()).items.map((t: { id: string }) => t.id)).not.toContain(id);
		expect((await unit.delete(`/api/v1/auth/tokens/${id}`)).status).toBe(404);
		const [row] = await app.db.select().from(apiTokens).where(eq(apiTokens.id, id));
		expect(row.revokedAt).not.toBeNull();
		const audits = await app.db.select().from(auditLog).where(eq(auditLog.entityId, id));
		expect(audits).toEqual([expect.objectContaining({ action: 'revoke_token', entityType: 'api_token', actorId: (await (await unit.get('/api/v1/me')).json()).person.id })]);
	});

	it('a token can revoke itself', async () => {
		const unit = await app.loginAs('unit');
		const { id, token } = await (await unit.post('/api/v1/auth/tokens', { name: 'self' })).json();
		expect((await app.request('DELETE', `/api/v1/auth/tokens/${id}`, { token })).status).toBe(204);
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(401);
	});

	it('should fail with 400 for an id that is not a UUID', async () => {
		const unit = await app.loginAs('unit');
		expect((await unit.delete('/api/v1/auth/tokens/not-an-id')).status).toBe(400);
	});

	it('a password set by a school leader ends every session and token of the account', async () => {
		const learner = await app.loginAs('learner');
		const { token } = await (await learner.post('/api/v1/auth/tokens', { name: 'app' })).json();
		const me = await (await learner.get('/api/v1/me')).json();
		const leader = await app.loginAs('leader');
		expect((await leader.post(`/api/v1/people/${me.person.id}/account/password`, { newPassword: 'hoc-sinh-2026' })).status).toBe(204);
		expect((await learner.get('/api/v1/me')).status).toBe(401);
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(401);
		expect((await leader.get('/api/v1/me')).status).toBe(200);
	});
});
