import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('browsing the organisation', () => {
	for (const javaScript of [true, false]) {
		it(`lets a school leader go from the tree to the school, add a class with the form and open it (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 40_000 }, async () => {
			const context = await newContext(browser, sen, { javaScript, width: javaScript ? 1280 : 360 });
			const page = await context.newPage();
			await loginAs(page, 'leader');
			await Promise.all([page.waitForURL(/\/org$/), page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổ chức' }).click()]);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cây tổ chức');
			await snap(page, `org-${javaScript ? 'js' : 'nojs'}`);

			await Promise.all([page.waitForURL(/\/schools\//), page.getByRole('link', { name: 'Trường THCS Bình Yên' }).click()]);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Trường THCS Bình Yên');
			await expect(page.getByTestId('class-row').count()).resolves.toBeGreaterThanOrEqual(4);

			const name = javaScript ? '8A2' : '8A3';
			await page.getByText('Thêm lớp', { exact: true }).first().click(); // opens the <details>
			await page.getByLabel(/^Tên lớp/).fill(name);
			await page.getByLabel(/^Khối/).fill('8');
			await page.getByLabel('Giáo viên chủ nhiệm').selectOption({ index: 1 });
			const teacher = await page.getByLabel('Giáo viên chủ nhiệm').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent);
			await Promise.all([page.waitForURL(/createClass/), page.getByRole('button', { name: 'Thêm lớp' }).click()]);
			await expect(page.getByRole('status').filter({ hasText: `Đã thêm lớp ${name}.` }).count()).resolves.toBe(1);
			const row = page.getByTestId('class-row').filter({ hasText: name });
			await expect(row.innerText()).resolves.toContain(teacher!);
			await snap(page, `school-${javaScript ? 'js' : 'nojs'}`);

			await Promise.all([page.waitForURL(/\/classes\//), row.getByRole('link', { name }).click()]);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Lớp ${name}`);
			await expect(page.locator('main').innerText()).resolves.toContain(teacher!);
			await context.close();
		});
	}

	it('shows the field error and keeps the grade when a class name is left empty', async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'leader');
		await page.goto('/org');
		await Promise.all([page.waitForURL(/\/schools\//), page.getByRole('link', { name: 'Trường THCS Bình Yên' }).click()]);
		await page.getByText('Thêm lớp', { exact: true }).first().click();
		await page.getByLabel(/^Khối/).fill('9');
		await page.getByRole('button', { name: 'Thêm lớp' }).click();
		await expect(page.getByRole('alert').innerText()).resolves.toContain('Dữ liệu chưa hợp lệ');
		await expect(page.locator('#class-name-error').innerText()).resolves.toBe('Vui lòng điền mục này.');
		await expect(page.getByLabel(/^Khối/).inputValue()).resolves.toBe('9');
		await context.close();
	});
});

describe('finding people', () => {
	it('lets an administrator find "Nguyễn" by typing "nguyen" and open the person', async () => {
		const context = await newContext(browser, sen, { width: 360 });
		const page = await context.newPage();
		await loginAs(page, 'admin');
		await page.goto('/people');
		await page.getByLabel(/^Tìm theo tên/).fill('nguyen');
		await Promise.all([page.waitForURL(/q=nguyen/), page.getByRole('button', { name: 'Tìm', exact: true }).click()]);
		const rows = page.getByTestId('person-row');
		const count = await rows.count();
		expect(count).toBeGreaterThan(0);
		for (const text of await rows.allInnerTexts()) expect(text).toMatch(/Nguyễn/);
		await snap(page, 'people-360');
		const first = rows.first().getByRole('link');
		const name = (await first.textContent())!;
		await Promise.all([page.waitForURL(/\/people\/[0-9a-f-]{36}$/), first.click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
		await context.close();
	});
});
