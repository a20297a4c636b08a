/**
 * E-learning through the HTTP API on a real database, with the demo school THCS Bình Yên:
 * `teacher` teaches Toán in 6A1 and 6A2, `homeroom` is GVCN of 6A1 and teaches Ngữ văn there,
 * `learner` is in 6A1 and `parent` is their mother; `leader` leads the school.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools, subjects } from '#lib/server/organisations/schema';
import { accounts } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { questions as questionsTable, quizAttempts } from '#lib/server/learning/lesson-schema';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { QUESTION_HEADERS } from '#lib/server/learning/question-import';
import { SENTEST_JS, senTestH5P } from '../helpers/h5p';

let app: TestApp;
const as: Record<string, Client> = {};
let toan: string, van: string, c6a1: string, c6a2: string, learnerId: string, otherLearner: string;

beforeAll(async () => {
	app = await startApp();
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'leader', 'grouphead']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const subs = await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id));
	toan = subs.find((s) => s.code === 'TOAN')!.id;
	van = subs.find((s) => s.code === 'VAN')!.id;
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	[{ personId: learnerId }] = await app.db.select().from(accounts).where(eq(accounts.username, 'learner'));
	const peers = await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1));
	otherLearner = peers.find((e) => e.learnerId !== learnerId)!.learnerId;
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const question = async (over: Record<string, unknown>) => ok(await as.teacher.post('/api/v1/questions', { subjectId: toan, grade: 6, topic: 'Phân số', level: 'thong_hieu', stem: 'Câu hỏi', ...over }), 201);

/** A Toán lesson with a text block and a quiz of `bodies`, given to 6A1. */
async function lessonWithQuiz(bodies: Record<string, unknown>[], quiz: Record<string, unknown> = {}, assign: Record<string, unknown> = {}) {
	const qs = [];
	for (const b of bodies) qs.push(await ok(await as.teacher.post('/api/v1/questions', { subjectId: toan, grade: 6, topic: b.topic ?? 'Phân số', stem: 'Câu hỏi', points: b.points ?? 1, body: b.body }), 201));
	const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Phân số bằng nhau' }), 201);
	await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'text', title: 'Đọc', body: 'Hai phân số bằng nhau khi…' }), 201);
	const { quiz: q } = await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/quizzes`, { title: 'Luyện tập', questionIds: qs.map((x) => x.id), shuffle: false, maxAttempts: 2, ...quiz }), 201);
	const given = await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a1, ...assign }), 201);
	return { lesson, quiz: q, questions: qs, lessonClassId: given.id as string };
}

const single = { kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '2/3' }], correct: 'a' };
const numeric = { kind: 'numeric', answer: 0.5, tolerance: 0 };
const essay = { kind: 'essay', guidance: 'Giải thích.' };

describe('the question bank', () => {
	it('adds a question of each kind, audited, and lists them by topic ignoring diacritics', async () => {
		const bodies = [
			single,
			{ kind: 'multiple', options: [{ id: 'a', text: '1/2' }, { id: 'b', text: '2/4' }, { id: 'c', text: '3' }], correct: ['a', 'b'] },
			{ kind: 'true_false', correct: true },
			{ kind: 'short_answer', answers: ['Tử số'] },
			numeric,
			{ kind: 'matching', pairs: [{ left: '1/2', right: '0,5' }, { left: '1/4', right: '0,25' }] },
			essay
		];
		for (const body of bodies) {
			const q = await ok(await as.teacher.post('/api/v1/questions', { subjectId: toan, topic: 'Số thập phân', stem: 'Câu hỏi', body }), 201);
			expect(q.kind).toBe(body.kind);
		}
		const { items } = await ok(await as.teacher.get('/api/v1/questions?topic=so thap phan'));
		expect(items.map((q: { kind: string }) => q.kind).sort()).toEqual(['essay', 'matching', 'multiple', 'numeric', 'short_answer', 'single', 'true_false']);
		const audit = await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'question'));
		expect(audit.length).toBeGreaterThanOrEqual(7);
	});

	it('should fail with 400 naming the field when the key is not an option, or an option is missing', async () => {
		const res = await as.teacher.post('/api/v1/questions', { subjectId: toan, stem: 'x', body: { ...single, correct: 'z' } });
		const body = await ok(res, 400);
		expect(body.error.details.issues).toEqual([{ path: 'body.correct', message: 'Đáp án đúng phải là một trong các phương án.' }]);
		expect((await as.teacher.post('/api/v1/questions', { subjectId: toan, stem: 'x', body: { kind: 'single', options: [{ id: 'a', text: 'x' }], correct: 'a' } })).status).toBe(400);
	});

	it('is the school staff’s to read, never a learner’s or parent’s (the key would leak)', async () => {
		expect((await as.homeroom.get('/api/v1/questions')).status).toBe(200);
		expect((await as.learner.get('/api/v1/questions')).status).toBe(403);
		expect((await as.parent.get('/api/v1/questions')).status).toBe(403);
		const q = await question({ body: single });
		expect((await as.learner.get(`/api/v1/questions/${q.id}`)).status).toBe(404);
		// A colleague reads it but may not rewrite it.
		expect((await as.homeroom.get(`/api/v1/questions/${q.id}`)).status).toBe(200);
		expect((await as.homeroom.put(`/api/v1/questions/${q.id}`, { subjectId: toan, stem: 'x', body: single })).status).toBe(403);
	});
});

describe('a lesson with a quiz, taken by a learner', () => {
	it('lets the learner read, mark blocks done, take the quiz without seeing the key, and get the score and progress', async () => {
		const { lesson, quiz, questions } = await lessonWithQuiz([{ body: single }, { body: numeric, points: 2 }, { body: { kind: 'true_false', correct: false }, topic: 'Số nguyên' }]);
		const view = await ok(await as.learner.get(`/api/v1/learning/lessons/${lesson.id}`));
		expect(view.blocks.map((b: { kind: string }) => b.kind)).toEqual(['text', 'quiz']);
		expect(view.progress).toBe(0);
		await ok(await as.learner.put(`/api/v1/learning/lessons/${lesson.id}/blocks/${view.blocks[0].id}/done`), 204);
		expect((await as.learner.put(`/api/v1/learning/lessons/${lesson.id}/blocks/${view.blocks[1].id}/done`)).status).toBe(400);

		const attempt = await ok(await as.learner.post(`/api/v1/quizzes/${quiz.id}/attempts`), 201);
		expect(attempt.questions.map((q: { id: string }) => q.id)).toEqual(questions.map((q) => q.id));
		expect(JSON.stringify(attempt.questions)).not.toMatch(/"correct"|"answer"/);
		// Resuming gives the same attempt.
		expect((await ok(await as.learner.post(`/api/v1/quizzes/${quiz.id}/attempts`), 201)).id).toBe(attempt.id);

		const done = await ok(
			await as.learner.post(`/api/v1/attempts/${attempt.id}/submit`, {
				answers: { [questions[0].id]: { kind: 'single', choice: 'a' }, [questions[1].id]: { kind: 'numeric', value: 0.5 }, [questions[2].id]: { kind: 'true_false', value: true } }
			})
		);
		expect(done).toMatchObject({ status: 'submitted', score: 3, maxScore: 4 });
		expect(done.results[questions[2].id]).toMatchObject({ fraction: 0, points: 0, max: 1 });
		// After submission the key is shown for review.
		expect(done.questions[0].body.correct).toBe('a');
		expect((await as.learner.post(`/api/v1/attempts/${attempt.id}/submit`, { answers: {} })).status).toBe(409);

		const after = await ok(await as.learner.get(`/api/v1/learning/lessons/${lesson.id}`));
		expect(after.progress).toBe(100);
		const overview = await ok(await as.learner.get('/api/v1/learning'));
		const row = overview.lessons.find((l: { lessonId: string }) => l.lessonId === lesson.id);
		expect(row).toMatchObject({ progress: 100, completed: true, bestScore: 3, maxScore: 4 });
		expect(overview.mastery.find((t: { topic: string }) => t.topic === 'Số nguyên')).toMatchObject({ score: 0, level: 'needs_help' });
	});

	it('suggests next the unfinished lesson on the learner’s weakest topic', async () => {
		// A lesson practising Số nguyên (weak, from the test above), and one on Hình học (no evidence).
		const weak = await lessonWithQuiz([{ body: { kind: 'true_false', correct: true }, topic: 'Số nguyên' }]);
		const other = await lessonWithQuiz([{ body: { kind: 'true_false', correct: true }, topic: 'Hình học' }], {}, { dueAt: new Date(Date.now() + 86_400_000).toISOString() });
		const { suggestions } = await ok(await as.learner.get('/api/v1/learning'));
		const ids = suggestions.map((s: { lessonId: string }) => s.lessonId);
		expect(ids[0]).toBe(weak.lesson.id);
		expect(ids).toContain(other.lesson.id);
	});

	it('draws and shuffles per attempt, limits attempts, and refuses answers after the time is up', async () => {
		const bodies = Array.from({ length: 6 }, () => ({ body: single }));
		const { quiz } = await lessonWithQuiz(bodies, { drawCount: 3, shuffle: true, maxAttempts: 1, timeLimitMinutes: 10 });
		const attempt = await ok(await as.learner.post(`/api/v1/quizzes/${quiz.id}/attempts`), 201);
		expect(attempt.questions).toHaveLength(3);
		expect(new Date(attempt.deadlineAt).getTime() - new Date(attempt.startedAt).getTime()).toBe(10 * 60_000);
		// The clock runs out (the attempt started 13 minutes ago: 10 + 2 minutes' grace have passed).
		await app.db.update(quizAttempts).set({ startedAt: new Date(Date.now() - 13 * 60_000), deadlineAt: new Date(Date.now() - 3 * 60_000) }).where(eq(quizAttempts.id, attempt.id));
		const late = await ok(await as.learner.post(`/api/v1/attempts/${attempt.id}/submit`, { answers: {} }), 409);
		expect(late.error.message).toBe('Đã hết thời gian làm bài nên không nhận bài nộp nữa.');
		await app.db.update(quizAttempts).set({ status: 'submitted', submittedAt: new Date() }).where(eq(quizAttempts.id, attempt.id));
		const none = await ok(await as.learner.post(`/api/v1/quizzes/${quiz.id}/attempts`), 409);
		expect(none.error.message).toBe('Bạn đã làm hết 1 lượt cho bài kiểm tra này.');
	});

	it('sends an essay to the class teacher, who scores it; the attempt is complete then', async () => {
		const { quiz, questions, lessonClassId } = await lessonWithQuiz([{ body: single }, { body: essay, points: 4 }]);
		const attempt = await ok(await as.learner.post(`/api/v1/quizzes/${quiz.id}/attempts`), 201);
		const done = await ok(await as.learner.post(`/api/v1/attempts/${attempt.id}/submit`, { answers: { [questions[0].id]: { kind: 'single', choice: 'a' }, [questions[1].id]: { kind: 'essay', text: 'Vì 2/4 = 1/2.' } } }));
		expect(done).toMatchObject({ status: 'needs_grading', score: 1, maxScore: 5 });
		expect((await as.learner.post(`/api/v1/attempts/${attempt.id}/grades`, { questionId: questions[1].id, points: 4 })).status).toBe(404);
		expect((await as.teacher.post(`/api/v1/attempts/${attempt.id}/grades`, { questionId: questions[1].id, points: 5 })).status).toBe(400);
		const graded = await ok(await as.teacher.post(`/api/v1/attempts/${attempt.id}/grades`, { questionId: questions[1].id, points: 3, comment: 'Đúng, cần trình bày rõ hơn.' }));
		expect(graded).toMatchObject({ status: 'submitted', score: 4 });
		const report = await ok(await as.teacher.get(`/api/v1/lesson-classes/${lessonClassId}/report`));
		const me = report.learners.find((l: { id: string }) => l.id === learnerId);
		expect(me).toMatchObject({ bestScore: 4, maxScore: 5, attempts: 1, needsGrading: false });
		expect(report.statistics[0].items.map((s: { n: number }) => s.n)).toEqual([1, 1]);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'quiz_attempt'), eq(auditLog.entityId, attempt.id)));
		expect(audit.map((a) => a.action)).toEqual(['grade']);
		// The quiz itself, for its teachers: the key and the statistics; never for the learner.
		const q = await ok(await as.teacher.get(`/api/v1/quizzes/${quiz.id}`));
		expect(q).toMatchObject({ attempts: 1, maxAttempts: 2 });
		expect(q.questions[0].body.correct).toBe('a');
		expect(q.statistics.map((s: { questionId: string; difficulty: number }) => [s.questionId, s.difficulty])).toEqual([
			[questions[0].id, 1],
			[questions[1].id, 0.75]
		]);
		expect((await as.learner.get(`/api/v1/quizzes/${quiz.id}`)).status).toBe(404);
	});
});

describe('who may see and do what', () => {
	it('lets the parent read the child’s learning and attempts but not answer; hides them from other learners', async () => {
		const { quiz } = await lessonWithQuiz([{ body: single }]);
		const attempt = await ok(await as.learner.post(`/api/v1/quizzes/${quiz.id}/attempts`), 201);
		expect((await as.parent.get(`/api/v1/attempts/${attempt.id}`)).status).toBe(200);
		expect((await as.parent.post(`/api/v1/attempts/${attempt.id}/submit`, { answers: {} })).status).toBe(403);
		expect((await as.parent.get(`/api/v1/learning?learnerId=${learnerId}`)).status).toBe(200);
		expect((await as.parent.get(`/api/v1/learning?learnerId=${otherLearner}`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/attempts/${attempt.id}`)).status).toBe(200);
	});

	it('lets a teacher give lessons only to the classes they teach, and not edit a colleague’s lesson', async () => {
		const lesson = await ok(await as.homeroom.post('/api/v1/lessons', { subjectId: van, grade: 6, title: 'Truyện cổ tích' }), 201);
		expect((await as.homeroom.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a2 })).status).toBe(403);
		await ok(await as.homeroom.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a1 }), 201);
		expect((await as.teacher.post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'text', body: 'x' })).status).toBe(403);
		expect((await as.learner.get(`/api/v1/lessons/${lesson.id}`)).status).toBe(404);
	});

	it('keeps a lesson given to another class, or not yet open, from the learner (404)', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Chỉ cho 6A2' }), 201);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a2 }), 201);
		expect((await as.learner.get(`/api/v1/learning/lessons/${lesson.id}`)).status).toBe(404);
		const later = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Tuần sau' }), 201);
		await ok(await as.teacher.post(`/api/v1/lessons/${later.id}/classes`, { classId: c6a1, opensAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }), 201);
		expect((await as.learner.get(`/api/v1/learning/lessons/${later.id}`)).status).toBe(404);
		expect((await as.learner.get('/api/v1/learning')).status).toBe(200);
		expect((await (await as.learner.get('/api/v1/learning')).json()).lessons.some((l: { lessonId: string }) => l.lessonId === later.id)).toBe(false);
	});

	it('refuses blocks that are not https and a due time before the opening (400)', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Liên kết' }), 201);
		expect((await as.teacher.post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'video', url: 'javascript:alert(1)' })).status).toBe(400);
		expect((await as.teacher.post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'embed', title: 'H5P', url: 'http://example.org/h5p' })).status).toBe(400);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'video', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }), 201);
		const res = await as.teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a1, opensAt: '2026-12-10T00:00:00Z', dueAt: '2026-12-09T00:00:00Z' });
		expect((await ok(res, 400)).error.details.issues[0].path).toBe('dueAt');
	});

	it('shows the class teacher who needs help on which topic', async () => {
		const { topics } = await ok(await as.teacher.get(`/api/v1/classes/${c6a1}/mastery`));
		const soNguyen = topics.find((t: { topic: string }) => t.topic === 'Số nguyên');
		expect(soNguyen.needsHelp.map((l: { learnerId: string }) => l.learnerId)).toContain(learnerId);
		expect((await as.learner.get(`/api/v1/classes/${c6a1}/mastery`)).status).toBe(404);
	});
});

