import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('notifications, as a parent and as the administrator', () => {
	it('a parent on a phone without JavaScript follows the header badge to the list, marks one read and chooses how to be notified', { timeout: 120_000 }, async () => {
		// Every step is a plain link or form: no script needed (and no hydration to wait for).
		const ctx = await newContext(browser, sen, { width: 360, javaScript: false });
		const page = await ctx.newPage();
		await loginAs(page, 'parent');

		// The bell in the header: two unread demo notifications.
		const bell = page.getByRole('link', { name: 'Thông báo, 2 chưa đọc' });
		await Promise.all([page.waitForURL((u) => u.pathname === '/notifications'), bell.click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Thông báo');
		const items = page.locator('[data-notification]');
		await expect(items.count()).resolves.toBe(2);
		// Newest first, both unread.
		await expect(items.first().textContent()).resolves.toContain('Họp phụ huynh đầu năm học');
		await expect(page.locator('[data-notification] .badge').count()).resolves.toBe(2);
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(page, 'notifications-list');

		await page.getByRole('button', { name: /^Đánh dấu đã đọc\s*: Họp phụ huynh đầu năm học$/ }).click();
		await page.getByText('Đã đánh dấu thông báo là đã đọc.').waitFor();
		await expect(page.locator('[data-notification] .badge').count()).resolves.toBe(1);
		await expect(page.getByRole('link', { name: 'Thông báo, 1 chưa đọc' }).count()).resolves.toBe(1);

		// Opening the other one marks it read and goes where it points: the preferences page.
		await Promise.all([page.waitForURL((u) => u.pathname === '/account/notifications'), page.getByRole('button', { name: /^Xem\s*: Chào mừng đến với Sen$/ }).click()]);
		await expect(page.getByRole('link', { name: 'Thông báo, 0 chưa đọc' }).count()).resolves.toBe(1);

		await page.getByLabel('Thông báo chung: Email').uncheck();
		await page.getByLabel('Thông báo chung: SMS').check();
		await page.getByLabel(/Không gửi email, SMS và thông báo đẩy trong giờ yên lặng/).check();
		await page.getByLabel('Từ', { exact: true }).fill('21:30');
		await page.getByLabel('Đến', { exact: true }).fill('06:30');
		await page.getByLabel('Gộp thành một email tổng hợp mỗi ngày').check();
		await page.getByLabel('Giờ gửi email tổng hợp').selectOption('19');
		await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(page, 'notification-preferences');
		await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
		await page.getByText('Đã lưu cài đặt thông báo.').waitFor();

		await page.reload();
		await expect(page.getByLabel('Thông báo chung: Email').isChecked()).resolves.toBe(false);
		await expect(page.getByLabel('Thông báo chung: SMS').isChecked()).resolves.toBe(true);
		await expect(page.getByLabel('Từ', { exact: true }).inputValue()).resolves.toBe('21:30');
		const prefs = await (await apiAs(sen, 'parent')).get('/api/v1/notification-preferences');
		expect(prefs).toMatchObject({ quietHours: { start: '21:30', end: '06:30' }, digest: 'daily', digestHour: 19 });
		expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'general').channels).toEqual(['sms']);
		await ctx.close();
	});

	it('the administrator finds the dead email in the outbox, without its content, and sends it again', { timeout: 120_000 }, async () => {
		const ctx = await newContext(browser, sen, { width: 1280 });
		const page = await ctx.newPage();
		await loginAs(page, 'admin');
		await page.goto('/account');
		await Promise.all([page.waitForURL((u) => u.pathname === '/admin/outbox'), page.getByRole('link', { name: 'Hộp thư đi (tin gửi lỗi)' }).click()]);
		const row = page.locator('[data-outbox]').filter({ hasText: 'phuhuynh.cu@sen.invalid' });
		await expect(row.textContent()).resolves.toContain('Recipient address rejected');
		await expect(page.content()).resolves.not.toContain('Kính gửi quý phụ huynh');
		await snap(page, 'outbox-dead');

		await row.getByRole('button', { name: 'Gửi lại tin tới phuhuynh.cu@sen.invalid' }).click();
		await page.getByText('Đã đưa tin vào hàng đợi để gửi lại.').waitFor();
		await expect(page.locator('[data-outbox]').filter({ hasText: 'phuhuynh.cu@sen.invalid' }).count()).resolves.toBe(0);
		await expect(page.getByRole('link', { name: /Không gửi được \(0\)/ }).count()).resolves.toBe(1);
		await ctx.close();
	});
});
