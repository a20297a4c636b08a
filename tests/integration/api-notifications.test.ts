/**
 * The notification API on the built server with the demo data: one's own notifications and
 * preferences only (a person cannot read or change another's, not even an administrator), push
 * subscriptions, and the outbox's dead-letter view for system administrators only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { accounts } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { notifications, pushSubscriptions } from '#lib/server/notifications/schema';
import { notify } from '#lib/server/notifications/service';
import { deliverPending, logSender, registerSender } from '#lib/server/platform/outbox';
import { MAX_ATTEMPTS } from '#lib/server/platform/backoff';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
	app = await startApp();
	for (const u of ['teacher', 'parent', 'admin', 'leader']) {
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
		as[u] = await app.loginAs(u);
	}
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};

describe('GET /api/v1/notifications', () => {
	it('lists one’s own notifications newest first with the unread count, never someone else’s', async () => {
		await notify(app.db, { to: [id.teacher], kind: 'general', title: 'Cũ', key: 'api:1' }, new Date('2026-11-01T00:00:00Z'));
		await notify(app.db, { to: [id.teacher, id.parent], kind: 'general', title: 'Mới', link: '/projects', key: 'api:2' });
		const mine = await ok(await as.teacher.get('/api/v1/notifications'));
		expect(mine.items.map((n: { title: string }) => n.title).slice(0, 2)).toEqual(['Mới', 'Cũ']);
		expect(mine.unread).toBeGreaterThanOrEqual(2);
		const theirs = await ok(await as.parent.get('/api/v1/notifications'));
		expect(theirs.items.map((n: { title: string }) => n.title)).not.toContain('Cũ');
	});

	it('should fail with 401 when not signed in, and 400 for a bad limit', async () => {
		expect((await app.request('GET', '/api/v1/notifications')).status).toBe(401);
		expect((await as.teacher.get('/api/v1/notifications?limit=0')).status).toBe(400);
	});
});

describe('POST /api/v1/notifications/{id}/read and /read-all', () => {
	it('marks one’s own notification read; someone else’s is 404 and stays unread', async () => {
		await notify(app.db, { to: [id.teacher, id.parent], kind: 'general', title: 'Đọc', key: 'api:read' });
		const [mine] = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.key, 'api:read')));
		const [theirs] = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.parent), eq(notifications.key, 'api:read')));
		await ok(await as.teacher.post(`/api/v1/notifications/${mine.id}/read`), 204);
		expect((await as.teacher.post(`/api/v1/notifications/${theirs.id}/read`)).status).toBe(404);
		expect((await as.admin.post(`/api/v1/notifications/${theirs.id}/read`)).status).toBe(404);
		const [after] = await app.db.select().from(notifications).where(eq(notifications.id, theirs.id));
		expect(after.readAt).toBeNull();
		const unread = await ok(await as.teacher.get('/api/v1/notifications?unread=true'));
		expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
	});

	it('marks all of one’s own read and no one else’s', async () => {
		await notify(app.db, { to: [id.teacher, id.parent], kind: 'general', title: 'Tất cả', key: 'api:all' });
		const { marked } = await ok(await as.teacher.post('/api/v1/notifications/read-all'));
		expect(marked).toBeGreaterThan(0);
		expect((await ok(await as.teacher.get('/api/v1/notifications'))).unread).toBe(0);
		expect((await ok(await as.parent.get('/api/v1/notifications'))).unread).toBeGreaterThan(0);
	});
});

describe('/api/v1/notification-preferences', () => {
	it('gives the kinds’ defaults first, then saves one’s choices, quiet hours and digest, audited', async () => {
		const before = await ok(await as.parent.get('/api/v1/notification-preferences'));
		expect(before.kinds.find((k: { kind: string }) => k.kind === 'general')).toMatchObject({ group: 'account', channels: ['email'], defaultChannels: ['email'], urgent: false });
		expect(before).toMatchObject({ quietHours: null, digest: 'immediate', timeZone: 'Asia/Ho_Chi_Minh' });
		const saved = await ok(
			await as.parent.put('/api/v1/notification-preferences', { kinds: { general: ['sms', 'push', 'sms'] }, quietHours: { start: '21:00', end: '06:30' }, digest: 'daily', digestHour: 19 })
		);
		expect(saved.kinds.find((k: { kind: string }) => k.kind === 'general').channels).toEqual(['sms', 'push']);
		expect(saved).toMatchObject({ quietHours: { start: '21:00', end: '06:30' }, digest: 'daily', digestHour: 19 });
		expect(await ok(await as.parent.get('/api/v1/notification-preferences'))).toEqual(saved);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'notification_preference'), eq(auditLog.entityId, id.parent)));
		expect(audit).toHaveLength(1);
		// The choice is honoured: no email for a general notice any more.
		await app.db.delete(outbox);
		await notify(app.db, { to: [id.parent], kind: 'general', title: 'SMS thôi', key: 'api:prefs' });
		expect((await app.db.select().from(outbox)).map((r) => r.channel)).toEqual(['sms']);
	});

	it('should fail with 400 for an unknown kind, a malformed time or an unknown time zone', async () => {
		const bad = await as.parent.put('/api/v1/notification-preferences', { kinds: { nope: ['email'] } });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.message).toContain('nope');
		const time = await as.parent.put('/api/v1/notification-preferences', { quietHours: { start: '25:00', end: '06:00' } });
		expect(time.status).toBe(400);
		expect((await time.json()).error.details.issues).toEqual([{ path: 'quietHours.start', message: 'Nhập giờ theo dạng HH:MM, từ 00:00 đến 23:59.' }]);
		const zone = await as.parent.put('/api/v1/notification-preferences', { timeZone: 'Mars/Olympus' });
		expect(zone.status).toBe(400);
		expect((await zone.json()).error.details.issues[0].message).toBe('Múi giờ không hợp lệ; dùng tên như Asia/Ho_Chi_Minh.');
		expect((await as.parent.put('/api/v1/notification-preferences', { kinds: { general: ['fax'] } })).status).toBe(400);
	});

	it('should fail with 404 for someone else’s preferences, even for an administrator or the school leader', async () => {
		for (const who of ['teacher', 'admin', 'leader']) {
			expect((await as[who].get(`/api/v1/notification-preferences?personId=${id.parent}`)).status, who).toBe(404);
			expect((await as[who].put(`/api/v1/notification-preferences?personId=${id.parent}`, { digest: 'immediate' })).status, who).toBe(404);
		}
		expect((await ok(await as.parent.get(`/api/v1/notification-preferences?personId=${id.parent}`))).digest).toBe('daily');
	});
});

describe('/api/v1/push-subscriptions', () => {
	const sub = { endpoint: 'https://fcm.googleapis.com/fcm/send/abc123', keys: { p256dh: 'BPubKey', auth: 'authsecret' } };

	it('registers, lists and removes one’s own browser; someone else cannot remove it', async () => {
		const created = await ok(await as.teacher.post('/api/v1/push-subscriptions', sub), 201);
		const list = await ok(await as.teacher.get('/api/v1/push-subscriptions'));
		expect(list.publicKey).toBeNull(); // VAPID not configured in tests
		expect(list.items.map((s: { id: string }) => s.id)).toEqual([created.id]);
		expect((await ok(await as.parent.get('/api/v1/push-subscriptions'))).items).toEqual([]);
		expect((await as.parent.delete(`/api/v1/push-subscriptions/${created.id}`)).status).toBe(404);
		await ok(await as.teacher.delete(`/api/v1/push-subscriptions/${created.id}`), 204);
		expect(await app.db.select().from(pushSubscriptions)).toEqual([]);
	});

	it('should fail with 400 for an endpoint that is not https', async () => {
		expect((await as.teacher.post('/api/v1/push-subscriptions', { ...sub, endpoint: 'http://push.example/x' })).status).toBe(400);
	});
});

describe('/api/v1/outbox (the dead-letter view)', () => {
	it('shows system administrators dead messages without their bodies, and retries one', async () => {
		await app.db.delete(outbox);
		registerSender('email', { send: async () => Promise.reject(new Error('550 mailbox unavailable')) });
		try {
			await app.request('POST', '/api/v1/auth/password-reset', { body: { username: 'leader' } });
			for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverPending(app.db, new Date(Date.now() + i * 24 * 3600_000));
		} finally {
			registerSender('email', logSender);
		}
		const view = await ok(await as.admin.get('/api/v1/outbox?status=dead'));
		expect(view.counts.dead).toBe(1);
		const [dead] = view.items;
		expect(dead).toMatchObject({ channel: 'email', recipient: 'leader@sen.test', status: 'dead', attempts: MAX_ATTEMPTS, lastError: '550 mailbox unavailable' });
		expect(dead).not.toHaveProperty('body');
		expect(JSON.stringify(view)).not.toContain('reset-password/');

		const retried = await ok(await as.admin.post(`/api/v1/outbox/${dead.id}/retry`));
		expect(retried).toMatchObject({ status: 'failing', attempts: 0 });
		const sent: string[] = [];
		registerSender('email', { send: async (m) => void sent.push(m.recipient) });
		try {
			await deliverPending(app.db);
		} finally {
			registerSender('email', logSender);
		}
		expect(sent).toEqual(['leader@sen.test']);
		expect((await as.admin.post(`/api/v1/outbox/${dead.id}/retry`)).status).toBe(409);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'outbox'), eq(auditLog.entityId, dead.id)));
		expect(audit.map((a) => a.action)).toEqual(['update']);
	});

	it('should fail with 403 (the list) and 404 (a message) for anyone but a system administrator', async () => {
		const [row] = await app.db.select().from(outbox).limit(1);
		for (const who of ['teacher', 'leader', 'parent']) {
			expect((await as[who].get('/api/v1/outbox')).status, who).toBe(403);
			expect((await as[who].post(`/api/v1/outbox/${row.id}/retry`)).status, who).toBe(404);
		}
		expect((await app.request('GET', '/api/v1/outbox')).status).toBe(401);
	});

	it('should fail with 404 for a message that does not exist and 400 for a bad status', async () => {
		expect((await as.admin.post('/api/v1/outbox/00000000-0000-4000-8000-000000000000/retry')).status).toBe(404);
		expect((await as.admin.get('/api/v1/outbox?status=lost')).status).toBe(400);
	});
});
