/**
 * Messaging through the HTTP API on a real database, with the demo school THCS Bình Yên:
 * `teacher` teaches 6A1 and 6A2, `homeroom` is 6A1's homeroom teacher, `learner` is in 6A1 and
 * `parent` is their mother, `mentor` is of the city's community network, `leader` leads the school.
 * Added here: `parent2` (a parent of another 6A1 learner), `classmate` (that learner) and
 * `leader2` (the leader of THPT Sông Hồng).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, guardianships, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { messages } from '#lib/server/messaging/schema';
import { applyRetention } from '#lib/server/messaging/service';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string, cOther: string, parentsOf6a1: number;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function account(username: string, personId: string) {
	await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
}

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	cOther = cls.find((c) => c.name !== '6A1' && c.name !== '6A2')!.id;
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'mentor', 'leader']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const learners = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1))).map((e) => e.learnerId);
	const guardians = await app.db.select().from(guardianships).where(and(inArray(guardianships.learnerId, learners), ne(guardianships.guardianId, id.parent)));
	parentsOf6a1 = new Set([id.parent, ...guardians.map((g) => g.guardianId)]).size;
	id.parent2 = guardians[0].guardianId;
	id.classmate = guardians[0].learnerId;
	await app.db.insert(roleGrants).values({ personId: id.parent2, role: 'parent', scopeType: 'learner', scopeId: id.classmate, scopePath: thcs.path, schoolId: thcs.id });
	await app.db.insert(roleGrants).values({ personId: id.classmate, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await account('parent2', id.parent2);
	await account('classmate', id.classmate);
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await account('leader2', other.id);
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'mentor', 'leader', 'parent2', 'classmate', 'leader2', 'admin']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const announce = async (by = 'teacher', extra: Record<string, unknown> = {}) => (await ok(await as[by].post('/api/v1/announcements', { classId: c6a1, title: 'Họp phụ huynh', body: 'Họp phụ huynh lúc 8 giờ thứ Bảy.', ...extra }), 201)) as { id: string; recipients: number };

/** Reads server-sent events from a response until `until` matches one, or the time runs out. */
async function readEvents(res: Response, until: (events: { event: string; data: string }[]) => boolean, ms = 5000) {
	const reader = res.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	const events: { event: string; data: string }[] = [];
	const deadline = Date.now() + ms;
	while (!until(events) && Date.now() < deadline) {
		const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
		if (!chunk || chunk.done) break;
		buffer += decoder.decode(chunk.value, { stream: true });
		let i: number;
		while ((i = buffer.indexOf('\n\n')) >= 0) {
			const block = buffer.slice(0, i);
			buffer = buffer.slice(i + 2);
			const event = /^event: (.*)$/m.exec(block)?.[1];
			const data = /^data: (.*)$/m.exec(block)?.[1];
			if (event && data) events.push({ event, data });
		}
	}
	await reader.cancel();
	return events;
}

