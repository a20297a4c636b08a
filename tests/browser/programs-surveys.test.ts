import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

/** A datetime-local value `days` from now in Vietnam. */
const vietnamInput = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 16);

describe('a survey from the unit officer to a school and back on the board', () => {
	it('the officer builds two questions and sends them to Thạch Thất’s schools; the leader, on a phone without JavaScript, is told what is wrong, saves a draft and submits; the board shows it', { timeout: 120_000 }, async () => {
		const octx = await newContext(browser, sen, { width: 1280 });
		const o = await octx.newPage();
		await loginAs(o, 'unit');
		await o.goto('/programs/surveys');
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await o.waitForLoadState('networkidle');
		await o.getByLabel(/^Tên khảo sát/).fill('Phòng máy tính 2026');
		await Promise.all([o.waitForURL(/\/programs\/surveys\/[0-9a-f-]{36}$/), o.getByRole('button', { name: 'Tạo bản nháp' }).click()]);
		const surveyPath = new URL(o.url()).pathname;

		const add = o.getByRole('form', { name: 'Thêm câu hỏi' });
		await add.getByLabel(/^Loại câu hỏi/).selectOption({ label: 'Số' });
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await o.waitForLoadState('networkidle');
		await add.getByLabel(/^Nội dung câu hỏi/).fill('Số máy tính');
		await add.getByLabel('bắt buộc', { exact: true }).check();
		await add.getByLabel(/^Nhỏ nhất/).fill('0');
		await add.getByLabel(/^Lớn nhất/).fill('500');
		await add.getByLabel('Chỉ nhận số nguyên').check();
		await add.getByRole('button', { name: 'Thêm câu hỏi' }).click();
		await o.getByTestId('questions-s1').getByText('Số máy tính').waitFor();
		const add2 = o.getByRole('form', { name: 'Thêm câu hỏi' });
		await add2.getByLabel(/^Loại câu hỏi/).selectOption({ label: 'Một lựa chọn' });
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await o.waitForLoadState('networkidle');
		await add2.getByLabel(/^Nội dung câu hỏi/).fill('Trường có phòng máy riêng?');
		await add2.getByLabel('bắt buộc', { exact: true }).check();
		await add2.getByLabel(/^Các phương án/).fill('Có\nKhông');
		await add2.getByRole('button', { name: 'Thêm câu hỏi' }).click();
		await o.getByTestId('questions-s1').getByText('Trường có phòng máy riêng?').waitFor();
		// Reordered with the arrows, and back.
		const items = () => o.getByTestId('questions-s1').locator(':scope > li').allTextContents();
		await o.getByRole('button', { name: 'Chuyển lên: Trường có phòng máy riêng?' }).click();
		await expect.poll(async () => (await items())[0]).toContain('Trường có phòng máy riêng?');
		await o.getByRole('button', { name: 'Chuyển xuống: Trường có phòng máy riêng?' }).click();
		await expect.poll(async () => (await items())[0]).toContain('Số máy tính');
		// The arrows and the removal sit on one line beside the question, on a 360-px phone too, not stacked.
		for (const width of [1280, 360]) {
			await o.setViewportSize({ width, height: 800 });
			const tops = await Promise.all(['Chuyển lên: Số máy tính', 'Chuyển xuống: Số máy tính'].map(async (name) => (await o.getByRole('button', { name }).boundingBox())!.y));
			const remove = (await o.getByTestId('questions-s1').locator(':scope > li').first().getByRole('button', { name: 'Xóa' }).boundingBox())!.y;
			expect(Math.abs(tops[0] - tops[1]), `${width} px`).toBeLessThan(2);
			expect(Math.abs(tops[0] - remove), `${width} px`).toBeLessThan(2);
			await expect(o.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
			if (width === 360) await snap(o, 'survey-builder-360');
		}
		await o.setViewportSize({ width: 1280, height: 800 });

		const details = o.locator('form[action="?/details"]');
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await o.waitForLoadState('networkidle');
		await details.getByLabel(/^Mở từ/).fill(vietnamInput(-1));
		await details.getByLabel(/^Hạn nộp/).fill(vietnamInput(7));
		await details.getByLabel('Tất cả các trường của một đơn vị quản lý').check();
		await details.getByLabel(/^Đơn vị quản lý/).selectOption({ label: 'Xã Thạch Thất' });
		await details.getByRole('button', { name: 'Lưu' }).click();
		await o.getByRole('button', { name: 'Gửi khảo sát' }).click();
		await expect(o.getByTestId('totals').textContent()).resolves.toContain('2 chưa bắt đầu');

		// The leader of THCS Bình Yên, on a 390-px phone without JavaScript.
		const lctx = await newContext(browser, sen, { width: 390, height: 800, javaScript: false });
		const l = await lctx.newPage();
		await loginAs(l, 'leader');
		await l.goto('/programs/surveys');
		await Promise.all([l.waitForURL(/\/respond/), l.getByTestId('my-responses').getByRole('link', { name: 'Phòng máy tính 2026' }).click()]);
		await l.getByLabel(/^1\. Số máy tính/).fill('900');
		await l.getByRole('button', { name: 'Nộp khảo sát' }).click();
		await l.getByText('Câu 1: phải là số nguyên từ 0 đến 500').first().waitFor();
		await expect(l.getByText('Câu 2: bắt buộc trả lời').first().isVisible()).resolves.toBe(true);
		await l.getByLabel(/^1\. Số máy tính/).fill('35');
		await l.getByRole('button', { name: 'Lưu nháp' }).click();
		await l.getByText('Đã lưu bản nháp.').waitFor();
		await expect(l.getByTestId('response-status').textContent()).resolves.toBe('Đang soạn');
		await l.getByRole('radiogroup', { name: /Trường có phòng máy riêng/ }).getByLabel('Có', { exact: true }).check();
		await l.getByRole('button', { name: 'Nộp khảo sát' }).click();
		await l.getByText('Đã nộp khảo sát.').waitFor();
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await snap(l, 'survey-submitted-390');

		// The officer's board now counts the submission.
		await o.goto(surveyPath);
		await expect(o.getByTestId('totals').textContent()).resolves.toContain('1 đã nộp');
		await expect(o.getByTestId('board').locator('tr[data-school="THCS-BINHYEN"] .badge').textContent()).resolves.toBe('Đã nộp');
		await snap(o, 'survey-board');
	});
});