describe('importing questions from .xlsx', () => {
	async function workbook(rows: (string | number)[][]) {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Câu hỏi');
		ws.addRow([...QUESTION_HEADERS]);
		for (const r of rows) ws.addRow(r);
		const fd = new FormData();
		fd.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'cau-hoi.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
		return fd;
	}
	const count = async () => (await app.db.select().from(questionsTable).where(eq(questionsTable.topic, 'Nhập từ Excel'))).length;

	it('imports nothing when one row in the middle is wrong, naming its cell; then all of them', async () => {
		const good = (n: number) => [n, 'Một lựa chọn', 'Nhận biết', 'Nhập từ Excel', `Câu ${n}`, 'Đúng', 'Sai', '', '', '', '', 'A', 1];
		const bad = await workbook([good(1), good(2), [3, 'Điền số', '', 'Nhập từ Excel', 'Câu 3', '', '', '', '', '', '', 'nhiều', 1], good(4)]);
		const res = await as.teacher.form(`/api/v1/questions/import?subjectId=${toan}`, bad);
		const body = await ok(res, 400);
		expect(body.error.message).toBe('Có 1 lỗi trong tệp; chưa nhập câu hỏi nào. Hãy sửa rồi tải lên lại.');
		expect(body.error.details.errors).toEqual([{ row: 4, column: 'L', message: 'Đáp án của câu điền số phải là một số.' }]);
		expect(await count()).toBe(0);
		const fixed = await workbook([good(1), good(2), [3, 'Điền số', '', 'Nhập từ Excel', 'Câu 3', '', '', '', '', '', '', '0,5', 1], good(4)]);
		expect(await ok(await as.teacher.form(`/api/v1/questions/import?subjectId=${toan}`, fixed), 201)).toEqual({ imported: 4 });
		expect(await count()).toBe(4);
	});

	it('downloads the template, which imports as it is', async () => {
		const res = await as.teacher.get('/api/v1/questions/template.xlsx');
		expect(res.status).toBe(200);
		const fd = new FormData();
		fd.set('file', new File([new Uint8Array(await res.arrayBuffer())], 'mau.xlsx'));
		expect(await ok(await as.teacher.form(`/api/v1/questions/import?subjectId=${toan}`, fd), 201)).toEqual({ imported: 7 });
	});

	it('imports a Moodle GIFT file too, all or nothing, naming the line of a syntax error', async () => {
		const gift = (text: string, name = 'toan6.gift') => {
			const fd = new FormData();
			fd.set('file', new File([new TextEncoder().encode(text)], name, { type: 'text/plain' }));
			return fd;
		};
		const good = '$CATEGORY: GIFT Phân số\n\n::Q1:: Phân số nào bằng 1/2? {=2/4 ~2/3}\n\n::Q2:: 1/4 \\= ? {#0.25}\n';
		expect(await ok(await as.teacher.form(`/api/v1/questions/import?subjectId=${toan}`, gift(good)), 201)).toEqual({ imported: 2 });
		const rows = await app.db.select().from(questionsTable).where(eq(questionsTable.topic, 'GIFT Phân số'));
		expect(rows.map((r) => r.kind).sort()).toEqual(['numeric', 'single']);
		const bad = await ok(await as.teacher.form(`/api/v1/questions/import?subjectId=${toan}`, gift(good + '\n::Q3:: 1 + 1 = 2 {T}\n')), 400);
		expect(bad.error.details.errors[0].message).toMatch(/^Dòng 7: không đọc được theo định dạng GIFT/);
		expect((await app.db.select().from(questionsTable).where(eq(questionsTable.topic, 'GIFT Phân số'))).length).toBe(2);
		expect((await as.teacher.form(`/api/v1/questions/import?subjectId=${toan}`, gift(good, 'toan6.doc'))).status).toBe(400);
	});

	it('is refused to a learner (403)', async () => {
		const fd = await workbook([[1, 'Đúng/Sai', '', '', 'x', '', '', '', '', '', '', 'Đúng', 1]]);
		expect((await as.learner.form(`/api/v1/questions/import?subjectId=${toan}`, fd)).status).toBe(403);
	});
});