describe('who may start a conversation (the central policy, through the API)', () => {
	it('refuses a mentor writing to a learner directly, and a learner writing to a mentor', async () => {
		const res = await ok(await as.mentor.post('/api/v1/conversations', { personId: id.learner, body: 'Chào em' }), 403);
		expect(res.error.message).toBe('Bạn không thể bắt đầu trò chuyện với người này.');
		await ok(await as.learner.post('/api/v1/conversations', { personId: id.mentor, body: 'Chào chú' }), 403);
	});

	it('refuses parent ↔ unrelated parent and learner ↔ learner', async () => {
		await ok(await as.parent.post('/api/v1/conversations', { personId: id.parent2, body: 'Chào chị' }), 403);
		await ok(await as.learner.post('/api/v1/conversations', { personId: id.classmate, body: 'Ê' }), 403);
	});

	it('makes one conversation of two first messages sent at once, each message kept once', async () => {
		const [a, b] = await Promise.all([
			ok(await as.leader.post('/api/v1/conversations', { personId: id.homeroom, body: 'Thầy xem lịch họp nhé.' }), 201),
			ok(await as.homeroom.post('/api/v1/conversations', { personId: id.leader, body: 'Em gửi thầy lịch họp.' }), 201)
		]);
		expect(a.id).toBe(b.id);
		expect([a.created, b.created].sort()).toEqual([false, true]);
		const thread = await ok(await as.leader.get(`/api/v1/conversations/${a.id}`));
		expect(thread.messages.map((x: { body: string }) => x.body).sort()).toEqual(['Em gửi thầy lịch họp.', 'Thầy xem lịch họp nhé.']);
	});

	it('lets a parent write to their child’s teacher, reusing the conversation, with unread counts both ways', async () => {
		const first = await ok(await as.parent.post('/api/v1/conversations', { personId: id.teacher, body: 'Chào cô, cháu hôm nay bị ốm.' }), 201);
		expect(first.created).toBe(true);
		const again = await ok(await as.parent.post('/api/v1/conversations', { personId: id.teacher, body: 'Cháu xin nghỉ hai ngày.' }), 201);
		expect(again).toEqual({ id: first.id, created: false });
		const list = await ok(await as.teacher.get('/api/v1/conversations'));
		const item = list.items.find((x: { id: string }) => x.id === first.id);
		expect(item).toMatchObject({ kind: 'direct', unread: 2 });
		expect(list.unread).toBeGreaterThanOrEqual(2);
		await ok(await as.teacher.post(`/api/v1/conversations/${first.id}/read`), 204);
		expect((await ok(await as.teacher.get('/api/v1/conversations'))).items.find((x: { id: string }) => x.id === first.id).unread).toBe(0);
		await ok(await as.teacher.post(`/api/v1/conversations/${first.id}/messages`, { body: 'Cô đã nhận, cháu nghỉ ngơi nhé.' }), 201);
		expect((await ok(await as.parent.get('/api/v1/conversations'))).items.find((x: { id: string }) => x.id === first.id).unread).toBe(1);
		// The teacher was notified in the app.
		const n = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.kind, 'messaging.message')));
		expect(n.length).toBeGreaterThanOrEqual(2);
		// Nobody else reads it: another parent, the leader, the administrator.
		for (const u of ['parent2', 'leader', 'admin']) await ok(await as[u].get(`/api/v1/conversations/${first.id}`), 404);
		await ok(await as.parent2.post(`/api/v1/conversations/${first.id}/messages`, { body: 'xen vào' }), 404);
	});

	it('offers in the picker only the people the policy allows', async () => {
		const parentChoices = (await ok(await as.parent.get('/api/v1/conversations/contacts'))).items.map((x: { id: string }) => x.id);
		expect(parentChoices).toEqual(expect.arrayContaining([id.teacher, id.homeroom, id.leader]));
		for (const x of [id.parent2, id.classmate, id.mentor, id.learner]) expect(parentChoices).not.toContain(x);
		const learnerChoices = (await ok(await as.learner.get('/api/v1/conversations/contacts'))).items.map((x: { id: string }) => x.id);
		expect(learnerChoices).toContain(id.teacher);
		expect(learnerChoices).not.toContain(id.classmate);
		// The administrator is not in school messaging.
		await ok(await as.admin.get('/api/v1/conversations'), 403);
	});
});

