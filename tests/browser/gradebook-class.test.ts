/**
 * Kết quả của lớp in a real browser, on the demo school: `homeroom` is the GVCN of 6A1.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('the homeroom teacher’s class results', () => {
	it('sets a learner’s conduct and comment for HK I, keeps them after a reload, and fits 360 px without scrolling the page sideways', { timeout: 60_000 }, async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'homeroom');
		await Promise.all([page.waitForURL(/\/gradebook$/), page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ điểm' }).click()]);
		await Promise.all([page.waitForURL(/\/gradebook\/class\/[0-9a-f-]+$/), page.getByRole('link', { name: 'Kết quả của lớp 6A1' }).click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kết quả của lớp 6A1');
		await expect(page.getByRole('link', { name: 'HK I', exact: true }).getAttribute('aria-current')).resolves.toBe('page');

		const name = (await page.getByTestId('result-row').first().locator('th').innerText()).trim();
		await page.getByLabel(`Mức rèn luyện – ${name}`, { exact: true }).selectOption({ label: 'Khá' });
		await page.getByLabel(`Nhận xét – ${name}`, { exact: true }).fill('Tiến bộ rõ trong học kì, cần mạnh dạn phát biểu.');
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu đánh giá rèn luyện' }).click()]);
		await page.getByTestId('conduct-saved').filter({ hasText: 'Đã lưu đánh giá rèn luyện của 1 học sinh.' }).waitFor();

		// A fresh GET (a reload would post the form again).
		await page.goto(page.url().replace(/\?.*$/, '?period=1'));
		await expect(page.getByTestId('conduct-saved').count()).resolves.toBe(0);
		await expect(page.getByTestId('conduct-conflict').count()).resolves.toBe(0);
		await expect(page.getByLabel(`Mức rèn luyện – ${name}`, { exact: true }).inputValue()).resolves.toBe('kha');
		await expect(page.getByLabel(`Nhận xét – ${name}`, { exact: true }).inputValue()).resolves.toBe('Tiến bộ rõ trong học kì, cần mạnh dạn phát biểu.');
		await expect(page.getByTestId('result-row').first().getByTestId('conduct').innerText()).resolves.toBe('Khá');

		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(page.url());
		const widths = await page.evaluate(() => {
			const wrap = document.querySelector('[data-testid="class-results"]')!.parentElement!;
			return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth };
		});
		expect(widths.page).toBeLessThanOrEqual(widths.viewport);
		expect(widths.wrapScroll).toBeGreaterThan(widths.wrapClient);
		await snap(page, 'gradebook-class-360');
		await context.close();
	});
});
