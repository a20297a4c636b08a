/**
 * The messaging and contact-book pages without JavaScript: plain form posts, as a browser with
 * scripts off sends them, on the demo school (teacher of 6A1, parent of `learner`, the leader).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes } from '#lib/server/organisations/schema';
import { accounts } from '#lib/server/people/schema';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string;

beforeAll(async () => {
	app = await startApp();
	[{ id: c6a1 }] = await app.db.select().from(classes).where(eq(classes.name, '6A1')).limit(1);
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'leader']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'leader', 'admin']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const html = async (res: Response, status = 200) => {
	const text = await res.text();
	expect(res.status, text.slice(0, 300)).toBe(status);
	return text;
};

describe('/messages', () => {
	it('lets a teacher announce to the class by a form post and lands on the thread', async () => {
		const res = await as.teacher.form('/messages?/announce', { classId: c6a1, title: 'Dã ngoại', body: 'Lớp đi dã ngoại thứ Sáu.', repliesAllowed: 'on' });
		expect(res.status).toBe(303);
		const thread = res.headers.get('location')!;
		expect(thread).toMatch(/^\/messages\/[0-9a-f-]{36}$/);
		const page = await html(await as.teacher.get(thread));
		expect(page).toContain('Lớp đi dã ngoại thứ Sáu.');
		expect(page).toMatch(/Đã đọc: 0\/\d+ phụ huynh/);
		// The parent sees it unread in the list, opens it, replies.
		const itemOf = (page: string) => page.slice(page.indexOf(`href="${thread}"`), page.indexOf('</li>', page.indexOf(`href="${thread}"`)));
		expect(itemOf(await html(await as.parent.get('/messages')))).toContain('1 chưa đọc');
		expect(await html(await as.parent.get(thread))).toContain('Dã ngoại');
		expect(itemOf(await html(await as.parent.get('/messages')))).not.toContain('chưa đọc');
		const reply = await as.parent.form(`${thread}?/reply`, { body: 'Cháu sẽ tham gia.' });
		expect(reply.status).toBe(200);
		const after = await html(await as.teacher.get(thread));
		expect(after).toContain('Cháu sẽ tham gia.');
		expect(after).toMatch(/Đã đọc: 1\/\d+ phụ huynh/);
	});

	it('shows the message in Vietnamese when the announcement form is incomplete', async () => {
		const res = await as.teacher.form('/messages?/announce', { classId: c6a1, title: '', body: 'x' });
		expect(res.status).toBe(400);
	});

	it('starts a direct conversation from the picker, and refuses the administrator', async () => {
		const list = await html(await as.parent.get('/messages'));
		expect(list).toContain(`value="${id.teacher}"`);
		// The demo announcement and the link to the child's contact book.
		expect(list).toContain('Họp phụ huynh đầu năm');
		expect(list).toContain(`href="/learners/${id.learner}/contact-book"`);
		const res = await as.parent.form('/messages?/start', { personId: id.teacher, body: 'Xin chào cô.' });
		expect(res.status).toBe(303);
		await html(await as.admin.get('/messages'), 403);
	});

	it('lets a parent report a message and the leader hide it on /messages/reports', async () => {
		const start = await as.teacher.form('/messages?/announce', { classId: c6a1, title: 'Báo cáo', body: 'Tin nhắn sẽ bị báo cáo' });
		const thread = start.headers.get('location')!;
		const page = await html(await as.parent.get(thread));
		const messageId = /name="messageId" value="([0-9a-f-]{36})"/.exec(page)![1];
		expect((await as.parent.form(`${thread}?/report`, { messageId, reason: 'Không phù hợp' })).status).toBe(200);
		const reports = await html(await as.leader.get('/messages/reports'));
		expect(reports).toContain('Không phù hợp');
		const reportId = /name="reportId" value="([0-9a-f-]{36})"/.exec(reports)![1];
		expect((await as.leader.form('/messages/reports?/review', { reportId, decision: 'hide' })).status).toBe(200);
		expect(await html(await as.parent.get(thread))).toContain('Tin nhắn đã bị ẩn sau khi được báo cáo.');
		await html(await as.teacher.get('/messages/reports'), 403);
	});
});

describe('project channels from /messages', () => {
	it('lets a class teacher open a supervised channel with the mentor by a form post', async () => {
		const mentor = await app.loginAs('mentor');
		const [{ personId: mentorId }] = await app.db.select().from(accounts).where(eq(accounts.username, 'mentor'));
		const pr = await (await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'Gốm và phân số', description: '', drivingQuestion: '', mentorId })).json();
		expect(await html(await as.teacher.get('/messages'))).toContain('Gốm và phân số (6A1)');
		const res = await as.teacher.form('/messages?/channel', { projectId: pr.id, title: 'Kênh gốm', includeMentor: 'on' });
		expect(res.status).toBe(303);
		expect(await html(await mentor.get(res.headers.get('location')!))).toContain('Kênh gốm');
		// A parent has no projects to open a channel for.
		expect(await html(await as.parent.get('/messages'))).not.toContain('Kênh dự án có giám sát');
	});
});

describe('the contact book pages', () => {
	it('lets the homeroom teacher write for the selected learners of the class and the parent acknowledge', async () => {
		const form = await html(await as.homeroom.get(`/classes/${c6a1}/contact-book`));
		expect(form).toContain('Sổ liên lạc lớp 6A1');
		const fd = new FormData();
		fd.append('learnerIds', id.learner);
		fd.append('kind', 'weekly');
		fd.append('on', '2026-10-09');
		fd.append('body', 'Tuần này em tiến bộ môn Toán.');
		expect(await html(await as.homeroom.form(`/classes/${c6a1}/contact-book?/write`, fd))).toBeTruthy();
		const book = await html(await as.parent.get(`/learners/${id.learner}/contact-book`));
		expect(book).toContain('Tuần này em tiến bộ môn Toán.');
		const entryId = /name="entryId" value="([0-9a-f-]{36})"/.exec(book)![1];
		expect((await as.parent.form(`/learners/${id.learner}/contact-book?/acknowledge`, { entryId, reply: 'Cảm ơn cô.' })).status).toBe(200);
		expect(await html(await as.homeroom.get(`/learners/${id.learner}/contact-book`))).toContain('Cảm ơn cô.');
		// A subject teacher reads the contact book but does not write it.
		await html(await as.teacher.get(`/classes/${c6a1}/contact-book`), 403);
	});
});