describe('class announcements', () => {
	it('reaches every parent of the class with a notification and shows the teacher who has read it', async () => {
		const a = await announce();
		expect(a.recipients).toBe(parentsOf6a1);
		const mine = (await ok(await as.parent.get('/api/v1/conversations'))).items.find((x: { id: string }) => x.id === a.id);
		expect(mine).toMatchObject({ kind: 'class_announcement', title: 'Họp phụ huynh', unread: 1, role: 'recipient' });
		const notified = await app.db.select().from(notifications).where(and(eq(notifications.kind, 'messaging.announcement'), eq(notifications.link, `/messages/${a.id}`)));
		expect(notified.length).toBe(parentsOf6a1);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'conversation'), eq(auditLog.entityId, a.id)));
		expect(audit.length).toBe(1);

		let view = await ok(await as.teacher.get(`/api/v1/conversations/${a.id}`));
		expect(view.readers.filter((r: { read: boolean }) => r.read).length).toBe(0);
		await ok(await as.parent.get(`/api/v1/conversations/${a.id}`));
		await ok(await as.parent.post(`/api/v1/conversations/${a.id}/read`), 204);
		view = await ok(await as.teacher.get(`/api/v1/conversations/${a.id}`));
		expect(view.readers.filter((r: { read: boolean }) => r.read).length).toBe(1);
		expect(view.messages[0].receipt).toEqual({ read: 1, total: parentsOf6a1 });
		// Parents do not see the list of recipients.
		expect((await ok(await as.parent.get(`/api/v1/conversations/${a.id}`))).members).toEqual([]);
	});

	it('lets a parent reply that only the teacher sees, never another parent', async () => {
		const a = await announce();
		await ok(await as.parent.post(`/api/v1/conversations/${a.id}/messages`, { body: 'Tôi sẽ đến đúng giờ.' }), 201);
		const teacherView = await ok(await as.teacher.get(`/api/v1/conversations/${a.id}`));
		expect(teacherView.messages.map((x: { body: string }) => x.body)).toEqual(['Họp phụ huynh lúc 8 giờ thứ Bảy.', 'Tôi sẽ đến đúng giờ.']);
		expect((await ok(await as.teacher.get('/api/v1/conversations'))).items.find((x: { id: string }) => x.id === a.id).unread).toBe(1);
		const otherParent = await ok(await as.parent2.get(`/api/v1/conversations/${a.id}`));
		expect(otherParent.messages.map((x: { body: string }) => x.body)).toEqual(['Họp phụ huynh lúc 8 giờ thứ Bảy.']);
		expect((await ok(await as.parent2.get('/api/v1/conversations'))).items.find((x: { id: string }) => x.id === a.id).unread).toBe(1);
	});

	it('refuses replies when the teacher turned them off', async () => {
		const a = await announce('homeroom', { repliesAllowed: false });
		const res = await ok(await as.parent.post(`/api/v1/conversations/${a.id}/messages`, { body: 'Vâng' }), 403);
		expect(res.error.message).toBe('Thông báo này không nhận trả lời.');
		await ok(await as.homeroom.post(`/api/v1/conversations/${a.id}/messages`, { body: 'Nhắc lại: mang sổ liên lạc.' }), 201);
	});

	it('is only for a class’s teachers: not another class, not parents, learners, the leader or the administrator', async () => {
		await ok(await as.teacher.post('/api/v1/announcements', { classId: cOther, title: 'X', body: 'Y' }), 403);
		for (const u of ['parent', 'learner', 'leader', 'admin', 'mentor']) await ok(await as[u].post('/api/v1/announcements', { classId: c6a1, title: 'X', body: 'Y' }), 403);
		const bad = await ok(await as.teacher.post('/api/v1/announcements', { classId: c6a1, title: ' ', body: 'Y' }), 400);
		expect(bad.error.details.issues[0]).toEqual({ path: 'title', message: 'Hãy nhập nội dung.' });
	});
});

describe('live delivery (server-sent events)', () => {
	it('streams a new message to an open page, and never another parent’s reply', async () => {
		const a = await announce();
		const stream = await as.parent.get(`/api/v1/conversations/${a.id}/events`);
		expect(stream.status).toBe(200);
		expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reading = readEvents(stream, (evs) => evs.length >= 1);
		await ok(await as.parent2.post(`/api/v1/conversations/${a.id}/messages`, { body: 'Câu hỏi riêng của tôi' }), 201);
		await ok(await as.teacher.post(`/api/v1/conversations/${a.id}/messages`, { body: 'Đổi giờ: 9 giờ.' }), 201);
		const events = await reading;
		expect(events.map((e) => e.event)).toEqual(['message']);
		expect(JSON.parse(events[0].data)).toMatchObject({ conversationId: a.id, body: 'Đổi giờ: 9 giờ.', byOwner: true });
	});

	it('is refused to whoever is not a member', async () => {
		const a = await announce();
		await ok(await as.learner.get(`/api/v1/conversations/${a.id}/events`), 404);
	});
});

