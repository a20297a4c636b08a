import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

const VISIBILITY = 'Thời điểm phụ huynh và học sinh xem điểm';
const QUIET = 'Giờ yên lặng của tin nhắn';

async function openSchoolSettings(page: Page) {
	await page.goto('/org');
	await Promise.all([page.waitForURL(/\/schools\/[0-9a-f-]+$/), page.getByRole('link', { name: 'Trường THCS Bình Yên' }).click()]);
	await Promise.all([page.waitForURL(/\/settings$/), page.getByRole('link', { name: 'Cài đặt của trường' }).click()]);
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cài đặt · Trường THCS Bình Yên');
}

describe('school settings', () => {
	for (const javaScript of [true, false]) {
		it(`lets a school leader set a value with the form and go back to the inherited one (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 40_000 }, async () => {
			const context = await newContext(browser, sen, { javaScript, width: javaScript ? 1280 : 360 });
			const page = await context.newPage();
			await loginAs(page, 'leader');
			await openSchoolSettings(page);

			const form = page.getByRole('form', { name: VISIBILITY });
			const card = page.getByTestId('setting').filter({ has: page.getByRole('heading', { name: VISIBILITY }) });
			await expect(card.getByTestId('setting-source').textContent()).resolves.toBe('Giá trị mặc định');
			await form.getByLabel('Giá trị').selectOption({ label: 'Sau khi giáo viên công bố' });
			await Promise.all([page.waitForURL(/\?\/set$/), form.getByRole('button', { name: 'Lưu' }).click()]);
			await expect(page.getByRole('status').textContent()).resolves.toBe(`Đã lưu cài đặt “${VISIBILITY}”.`);
			await expect(card.getByTestId('setting-current').textContent()).resolves.toBe('Sau khi giáo viên công bố');
			await expect(card.getByTestId('setting-source').textContent()).resolves.toBe('Đặt riêng tại đây');
			await expect(form.getByLabel('Giá trị').inputValue()).resolves.toBe('after_publish');
			await snap(page, `settings-${javaScript ? 'js' : 'nojs'}`);

			await Promise.all([page.waitForURL(/\?\/clear$/), form.getByRole('button', { name: 'Dùng giá trị kế thừa' }).click()]);
			await expect(card.getByTestId('setting-current').textContent()).resolves.toBe('Ngay khi nhập điểm');
			await expect(card.getByTestId('setting-source').textContent()).resolves.toBe('Giá trị mặc định');
			// Nothing on the page is wider than the screen.
			if (!javaScript) await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
			await context.close();
		});
	}

	it('shows the field error in Vietnamese and keeps the typed times when the range is empty', async () => {
		const context = await newContext(browser, sen, { width: 360 });
		const page = await context.newPage();
		await loginAs(page, 'leader');
		await openSchoolSettings(page);
		const form = page.getByRole('form', { name: QUIET });
		await form.getByLabel('Bắt đầu').fill('22:15');
		await form.getByLabel('Kết thúc').fill('22:15');
		await form.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByRole('alert').innerText()).resolves.toContain('Dữ liệu chưa hợp lệ');
		await expect(page.locator('#setting-messaging-quietHours-end-error').innerText()).resolves.toBe('Giờ bắt đầu và giờ kết thúc phải khác nhau.');
		await expect(form.getByLabel('Bắt đầu').inputValue()).resolves.toBe('22:15');
		await snap(page, 'settings-error-360');
		await context.close();
	});
});
