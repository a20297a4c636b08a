import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

const fillFrame = async (page: Page) => {
	await page.getByLabel('1. Về kiến thức').fill('Nhận biết được phân số và các thành phần của phân số.');
	await page.getByLabel('2. Về năng lực').fill('Tư duy và lập luận toán học.');
	await page.getByLabel('3. Về phẩm chất').fill('Chăm chỉ, trung thực.');
	await page.getByLabel('II. Thiết bị dạy học và học liệu').fill('Phiếu học tập, máy chiếu.');
	for (let i = 1; i <= 4; i++) {
		const activity = page.getByRole('group', { name: new RegExp(`^Hoạt động ${i}:`) });
		await activity.getByLabel('a) Mục tiêu').fill(`Mục tiêu hoạt động ${i}`);
		await activity.getByLabel('b) Nội dung').fill(`Nội dung hoạt động ${i}`);
		await activity.getByLabel('c) Sản phẩm').fill(`Sản phẩm hoạt động ${i}`);
		await activity.getByLabel(/^d\) Tổ chức thực hiện/).fill('Chuyển giao → thực hiện → báo cáo → kết luận');
	}
};

describe('a lesson plan from draft to approval', () => {
	for (const javaScript of [true, false]) {
		it(`the teacher writes and submits, the group head returns it, the teacher resubmits, the group head and the leader approve (JavaScript ${javaScript ? 'on' : 'off'}, ${javaScript ? 1280 : 360} px)`, { timeout: 90_000 }, async () => {
			const width = javaScript ? 1280 : 360;
			const title = `Phân số (${width})`;
			const ctx = await newContext(browser, sen, { javaScript, width });
			const teacher = await ctx.newPage();
			await loginAs(teacher, 'teacher');
			await Promise.all([teacher.waitForURL((u) => u.pathname === '/lesson-plans'), teacher.getByRole('link', { name: 'Kế hoạch bài dạy' }).first().click()]);
			await expect(teacher.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kế hoạch bài dạy');

			// A new draft: the subject is required.
			const form = teacher.getByRole('region', { name: 'Soạn kế hoạch bài dạy mới' });
			await form.getByLabel(/^Tên bài dạy/).fill(title);
			await form.getByLabel(/^Khối/).fill('6');
			await form.getByLabel(/^Tuần/).fill('21');
			await form.getByRole('button', { name: 'Tạo bản nháp' }).click();
			await form.getByRole('alert').waitFor();
			await expect(form.getByRole('alert').textContent()).resolves.toContain('Môn học');
			await form.getByLabel(/^Môn học/).selectOption({ label: 'Toán' });
			await form.getByLabel(/^Tên bài dạy/).fill(title);
			await Promise.all([teacher.waitForURL(/\/lesson-plans\/[0-9a-f-]{36}/), form.getByRole('button', { name: 'Tạo bản nháp' }).click()]);
			await expect(teacher.getByTestId('plan-status').textContent()).resolves.toBe('Bản nháp');

			// Submitting half a plan names what is missing; the rest is kept.
			await teacher.getByLabel('1. Về kiến thức').fill('Nhận biết được phân số.');
			await teacher.getByRole('button', { name: 'Lưu và nộp duyệt' }).click();
			await teacher.getByRole('alert').waitFor();
			await expect(teacher.getByRole('alert').textContent()).resolves.toMatch(/Còn 19 mục chưa điền/);
			await expect(teacher.getByLabel('1. Về kiến thức').inputValue()).resolves.toBe('Nhận biết được phân số.');
			await fillFrame(teacher);
			await teacher.getByRole('button', { name: 'Lưu và nộp duyệt' }).click();
			await teacher.getByText('Đã nộp kế hoạch bài dạy cho tổ trưởng chuyên môn.').waitFor();
			await expect(teacher.getByTestId('plan-status').textContent()).resolves.toBe('Đã nộp, chờ tổ trưởng duyệt');
			await snap(teacher, `lesson-plan-submitted-${width}`);
			const planUrl = new URL(teacher.url()).pathname;
			await expect(teacher.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

			// The group head finds it in the list and returns it with a comment.
			const headCtx = await newContext(browser, sen, { javaScript, width });
			const head = await headCtx.newPage();
			await loginAs(head, 'grouphead');
			await head.goto('/lesson-plans?status=submitted');
			await Promise.all([head.waitForURL((u) => u.pathname === planUrl), head.getByRole('link', { name: title }).click()]);
			await head.getByLabel(/^Nhận xét/).fill('Bổ sung ví dụ thực tế ở phần vận dụng.');
			await head.getByRole('button', { name: 'Trả lại để sửa' }).click();
			await head.getByText('Đã trả lại kế hoạch bài dạy').waitFor();
			await expect(head.getByTestId('plan-status').textContent()).resolves.toBe('Trả lại để chỉnh sửa');

			// The teacher sees why, fixes and resubmits.
			await teacher.goto(planUrl);
			// Typing before the page has hydrated can be undone by hydration on a loaded machine.
			await teacher.waitForLoadState('networkidle');
			await expect(teacher.getByTestId('plan-history').textContent()).resolves.toContain('Bổ sung ví dụ thực tế ở phần vận dụng.');
			await teacher.getByRole('group', { name: /^Hoạt động 4:/ }).getByLabel('b) Nội dung').fill('Tính phần bánh chưng chia cho cả nhà.');
			await teacher.getByRole('button', { name: 'Lưu và nộp duyệt' }).click();
			await teacher.getByText('Đã nộp kế hoạch bài dạy cho tổ trưởng chuyên môn.').waitFor();

			// The group head approves; then the leader.
			await head.goto(planUrl);
			await head.getByRole('button', { name: 'Duyệt' }).click();
			await head.getByText('Đã duyệt kế hoạch bài dạy.').waitFor();
			await expect(head.getByTestId('plan-status').textContent()).resolves.toBe('Tổ trưởng đã duyệt, chờ Ban giám hiệu');

			const leaderCtx = await newContext(browser, sen, { javaScript, width });
			const leader = await leaderCtx.newPage();
			await loginAs(leader, 'leader');
			await leader.goto('/lesson-plans');
			await expect(leader.getByTestId('lesson-plans').textContent()).resolves.toContain(title);
			await leader.goto(planUrl);
			await leader.getByRole('button', { name: 'Duyệt' }).click();
			await leader.getByText('Đã duyệt kế hoạch bài dạy.').waitFor();
			await expect(leader.getByTestId('plan-status').textContent()).resolves.toBe('Đã duyệt');
			await expect(leader.getByTestId('plan-body').textContent()).resolves.toContain('Tính phần bánh chưng chia cho cả nhà.');
			await snap(leader, `lesson-plan-approved-${width}`);

			// The approved plan downloads as a PDF.
			const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByRole('link', { name: 'Tải PDF' }).click()]);
			expect(download.suggestedFilename()).toMatch(/^ke-hoach-bai-day-toan-phan-so-\d+\.pdf$/);
			for (const c of [ctx, headCtx, leaderCtx]) await c.close();
		});
	}
});