describe('supervised project channels', () => {
	let projectId: string;
	beforeAll(async () => {
		const pr = await ok(await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'Làng nghề', description: '', drivingQuestion: '', mentorId: id.mentor }), 201);
		projectId = pr.id;
		await ok(await as.teacher.post(`/api/v1/projects/${projectId}/teams`, { name: 'Nhóm 1', learnerIds: [id.learner] }), 201);
	});

	it('lets the mentor talk with the team only in the channel a teacher opened and stays in', async () => {
		await ok(await as.mentor.post('/api/v1/conversations', { personId: id.learner, body: 'Chào em' }), 403);
		const ch = await ok(await as.teacher.post('/api/v1/project-channels', { projectId, title: 'Kênh dự án Làng nghề', includeMentor: true }), 201);
		const view = await ok(await as.mentor.get(`/api/v1/conversations/${ch.id}`));
		expect(view.members.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([id.teacher, id.homeroom, id.learner, id.mentor]));
		expect(view.members.find((x: { id: string }) => x.id === id.teacher).role).toBe('owner');
		await ok(await as.mentor.post(`/api/v1/conversations/${ch.id}/messages`, { body: 'Các em hỏi nghệ nhân về men gốm nhé.' }), 201);
		const learnerView = await ok(await as.learner.get(`/api/v1/conversations/${ch.id}`));
		expect(learnerView.messages.map((x: { body: string }) => x.body)).toEqual(['Các em hỏi nghệ nhân về men gốm nhé.']);
		// The mentor sees the teachers in the picker but no learner.
		const mentorChoices = (await ok(await as.mentor.get('/api/v1/conversations/contacts'))).items.map((x: { id: string }) => x.id);
		expect(mentorChoices).toContain(id.teacher);
		expect(mentorChoices).not.toContain(id.learner);
	});

	it('leaves the mentor out unless the teacher includes them', async () => {
		const ch = await ok(await as.teacher.post('/api/v1/project-channels', { projectId, title: 'Chỉ lớp', includeMentor: false }), 201);
		await ok(await as.mentor.get(`/api/v1/conversations/${ch.id}`), 404);
		await ok(await as.learner.get(`/api/v1/conversations/${ch.id}`));
	});

	it('is opened only by a teacher of the project’s class', async () => {
		await ok(await as.mentor.post('/api/v1/project-channels', { projectId, title: 'X', includeMentor: true }), 403);
		await ok(await as.learner.post('/api/v1/project-channels', { projectId, title: 'X', includeMentor: true }), 403);
		await ok(await as.parent2.post('/api/v1/project-channels', { projectId, title: 'X', includeMentor: true }), 404);
	});
});

