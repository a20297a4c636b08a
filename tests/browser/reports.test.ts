import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

/** The first learner of 6A1 gets 8 in every Toán assessment of term 1 (through the API), so the card has an average to print. */
let firstLearner = '';
beforeAll(async () => {
	const teacher = await apiAs(sen, 'teacher');
	const { items } = (await teacher.get('/api/v1/teaching-assignments')) as { items: { classId: string; className: string; subjectId: string; subjectName: string }[] };
	const toan = items.find((a) => a.className === '6A1' && a.subjectName === 'Toán')!;
	const grid = await teacher.get(`/api/v1/gradebook/grid?classId=${toan.classId}&subjectId=${toan.subjectId}&term=1`);
	const row = grid.rows[0];
	firstLearner = row.learner.name;
	await teacher.put('/api/v1/gradebook/scores', {
		classId: toan.classId,
		subjectId: toan.subjectId,
		cells: grid.columns.map((c: { id: string }) => ({ columnId: c.id, learnerId: row.learner.id, value: 8, version: row.cells[c.id].version }))
	});
}, 60_000);

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
			// One page per learner; the first learner's page has their name and the Toán average.
			const { text } = await extractText(await getDocumentProxy(new Uint8Array(file)), { mergePages: false });
			const pages = (text as string[]).map((t) => t.replace(/\s+/g, ' '));
			expect(pages).toHaveLength(12);
			const card = pages.find((p) => p.includes(firstLearner))!;
			expect(card).toContain('PHIẾU BÁO KẾT QUẢ HỌC TẬP');
			expect(card).toMatch(/Toán 8,0/);
			await context.close();
		});
	}
});
