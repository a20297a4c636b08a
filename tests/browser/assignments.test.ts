import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

/** A real 2×2 red PNG, so the inline image must actually load and decode. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');

describe('an assignment from setting to grade', () => {
	it('the teacher sets it with a rubric, the learner hands in text and a file on a 360-px phone, the teacher grades, the learner sees the grade', { timeout: 90_000 }, async () => {
		const teacherCtx = await newContext(browser, sen);
		const teacher = await teacherCtx.newPage();
		await loginAs(teacher, 'teacher');
		await Promise.all([teacher.waitForURL((u) => u.pathname === '/assignments'), teacher.getByRole('link', { name: 'Bài tập' }).first().click()]);
		const form = teacher.getByRole('region', { name: 'Giao bài tập mới' });
		await form.getByLabel(/^Lớp và môn/).selectOption({ label: '6A1 · Toán' });
		await form.getByLabel(/^Tên bài tập/).fill('Luyện tập phân số');
		await form.getByLabel(/^Hướng dẫn/).fill('Làm bài 1 đến 3 trang 12, chụp ảnh bài làm.');
		await form.getByLabel(/^Hạn nộp/).fill('2099-12-31T17:00');
		await form.getByLabel(/^Tiêu chí 1/).fill('Lời giải đúng');
		await form.getByLabel('Điểm', { exact: true }).first().fill('7');
		await form.getByLabel(/^Tiêu chí 2/).fill('Trình bày');
		await form.getByLabel('Điểm', { exact: true }).nth(1).fill('3');
		await Promise.all([teacher.waitForURL(/\/assignments\/[0-9a-f-]{36}/), form.getByRole('button', { name: 'Giao bài' }).click()]);
		await teacher.getByText('Đã giao bài tập.', { exact: false }).waitFor();
		const url = new URL(teacher.url()).pathname;

		// The learner, on a phone.
		const learnerCtx = await newContext(browser, sen, { width: 360, height: 740 });
		const learner = await learnerCtx.newPage();
		await loginAs(learner, 'learner');
		await learner.goto('/assignments');
		await Promise.all([learner.waitForURL(url), learner.getByRole('link', { name: 'Luyện tập phân số' }).click()]);
		await expect(learner.getByTestId('my-status').textContent()).resolves.toBe('Chưa nộp');
		const handIn = learner.getByTestId('submit-form');
		await handIn.getByRole('textbox', { name: 'Bài làm' }).fill('Bài 1: 1/2 + 1/3 = 5/6');
		await handIn.getByLabel(/^Tệp/).setInputFiles({ name: 'bai-lam.png', mimeType: 'image/png', buffer: PNG });
		await handIn.getByRole('button', { name: 'Nộp bài' }).click();
		await learner.getByText('Đã nộp bài.').waitFor();
		await expect(learner.getByTestId('my-status').textContent()).resolves.toBe('Đã nộp');
		await expect(learner.getByTestId('submission-text').textContent()).resolves.toBe('Bài 1: 1/2 + 1/3 = 5/6');
		const img = learner.getByRole('img', { name: 'bai-lam.png' });
		await img.waitFor();
		await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(2);
		await expect(learner.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(learner, 'assignment-submitted-360');

		// The teacher grades with the rubric.
		await teacher.reload();
		const work = teacher.getByTestId('learner-work').filter({ hasText: 'Bài 1: 1/2 + 1/3 = 5/6' });
		await work.getByLabel(/^Lời giải đúng/).fill('6,5');
		await work.getByLabel(/^Trình bày/).fill('2');
		await work.getByLabel(/^Nhận xét/).fill('Lời giải đúng, trình bày cần rõ hơn.');
		await work.getByRole('button', { name: 'Lưu điểm' }).click();
		await teacher.getByText('Đã lưu điểm.').waitFor();

		// The learner sees the grade.
		await learner.reload();
		await expect(learner.getByTestId('grade').textContent()).resolves.toBe('Điểm: 8,5/10');
		await expect(learner.getByTestId('grade-comment').textContent()).resolves.toContain('trình bày cần rõ hơn');
		await expect(learner.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(learner, 'assignment-graded-360');
		await learner.goto('/assignments');
		await expect(learner.getByTestId('my-score').first().textContent()).resolves.toBe('Điểm: 8,5');
		await teacherCtx.close();
		await learnerCtx.close();
	});
});
