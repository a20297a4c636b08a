/**
 * The notification pages as a browser without JavaScript uses them: the list with mark read /
 * mark all read / open, the preferences form, the header's badge, and the dead-letter view.
 */
import { NOTIFICATION_KINDS } from '#lib/server/notifications/kinds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { accounts } from '#lib/server/people/schema';
import { outbox } from '#lib/server/platform/schema';
import { notificationPreferences, notifications, notificationSettings } from '#lib/server/notifications/schema';
import { notify } from '#lib/server/notifications/service';
import { enqueue } from '#lib/server/platform/outbox';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
	app = await startApp();
	for (const u of ['homeroom', 'learner', 'admin']) {
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
		as[u] = await app.loginAs(u);
	}
});
afterAll(() => app?.close());

const html = async (res: Response, status = 200) => {
	const text = await res.text();
	expect(res.status, text.slice(0, 500)).toBe(status);
	return text;
};

describe('/notifications', () => {
	it('lists one’s notifications with the unread ones marked, and the header badge counts them', async () => {
		await notify(app.db, { to: [id.homeroom], kind: 'general', title: 'Họp chủ nhiệm', link: '/classes', key: 'pg:1' });
		await notify(app.db, { to: [id.learner], kind: 'general', title: 'Bài của học sinh', key: 'pg:2' });
		const page = await html(await as.homeroom.get('/notifications'));
		expect(page).toContain('Họp chủ nhiệm');
		expect(page).not.toContain('Bài của học sinh');
		expect(page).toContain('Chưa đọc');
		expect(page).toMatch(/Thông báo, 1 chưa đọc/);
	});

	it('marks one read, opens one (read, then its link), and marks all read', async () => {
		await notify(app.db, { to: [id.homeroom], kind: 'general', title: 'Hai', key: 'pg:3' });
		const [first] = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.homeroom), eq(notifications.key, 'pg:1')));
		const [second] = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.homeroom), eq(notifications.key, 'pg:3')));
		const opened = await as.homeroom.form('/notifications?/open', { id: first.id });
		expect(opened.status).toBe(303);
		expect(opened.headers.get('location')).toBe('/classes');
		expect((await app.db.select().from(notifications).where(eq(notifications.id, first.id)))[0].readAt).not.toBeNull();
		expect(await html(await as.homeroom.form('/notifications?/read', { id: second.id }))).toContain('Đã đánh dấu thông báo là đã đọc.');
		// Someone else's: not found, and left unread.
		const [theirs] = await app.db.select().from(notifications).where(eq(notifications.personId, id.learner));
		expect((await as.homeroom.form('/notifications?/read', { id: theirs.id })).status).toBe(404);
		expect((await app.db.select().from(notifications).where(eq(notifications.id, theirs.id)))[0].readAt).toBeNull();
		await notify(app.db, { to: [id.homeroom], kind: 'general', title: 'Ba', key: 'pg:4' });
		expect(await html(await as.homeroom.form('/notifications?/readAll', {}))).toContain('Đã đánh dấu 1 thông báo là đã đọc.');
	});
});

describe('/account/notifications', () => {
	it('shows each kind by group with its channels, and saves checkboxes, quiet hours and the digest', async () => {
		const page = await html(await as.learner.get('/account/notifications'));
		expect(page).toContain('Tài khoản'); // the group
		expect(page).toContain('Thông báo chung'); // the kind
		expect(page).toContain('Bảo mật tài khoản');
		const fd = new FormData();
		fd.append('channel:general', 'email');
		fd.append('channel:general', 'push');
		fd.append('quiet', 'on');
		fd.append('quietStart', '22:00');
		fd.append('quietEnd', '06:00');
		fd.append('digest', 'daily');
		fd.append('digestHour', '7');
		expect(await html(await as.learner.form('/account/notifications', fd))).toContain('Đã lưu cài đặt thông báo.');
		const prefs = await app.db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, id.learner));
		// Every kind on the page is saved: general as ticked, the others with no outgoing channel (in-app stays on).
		expect(Object.fromEntries(prefs.map((p) => [p.kind, p.channels]))).toEqual({ ...Object.fromEntries(Object.keys(NOTIFICATION_KINDS).map((k) => [k, []])), general: ['email', 'push'] });
		expect(page).toContain('Thông báo của lớp');
		expect(page).not.toContain('>messaging.announcement'); // every kind has its name
		const [s] = await app.db.select().from(notificationSettings).where(eq(notificationSettings.personId, id.learner));
		expect(s).toMatchObject({ quietStart: '22:00', quietEnd: '06:00', digest: 'daily', digestHour: 7 });
	});

	it('says what is wrong with a malformed quiet hour, in Vietnamese', async () => {
		const page = await html(await as.learner.form('/account/notifications', { quiet: 'on', quietStart: '22', quietEnd: '06:00', digest: 'immediate' }), 400);
		expect(page).toContain('Nhập giờ bắt đầu và kết thúc theo dạng HH:MM');
	});
});

describe('/push-worker.js', () => {
	it('serves the service worker that shows a push message and opens its page in Sen only', async () => {
		const res = await app.request('GET', '/push-worker.js');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
		const js = await res.text();
		expect(js).toContain("addEventListener('push'");
		expect(js).toContain('showNotification');
		expect(js).toContain('url.origin !== self.location.origin');
	});
});

describe('/admin/outbox', () => {
	it('shows a system administrator the dead messages (no bodies) and retries one', async () => {
		await app.db.delete(outbox);
		await enqueue(app.db, { channel: 'email', recipient: 'dead@sen.test', subject: 'Đặt lại mật khẩu', body: 'https://sen.test/reset-password/SECRET', key: 'pg:dead' });
		await app.db.update(outbox).set({ deadAt: new Date(), attempts: 5, lastError: '550 no such user' });
		const page = await html(await as.admin.get('/admin/outbox'));
		expect(page).toContain('dead@sen.test');
		expect(page).toContain('550 no such user');
		expect(page).not.toContain('SECRET');
		const [row] = await app.db.select().from(outbox);
		expect(await html(await as.admin.form('/admin/outbox?/retry', { id: row.id }))).toContain('Đã đưa tin vào hàng đợi để gửi lại.');
		const [after] = await app.db.select().from(outbox);
		expect(after).toMatchObject({ deadAt: null, attempts: 0 });
	});

	it('is not for anyone else', async () => {
		expect((await as.homeroom.get('/admin/outbox')).status).toBe(403);
		expect((await as.learner.get('/account')).status).toBe(200);
		expect(await html(await as.learner.get('/account'))).not.toContain('/admin/outbox');
		expect(await html(await as.admin.get('/account'))).toContain('/admin/outbox');
	});
});