describe('files in lessons', () => {
	const pdf = () => new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')], 'phieu-hoc-tap.pdf', { type: 'application/pdf' });
	it('uploads a file as a block; the learner of a class given the lesson and their parent download it, others get 404', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Có tệp' }), 201);
		const fd = new FormData();
		fd.set('title', 'Phiếu học tập');
		fd.set('file', pdf());
		const { file, lesson: after } = await ok(await as.teacher.form(`/api/v1/lessons/${lesson.id}/files`, fd), 201);
		expect(after.blocks).toEqual([expect.objectContaining({ kind: 'file', title: 'Phiếu học tập', fileId: file.id, name: 'phieu-hoc-tap.pdf', contentType: 'application/pdf' })]);
		const url = `/api/v1/lessons/${lesson.id}/files/${file.id}`;
		// Not given to the learner's class yet.
		expect((await as.learner.get(url)).status).toBe(404);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a1 }), 201);
		const res = await as.learner.get(url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect((await res.text()).startsWith('%PDF-')).toBe(true);
		expect((await as.parent.get(url)).status).toBe(200);
		expect((await as.homeroom.get(url)).status).toBe(200);
		// Only the author adds files; an HTML page is never taken.
		const other = new FormData();
		other.set('file', pdf());
		expect((await as.homeroom.form(`/api/v1/lessons/${lesson.id}/files`, other)).status).toBe(403);
		const html = new FormData();
		html.set('file', new File([new TextEncoder().encode('<!doctype html><script>alert(1)</script>')], 'bai.html', { type: 'text/html' }));
		expect((await as.teacher.form(`/api/v1/lessons/${lesson.id}/files`, html)).status).toBe(415);
	});
});

