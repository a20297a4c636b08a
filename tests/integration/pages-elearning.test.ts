/**
 * The e-learning pages as a browser without JavaScript uses them, on the demo school THCS Bình Yên:
 * `teacher` teaches Toán in 6A1, `learner` is in 6A1, `parent` is their mother.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, subjects } from '#lib/server/organisations/schema';
import { lessonProgress, questions, quizAttempts } from '#lib/server/learning/lesson-schema';

let app: TestApp;
const as: Record<string, Client> = {};
let toan: string, c6a1: string;

beforeAll(async () => {
	app = await startApp();
	for (const u of ['teacher', 'learner', 'parent', 'homeroom']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: toan }] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN')));
	[{ id: c6a1 }] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const json = async (res: Response, status = 201) => {
	expect(res.status).toBe(status);
	return res.json();
};

describe('the question bank page', () => {
	it('adds a question from the form, reading the decimal comma', async () => {
		const res = await as.teacher.form('/questions?/create', { subjectId: toan, kind: 'numeric', level: 'van_dung', topic: 'Số thập phân', stem: 'Viết 3/4 dưới dạng số thập phân.', answer: '0,75', points: '2' });
		expect(res.status).toBe(200);
		const [q] = await app.db.select().from(questions).where(eq(questions.stem, 'Viết 3/4 dưới dạng số thập phân.'));
		expect(q).toMatchObject({ kind: 'numeric', level: 'van_dung', points: 2, body: { kind: 'numeric', answer: 0.75, tolerance: 0 } });
	});

	it('names the field at fault in Vietnamese when the key is not an option', async () => {
		const res = await as.teacher.form('/questions?/create', { subjectId: toan, kind: 'single', stem: 'Chọn', options: 'A\nB', correct: 'D' });
		expect(res.status).toBe(400);
		const page = await res.text();
		expect(page).toContain('href="#field-correct"');
		expect(textOf(page)).toContain('Đáp án đúng phải là một trong các phương án.');
	});

	it('imports the template from the page, and lists a bad file’s errors by cell', async () => {
		const template = new Uint8Array(await (await as.teacher.get('/api/v1/questions/template.xlsx')).arrayBuffer());
		const fd = new FormData();
		fd.set('subjectId', toan);
		fd.set('file', new File([template], 'mau.xlsx'));
		const res = await as.teacher.form('/questions?/import', fd);
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã nhập 7 câu hỏi vào ngân hàng.');
		const bad = new FormData();
		bad.set('subjectId', toan);
		bad.set('file', new File([new TextEncoder().encode('không phải excel')], 'x.xlsx'));
		const refused = await as.teacher.form('/questions?/import', bad);
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('data-testid="import-errors"');
	});

	it('is for staff only: a learner gets 403 and sees no key', async () => {
		expect((await as.learner.get('/questions')).status).toBe(403);
		expect((await as.learner.get('/lessons')).status).toBe(403);
	});
});

describe('taking a quiz without JavaScript', () => {
	it('starts from the lesson page, submits the form, shows the score and marks the lesson done', async () => {
		const q1 = await json(await as.teacher.post('/api/v1/questions', { subjectId: toan, topic: 'Phân số', stem: 'Phân số nào bằng 1/2?', body: { kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '3/4' }], correct: 'a' } }));
		const q2 = await json(await as.teacher.post('/api/v1/questions', { subjectId: toan, topic: 'Phân số', stem: '1/2 + 1/4 = ? (số thập phân)', body: { kind: 'numeric', answer: 0.75 } }));
		const lesson = await json(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Cộng phân số' }));
		const { quiz } = await json(await as.teacher.post(`/api/v1/lessons/${lesson.id}/quizzes`, { title: 'Kiểm tra', questionIds: [q1.id, q2.id], shuffle: false }));
		expect((await as.teacher.form(`/lessons/${lesson.id}?/assign`, { classId: c6a1, opensAt: '2026-01-01T07:00' })).status).toBe(200);

		expect(textOf(await (await as.learner.get('/')).text())).toContain('Học tiếp: Cộng phân số');
		const page = await (await as.learner.get(`/learn/${lesson.id}`)).text();
		expect(page).toContain('action="?/start"');
		const start = await as.learner.form(`/learn/${lesson.id}?/start`, { quizId: quiz.id });
		expect(start.status).toBe(303);
		const attemptPath = start.headers.get('location')!;
		const form = await (await as.learner.get(attemptPath)).text();
		expect(form).toContain(`name="q.${q1.id}"`);
		expect(form).not.toContain('0.75');

		const done = await as.learner.form(`${attemptPath}?/submit`, { [`q.${q1.id}`]: 'a', [`q.${q2.id}`]: '0,75' });
		expect(done.status).toBe(200);
		expect(textOf(await done.text())).toContain('Điểm của em: 2 / 2');
		const [attempt] = await app.db.select().from(quizAttempts).where(eq(quizAttempts.quizId, quiz.id));
		expect(attempt).toMatchObject({ status: 'submitted', score: 2 });
		expect(await app.db.select().from(lessonProgress).where(and(eq(lessonProgress.lessonId, lesson.id), eq(lessonProgress.learnerId, attempt.learnerId)))).toHaveLength(1);

		// The parent sees the child's lesson and result, but has no form to answer.
		const parentView = await (await as.parent.get(`/learn?learnerId=${attempt.learnerId}`)).text();
		expect(textOf(parentView)).toContain('Cộng phân số');
		const parentAttempt = await (await as.parent.get(attemptPath)).text();
		expect(textOf(parentAttempt)).toContain('Điểm của em: 2 / 2');
		expect(parentAttempt).not.toContain('action="?/submit"');
		// The teacher sees it in the class report.
		const report = await (await as.teacher.get(`/lessons/${lesson.id}`)).text();
		const lc = report.match(/href="\/lessons\/report\/([0-9a-f-]{36})"/)![1];
		const reportPage = textOf(await (await as.teacher.get(`/lessons/report/${lc}`)).text());
		expect(reportPage).toContain('2 / 2');
		expect(reportPage).toContain('Thống kê câu hỏi: Kiểm tra');
	});
});
