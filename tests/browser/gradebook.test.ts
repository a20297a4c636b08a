/**
 * The gradebook in a real browser, on the demo school: `teacher` teaches Toán in 6A1 and 6A2,
 * `leader` leads the school. Each test uses its own class/term so they do not depend on each other.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

/** From the menu to a class's Toán grid, as the teacher would go. */
async function openToan(page: Page, className: string, term: 1 | 2 = 1) {
	await Promise.all([page.waitForURL(/\/gradebook$/), page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ điểm' }).click()]);
	await Promise.all([page.waitForURL(/\/gradebook\/[0-9a-f-]+\/[0-9a-f-]+\?term=1$/), page.getByRole('link', { name: `Toán – Lớp ${className}` }).click()]);
	if (term === 2) await Promise.all([page.waitForURL(/term=2/), page.getByRole('link', { name: 'HK II' }).click()]);
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Sổ điểm Toán – lớp ${className}`);
}
const learnerNames = (page: Page) => page.getByTestId('grid-row').locator('th').allInnerTexts();
const cell = (page: Page, column: string, learner: string) => page.getByLabel(`Điểm ${column} của ${learner}`, { exact: true });
const cellBox = (page: Page, column: string, row: number) => page.getByTestId('grid-row').nth(row).locator(`td[data-column="${column}"]`);
/** Waits until the page's scripts run (the keyboard hint replaces the no-JavaScript one). */
const hydrated = (page: Page) => page.getByText('Gõ điểm rồi nhấn Enter').waitFor();
const allSaved = (page: Page) => page.getByTestId('save-status').filter({ hasText: 'Mọi thay đổi đã được lưu.' }).waitFor();
/** "8" is shown as "8,0" once saved. */
const shown = (v: string) => new RegExp(`^${v}${v.includes(',') ? '' : '(,0)?'}$`);

const TX1 = ['8', '7,5', '9', '6', '10', '5,5', '7', '8,5', '9,5', '6,5'];

describe('the grid with JavaScript', () => {
	it('lets the teacher type a whole TX1 column with Enter, a row with Tab, shows the average at once and keeps everything after a reload', { timeout: 60_000 }, async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A2');
		await hydrated(page);
		const names = await learnerNames(page);
		expect(names).toHaveLength(TX1.length);

		await cell(page, 'TX1', names[0]).focus();
		for (const v of TX1) {
			await page.keyboard.type(v);
			await page.keyboard.press('Enter');
		}
		// The first row across with Tab: TX 8, 7, 6,5, 9; GK 7; CK 6 → ĐTBmhk 6,9.
		await cell(page, 'TX2', names[0]).focus();
		for (const v of ['7', '6,5', '9', '7']) {
			await page.keyboard.type(v);
			await page.keyboard.press('Tab');
		}
		await page.keyboard.type('6');
		// Recomputed in the browser before the cell is even left.
		await page.getByTestId('average').first().filter({ hasText: '6,9' }).waitFor({ timeout: 2_000 });
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cell-1-0');

		// An invalid score: its message in the cell, nothing sent.
		await page.keyboard.type('10,5');
		await page.keyboard.press('Enter');
		await expect(cellBox(page, 'TX1', 1).locator('.cell-msg').innerText()).resolves.toBe('Điểm phải từ 0 đến 10.');
		await expect(cell(page, 'TX1', names[1]).getAttribute('aria-invalid')).resolves.toBe('true');
		await page.getByTestId('save-status').filter({ hasText: /1 ô chưa lưu được/ }).waitFor();
		await snap(page, 'gradebook-js');

		await page.reload();
		await hydrated(page);
		for (const [i, v] of TX1.entries()) await expect(cell(page, 'TX1', names[i]).inputValue()).resolves.toMatch(shown(v));
		await expect(cell(page, 'CK', names[0]).inputValue()).resolves.toBe('6,0');
		await expect(page.getByTestId('average').first().textContent()).resolves.toBe('6,9');
		await context.close();
	});

	it('never overwrites silently: the second teacher window gets the other value and a way to re-apply their own', { timeout: 60_000 }, async () => {
		const [a, b] = await Promise.all([newContext(browser, sen), newContext(browser, sen)]);
		const [pa, pb] = await Promise.all([a.newPage(), b.newPage()]);
		await loginAs(pa, 'teacher');
		await loginAs(pb, 'teacher');
		await openToan(pa, '6A2');
		await openToan(pb, '6A2');
		await Promise.all([hydrated(pa), hydrated(pb)]);
		const names = await learnerNames(pa);

		await cell(pa, 'TX3', names[4]).focus();
		await pa.keyboard.type('8');
		await pa.keyboard.press('Enter');
		await allSaved(pa);

		await cell(pb, 'TX3', names[4]).focus();
		await pb.keyboard.type('4');
		await pb.keyboard.press('Enter');
		const msg = cellBox(pb, 'TX3', 4).locator('.cell-msg');
		await msg.waitFor();
		await expect(msg.innerText()).resolves.toBe('Người khác vừa sửa ô này thành «8,0». Điểm bạn nhập («4») chưa được lưu.');
		await expect(cell(pb, 'TX3', names[4]).inputValue()).resolves.toBe('8,0');
		await snap(pb, 'gradebook-conflict');

		await pa.reload();
		await expect(cell(pa, 'TX3', names[4]).inputValue()).resolves.toBe('8,0');

		// Re-applying is a deliberate choice, saved over the value now shown.
		await pb.getByRole('button', { name: 'Dùng lại điểm của tôi (4)' }).click();
		await allSaved(pb);
		await pa.reload();
		await expect(cell(pa, 'TX3', names[4]).inputValue()).resolves.toBe('4,0');
		await Promise.all([a.close(), b.close()]);
	});
});

describe('the grid without JavaScript', () => {
	it('saves a TX1 column through the form, refuses 10,5 with its message in the cell and keeps the typed values', { timeout: 60_000 }, async () => {
		const context = await newContext(browser, sen, { javaScript: false });
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A2', 2);
		const names = await learnerNames(page);
		for (const [i, v] of TX1.entries()) await cell(page, 'TX1', names[i]).fill(v);
		await Promise.all([page.waitForURL(/save/), page.getByRole('button', { name: 'Lưu điểm' }).click()]);
		await expect(page.getByRole('status').filter({ hasText: 'Đã lưu 10 ô điểm.' }).count()).resolves.toBe(1);

		await cell(page, 'TX2', names[0]).fill('10,5');
		await cell(page, 'TX2', names[1]).fill('7');
		await Promise.all([page.waitForURL(/save/), page.getByRole('button', { name: 'Lưu điểm' }).click()]);
		await expect(page.getByRole('alert').innerText()).resolves.toContain('1 ô chưa hợp lệ; chưa lưu ô nào.');
		await expect(cellBox(page, 'TX2', 0).locator('.cell-msg').innerText()).resolves.toBe('Điểm phải từ 0 đến 10.');
		await expect(cell(page, 'TX2', names[0]).inputValue()).resolves.toBe('10,5');
		await expect(cell(page, 'TX2', names[1]).inputValue()).resolves.toBe('7');
		await snap(page, 'gradebook-nojs');

		await page.goto(page.url().replace(/\?.*$/, '?term=2'));
		for (const [i, v] of TX1.entries()) await expect(cell(page, 'TX1', names[i]).inputValue()).resolves.toMatch(shown(v));
		await expect(cell(page, 'TX2', names[1]).inputValue()).resolves.toBe('');
		await context.close();
	});
});

describe('a missed assessment without JavaScript', () => {
	it('lets the teacher record a force-majeure miss from the row’s menu and shows the marker in the cell', { timeout: 60_000 }, async () => {
		const context = await newContext(browser, sen, { javaScript: false });
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A1', 2);
		const name = (await learnerNames(page))[2];
		const row = page.getByTestId('grid-row').nth(2);
		await row.getByText('Ghi vắng', { exact: true }).click();
		await Promise.all([page.waitForURL(/missed=/), row.getByRole('link', { name: `Ghi vắng kiểm tra CK của ${name}` }).click()]);
		const form = page.locator('#missed-form');
		await expect(form.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(`Ghi vắng kiểm tra CK của ${name}`);
		await form.getByLabel('Bất khả kháng – được kiểm tra bù').check();
		await form.getByLabel('Chưa kiểm tra bù').check();
		await Promise.all([page.waitForURL(/\?\/missed/), form.getByRole('button', { name: 'Lưu', exact: true }).click()]);
		await page.getByRole('status').filter({ hasText: `Đã lưu vắng kiểm tra CK của ${name}.` }).waitFor();

		const mark = cellBox(page, 'CK', 2).getByTestId('missed-mark');
		await expect(mark.getAttribute('title')).resolves.toBe('Vắng – bất khả kháng, chờ kiểm tra bù');
		await expect(mark.innerText()).resolves.toContain('V');
		// The cell's input is described by the marker for screen readers.
		const describedBy = await cell(page, 'CK', name).getAttribute('aria-describedby');
		await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toContain('Vắng – bất khả kháng, chờ kiểm tra bù');
		await expect(page.getByTestId('average').nth(2).innerText()).resolves.toBe('');
		await snap(page, 'gradebook-missed');
		await context.close();
	});
});

describe('the grid as .xlsx', () => {
	it('lets the teacher download the grid, change a score in the file and upload it back into the grid', { timeout: 60_000 }, async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A1', 2);
		await hydrated(page);

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về .xlsx' }).click()]);
		expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
		const bytes = readFileSync(await download.path());
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		// Row 6 is the first learner (header on row 5); column D is TX1.
		const first = wb.worksheets[0].getRow(6);
		const name = String(first.getCell(3).value);
		await expect(cell(page, 'TX1', name).inputValue()).resolves.toBe('');
		first.getCell(4).value = 9.5;

		await page.getByLabel('Nhập điểm từ .xlsx').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
		await Promise.all([page.waitForURL(/import/), page.getByRole('button', { name: 'Nhập điểm', exact: true }).click()]);
		await page.getByRole('status').filter({ hasText: 'Đã nhập tệp: 1 ô điểm thay đổi.' }).waitFor();
		await expect(cell(page, 'TX1', name).inputValue()).resolves.toBe('9,5');
		await snap(page, 'gradebook-xlsx-import');
		await context.close();
	});
});

describe('locking and change requests', () => {
	it('lets the leader lock 6A1, the teacher ask for a change, the leader approve it, and the teacher see the new score and the status', { timeout: 60_000 }, async () => {
		const leaderCtx = await newContext(browser, sen);
		const teacherCtx = await newContext(browser, sen);
		const leader = await leaderCtx.newPage();
		const teacher = await teacherCtx.newPage();
		await loginAs(leader, 'leader');
		await loginAs(teacher, 'teacher');

		await leader.goto('/gradebook');
		await Promise.all([leader.waitForURL(/\/gradebook\/locks$/), leader.getByRole('link', { name: 'Khóa sổ' }).click()]);
		await leader.getByLabel('Học kì', { exact: true }).selectOption('1');
		await leader.getByLabel('Phạm vi', { exact: true }).selectOption({ label: 'Lớp 6A1' });
		await leader.getByRole('button', { name: 'Khóa sổ', exact: true }).click();
		await leader.getByRole('status').filter({ hasText: 'Đã khóa sổ.' }).waitFor();
		await expect(leader.getByTestId('lock-row').innerText()).resolves.toContain('Lớp 6A1');

		await teacher.goto('/');
		await openToan(teacher, '6A1');
		await teacher.getByTestId('locked-banner').waitFor();
		await expect(teacher.locator('input[name^="cell:"]').count()).resolves.toBe(0);
		const name = (await learnerNames(teacher))[0];
		const before = await cellBox(teacher, 'TX1', 0).locator('.value').innerText();
		await Promise.all([teacher.waitForURL(/request=/), teacher.getByRole('link', { name: `Đề nghị sửa điểm TX1 của ${name}` }).click()]);
		await expect(teacher.getByTestId('old-value').innerText()).resolves.toBe(before);
		await teacher.getByLabel(/^Điểm mới/).fill('10');
		await teacher.getByLabel(/^Lí do sửa/).fill('Chấm phúc khảo');
		await teacher.getByRole('button', { name: 'Gửi đề nghị' }).click();
		await teacher.getByRole('status').filter({ hasText: 'Đã gửi đề nghị sửa điểm.' }).waitFor();

		await leader.goto('/gradebook/changes?status=pending');
		const card = leader.getByTestId('change-request').filter({ hasText: name });
		await expect(card.innerText()).resolves.toContain('Chấm phúc khảo');
		await card.getByLabel('Ghi chú').fill('Đồng ý theo biên bản phúc khảo');
		await card.getByRole('button', { name: 'Duyệt' }).click();
		await leader.getByRole('status').filter({ hasText: 'Đã duyệt đề nghị' }).waitFor();

		await teacher.goto(teacher.url().replace(/\?.*$/, '?term=1'));
		await expect(cellBox(teacher, 'TX1', 0).locator('.value').innerText()).resolves.toBe('10,0');
		await expect(teacher.getByTestId('grid-request').innerText()).resolves.toContain('Đã duyệt');
		await teacher.goto('/gradebook/changes');
		const mine = teacher.getByTestId('change-request').filter({ hasText: name });
		await expect(mine.getByTestId('request-status').innerText()).resolves.toBe('Đã duyệt');
		await expect(mine.innerText()).resolves.toContain('Đồng ý theo biên bản phúc khảo');
		await snap(teacher, 'gradebook-changes');
		await Promise.all([leaderCtx.close(), teacherCtx.close()]);
	});
});

describe('on a phone', () => {
	it('scrolls only the grid’s table sideways at 360 px, never the page', { timeout: 40_000 }, async () => {
		const context = await newContext(browser, sen, { width: 360, height: 740 });
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A2');
		await hydrated(page);
		const widths = await page.evaluate(() => {
			const wrap = document.querySelector('.grid-wrap')!;
			return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth };
		});
		expect(widths.page).toBeLessThanOrEqual(widths.viewport);
		expect(widths.wrapScroll).toBeGreaterThan(widths.wrapClient);
		await snap(page, 'gradebook-360');
		await context.close();
	});
});