describe('HTML5 packages in lessons', () => {
	const zip = (files: Record<string, string>) => {
		const fd = new FormData();
		fd.set('title', 'Mô phỏng phân số');
		fd.set('file', new File([zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))], 'mo-phong.zip', { type: 'application/zip' }));
		return fd;
	};

	it('serves an uploaded package to the lesson’s readers in an opaque-origin sandbox, by its capability address only', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Có gói HTML5' }), 201);
		const up = await ok(await as.teacher.form(`/api/v1/lessons/${lesson.id}/packages`, zip({ 'mo-phong/index.html': '<!doctype html><script src="js/app.js"></script>', 'mo-phong/js/app.js': 'document.title = "ok";' })), 201);
		expect(up.package).toMatchObject({ files: 2, entry: 'index.html' });
		expect(up.lesson.blocks.at(-1)).toMatchObject({ kind: 'package', title: 'Mô phỏng phân số', packageId: up.package.id });
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a1 }), 201);

		// The learner's lesson page frames the package; the frame's address carries the secret.
		const page = await (await as.learner.get(`/learn/${lesson.id}`)).text();
		const src = page.match(/<iframe src="(\/packages\/[^"]+)"[^>]*sandbox="allow-scripts allow-forms allow-popups"/)![1];
		const index = await app.request('GET', src);
		expect(index.status).toBe(200);
		expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(index.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts allow-forms allow-popups;/);
		expect(index.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		const js = await app.request('GET', src.replace('index.html', 'js/app.js'));
		expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(await js.text()).toBe('document.title = "ok";');
		// A wrong secret, a path outside the package, or another package's secret: 404.
		expect((await app.request('GET', src.replace(/\/packages\/([^/]+)\/[^/]+\//, '/packages/$1/wrong/'))).status).toBe(404);
		expect((await app.request('GET', src.replace('index.html', '..%2F..%2Fetc%2Fpasswd'))).status).toBe(404);
	});

	it('refuses a package with an unsafe path, a program inside, or no start page, in Vietnamese', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Gói hỏng' }), 201);
		const refuse = async (files: Record<string, string>) => (await ok(await as.teacher.form(`/api/v1/lessons/${lesson.id}/packages`, zip(files)), 400)).error.message;
		expect(await refuse({ 'index.html': 'x', 'run.exe': 'MZ' })).toBe('Gói có tệp không được phép: run.exe (chỉ HTML, JS, CSS, ảnh, âm thanh, video, phông chữ).');
		expect(await refuse({ 'main.html': 'x' })).toBe('Gói cần có index.html (gói HTML5) hoặc h5p.json (gói H5P) ở thư mục gốc (hoặc trong thư mục duy nhất của gói).');
		expect((await as.homeroom.form(`/api/v1/lessons/${lesson.id}/packages`, zip({ 'index.html': 'x' }))).status).toBe(403);
	});
});

