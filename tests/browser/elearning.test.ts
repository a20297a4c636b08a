import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a lesson with a quiz, from the teacher to the learner', () => {
	it('the teacher adds questions to the bank, builds a lesson with a text and a quiz and gives it to 6A1; the learner takes it on a phone and sees the score and what to do next', { timeout: 120_000 }, async () => {
		const tctx = await newContext(browser, sen, { width: 1280 });
		const t = await tctx.newPage();
		await loginAs(t, 'teacher');

		// Two questions in the bank: single choice and numeric, on two topics.
		await t.goto('/questions');
		const newQ = t.getByRole('region', { name: 'Câu hỏi mới' });
		const addQuestion = async (fill: () => Promise<void>) => {
			await newQ.getByLabel(/^Môn học/).selectOption({ label: 'Toán' });
			await fill();
			await Promise.all([t.waitForResponse((r) => r.url().includes('/questions') && r.request().method() === 'POST'), newQ.getByRole('button', { name: 'Thêm câu hỏi' }).click()]);
			await t.getByText('Đã thêm câu hỏi vào ngân hàng.').waitFor();
		};
		await addQuestion(async () => {
			await newQ.getByLabel('Loại câu hỏi').selectOption('single');
			await newQ.getByLabel('Chủ đề').fill('Phân số bằng nhau');
			await newQ.getByLabel(/^Câu hỏi/).fill('Phân số nào bằng 1/2?');
			await newQ.getByLabel('Các phương án').fill('2/4\n2/3\n3/4');
			await newQ.getByLabel('Phương án đúng').fill('A');
		});
		await addQuestion(async () => {
			await newQ.getByLabel('Loại câu hỏi').selectOption('numeric');
			await newQ.getByLabel('Chủ đề').fill('Số thập phân');
			await newQ.getByLabel(/^Câu hỏi/).fill('Viết 1/4 dưới dạng số thập phân.');
			await newQ.getByLabel('Đáp số').fill('0,25');
		});
		await expect(t.getByTestId('questions').textContent()).resolves.toContain('Viết 1/4 dưới dạng số thập phân.');

		// A lesson with a text block and a quiz of both questions, given to 6A1.
		await t.goto('/lessons');
		const newL = t.getByRole('region', { name: 'Bài giảng mới' });
		await newL.getByLabel(/^Môn học/).selectOption({ label: 'Toán' });
		await newL.getByLabel(/^Khối/).fill('6');
		await newL.getByLabel(/^Tên bài giảng/).fill('Phân số và số thập phân');
		await Promise.all([t.waitForURL(/\/lessons\/[0-9a-f-]{36}$/), newL.getByRole('button', { name: 'Tạo bài giảng' }).click()]);
		const addBlock = t.getByRole('region', { name: 'Thêm phần' });
		await addBlock.getByLabel('Tiêu đề').fill('Ôn lại');
		await addBlock.getByLabel('Nội dung').fill('Hai phân số bằng nhau khi tích chéo bằng nhau.\n\nMột phần tư bằng 0,25.');
		await addBlock.getByRole('button', { name: 'Thêm phần' }).click();
		await t.getByText('Đã thêm phần vào bài giảng.').waitFor();
		const quiz = t.getByRole('region', { name: 'Thêm bài kiểm tra' });
		await quiz.getByLabel(/Phân số nào bằng 1\/2\?/).check();
		await quiz.getByLabel(/Viết 1\/4 dưới dạng số thập phân\./).check();
		await quiz.getByLabel('Số lượt làm').fill('2');
		await quiz.getByRole('button', { name: 'Thêm bài kiểm tra' }).click();
		await t.getByText('Đã thêm bài kiểm tra vào bài giảng.').waitFor();
		await expect(t.getByTestId('blocks').locator('li').count()).resolves.toBe(2);
		const give = t.getByRole('region', { name: 'Giao cho lớp' });
		await give.getByLabel(/^Lớp/).selectOption({ label: '6A1' });
		await give.getByRole('button', { name: 'Giao cho lớp' }).click();
		await t.getByText('Đã giao bài giảng cho lớp.').waitFor();
		await snap(t, 'lesson-builder');

		// A second lesson, practising Số thập phân, is given to 6A1 too (through the API).
		const api = await apiAs(sen, 'teacher');
		const { items: bank } = await api.get('/api/v1/questions?topic=So thap phan');
		const second = await api.post('/api/v1/lessons', { subjectId: bank[0].subjectId, grade: 6, title: 'Luyện tập số thập phân' });
		await api.post(`/api/v1/lessons/${second.id}/quizzes`, { title: 'Luyện tập', questionIds: [bank[0].id], maxAttempts: 3 });
		const { items: mine } = await api.get('/api/v1/teaching-assignments');
		await api.post(`/api/v1/lessons/${second.id}/classes`, { classId: mine.find((a: { className: string; subjectName: string }) => a.className === '6A1' && a.subjectName === 'Toán').classId });

		// The learner, on a 360-px phone.
		const lctx = await newContext(browser, sen, { width: 360, height: 740 });
		const l = await lctx.newPage();
		await loginAs(l, 'learner');
		await Promise.all([l.waitForURL((u) => u.pathname === '/learn'), l.getByRole('link', { name: 'Học tập' }).first().click()]);
		await Promise.all([l.waitForURL(/\/learn\/[0-9a-f-]{36}$/), l.getByTestId('my-lessons').getByRole('link', { name: 'Phân số và số thập phân' }).click()]);
		await l.getByRole('button', { name: /^Đánh dấu đã xong/ }).click();
		await expect(l.getByTestId('lesson-progress').textContent()).resolves.toBe('50 %');
		await Promise.all([l.waitForURL(/\/learn\/attempts\//), l.getByRole('button', { name: 'Làm bài' }).click()]);
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await l.getByRole('radio', { name: '2/4' }).check();
		// The questions come shuffled: find the numeric one by its text.
		await l.locator('fieldset', { hasText: 'Viết 1/4 dưới dạng số thập phân.' }).getByLabel('Câu trả lời').fill('0,3');
		await snap(l, 'quiz-360');
		await l.getByRole('button', { name: 'Nộp bài' }).click();
		await l.getByTestId('attempt-result').waitFor();
		await expect(l.getByTestId('attempt-result').textContent()).resolves.toContain('Điểm của em: 1 / 2');
		// The numeric answer was wrong: the key is shown, and the lesson practising that topic comes next.
		await expect(l.locator('[data-verdict="wrong"]').textContent()).resolves.toContain('Đáp án: 0,25');
		await expect(l.getByTestId('next').textContent()).resolves.toContain('Luyện tập số thập phân');
		await snap(l, 'quiz-result-360');
		await l.goto('/learn');
		await expect(l.getByTestId('my-lessons').textContent()).resolves.toContain('Tiến độ: 100 %');
		await expect(l.getByTestId('mastery').locator('[data-level="needs_help"]').textContent()).resolves.toContain('Số thập phân');
		for (const c of [tctx, lctx]) await c.close();
	});
});
