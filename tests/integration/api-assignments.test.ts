/**
 * Assignments and submissions through the HTTP API on the demo school THCS Bình Yên: `teacher`
 * teaches Toán in 6A1 and 6A2, `homeroom` is 6A1's homeroom teacher (and teaches its Ngữ văn),
 * `grouphead` teaches KHTN; `learner` is in 6A1 and `parent` is their mother. Made here:
 * `learner2` (another learner of 6A1) and `other` (a learner of 6A2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { accounts, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { gradeEntries, gradeHistory } from '#lib/server/gradebook/schema';
import { files } from '#lib/server/files/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let yearId: string, c6a1: string, toan: string, van: string;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const hour = 3600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

type Assignment = { id: string; maxScore: number; rubric: { key: string; title: string; points: number }[]; path: string; schoolId: string };

const create = async (over: Record<string, unknown> = {}): Promise<Assignment> => {
	const res = await as.teacher.post('/api/v1/assignments', {
		classId: c6a1,
		subjectId: toan,
		title: 'Bài tập phân số',
		instructions: 'Làm bài 1–5 trang 12.',
		dueAt: iso(48 * hour),
		rubric: [
			{ title: 'Lời giải đúng', points: 6 },
			{ title: 'Trình bày', points: 4 }
		],
		...over
	});
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(201);
	return body;
};
const submit = (who: Client, assignmentId: string, text: string, ...attach: [name: string, bytes: Uint8Array][]) => {
	const fd = new FormData();
	fd.append('text', text);
	for (const [name, bytes] of attach) fd.append('file', new Blob([bytes as BlobPart]), name);
	return app.request('POST', `/api/v1/assignments/${assignmentId}/submission`, { cookie: who.cookie, body: fd });
};
const grade = (who: Client, assignmentId: string, learnerId: string, body: Record<string, unknown>) => who.put(`/api/v1/assignments/${assignmentId}/submissions/${learnerId}/grade`, body);
const expectStatus = async (res: Response, status: number) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: yearId }] = await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, thcs.id));
	const subs = await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id));
	toan = subs.find((s) => s.code === 'TOAN')!.id;
	van = subs.find((s) => s.code === 'VAN')!.id;
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	const c6a2 = cls.find((c) => c.name === '6A2')!.id;
	const [{ personId: learnerId }] = await app.db.select().from(accounts).where(eq(accounts.username, 'learner'));
	const inClass = async (classId: string) => (await app.db.select().from(enrolments).where(eq(enrolments.classId, classId)).orderBy(asc(enrolments.learnerId))).map((e) => e.learnerId);
	const learner2 = (await inClass(c6a1)).find((l) => l !== learnerId)!;
	const other = (await inClass(c6a2))[0];
	for (const [username, personId] of [
		['learner2', learner2],
		['other', other]
	]) {
		await app.db.insert(roleGrants).values({ personId, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
		await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
	}
	for (const u of ['teacher', 'homeroom', 'grouphead', 'leader', 'learner', 'learner2', 'other', 'parent']) {
		as[u] = await app.loginAs(u);
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	}
});
afterAll(() => app?.close());

describe('setting an assignment', () => {
	it('lets the class’s subject teacher create one with a rubric whose sum is the maximum, audited, emailing the learners', async () => {
		const before = (await app.db.select().from(outbox).where(eq(outbox.recipient, 'learner@sen.test'))).length;
		const a = await create();
		expect(a).toMatchObject({ maxScore: 10, rubric: [{ key: 'c1', title: 'Lời giải đúng', points: 6 }, { key: 'c2', title: 'Trình bày', points: 4 }], classId: c6a1, subjectId: toan, teacherId: id.teacher });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'assignment'), eq(auditLog.entityId, a.id)));
		expect(audit.map((x) => x.action)).toEqual(['create']);
		const mail = await app.db.select().from(outbox).where(eq(outbox.recipient, 'learner@sen.test'));
		expect(mail).toHaveLength(before + 1);
		expect(mail.at(-1)!.subject).toContain('Bài tập phân số');
	});

	it('should fail with 403 for a teacher who does not teach that subject in the class (homeroom teacher, another subject’s teacher)', async () => {
		const body = { classId: c6a1, subjectId: toan, title: 'X', dueAt: iso(hour) };
		await expectStatus(await as.homeroom.post('/api/v1/assignments', body), 403);
		await expectStatus(await as.grouphead.post('/api/v1/assignments', body), 403);
		await expectStatus(await as.learner.post('/api/v1/assignments', body), 403);
		// The homeroom teacher may set one for the subject they teach there.
		await expectStatus(await as.homeroom.post('/api/v1/assignments', { ...body, subjectId: van }), 201);
	});

	it('should fail with 400 naming the field when the due date is before the opening or a criterion has no points', async () => {
		const bad = await expectStatus(await as.teacher.post('/api/v1/assignments', { classId: c6a1, subjectId: toan, title: 'X', opensAt: iso(2 * hour), dueAt: iso(hour) }), 400);
		expect(bad.error.details.issues).toContainEqual({ path: 'dueAt', message: 'Hạn nộp phải sau thời điểm mở.' });
		const rubric = await expectStatus(await as.teacher.post('/api/v1/assignments', { classId: c6a1, subjectId: toan, title: 'X', dueAt: iso(hour), rubric: [{ title: 'A', points: 0 }] }), 400);
		expect(rubric.error.details.issues[0]).toEqual({ path: 'rubric.0.points', message: 'Phải lớn hơn 0.' });
		const decimals = await expectStatus(await as.teacher.post('/api/v1/assignments', { classId: c6a1, subjectId: toan, title: 'X', dueAt: iso(hour), maxScore: 9.25 }), 400);
		expect(decimals.error.details.issues[0]).toEqual({ path: 'maxScore', message: 'Tối đa một chữ số thập phân.' });
	});

	it('lets the teacher attach a worksheet the class’s learners download', async () => {
		const a = await create();
		const fd = new FormData();
		fd.append('file', new Blob([PNG]), 'de-bai.png');
		const [f] = (await expectStatus(await app.request('POST', `/api/v1/assignments/${a.id}/attachments`, { cookie: as.teacher.cookie, body: fd }), 201)).items;
		const res = await as.learner.get(`/api/v1/assignments/${a.id}/files/${f.id}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
		expect((await as.learner.get(`/api/v1/assignments/${a.id}`).then((r) => r.json())).attachments.map((x: { id: string }) => x.id)).toEqual([f.id]);
		await expectStatus(await as.other.get(`/api/v1/assignments/${a.id}/files/${f.id}`), 404);
		// Learners may not attach to the assignment.
		const fd2 = new FormData();
		fd2.append('file', new Blob([PNG]), 'x.png');
		await expectStatus(await app.request('POST', `/api/v1/assignments/${a.id}/attachments`, { cookie: as.learner.cookie, body: fd2 }), 403);
	});
});

describe('handing in work', () => {
	it('takes a learner’s text and file, lets them resubmit until due, and shows it submitted', async () => {
		const a = await create();
		const first = await expectStatus(await submit(as.learner, a.id, 'Bài 1: 3/4', ['bai-lam.png', PNG]), 200);
		expect(first).toMatchObject({ status: 'submitted', attempts: 1, text: 'Bài 1: 3/4', files: [{ name: 'bai-lam.png', contentType: 'image/png' }] });
		const again = await expectStatus(await submit(as.learner, a.id, 'Bài 1: 3/4; bài 2: 5/6'), 200);
		expect(again).toMatchObject({ attempts: 2, text: 'Bài 1: 3/4; bài 2: 5/6' });
		expect(again.files).toHaveLength(1);
		const mine = (await as.learner.get('/api/v1/assignments').then((r) => r.json())).items.find((x: { id: string }) => x.id === a.id);
		expect(mine.myStatus).toBe('submitted');
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'submission'), eq(auditLog.entityId, first.id))).orderBy(asc(auditLog.id));
		expect(audit.map((x) => x.action)).toEqual(['submit', 'resubmit']);
	});

	it('should fail with 415 for a file of a type not allowed and with 400 for an empty hand-in, storing nothing', async () => {
		const a = await create();
		const before = (await app.db.select().from(files)).length;
		const bad = await expectStatus(await submit(as.learner, a.id, 'x', ['bai.html', new TextEncoder().encode('<html><script>alert(1)</script>')]), 415);
		expect(bad.error.message).toContain('“bai.html”');
		await expectStatus(await submit(as.learner, a.id, '  '), 400);
		expect((await app.db.select().from(files)).length).toBe(before);
		expect((await as.learner.get(`/api/v1/assignments/${a.id}`).then((r) => r.json())).learners[0].submission).toBeNull();
	});

	it('accepts a first hand-in after the due date as late, refuses a resubmission then, and shows the others missing', async () => {
		const a = await create({ title: 'Quá hạn', opensAt: iso(-48 * hour), dueAt: iso(-hour) });
		const late = await expectStatus(await submit(as.learner, a.id, 'Nộp muộn'), 200);
		expect(late.status).toBe('late');
		const closed = await expectStatus(await submit(as.learner, a.id, 'Lần nữa'), 409);
		expect(closed.error.message).toBe('Đã quá hạn nộp: không thể nộp lại.');
		const view = await as.teacher.get(`/api/v1/assignments/${a.id}`).then((r) => r.json());
		const statusOf = (learnerId: string) => view.learners.find((l: { learnerId: string }) => l.learnerId === learnerId).status;
		expect(statusOf(id.learner)).toBe('late');
		expect(statusOf(id.learner2)).toBe('missing');
		expect(view.learners.length).toBeGreaterThan(2);
	});

	it('refuses work before the assignment opens', async () => {
		const a = await create({ opensAt: iso(hour), dueAt: iso(2 * hour) });
		expect((await expectStatus(await submit(as.learner, a.id, 'Sớm'), 409)).error.message).toBe('Bài tập chưa mở để nộp.');
	});

	it('should answer 404 to a learner of another class: the assignment, the list and handing in', async () => {
		const a = await create();
		await expectStatus(await as.other.get(`/api/v1/assignments/${a.id}`), 404);
		await expectStatus(await submit(as.other, a.id, 'Không phải lớp em'), 404);
		const list = await as.other.get('/api/v1/assignments').then((r) => r.json());
		expect(list.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
	});
});

describe('grading', () => {
	it('lets only the class’s subject teacher grade, with the rubric and a comment; the learner and their parent see the grade, nobody else’s', async () => {
		const a = await create();
		const sub = await expectStatus(await submit(as.learner, a.id, 'Bài làm', ['hinh.png', PNG]), 200);
		await expectStatus(await submit(as.learner2, a.id, 'Bài của bạn khác'), 200);

		await expectStatus(await grade(as.homeroom, a.id, id.learner, { rubric: { c1: 5, c2: 3 } }), 403);
		await expectStatus(await grade(as.grouphead, a.id, id.learner, { rubric: { c1: 5, c2: 3 } }), 404);
		await expectStatus(await grade(as.learner, a.id, id.learner, { rubric: { c1: 6, c2: 4 } }), 403);

		const missing = await expectStatus(await grade(as.teacher, a.id, id.learner, { rubric: { c1: 5 } }), 400);
		expect(missing.error.details.issues).toEqual([{ path: 'rubric.c2', message: 'Chưa cho điểm tiêu chí “Trình bày”.' }]);
		const over = await expectStatus(await grade(as.teacher, a.id, id.learner, { rubric: { c1: 6.5, c2: 3 } }), 400);
		expect(over.error.details.issues[0].path).toBe('rubric.c1');

		const graded = await expectStatus(await grade(as.teacher, a.id, id.learner, { rubric: { c1: 5.5, c2: 3 }, comment: 'Trình bày cần gọn hơn.' }), 200);
		expect(graded).toMatchObject({ score: 8.5, rubricScores: { c1: 5.5, c2: 3 }, comment: 'Trình bày cần gọn hơn.', graded: true });
		expect((await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'submission'), eq(auditLog.entityId, sub.id), eq(auditLog.action, 'grade')))).length).toBe(1);
		expect((await app.db.select().from(outbox).where(eq(outbox.recipient, 'learner@sen.test'))).at(-1)!.body).toContain('8,5/10');

		const mine = await as.learner.get(`/api/v1/assignments/${a.id}`).then((r) => r.json());
		expect(mine.learners).toHaveLength(1);
		expect(mine.learners[0]).toMatchObject({ learnerId: id.learner, submission: { score: 8.5, comment: 'Trình bày cần gọn hơn.' } });
		expect(mine.canSubmit).toBe(false); // graded: no resubmission
		await expectStatus(await submit(as.learner, a.id, 'Sửa'), 409);

		const parent = await as.parent.get(`/api/v1/assignments/${a.id}`).then((r) => r.json());
		expect(parent.learners.map((l: { learnerId: string }) => l.learnerId)).toEqual([id.learner]);
		expect(parent.learners[0].submission.score).toBe(8.5);
		const parentList = (await as.parent.get('/api/v1/assignments').then((r) => r.json())).items.find((x: { id: string }) => x.id === a.id);
		expect(parentList.mine).toEqual([{ learnerId: id.learner, status: 'submitted', score: 8.5, graded: true }]);

		const classmate = await as.learner2.get(`/api/v1/assignments/${a.id}`).then((r) => r.json());
		expect(classmate.learners.map((l: { learnerId: string }) => l.learnerId)).toEqual([id.learner2]);
		const fileId = sub.files[0].id;
		await expectStatus(await as.learner2.get(`/api/v1/assignments/${a.id}/files/${fileId}`), 404);
		expect((await as.parent.get(`/api/v1/assignments/${a.id}/files/${fileId}`)).status).toBe(200);
		expect((await as.teacher.get(`/api/v1/assignments/${a.id}/files/${fileId}`)).status).toBe(200);
		// The homeroom teacher reads the class's work.
		expect((await as.homeroom.get(`/api/v1/assignments/${a.id}`).then((r) => r.json())).learners.length).toBeGreaterThan(2);
	});

	it('grades a score out of the maximum when there is no rubric, refusing more than the maximum', async () => {
		const a = await create({ rubric: [], maxScore: 20 });
		await expectStatus(await submit(as.learner, a.id, 'Bài làm'), 200);
		expect((await expectStatus(await grade(as.teacher, a.id, id.learner, { score: 21 }), 400)).error.message).toBe('Điểm không được vượt quá điểm tối đa 20.');
		expect((await expectStatus(await grade(as.teacher, a.id, id.learner, { score: 14.5 }), 200)).score).toBe(14.5);
		await expectStatus(await grade(as.teacher, a.id, id.learner2, { score: 10 }), 409); // nothing handed in
	});
});

describe('sending scores to the gradebook', () => {
	const targetsOf = async (assignmentId: string) => (await as.teacher.get(`/api/v1/assignments/${assignmentId}/gradebook`).then((r) => r.json())).items as { columnId: string; term: number; label: string; locked: boolean }[];
	const entry = async (columnId: string, learnerId: string) => (await app.db.select().from(gradeEntries).where(and(eq(gradeEntries.columnId, columnId), eq(gradeEntries.learnerId, learnerId))))[0];

	it('writes every graded score on the 0–10 scale into the chosen regular column in one audited save', async () => {
		const a = await create({ rubric: [], maxScore: 20, title: 'Kiểm tra 15 phút' });
		await expectStatus(await submit(as.learner, a.id, 'A'), 200);
		await expectStatus(await submit(as.learner2, a.id, 'B'), 200);
		await expectStatus(await grade(as.teacher, a.id, id.learner, { score: 14.5 }), 200); // 7,25 → 7,3
		await expectStatus(await grade(as.teacher, a.id, id.learner2, { score: 19 }), 200); // 9,5
		const targets = await targetsOf(a.id);
		expect(targets.length).toBeGreaterThan(1);
		const column = targets.find((t) => t.term === 1 && !t.locked && t.label.endsWith('2'))!;
		expect(column).toBeDefined();

		await expectStatus(await as.homeroom.post(`/api/v1/assignments/${a.id}/gradebook`, { columnId: column.columnId }), 403);
		const sent = await expectStatus(await as.teacher.post(`/api/v1/assignments/${a.id}/gradebook`, { columnId: column.columnId }), 200);
		expect(sent).toMatchObject({ columnId: column.columnId, term: 1, written: 2 });
		expect((await entry(column.columnId, id.learner)).scoreTenths).toBe(73);
		expect((await entry(column.columnId, id.learner2)).scoreTenths).toBe(95);
		expect((await app.db.select().from(gradeHistory).where(eq(gradeHistory.columnId, column.columnId))).length).toBeGreaterThanOrEqual(2);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'assignment'), eq(auditLog.entityId, a.id), eq(auditLog.action, 'send_to_gradebook')));
		expect(audit).toHaveLength(1);
		expect(audit[0].after).toMatchObject({ columnId: column.columnId, cells: expect.arrayContaining([{ learnerId: id.learner, value: 7.3 }]) });

		// Sending again after a regrade updates the cells through their versions.
		await expectStatus(await grade(as.teacher, a.id, id.learner, { score: 16 }), 200);
		await expectStatus(await as.teacher.post(`/api/v1/assignments/${a.id}/gradebook`, { columnId: column.columnId }), 200);
		expect((await entry(column.columnId, id.learner)).scoreTenths).toBe(80);
		expect((await entry(column.columnId, id.learner)).version).toBe(2);
	});

	it('should refuse all of it with 423 when the term is locked, writing no cell', async () => {
		const a = await create({ rubric: [], maxScore: 10, title: 'Học kì II' });
		await expectStatus(await submit(as.learner, a.id, 'A'), 200);
		await expectStatus(await submit(as.learner2, a.id, 'B'), 200);
		await expectStatus(await grade(as.teacher, a.id, id.learner, { score: 6 }), 200);
		await expectStatus(await grade(as.teacher, a.id, id.learner2, { score: 7 }), 200);
		const column = (await targetsOf(a.id)).find((t) => t.term === 2)!;
		await expectStatus(await as.leader.post('/api/v1/gradebook/locks', { schoolYearId: yearId, term: 2, classId: c6a1 }), 201);
		const refused = await expectStatus(await as.teacher.post(`/api/v1/assignments/${a.id}/gradebook`, { columnId: column.columnId }), 423);
		expect(refused.error.code).toBe('gradebook_locked');
		expect(await entry(column.columnId, id.learner)).toBeUndefined();
		expect(await entry(column.columnId, id.learner2)).toBeUndefined();
		const view = await as.teacher.get(`/api/v1/assignments/${a.id}`).then((r) => r.json());
		expect(view.sentColumnId).toBeNull();
		expect((await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'send_to_gradebook')))).length).toBe(0);
	});

	it('should fail with 400 for a column of another subject or not a regular score column', async () => {
		const a = await create({ rubric: [], title: 'Sai cột' });
		await expectStatus(await submit(as.learner, a.id, 'A'), 200);
		await expectStatus(await grade(as.teacher, a.id, id.learner, { score: 9 }), 200);
		const grid = await as.teacher.get(`/api/v1/gradebook/grid?classId=${c6a1}&subjectId=${toan}&term=1`).then((r) => r.json());
		const midterm = grid.columns.find((c: { kind: string }) => c.kind === 'midterm');
		await expectStatus(await as.teacher.post(`/api/v1/assignments/${a.id}/gradebook`, { columnId: midterm.id }), 400);
	});
});