describe('attachments', () => {
	it('posts a file with a message that members download and others cannot', async () => {
		const a = await announce();
		const fd = new FormData();
		fd.append('body', 'Lịch họp đính kèm');
		fd.append('file', new Blob([PNG]), 'lich-hop.png');
		const posted = await ok(await app.request('POST', `/api/v1/conversations/${a.id}/messages`, { cookie: as.teacher.cookie, body: fd }), 201);
		expect(posted.attachments.map((f: { name: string }) => f.name)).toEqual(['lich-hop.png']);
		const url = `/api/v1/conversations/${a.id}/messages/${posted.id}/files/${posted.attachments[0].id}`;
		const res = await as.parent.get(url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
		await ok(await as.learner.get(url), 404);
	});
});

describe('reports', () => {
	it('lets a member report a message, the school’s leader hide it (audited), and nobody else review', async () => {
		const a = await announce();
		const view = await ok(await as.parent.get(`/api/v1/conversations/${a.id}`));
		const messageId = view.messages[0].id;
		await ok(await as.learner.post(`/api/v1/messages/${messageId}/reports`, { reason: 'x' }), 404);
		const r = await ok(await as.parent.post(`/api/v1/messages/${messageId}/reports`, { reason: 'Nội dung không phù hợp' }), 201);
		expect(r.status).toBe('open');
		const leaderNotified = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.leader), eq(notifications.kind, 'messaging.report')));
		expect(leaderNotified.length).toBeGreaterThanOrEqual(1);
		const listed = await ok(await as.leader.get('/api/v1/message-reports?status=open'));
		expect(listed.items.map((x: { id: string }) => x.id)).toContain(r.id);
		expect((await ok(await as.leader2.get('/api/v1/message-reports'))).items).toEqual([]);
		await ok(await as.teacher.get('/api/v1/message-reports'), 403);
		await ok(await as.leader2.post(`/api/v1/message-reports/${r.id}/review`, { decision: 'hide' }), 404);
		await ok(await as.teacher.post(`/api/v1/message-reports/${r.id}/review`, { decision: 'hide' }), 404);
		expect(await ok(await as.leader.post(`/api/v1/message-reports/${r.id}/review`, { decision: 'hide' }))).toEqual({ id: r.id, status: 'actioned' });
		const after = await ok(await as.parent.get(`/api/v1/conversations/${a.id}`));
		expect(after.messages[0]).toMatchObject({ hidden: true, body: null });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'message'), eq(auditLog.entityId, messageId), eq(auditLog.action, 'hide')));
		expect(audit.length).toBe(1);
	});

	it('lets a leader dismiss a report, leaving the message shown', async () => {
		const a = await announce();
		const messageId = (await ok(await as.parent.get(`/api/v1/conversations/${a.id}`))).messages[0].id;
		const r = await ok(await as.parent.post(`/api/v1/messages/${messageId}/reports`, { reason: 'Nhầm' }), 201);
		expect((await ok(await as.leader.post(`/api/v1/message-reports/${r.id}/review`, { decision: 'dismiss' }))).status).toBe('dismissed');
		expect((await ok(await as.parent.get(`/api/v1/conversations/${a.id}`))).messages[0].hidden).toBe(false);
	});
});

describe('retention', () => {
	it('deletes messages older than the school’s retention, keeping one under an open report', async () => {
		const a = await announce();
		const m1 = await ok(await as.teacher.post(`/api/v1/conversations/${a.id}/messages`, { body: 'cũ' }), 201);
		const m2 = await ok(await as.teacher.post(`/api/v1/conversations/${a.id}/messages`, { body: 'cũ nhưng bị báo cáo' }), 201);
		const m3 = await ok(await as.teacher.post(`/api/v1/conversations/${a.id}/messages`, { body: 'gần đây' }), 201);
		await ok(await as.parent.post(`/api/v1/messages/${m2.id}/reports`, { reason: 'Xem lại' }), 201);
		const now = new Date('2030-01-01T00:00:00Z');
		const old = new Date(now.getTime() - 800 * 86_400_000);
		const recent = new Date(now.getTime() - 100 * 86_400_000);
		await app.db.update(messages).set({ createdAt: old }).where(inArray(messages.id, [m1.id, m2.id]));
		await app.db.update(messages).set({ createdAt: recent }).where(eq(messages.id, m3.id));
		expect(await applyRetention(app.db, now)).toBeGreaterThanOrEqual(1);
		const left = (await app.db.select({ id: messages.id }).from(messages).where(inArray(messages.id, [m1.id, m2.id, m3.id]))).map((r) => r.id).sort();
		expect(left).toEqual([m2.id, m3.id].sort());
		// Running again removes nothing more of these.
		await applyRetention(app.db, now);
		expect((await app.db.select({ id: messages.id }).from(messages).where(inArray(messages.id, [m2.id, m3.id]))).length).toBe(2);
	});
});
