import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_LOGINS } from '#lib/server/seed/logins';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

// One server and one browser for the whole file; a new context (own cookies) per person.
let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

// What each demo person must see on their home page: figures from the demo data, in their scope.
const DASHBOARD: Record<string, RegExp[]> = {
	admin: [/Toàn hệ thống/, /Nhập danh sách từ Excel/, /Xem nhật ký hoạt động/],
	city: [/Trường trong phạm vi của bạn/, /5 trường/, /Trường THPT Sông Hồng/],
	unit: [/Xã Thạch Thất/, /2 trường/, /Trường Liên cấp Sao Mai/],
	leader: [/Trường của bạn/, /Trường THCS Bình Yên/, /4 lớp · 40 học sinh/],
	grouphead: [/Tổ Khoa học tự nhiên/, /Lớp 6A2/, /10 học sinh/],
	homeroom: [/Lớp 6A1/, /Chủ nhiệm/, /12 học sinh/],
	teacher: [/Lớp bạn dạy/, /Lớp 6A1/, /Lớp 6A2/],
	counsellor: [/Tư vấn học đường/, /40 học sinh trong phạm vi tư vấn/],
	parent: [/Con của bạn/, /Lớp 6A1/, /Trường THCS Bình Yên/],
	learner: [/Lớp học của em/, /Lớp 6A1/],
	mentor: [/Mạng lưới cộng đồng/, /Cố vấn/],
	alumnus: [/Mạng lưới cộng đồng/, /Cựu học sinh/],
	partner: [/Mạng lưới cộng đồng/, /Đối tác/]
};

describe('signing in', () => {
	it('lets every demo role sign in through the form, even without JavaScript, and see their own dashboard', { timeout: 50_000 }, async () => {
		expect(Object.keys(DASHBOARD).sort()).toEqual(DEMO_LOGINS.map((l) => l.username).sort());
		// Three at a time: the machines running the tests are small.
		const queue = DEMO_LOGINS.map((l) => l.username);
		const worker = async () => {
			for (let username = queue.shift(); username; username = queue.shift()) {
				const context = await newContext(browser, sen, { javaScript: false });
				const page = await context.newPage();
				await loginAs(page, username);
				expect(new URL(page.url()).pathname).toBe('/');
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Xin chào, .+!$/);
				const text = await page.locator('main').innerText();
				for (const expected of DASHBOARD[username]) expect(text, `${username} sees ${expected}`).toMatch(expected);
				await context.close();
			}
		};
		await Promise.all([worker(), worker(), worker()]);
	});

	it('shows the Vietnamese message for a wrong password and stays on the sign-in page', async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('Tên đăng nhập hoặc email').fill('teacher');
		await page.getByLabel(/^Mật khẩu/).fill('sai-mat-khau-1');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('alert').innerText()).resolves.toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
		expect(new URL(page.url()).pathname).toBe('/login');
		await expect(page.getByLabel('Tên đăng nhập hoặc email').inputValue()).resolves.toBe('teacher');
		await context.close();
	});

	it('sends a visitor to the sign-in page and back to the page they asked for', async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await page.goto('/account');
		expect(page.url()).toBe(`${sen.url}/login?next=%2Faccount`);
		await page.getByLabel('Tên đăng nhập hoặc email').fill('leader');
		await page.getByLabel(/^Mật khẩu/).fill('sen-demo');
		await Promise.all([page.waitForURL('**/account'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
		await expect(page.locator('main').innerText()).resolves.toMatch(/Lãnh đạo nhà trường — Trường THCS Bình Yên/);
		await context.close();
	});
});

describe('the application shell', () => {
	it('switches the language to English and back to Vietnamese, staying on the same page', async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await page.goto('/account');
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /^EN/ }).click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My account');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
		expect(new URL(page.url()).pathname).toBe('/account');
		const cookie = (await context.cookies()).find((c) => c.name === 'PARAGLIDE_LOCALE');
		expect(cookie?.value).toBe('en');

		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Hello, /);
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /^VI/ }).click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Xin chào, /);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
		await context.close();
	});

	it('signs out with the header button and returns to the sign-in page', async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'parent');
		await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'Đăng xuất' }).click()]);
		expect((await context.cookies()).some((c) => c.name === 'sen_session')).toBe(false);
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/login');
		await context.close();
	});

	it('shows only the menu entries the role may use', async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'admin');
		const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
		await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(['Trang chủ', 'Tổ chức', 'Con người', 'Sổ điểm', 'Kế hoạch bài dạy', 'Bài giảng', 'Kho học liệu', 'Bài tập', 'Dự án', 'Địa điểm học tập', 'Cộng đồng', 'Chương trình', 'Nhập dữ liệu', 'Nhật ký', 'Tài khoản']);
		await snap(page, 'dashboard-admin-1280');
		await context.clearCookies();
		await loginAs(page, 'learner');
		await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(['Trang chủ', 'Liên lạc', 'Tổ chức', 'Con người', 'Học tập', 'Bài tập', 'Dự án', 'Địa điểm học tập', 'Cộng đồng', 'Tài khoản']);
		await context.close();
	});

	it('fits a 360-pixel-wide phone without sideways scrolling on the dashboard', async () => {
		for (const username of ['admin', 'city']) {
			const context = await newContext(browser, sen, { width: 360, height: 740 });
			const page = await context.newPage();
			await loginAs(page, username);
			const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
			expect(scrollWidth, `${username}'s dashboard is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth);
			await snap(page, `dashboard-${username}-360`);
			await context.close();
		}
	});
});
