import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a quarterly report up the tree', () => {
	it('the school leader generates it, writes the narrative and submits it; the unit officer finds it in their list and accepts it', { timeout: 120_000 }, async () => {
		const lctx = await newContext(browser, sen, { width: 1280 });
		const l = await lctx.newPage();
		await loginAs(l, 'leader');
		await l.goto('/programs');
		await Promise.all([l.waitForURL((u) => u.pathname === '/programs/reports'), l.getByRole('link', { name: 'Báo cáo định kỳ' }).click()]);
		const form = l.getByRole('region', { name: 'Lập báo cáo mới' });
		// The period offered first is the current quarter.
		await expect(form.getByLabel(/^Kỳ báo cáo/).inputValue()).resolves.toMatch(/^quarterly\|\d{4}-Q[1-4]$/);
		await Promise.all([l.waitForURL(/\/programs\/reports\/[0-9a-f-]{36}$/), form.getByRole('button', { name: 'Lập báo cáo' }).click()]);
		const reportPath = new URL(l.url()).pathname;
		await expect(l.getByTestId('report-status').textContent()).resolves.toBe('Bản nháp');
		await expect(l.getByTestId('figures').textContent()).resolves.toContain('Số trường trong phạm vi');
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await l.waitForLoadState('networkidle');
		await l.getByLabel('Kết quả thực hiện').fill('Toàn trường dùng sổ điểm điện tử.');
		await l.getByRole('button', { name: 'Gửi báo cáo' }).click();
		await l.getByText('Đã gửi báo cáo.').waitFor();
		await expect(l.getByTestId('report-status').textContent()).resolves.toBe('Đã gửi');

		// The unit officer, on a phone, finds it sent to them and accepts it.
		const uctx = await newContext(browser, sen, { width: 390, height: 800 });
		const u = await uctx.newPage();
		await loginAs(u, 'unit');
		await u.goto('/programs/reports');
		const toMe = u.getByTestId('reports-to-me');
		await expect(toMe.textContent()).resolves.toContain('THCS Bình Yên');
		await Promise.all([u.waitForURL((x) => x.pathname === reportPath), toMe.getByRole('link', { name: /^Báo cáo quý/ }).click()]);
		await expect(u.getByText('Toàn trường dùng sổ điểm điện tử.').isVisible()).resolves.toBe(true);
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await u.waitForLoadState('networkidle');
		await u.getByLabel('Ý kiến').fill('Đạt yêu cầu.');
		await u.getByRole('button', { name: 'Tiếp nhận' }).click();
		await u.getByText('Đã ghi nhận.').waitFor();
		await expect(u.getByTestId('report-status').textContent()).resolves.toBe('Đã tiếp nhận');
		await expect(u.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await snap(u, 'program-report-accepted-390');
		await lctx.close();
		await uctx.close();
	});
});
