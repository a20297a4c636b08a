/**
 * notify() and notifyMany() on a real database: each person's channels per kind, quiet hours (urgent kinds
 * excepted), the daily digest, idempotency, many notices in a few queries; and the real senders — SMTP against an in-process
 * SMTP server, web push against a local HTTPS server standing in for the push service.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createECDH, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, Agent, type Server as HttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import webpush from 'web-push';
import { countingDatabase, createTestDatabase } from '../helpers/db';
import type { DatabaseHandle } from '#lib/server/db/client';
import { accounts, persons } from '#lib/server/people/schema';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { settings } from '#lib/server/settings/schema';
import { outbox } from '#lib/server/platform/schema';
import { notificationDigestItems, notificationPreferences, notifications, notificationSettings, pushSubscriptions } from '#lib/server/notifications/schema';
import { alreadyNotified, notify, notifyInBatches, notifyMany, type Notice } from '#lib/server/notifications/service';
import { sendDigests } from '#lib/server/notifications/digest';
import { deliverPending, listOutbox, logSender, registerSender } from '#lib/server/platform/outbox';
import { smtpSender } from '#lib/server/notifications/senders/email';
import { webPushSender } from '#lib/server/notifications/senders/push';
import { smsProvider, smsSender, registerSmsProvider } from '#lib/server/notifications/senders/sms';

let handle: DatabaseHandle;
const id: Record<string, string> = {};

async function person(name: string, extra: { email?: string; phone?: string; accountEmail?: string } = {}) {
	const [p] = await handle.db.insert(persons).values({ kind: 'staff', familyName: 'Nguyễn', givenName: name, path: '/hn/', email: extra.email ?? null, phone: extra.phone ?? null }).returning();
	if (extra.accountEmail) await handle.db.insert(accounts).values({ personId: p.id, username: name.toLowerCase(), email: extra.accountEmail, passwordHash: 'x' });
	return p.id;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	id.lan = await person('Lan', { email: 'lan@sen.test', phone: '+84901234567' });
	id.minh = await person('Minh', { accountEmail: 'minh@sen.test' });
	id.hoa = await person('Hoa', { email: 'hoa@sen.test' });
});
afterAll(() => handle?.close());
beforeEach(async () => {
	for (const t of [notificationDigestItems, outbox, notifications, notificationPreferences, notificationSettings, pushSubscriptions]) await handle.db.delete(t);
});
afterEach(() => {
	registerSender('email', logSender);
	registerSender('push', logSender);
	registerSender('sms', logSender);
});

const queued = () => handle.db.select().from(outbox).orderBy(outbox.channel, outbox.recipient);
// 2026-12-01 10:00 UTC = 17:00 in Hanoi.
const AFTERNOON = new Date('2026-12-01T10:00:00Z');

describe('notify()', () => {
	it('writes the in-app notification and, by the kind’s defaults, one email to persons.email or else the account’s', async () => {
		const fresh = await notify(handle.db, { to: [id.lan, id.minh, id.lan], kind: 'general', title: 'Họp phụ huynh', body: 'Thứ Bảy 8:00', link: '/events/1', key: 'event:1' }, AFTERNOON);
		expect(fresh.sort()).toEqual([id.lan, id.minh].sort());
		const rows = await queued();
		expect(rows.map((r) => [r.channel, r.recipient, r.subject])).toEqual([
			['email', 'lan@sen.test', 'Họp phụ huynh'],
			['email', 'minh@sen.test', 'Họp phụ huynh']
		]);
		expect(rows[0].body).toContain('Thứ Bảy 8:00');
		expect(rows[0].body).toContain('/events/1');
		expect(rows.every((r) => /^notification:[0-9a-f-]+:email$/.test(r.key!) && r.notBefore === null)).toBe(true);
	});

	it('is idempotent: the same key again notifies nobody and queues nothing more', async () => {
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'A', key: 'k:1' }, AFTERNOON);
		expect(await notify(handle.db, { to: [id.lan], kind: 'general', title: 'A again', key: 'k:1' }, AFTERNOON)).toEqual([]);
		expect(await handle.db.select().from(notifications)).toHaveLength(1);
		expect(await queued()).toHaveLength(1);
	});

	it('tells reminder jobs which keys were already sent to any of the people, in one lookup', async () => {
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'A', key: 'reminder:1' }, AFTERNOON);
		await notify(handle.db, { to: [id.minh], kind: 'general', title: 'B', key: 'reminder:2' }, AFTERNOON);
		expect(await alreadyNotified(handle.db, [id.lan, id.minh], ['reminder:1', 'reminder:2', 'reminder:3'])).toEqual(new Set(['reminder:1', 'reminder:2']));
		// Sent to someone else is not sent to these people; nobody asked about means nothing sent.
		expect(await alreadyNotified(handle.db, [id.lan], ['reminder:2'])).toEqual(new Set());
		expect(await alreadyNotified(handle.db, [], ['reminder:1'])).toEqual(new Set());
	});

	it('honours a person’s channels for the kind: SMS to persons.phone and push to each subscription, no email', async () => {
		await handle.db.insert(notificationPreferences).values({ personId: id.lan, kind: 'general', channels: ['sms', 'push'] });
		const [s1, s2] = await handle.db
			.insert(pushSubscriptions)
			.values([1, 2].map((n) => ({ personId: id.lan, endpoint: `https://push.example/${n}`, p256dh: 'k', auth: 'a' })))
			.returning();
		await notify(handle.db, { to: [id.lan, id.hoa], kind: 'general', title: 'Lịch thi', link: '/exams', key: 'exam:1' }, AFTERNOON);
		const rows = await queued();
		const byKey = (a: string[], b: string[]) => (a[0] + a[1]).localeCompare(b[0] + b[1]);
		expect(rows.map((r) => [r.channel, r.recipient]).sort(byKey)).toEqual(
			[
				['email', 'hoa@sen.test'], // Hoa kept the defaults
				['sms', '+84901234567'],
				['push', s1.id],
				['push', s2.id]
			].sort(byKey)
		);
		const push = rows.find((r) => r.recipient === s1.id)!;
		expect(JSON.parse(push.body)).toEqual({ title: 'Lịch thi', body: '', url: '/exams' });
		expect(rows.find((r) => r.channel === 'sms')!.body).toContain('Lịch thi');
	});

	it('a person who turned every outgoing channel off still gets the in-app notification', async () => {
		await handle.db.insert(notificationPreferences).values({ personId: id.lan, kind: 'general', channels: [] });
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'x', key: 'k:off' }, AFTERNOON);
		expect(await handle.db.select().from(notifications)).toHaveLength(1);
		expect(await queued()).toHaveLength(0);
	});

	it('holds non-urgent messages in quiet hours until they end; urgent kinds leave at once', async () => {
		await handle.db.insert(notificationSettings).values({ personId: id.lan, quietStart: '21:00', quietEnd: '06:30' });
		const night = new Date('2026-12-01T15:00:00Z'); // 22:00 in Hanoi
		await notify(handle.db, { to: [id.lan, id.hoa], kind: 'general', title: 'Bản tin', key: 'news:1' }, night);
		await notify(handle.db, { to: [id.lan], kind: 'account_security', title: 'Mật khẩu đã đổi', key: 'pw:1' }, night);
		const rows = await queued();
		const lan = rows.filter((r) => r.recipient === 'lan@sen.test');
		expect(lan.find((r) => r.subject === 'Bản tin')!.notBefore?.toISOString()).toBe('2026-12-01T23:30:00.000Z');
		expect(lan.find((r) => r.subject === 'Mật khẩu đã đổi')!.notBefore).toBeNull();
		expect(rows.find((r) => r.recipient === 'hoa@sen.test')!.notBefore).toBeNull(); // no quiet hours set

		const sent: string[] = [];
		registerSender('email', { send: async (m) => void sent.push(`${m.recipient} ${m.subject}`) });
		await deliverPending(handle.db, night);
		expect(sent.sort()).toEqual(['hoa@sen.test Bản tin', 'lan@sen.test Mật khẩu đã đổi']);
		await deliverPending(handle.db, new Date('2026-12-01T23:30:00Z'));
		expect(sent).toContain('lan@sen.test Bản tin');
	});
});

describe('the daily digest', () => {
	it('collects non-urgent emails and sends one digest at the chosen hour, once per day', async () => {
		await handle.db.insert(notificationSettings).values({ personId: id.lan, digest: 'daily', digestHour: 18 });
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'Tin 1', link: '/a', key: 'd:1' }, AFTERNOON);
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'Tin 2', link: '/b', key: 'd:2' }, AFTERNOON);
		await notify(handle.db, { to: [id.lan], kind: 'account_security', title: 'Khẩn', key: 'd:3' }, AFTERNOON);
		// Only the urgent one is queued by itself; the others wait for 18:00.
		expect((await queued()).map((r) => r.subject)).toEqual(['Khẩn']);
		expect(await sendDigests(handle.db, AFTERNOON)).toBe(0); // 17:00 local: they wait for 18:00

		const sixPm = new Date('2026-12-01T11:05:00Z'); // 18:05 in Hanoi
		const [a, b] = await Promise.all([sendDigests(handle.db, sixPm), sendDigests(handle.db, sixPm)]);
		expect(a + b).toBe(1);
		const digests = (await queued()).filter((r) => r.key?.startsWith('digest:'));
		expect(digests).toHaveLength(1);
		expect(digests[0].recipient).toBe('lan@sen.test');
		expect(digests[0].body).toContain('Tin 1');
		expect(digests[0].body).toContain('Tin 2');
		expect(digests[0].body).not.toContain('Khẩn');
		// Later the same evening: a new item waits for tomorrow's slot.
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'Tin 3', key: 'd:4' }, new Date('2026-12-01T12:00:00Z'));
		expect(await sendDigests(handle.db, new Date('2026-12-01T13:00:00Z'))).toBe(0);
		expect(await sendDigests(handle.db, new Date('2026-12-02T11:00:00Z'))).toBe(1);
		expect((await queued()).filter((r) => r.key?.startsWith('digest:'))).toHaveLength(2);
	});
});

describe('the SMTP sender', () => {
	let server: SMTPServer;
	let port: number;
	const received: { from: string; to: string[]; user?: string; raw: string }[] = [];
	beforeAll(async () => {
		server = new SMTPServer({
			disabledCommands: ['STARTTLS'],
			allowInsecureAuth: true,
			authOptional: true,
			onAuth(auth, _session, cb) {
				if (auth.username === 'sen' && auth.password === 's3cret') cb(null, { user: 'sen' });
				else cb(new Error('Invalid username or password'));
			},
			onData(stream, session, cb) {
				let raw = '';
				stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
				stream.on('end', () => {
					received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, raw });
					cb();
				});
			}
		});
		await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
		port = (server.server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

	it('delivers a notification’s email through a real SMTP conversation, signed in with the URL’s credentials', async () => {
		const sender = smtpSender({ url: `smtp://sen:s3cret@127.0.0.1:${port}`, from: 'Sen <no-reply@sen.test>' });
		registerSender('email', sender);
		await notify(handle.db, { to: [id.hoa], kind: 'general', title: 'Lịch họp tổ', body: 'Chiều thứ Năm', key: 'smtp:1' }, AFTERNOON);
		expect(await deliverPending(handle.db, AFTERNOON)).toBe(1);
		sender.close();
		const mail = received.at(-1)!;
		expect(mail.user).toBe('sen');
		expect(mail.from).toBe('no-reply@sen.test');
		expect(mail.to).toEqual(['hoa@sen.test']);
		expect(mail.raw).toMatch(/Subject: =\?UTF-8\?/); // the Vietnamese subject, encoded
		expect(mail.raw).toContain('Chi=E1=BB=81u th=E1=BB=A9 N=C4=83m'); // quoted-printable "Chiều thứ Năm"
	});

	it('a refused sign-in fails the attempt and keeps the message for a retry', async () => {
		const sender = smtpSender({ host: '127.0.0.1', port, user: 'sen', pass: 'wrong', from: 'no-reply@sen.test' });
		registerSender('email', sender);
		await notify(handle.db, { to: [id.hoa], kind: 'general', title: 'x', key: 'smtp:2' }, AFTERNOON);
		expect(await deliverPending(handle.db, AFTERNOON)).toBe(0);
		sender.close();
		const [row] = await listOutbox(handle.db, 'failing');
		expect(row.attempts).toBe(1);
		expect(row.lastError).toMatch(/Invalid username or password|535|auth/i);
	});
});

describe('the SMS provider adapter', () => {
	it('sends the text through the provider chosen by name; an unknown name is refused', async () => {
		const texts: [string, string][] = [];
		registerSmsProvider('test-gateway', () => ({ send: async (to, text) => void texts.push([to, text]) }));
		registerSender('sms', smsSender(smsProvider('test-gateway')));
		await handle.db.insert(notificationPreferences).values({ personId: id.lan, kind: 'general', channels: ['sms'] });
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'Nghỉ học', link: '/n/1', key: 'sms:1' }, AFTERNOON);
		expect(await deliverPending(handle.db, AFTERNOON)).toBe(1);
		expect(texts).toEqual([['+84901234567', 'Nghỉ học /n/1']]);
		expect(() => smsProvider('nope')).toThrow(/unknown SMS provider "nope"/);
	});
});

describe('the web-push sender', () => {
	let dir: string;
	let server: HttpsServer;
	let base: string;
	const hits: { path: string; headers: Record<string, string | string[] | undefined>; bytes: number }[] = [];
	const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:admin@sen.test' };
	const agent = new Agent({ rejectUnauthorized: false });

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'sen-push-'));
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
		server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
			let bytes = 0;
			req.on('data', (c: Buffer) => (bytes += c.length));
			req.on('end', () => {
				hits.push({ path: req.url ?? '', headers: req.headers, bytes });
				res.writeHead(req.url === '/gone' ? 410 : 201).end();
			});
		});
		await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
		base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		agent.destroy();
		await new Promise<void>((ok) => server.close(() => ok()));
		rmSync(dir, { recursive: true, force: true });
	});

	const browserKeys = () => {
		const ecdh = createECDH('prime256v1');
		ecdh.generateKeys();
		return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
	};

	it('posts an encrypted, VAPID-signed message to the subscription’s endpoint; a 410 removes the subscription', async () => {
		registerSender('push', webPushSender(() => handle.db, vapid, { agent }));
		await handle.db.insert(notificationPreferences).values({ personId: id.lan, kind: 'general', channels: ['push'] });
		const [live, gone] = await handle.db
			.insert(pushSubscriptions)
			.values([
				{ personId: id.lan, endpoint: `${base}/live`, ...browserKeys() },
				{ personId: id.lan, endpoint: `${base}/gone`, ...browserKeys() }
			])
			.returning();
		await notify(handle.db, { to: [id.lan], kind: 'general', title: 'Bài tập mới', key: 'push:1' }, AFTERNOON);
		expect(await deliverPending(handle.db, AFTERNOON)).toBe(1);

		const hit = hits.find((h) => h.path === '/live')!;
		expect(hit.headers['content-encoding']).toBe('aes128gcm');
		expect(String(hit.headers.authorization)).toContain(`k=${vapid.publicKey}`);
		expect(hit.headers.ttl).toBe('86400');
		expect(hit.bytes).toBeGreaterThan(0);
		// The gone subscription is removed and its message dead at once (no retries).
		expect(await handle.db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(inArray(pushSubscriptions.id, [live.id, gone.id]))).toEqual([{ id: live.id }]);
		const [dead] = await handle.db.select().from(outbox).where(and(eq(outbox.recipient, gone.id), eq(outbox.channel, 'push')));
		expect(dead.deadAt).not.toBeNull();
		expect(dead.attempts).toBe(1);
		expect(dead.lastError).toMatch(/410/);
	});
});

describe("a school's quiet hours for messages", () => {
	// 2026-12-01 15:00 UTC = 22:00 in Hanoi: inside the default 21:00–06:30.
	const EVENING = new Date('2026-12-01T15:00:00Z');
	it('hold a message notification for someone without quiet hours of their own until the school’s end; not other kinds, not without a school, not for someone who chose none', async () => {
		const [unit] = await handle.db.insert(orgUnits).values({ kind: 'department', code: 'Q-HN', name: 'Sở', path: '/qhn/' }).returning();
		const [school] = await handle.db.insert(schools).values({ orgUnitId: unit.id, code: 'Q-THCS', name: 'THCS Yên Lặng', level: 'lower_secondary', ownership: 'public', setting: 'urban', path: '/qhn/qthcs/' }).returning();
		await notify(handle.db, { to: [id.lan], kind: 'messaging.announcement', title: 'Họp lớp', schoolId: school.id, key: 'quiet:1' }, EVENING);
		await notify(handle.db, { to: [id.hoa], kind: 'messaging.announcement', title: 'Họp lớp', key: 'quiet:2' }, EVENING);
		await notify(handle.db, { to: [id.minh], kind: 'general', title: 'Chung', schoolId: school.id, key: 'quiet:3' }, EVENING);
		const byRecipient = Object.fromEntries((await queued()).map((r) => [r.recipient, r.notBefore?.toISOString() ?? null]));
		// 06:30 in Hanoi the next morning = 23:30 UTC.
		expect(byRecipient).toEqual({ 'lan@sen.test': '2026-12-01T23:30:00.000Z', 'hoa@sen.test': null, 'minh@sen.test': null });

		// The school moves its quiet hours; someone who chose no quiet hours gets the message at once.
		await handle.db.insert(settings).values({ scopePath: school.path, key: 'messaging.quietHours', value: { start: '20:00', end: '07:00' } });
		await handle.db.insert(notificationSettings).values({ personId: id.hoa });
		await notify(handle.db, { to: [id.lan, id.hoa], kind: 'contact_book.entry', title: 'Sổ liên lạc', schoolId: school.id, key: 'quiet:4' }, EVENING);
		const later = (await queued()).filter((r) => r.subject === 'Sổ liên lạc');
		expect(Object.fromEntries(later.map((r) => [r.recipient, r.notBefore?.toISOString() ?? null]))).toEqual({ 'lan@sen.test': '2026-12-02T00:00:00.000Z', 'hoa@sen.test': null });
	});
});

describe('notifyMany()', () => {
	// 2026-12-01 15:00 UTC = 22:00 in Hanoi.
	const EVENING = new Date('2026-12-01T15:00:00Z');
	let unitId: string;
	async function newSchools(prefix: string, n: number) {
		return handle.db
			.insert(schools)
			.values(Array.from({ length: n }, (_, i) => ({ orgUnitId: unitId, code: `${prefix}-${i}`, name: `Trường ${prefix} ${i}`, level: 'primary' as const, ownership: 'public' as const, setting: 'urban' as const, path: `/fan/${prefix.toLowerCase()}${i}/` })))
			.returning();
	}
	beforeAll(async () => {
		[{ id: unitId }] = await handle.db.insert(orgUnits).values({ kind: 'department', code: 'FAN', name: 'Sở (fan-out)', path: '/fan/' }).returning();
	});
	const sorted = (xs: string[][]) => xs.map((x) => [...x].sort());

	it('writes several notices with their own keys, kinds, schools and channel choices in one call, and returns each one’s fresh recipients', async () => {
		const [a, b] = await newSchools('ONE', 2);
		// Lan's choice for forum replies is SMS; for the other kinds she keeps the defaults.
		await handle.db.insert(notificationPreferences).values({ personId: id.lan, kind: 'forum_reply', channels: ['sms'] });
		const fresh = await notifyMany(
			handle.db,
			[
				{ to: [id.lan, id.minh, id.lan], kind: 'general', title: 'Khảo sát A', link: '/s/a', schoolId: a.id, key: 'many:a' },
				{ to: [id.hoa], kind: 'survey_sent', title: 'Khảo sát B', schoolId: b.id, key: 'many:b' },
				{ to: [id.lan], kind: 'forum_reply', title: 'Trả lời', schoolId: a.id, key: 'many:c' }
			],
			AFTERNOON
		);
		expect(sorted(fresh)).toEqual(sorted([[id.lan, id.minh], [id.hoa], [id.lan]]));
		const rows = await handle.db.select().from(notifications);
		expect(rows.map((r) => [r.key, r.personId, r.schoolId, r.kind, r.title].join(' ')).sort()).toEqual(
			[
				['many:a', id.lan, a.id, 'general', 'Khảo sát A'],
				['many:a', id.minh, a.id, 'general', 'Khảo sát A'],
				['many:b', id.hoa, b.id, 'survey_sent', 'Khảo sát B'],
				['many:c', id.lan, a.id, 'forum_reply', 'Trả lời']
			]
				.map((x) => x.join(' '))
				.sort()
		);
		expect((await queued()).map((r) => [r.channel, r.recipient, r.subject])).toEqual([
			['email', 'hoa@sen.test', 'Khảo sát B'],
			['email', 'lan@sen.test', 'Khảo sát A'],
			['email', 'minh@sen.test', 'Khảo sát A'],
			['sms', '+84901234567', 'Trả lời']
		]);
		expect((await queued()).find((r) => r.subject === 'Khảo sát A')!.body).toContain('/s/a');
	});

	it('is idempotent on (person, key): the same notices again notify nobody and queue nothing; only a new key is sent', async () => {
		const notices: Notice[] = [
			{ to: [id.lan, id.minh], kind: 'general', title: 'Nhắc 1', key: 'again:1' },
			{ to: [id.hoa], kind: 'general', title: 'Nhắc 2', key: 'again:2' }
		];
		await notifyMany(handle.db, notices, AFTERNOON);
		const counts = async () => [(await handle.db.select().from(notifications)).length, (await queued()).length];
		expect(await counts()).toEqual([3, 3]);
		expect(await notifyMany(handle.db, notices, AFTERNOON)).toEqual([[], []]);
		expect(await counts()).toEqual([3, 3]);
		expect(await notifyMany(handle.db, [...notices, { to: [id.hoa], kind: 'general', title: 'Nhắc 3', key: 'again:3' }], AFTERNOON)).toEqual([[], [], [id.hoa]]);
		expect(await counts()).toEqual([4, 4]);
		// The same person and key twice in one call is one notification, the first notice's.
		expect(await notifyMany(handle.db, [{ to: [id.minh], kind: 'general', title: 'Đầu', key: 'twice' }, { to: [id.minh, id.lan], kind: 'general', title: 'Sau', key: 'twice' }], AFTERNOON)).toEqual([[id.minh], [id.lan]]);
		expect((await handle.db.select().from(notifications).where(eq(notifications.key, 'twice'))).map((n) => [n.personId, n.title]).sort()).toEqual([[id.lan, 'Sau'], [id.minh, 'Đầu']].sort());
	});

	it('holds, digests and sends at once exactly as one notify() per notice would: own quiet hours, the school’s for messages, the digest, urgent kinds', async () => {
		const [plain, early] = await newSchools('QUIET', 2);
		await handle.db.insert(settings).values({ scopePath: early.path, key: 'messaging.quietHours', value: { start: '20:00', end: '07:00' } });
		await handle.db.insert(notificationSettings).values([
			{ personId: id.lan, quietStart: '22:00', quietEnd: '06:00' },
			{ personId: id.hoa, digest: 'daily' }
		]);
		const notices = (suffix: string): Notice[] => [
			{ to: [id.lan, id.hoa, id.minh], kind: 'messaging.announcement', title: 'Thông báo lớp', schoolId: plain.id, key: `q:1${suffix}` },
			{ to: [id.minh], kind: 'contact_book.entry', title: 'Sổ liên lạc', schoolId: early.id, key: `q:2${suffix}` },
			{ to: [id.minh], kind: 'general', title: 'Chung', schoolId: early.id, key: `q:3${suffix}` },
			{ to: [id.hoa, id.lan], kind: 'account_security', title: 'Khẩn', key: `q:4${suffix}` },
			{ to: [id.minh], kind: 'messaging.announcement', title: 'Không trường', key: `q:5${suffix}` }
		];
		const snapshot = async () => ({
			outbox: (await queued()).map((r) => `${r.channel} ${r.recipient} ${r.subject} ${r.notBefore?.toISOString() ?? '-'}`).sort(),
			digest: (await handle.db.select({ personId: notificationDigestItems.personId }).from(notificationDigestItems)).map((r) => r.personId)
		});
		await notifyMany(handle.db, notices(''), EVENING);
		const many = await snapshot();
		expect(many).toEqual({
			outbox: [
				'email hoa@sen.test Khẩn -', // urgent: no digest, no quiet hours
				'email lan@sen.test Khẩn -',
				'email lan@sen.test Thông báo lớp 2026-12-01T23:00:00.000Z', // her own 22:00–06:00
				'email minh@sen.test Chung -', // not a message kind: the school's quiet hours do not apply
				'email minh@sen.test Không trường -', // no school, no quiet hours of his own
				'email minh@sen.test Sổ liên lạc 2026-12-02T00:00:00.000Z', // that school's 20:00–07:00
				'email minh@sen.test Thông báo lớp 2026-12-01T23:30:00.000Z' // the default 21:00–06:30
			],
			digest: [id.hoa] // the announcement's email waits for Hoa's daily digest
		});
		for (const t of [notificationDigestItems, outbox]) await handle.db.delete(t);
		for (const n of notices(':single')) await notify(handle.db, n, EVENING);
		expect(await snapshot()).toEqual(many);
	});

	it('skips a notice with no recipients; nothing to send costs no query at all', async () => {
		expect(await notifyMany(handle.db, [{ to: [], kind: 'general', title: 'Không ai', key: 'none:1' }, { to: [id.lan], kind: 'general', title: 'Có', key: 'none:2' }], AFTERNOON)).toEqual([[], [id.lan]]);
		expect((await handle.db.select().from(notifications)).map((n) => n.key)).toEqual(['none:2']);
		const counting = await countingDatabase(handle);
		expect(await notifyMany(counting.db, [{ to: [], kind: 'general', title: 'Không ai', key: 'none:3' }], AFTERNOON)).toEqual([[]]);
		expect(await notifyMany(counting.db, [], AFTERNOON)).toEqual([]);
		expect(counting.queries()).toBe(0);
	});

	it('takes the same few queries for 3 notices as for 30, each of another school and person (the school’s quiet hours read once for all)', async () => {
		const many = await newSchools('BOUND', 30);
		const people = await handle.db
			.insert(persons)
			.values(many.map((_, i) => ({ kind: 'staff' as const, familyName: 'Trần', givenName: `Hiệu trưởng ${i}`, path: '/hn/', email: `leader${i}@fan.test` })))
			.returning({ id: persons.id });
		const notices = (n: number, run: string, kind: Notice['kind'] = 'messaging.announcement'): Notice[] => many.slice(0, n).map((s, i) => ({ to: [people[i].id], kind, title: `Thông báo ${i}`, schoolId: s.id, key: `bound:${run}:${i}` }));
		const counting = await countingDatabase(handle);
		const queriesOf = async (list: Notice[]) => {
			counting.reset();
			await counting.db.transaction((tx) => notifyMany(tx, list, AFTERNOON));
			return counting.queries();
		};
		const three = await queriesOf(notices(3, 'a'));
		const thirty = await queriesOf(notices(30, 'b'));
		expect(three).toBeGreaterThan(4); // the counter counts: an insert and the lookups at least
		expect(thirty).toBe(three);
		expect(thirty).toBeLessThan(15);
		expect((await handle.db.select().from(notifications)).length).toBe(33);
		expect((await queued()).length).toBe(33);
		// A kind that does not wait for the school's quiet hours does not read them.
		expect(await queriesOf(notices(30, 'c', 'general'))).toBeLessThan(thirty);
	});
});

describe('notifyInBatches() (the reminder jobs)', () => {
	const sorted = (xs: string[][]) => xs.map((x) => [...x].sort());
	// A notice the database refuses (as it would one for a person deleted since the job read them).
	const refuse = async (key: string | null) => {
		await handle.db.execute(sql`drop trigger if exists refuse_notice on notifications`);
		if (!key) return;
		await handle.db.execute(sql.raw(`create or replace function refuse_notice() returns trigger language plpgsql as $$ begin if new.key = '${key}' then raise exception 'refused'; end if; return new; end $$`));
		await handle.db.execute(sql`create trigger refuse_notice before insert on notifications for each row execute function refuse_notice()`);
	};
	afterEach(() => refuse(null));

	it('a notice that fails loses only itself: the other batches and the rest of its own batch are written, and it is sent on the next run', async () => {
		const notices: Notice[] = [
			{ to: [id.lan], kind: 'general', title: 'Một', key: 'batch:1' },
			{ to: [id.minh], kind: 'general', title: 'Hai', key: 'batch:2' },
			{ to: [id.hoa], kind: 'general', title: 'Ba', key: 'batch:3' },
			{ to: [id.lan], kind: 'general', title: 'Bốn', key: 'batch:4' },
			{ to: [id.minh, id.hoa], kind: 'general', title: 'Năm', key: 'batch:5' }
		];
		await refuse('batch:3');
		// Two recipients a batch: [1, 2], [3, 4], [5].
		expect(sorted(await notifyInBatches(handle.db, notices, AFTERNOON, 2))).toEqual(sorted([[id.lan], [id.minh], [], [id.lan], [id.minh, id.hoa]]));
		const keys = async () => (await handle.db.select({ key: notifications.key }).from(notifications)).map((r) => r.key).sort();
		expect(await keys()).toEqual(['batch:1', 'batch:2', 'batch:4', 'batch:5', 'batch:5']);
		expect(await queued()).toHaveLength(5);
		// The next run, the database accepting it again: only the refused notice is sent.
		await refuse(null);
		expect(await notifyInBatches(handle.db, notices, AFTERNOON, 2)).toEqual([[], [], [id.hoa], [], []]);
		expect(await keys()).toEqual(['batch:1', 'batch:2', 'batch:3', 'batch:4', 'batch:5', 'batch:5']);
		expect(await queued()).toHaveLength(6);
	});

	it('a notice with more recipients than a batch holds is its own batch', async () => {
		const fresh = await notifyInBatches(handle.db, [{ to: [id.lan, id.minh, id.hoa], kind: 'general', title: 'Lớn', key: 'big:1' }, { to: [id.lan], kind: 'general', title: 'Nhỏ', key: 'big:2' }], AFTERNOON, 2);
		expect(fresh.map((x) => x.length)).toEqual([3, 1]);
	});
});
