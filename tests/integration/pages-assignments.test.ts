/**
 * The assignment pages (/assignments, /assignments/[id]) and the lesson plan's attachments as a
 * browser without JavaScript uses them, on the demo school THCS Bình Yên: `teacher` teaches Toán
 * in 6A1, `learner` is in 6A1 and `parent` is their mother; `other` (made here) is in 6A2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { accounts, roleGrants } from '#lib/server/people/schema';
import { assignments, submissions } from '#lib/server/learning/assignment-schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
let c6a1: string, toan: string, yearId: string, learnerId: string;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
	app = await startApp({ filesMaxMb: 1 });
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: yearId }] = await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, thcs.id));
	[{ id: toan }] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN')));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	const [other] = await app.db.select().from(enrolments).where(eq(enrolments.classId, cls.find((c) => c.name === '6A2')!.id)).orderBy(asc(enrolments.learnerId));
	await app.db.insert(roleGrants).values({ personId: other.learnerId, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await app.db.insert(accounts).values({ personId: other.learnerId, username: 'other', email: 'other@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['teacher', 'learner', 'parent', 'other', 'counsellor']) as[u] = await app.loginAs(u);
	[{ personId: learnerId }] = await app.db.select().from(accounts).where(eq(accounts.username, 'learner'));
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const html = async (who: Client, path: string) => {
	const res = await who.get(path);
	expect(res.status).toBe(200);
	return res.text();
};
const createByForm = async (over: Record<string, string> = {}) => {
	const res = await as.teacher.form('/assignments?/create', {
		target: `${c6a1}:${toan}`,
		title: 'Luyện tập phân số',
		instructions: 'Làm bài 1 đến 3.',
		dueAt: '2099-12-31T17:00',
		maxScore: '10',
		'rubric.0.title': 'Đúng',
		'rubric.0.points': '7',
		'rubric.1.title': 'Trình bày',
		'rubric.1.points': '3',
		...over
	});
	expect(res.status, await res.clone().text()).toBe(303);
	return res.headers.get('location')!.match(/\/assignments\/([0-9a-f-]{36})/)![1];
};
const multipart = (fields: Record<string, string>, ...attach: [string, Uint8Array][]) => {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.append(k, v);
	for (const [name, bytes] of attach) fd.append('file', new Blob([bytes as BlobPart]), name);
	return fd;
};

describe('the assignment pages', () => {
	it('shows the nav link to those who may use assignments, and not to a counsellor', async () => {
		expect(await html(as.teacher, '/')).toContain('href="/assignments"');
		expect(await html(as.learner, '/')).toContain('href="/assignments"');
		expect(await html(as.counsellor, '/')).not.toContain('href="/assignments"');
	});

	it('lets the teacher set an assignment with a rubric from the form, due at Vietnam’s time', async () => {
		const id = await createByForm();
		const [a] = await app.db.select().from(assignments).where(eq(assignments.id, id));
		expect(a.dueAt.toISOString()).toBe('2099-12-31T10:00:00.000Z');
		expect(a.maxTenths).toBe(100);
		expect(a.rubric.map((c) => c.title)).toEqual(['Đúng', 'Trình bày']);
		const page = textOf(await html(as.teacher, `/assignments/${id}?created=1`));
		expect(page).toContain('Đã giao bài tập');
		expect(page).toContain('31/12/2099 17:00');
	});

	it('keeps what was typed and says what is wrong when the due date is missing', async () => {
		const res = await as.teacher.form('/assignments?/create', { target: `${c6a1}:${toan}`, title: 'Thiếu hạn' });
		expect(res.status).toBe(400);
		const page = await res.text();
		expect(page).toContain('value="Thiếu hạn"');
		expect(textOf(page)).toContain('Hạn nộp');
	});

	it('lets a learner hand in text and a file from the page, and see the grade the teacher saves', async () => {
		const id = await createByForm({ title: 'Bài nộp trên trang' });
		expect(textOf(await html(as.learner, '/assignments'))).toContain('Bài nộp trên trang');
		const sent = await as.learner.form(`/assignments/${id}?/submit`, multipart({ text: 'Em làm bài 1: 1/2 + 1/3 = 5/6' }, ['bai-lam.png', PNG]));
		expect(sent.status).toBe(200);
		expect(textOf(await sent.text())).toContain('Đã nộp bài.');
		const [s] = await app.db.select().from(submissions).where(eq(submissions.assignmentId, id));
		expect(s.text).toBe('Em làm bài 1: 1/2 + 1/3 = 5/6');

		const teacherPage = await html(as.teacher, `/assignments/${id}`);
		expect(textOf(teacherPage)).toContain('Em làm bài 1');
		expect(teacherPage).toMatch(/<img src="\/api\/v1\/assignments\/[0-9a-f-]+\/files\/[0-9a-f-]+\?inline=1"/);
		const graded = await as.teacher.form(`/assignments/${id}?/grade`, { learnerId, version: String(s.version), 'rubric.c1': '6,5', 'rubric.c2': '2', comment: 'Tốt' });
		expect(graded.status).toBe(200);
		const bad = await as.teacher.form(`/assignments/${id}?/grade`, { learnerId, 'rubric.c1': '8', 'rubric.c2': '2' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Điểm tiêu chí “Đúng” phải từ 0 đến 7');

		const learnerPage = textOf(await html(as.learner, `/assignments/${id}`));
		expect(learnerPage).toContain('Điểm: 8,5/10');
		expect(learnerPage).toContain('Nhận xét: Tốt');
		expect(textOf(await html(as.parent, `/assignments/${id}`))).toContain('8,5/10');
	});

	it('shows a clear error on the page for a file too large or of a type not allowed', async () => {
		const id = await createByForm({ title: 'Giới hạn tệp' });
		const big = new Uint8Array(1024 * 1024 + 1);
		big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
		const tooBig = await as.learner.form(`/assignments/${id}?/submit`, multipart({ text: 'x' }, ['to.pdf', big]));
		expect(tooBig.status).toBe(413);
		expect(textOf(await tooBig.text())).toContain('Tệp “to.pdf” quá lớn: mỗi tệp tối đa 1 MB.');
		const wrong = await as.learner.form(`/assignments/${id}?/submit`, multipart({ text: 'x' }, ['trang.html', new TextEncoder().encode('<html></html>')]));
		expect(wrong.status).toBe(415);
		expect(textOf(await wrong.text())).toContain('Tệp “trang.html” không thuộc loại được phép');
		expect(await app.db.select().from(submissions).where(eq(submissions.assignmentId, id))).toHaveLength(0);
	});

	it('answers 404 to a learner of another class', async () => {
		const id = await createByForm({ title: 'Chỉ 6A1' });
		expect((await as.other.get(`/assignments/${id}`)).status).toBe(404);
		expect(textOf(await html(as.other, '/assignments'))).not.toContain('Chỉ 6A1');
	});
});

describe('lesson-plan attachments on the plan’s page', () => {
	it('lets the author attach an image shown inline and remove it again', async () => {
		const res = await as.teacher.form('/lesson-plans?/create', { schoolYearId: yearId, subjectId: toan, grade: '6', title: 'Có hình', periods: '1' });
		const planId = res.headers.get('location')!.match(/\/lesson-plans\/([0-9a-f-]{36})/)![1];
		const attached = await as.teacher.form(`/lesson-plans/${planId}?/attach`, multipart({}, ['so-do.png', PNG]));
		expect(attached.status).toBe(200);
		const page = await html(as.teacher, `/lesson-plans/${planId}`);
		const m = page.match(/<img src="\/api\/v1\/lesson-plans\/[0-9a-f-]+\/attachments\/([0-9a-f-]+)\?inline=1" alt="so-do.png"/);
		expect(m).not.toBeNull();
		const removed = await as.teacher.form(`/lesson-plans/${planId}?/detach`, { fileId: m![1] });
		expect(removed.status).toBe(200);
		expect(await html(as.teacher, `/lesson-plans/${planId}`)).not.toContain('so-do.png');
	});
});
