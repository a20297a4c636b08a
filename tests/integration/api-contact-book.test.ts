/**
 * The contact book (sổ liên lạc điện tử) through the HTTP API, with the demo school THCS Bình Yên:
 * `homeroom` is 6A1's homeroom teacher, `teacher` teaches 6A1, `learner` is in 6A1 and `parent`
 * is their mother. Added here: `classmate`, another 6A1 learner, with an account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { contactBookEntries } from '#lib/server/messaging/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string, c6a2: string, learner6a2: string;

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'mentor', 'leader']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	[{ learnerId: id.classmate }] = await app.db.select().from(enrolments).where(and(eq(enrolments.classId, c6a1), ne(enrolments.learnerId, id.learner))).limit(1);
	[{ learnerId: learner6a2 }] = await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a2)).limit(1);
	await app.db.insert(roleGrants).values({ personId: id.classmate, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await app.db.insert(accounts).values({ personId: id.classmate, username: 'classmate', email: 'classmate@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'mentor', 'leader', 'classmate', 'admin']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const note = (learnerIds: string[], body = 'Hôm nay em phát biểu rất tốt.') => ({ classId: c6a1, learnerIds, kind: 'daily', on: '2026-10-05', body });

describe('writing the contact book', () => {
	it('lets the homeroom teacher write one note for several learners, notifying each learner’s parents, audited', async () => {
		const r = await ok(await as.homeroom.post('/api/v1/contact-book', note([id.learner, id.classmate])), 201);
		expect(r.items.map((e: { learnerId: string }) => e.learnerId).sort()).toEqual([id.learner, id.classmate].sort());
		const n = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.parent), eq(notifications.kind, 'contact_book.entry')));
		expect(n.map((x) => x.link)).toContain(`/learners/${id.learner}/contact-book`);
		const audit = await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'contact_book_entry'));
		expect(audit.length).toBeGreaterThanOrEqual(2);
	});

	it('writes nothing at all when one learner is not in the class', async () => {
		const before = (await app.db.select().from(contactBookEntries)).length;
		const res = await ok(await as.homeroom.post('/api/v1/contact-book', note([id.learner, learner6a2])), 400);
		expect(res.error.details.issues[0]).toEqual({ path: 'learnerIds.1', message: 'Học sinh này không thuộc lớp 6A1.' });
		expect((await app.db.select().from(contactBookEntries)).length).toBe(before);
	});

	it('is refused to a subject teacher, the leader, parents, learners, the mentor and the administrator', async () => {
		for (const u of ['teacher', 'leader', 'parent', 'learner', 'mentor', 'admin']) await ok(await as[u].post('/api/v1/contact-book', note([id.learner])), 403);
		const bad = await ok(await as.homeroom.post('/api/v1/contact-book', { ...note([id.learner]), on: '5/10/2026' }), 400);
		expect(bad.error.details.issues[0].path).toBe('on');
	});
});

describe('reading and acknowledging', () => {
	let entryId: string;
	beforeAll(async () => {
		entryId = (await ok(await as.homeroom.post('/api/v1/contact-book', note([id.learner], 'Em cần mang vở bài tập.')), 201)).items[0].id;
	});

	it('shows the parent their child’s notes with the gradebook’s scores and absences and the class announcements', async () => {
		await ok(await as.homeroom.post('/api/v1/announcements', { classId: c6a1, title: 'Lịch thi', body: 'Thi giữa kỳ tuần sau.' }), 201);
		const book = await ok(await as.parent.get(`/api/v1/learners/${id.learner}/contact-book`));
		expect(book.entries.map((e: { body: string }) => e.body)).toContain('Em cần mang vở bài tập.');
		expect(book.entries.find((e: { id: string }) => e.id === entryId).mayAcknowledge).toBe(true);
		expect(book.gradebook.class.name).toBe('6A1');
		expect(book.gradebook.terms[0].attendance).not.toBeNull();
		expect(book.announcements.map((a: { title: string }) => a.title)).toContain('Lịch thi');
		expect(book.mayWrite).toBe(false);
		expect((await ok(await as.homeroom.get(`/api/v1/learners/${id.learner}/contact-book`))).mayWrite).toBe(true);
	});

	it('lets the learner, the class’s teacher and the leader read it, and nobody else', async () => {
		for (const u of ['learner', 'teacher', 'leader', 'admin']) await ok(await as[u].get(`/api/v1/learners/${id.learner}/contact-book`));
		for (const u of ['classmate', 'mentor']) await ok(await as[u].get(`/api/v1/learners/${id.learner}/contact-book`), 404);
		await ok(await as.parent.get(`/api/v1/learners/${id.classmate}/contact-book`), 404);
	});

	it('lets the parent acknowledge once and reply, notifying the homeroom teacher', async () => {
		const acked = await ok(await as.parent.post(`/api/v1/contact-book/${entryId}/acknowledge`, {}));
		expect(acked.acknowledgedBy).toBe(id.parent);
		const again = await ok(await as.parent.post(`/api/v1/contact-book/${entryId}/acknowledge`, {}), 409);
		expect(again.error.message).toBe('Bạn đã xác nhận ghi chú này rồi.');
		const replied = await ok(await as.parent.post(`/api/v1/contact-book/${entryId}/acknowledge`, { reply: 'Gia đình đã nhắc cháu.' }));
		expect(replied.reply).toBe('Gia đình đã nhắc cháu.');
		const n = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.homeroom), eq(notifications.kind, 'contact_book.reply')));
		expect(n.length).toBe(1);
	});

	it('refuses acknowledging to the learner, the teacher and others', async () => {
		for (const u of ['learner', 'teacher', 'homeroom']) await ok(await as[u].post(`/api/v1/contact-book/${entryId}/acknowledge`, {}), 403);
		for (const u of ['classmate', 'mentor']) await ok(await as[u].post(`/api/v1/contact-book/${entryId}/acknowledge`, {}), 404);
	});
});
