import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the program office records spending', () => {
	it('the officer records a payment with its document on a phone, sees the remaining change and downloads the .xlsx report', { timeout: 120_000 }, async () => {
		const ctx = await newContext(browser, sen, { width: 390, height: 844 });
		const page = await ctx.newPage();
		await loginAs(page, 'city');
		await page.goto('/programs');
		await Promise.all([page.waitForURL((u) => u.pathname === '/programs/budget'), page.getByRole('link', { name: 'Kinh phí chương trình' }).click()]);
		await Promise.all([page.waitForURL((u) => u.search === '?year=2024'), page.getByRole('link', { name: 'Năm 2024' }).click()]);
		await expect(page.getByTestId('remaining-3.4').textContent()).resolves.toBe('350.000.000');
		await Promise.all([page.waitForURL(/\/programs\/budget\/tasks\//), page.getByRole('link', { name: 'Tập huấn trực tuyến cho học sinh, cha mẹ học sinh' }).click()]);

		const form = page.getByRole('form', { name: 'Ghi khoản chi' });
		await form.getByLabel(/^Năm/).selectOption('2024');
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await page.waitForLoadState('networkidle');
		await form.getByLabel(/^Số tiền/).fill('50.000.000');
		await form.getByLabel(/^Ngày chi/).fill('2024-09-10');
		await form.getByLabel(/^Nội dung chi/).fill('Lớp tập huấn trực tuyến cho cha mẹ học sinh');
		await form.getByLabel(/^Số chứng từ/).fill('PC-2024-090');
		await form.getByLabel(/^Chứng từ/).setInputFiles({ name: 'Giấy đề nghị thanh toán.pdf', mimeType: 'application/pdf', buffer: PDF });
		await form.getByRole('button', { name: 'Ghi khoản chi' }).click();
		await page.getByText('Đã ghi khoản chi.').waitFor();
		await expect(page.getByTestId('remaining-2024').textContent()).resolves.toBe('300.000.000');
		await expect(page.getByTestId('spending').getByRole('link', { name: 'Giấy đề nghị thanh toán.pdf' }).count()).resolves.toBe(1);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await snap(page, 'budget-task-390');

		await page.goto('/programs/budget?year=2024');
		await expect(page.getByTestId('remaining-3.4').textContent()).resolves.toBe('300.000.000');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx').click()]);
		expect(download.suggestedFilename()).toBe('kinh-phi-2024.xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
		const ws = wb.getWorksheet('2024')!;
		const row = ws.getRows(5, ws.rowCount - 4)!.find((r) => r.getCell(1).value === '3.4')!;
		expect(row.getCell(5).value).toBe(50_000_000);
		expect(row.getCell(6).value).toBe(300_000_000);
		await ctx.close();
	});
});
