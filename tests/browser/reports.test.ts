import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('the results summary', () => {
	for (const javaScript of [true, false]) {
		it(`lets the school leader pick a class, see the charts and download its report cards (JavaScript ${javaScript ? 'on' : 'off'}, ${javaScript ? 1280 : 360} px)`, { timeout: 60_000 }, async () => {
			const width = javaScript ? 1280 : 360;
			const context = await newContext(browser, sen, { javaScript, width });
			const page = await context.newPage();
			await loginAs(page, 'leader');
			await page.goto('/gradebook/summary');
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tổng hợp kết quả');
			await expect(page.getByTestId('summary-scope').textContent()).resolves.toContain('Toàn trường');
			await expect(page.getByRole('link', { name: 'Tải phiếu báo điểm cả lớp (PDF)' }).count()).resolves.toBe(0);

			await page.getByLabel('Lớp', { exact: true }).and(page.locator('select')).selectOption({ label: '6A1' });
			await Promise.all([page.waitForURL(/classId=/), page.getByRole('button', { name: 'Xem' }).click()]);
			await expect(page.getByTestId('summary-scope').textContent()).resolves.toContain('Lớp 6A1');

			await snap(page, `summary-${width}`);
			// The chart is drawn and described by the table with the same numbers.
			const chart = page.getByRole('img', { name: 'Biểu đồ: Kết quả học tập' });
			await expect(chart.isVisible()).resolves.toBe(true);
			await expect(chart.getAttribute('aria-describedby')).resolves.toBe('learning-table');
			await expect(page.locator('#learning-table tr[data-level="none"] td').first().textContent()).resolves.toBe('12');
			// Nothing but the tables' own scroll areas is wider than the screen.
			await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải phiếu báo điểm cả lớp (PDF)' }).click()]);
			expect(download.suggestedFilename()).toBe('phieu-bao-diem-lop-6a1-hk1.pdf');
			const file = readFileSync((await download.path())!);
			expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			await context.close();
		});
	}
});