describe('H5P packages in lessons', () => {
	const h5p = (bytes: Uint8Array<ArrayBuffer>, title = '') => {
		const fd = new FormData();
		if (title) fd.set('title', title);
		fd.set('file', new File([bytes], 'loi-chao.h5p', { type: 'application/octet-stream' }));
		return fd;
	};

	it('plays an uploaded .h5p with Sen’s player from the package’s own capability address, in the same sandbox', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Có gói H5P' }), 201);
		const up = await ok(await as.teacher.form(`/api/v1/lessons/${lesson.id}/packages`, h5p(senTestH5P())), 201);
		expect(up.package).toMatchObject({ kind: 'h5p', files: 4, entry: 'sen-h5p.html' });
		// No title given: the one in h5p.json.
		expect(up.lesson.blocks.at(-1)).toMatchObject({ kind: 'package', title: 'Lời chào', packageId: up.package.id, name: 'loi-chao.h5p' });
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: c6a1 }), 201);

		const page = await (await as.learner.get(`/learn/${lesson.id}`)).text();
		const src = page.match(/<iframe src="(\/packages\/[^"]+\/sen-h5p\.html)"[^>]*sandbox="allow-scripts allow-forms allow-popups"/)![1];
		const [, id, secret] = src.match(/^\/packages\/([^/]+)\/([^/]+)\//)!;
		// The start page Sen writes: the player from Sen, the content from this very folder.
		const start = await app.request('GET', src);
		expect(start.status).toBe(200);
		expect(start.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const csp = start.headers.get('content-security-policy')!;
		expect(csp).toMatch(/^sandbox allow-scripts allow-forms allow-popups;/);
		expect(csp).not.toMatch(/allow-same-origin/);
		// The player may fetch this package's own JSON and nothing else (not Sen's API).
		expect(csp).toMatch(new RegExp(`; connect-src [\\w.:-]+/packages/${id}/${secret}/;`));
		expect(start.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		const html = await start.text();
		const player = html.match(/<script src="(\/h5p-player\/3\.8\.2\/main\.bundle\.js)">/)![1];
		expect(html).toContain("h5pJsonPath: '.'");
		// The package's files, with the same sandbox and CORS for the player's fetch from the opaque origin.
		for (const [path, type, body] of [
			['h5p.json', 'application/json', null],
			['content/content.json', 'application/json', '{"text":"Xin chào"}'],
			['H5P.SenTest-1.0/sentest.js', 'text/javascript; charset=utf-8', SENTEST_JS]
		] as const) {
			const res = await app.request('GET', src.replace('sen-h5p.html', path));
			expect(res.status, path).toBe(200);
			expect(res.headers.get('content-type')).toBe(type);
			expect(res.headers.get('content-security-policy')).toBe(csp);
			expect(res.headers.get('access-control-allow-origin')).toBe('*');
			if (body) expect(await res.text()).toBe(body);
		}
		// Sen's copy of the player: same sandbox, cached for good under its version, nothing else of node_modules.
		const js = await app.request('GET', player);
		expect(js.status).toBe(200);
		expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(js.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts allow-forms allow-popups;.*connect-src 'none'/);
		expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(js.headers.get('access-control-allow-origin')).toBe('*');
		expect((await js.text()).length).toBeGreaterThan(1000);
		for (const [path, type] of [['frame.bundle.js', 'text/javascript; charset=utf-8'], ['styles/h5p.css', 'text/css; charset=utf-8']]) {
			expect((await app.request('GET', `/h5p-player/3.8.2/${path}`)).headers.get('content-type')).toBe(type);
		}
		for (const bad of ['/h5p-player/3.8.2/h5p.d.ts', '/h5p-player/3.8.2/../package.json', '/h5p-player/3.8.2/..%2Fpackage.json', '/h5p-player/1.0.0/main.bundle.js', '/h5p-player/3.8.2/nope.js']) {
			expect((await app.request('GET', bad)).status, bad).toBe(404);
		}
		// A wrong secret still finds nothing, start page included.
		expect((await app.request('GET', src.replace(`/${secret}/`, '/wrong/'))).status).toBe(404);
	});

	it('refuses an H5P package without a main library, with a missing library folder, or with an unsafe path, in Vietnamese', async () => {
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Gói H5P hỏng' }), 201);
		const refuse = async (bytes: Uint8Array<ArrayBuffer>) => (await ok(await as.teacher.form(`/api/v1/lessons/${lesson.id}/packages`, h5p(bytes)), 400)).error.message;
		const manifest = (change: (m: Record<string, unknown>) => Record<string, unknown>) => (f: Record<string, string>) => ({ ...f, 'h5p.json': JSON.stringify(change(JSON.parse(f['h5p.json']))) });
		expect(await refuse(senTestH5P(manifest(({ mainLibrary: _, ...m }) => m)))).toBe('Tệp h5p.json của gói H5P không có thư viện chính (mainLibrary).');
		expect(await refuse(senTestH5P(({ 'H5P.SenTest-1.0/library.json': _, ...f }) => f))).toBe('Gói H5P thiếu thư mục thư viện H5P.SenTest-1.0 (kèm library.json).');
		expect(await refuse(senTestH5P(manifest((m) => ({ ...m, preloadedDependencies: [...(m.preloadedDependencies as object[]), { machineName: 'H5P.Question', majorVersion: 1, minorVersion: 5 }] }))))).toBe('Gói H5P thiếu thư mục thư viện H5P.Question-1.5 (kèm library.json).');
		expect(await refuse(senTestH5P((f) => ({ ...f, '../H5P.SenTest-1.0/evil.js': 'x' })))).toBe('Gói có đường dẫn không an toàn: ../H5P.SenTest-1.0/evil.js.');
		expect(await refuse(senTestH5P((f) => ({ ...f, 'H5P.SenTest-1.0/install.php': '<?php' })))).toBe('Gói có tệp không được phép: H5P.SenTest-1.0/install.php (chỉ HTML, JS, CSS, ảnh, âm thanh, video, phông chữ).');
		expect(await refuse(senTestH5P((f) => ({ ...f, 'h5p.json': '{ not json' })))).toBe('Tệp h5p.json của gói H5P không đọc được (cần JSON với mainLibrary và preloadedDependencies hợp lệ).');
		expect(await refuse(senTestH5P(({ 'content/content.json': _, ...f }) => f))).toBe('Gói H5P thiếu tệp content/content.json.');
		// Nothing was added to the lesson.
		const after = await ok(await as.teacher.get(`/api/v1/lessons/${lesson.id}`));
		expect(after.blocks.filter((b: { kind: string }) => b.kind === 'package')).toEqual([]);
	});
});
