import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

const HEADER = 'STT;Mã học sinh;Họ và tên;Ngày sinh;Giới tính;Lớp;Họ tên cha/mẹ/người giám hộ;Quan hệ;Số điện thoại phụ huynh;Email phụ huynh';
/** A class list as a school exports it from Excel: semicolons, a title row, a byte order mark. */
function csv(prefix: string, secondDate: string) {
	const phone = prefix === 'JS' ? '09123' : '09124';
	const lines = [
		'DANH SÁCH HỌC SINH LỚP 6A2',
		HEADER,
		`1;${prefix}-1;Nguyễn Thị Minh Anh;05/09/2014;Nữ;6A2;Nguyễn Văn Bình;Cha;${phone.slice(0, 4)} ${phone.slice(4)}00 001;`,
		`2;${prefix}-2;Trần Quốc Bảo;${secondDate};Nam;6A2;Trần Thị Cúc;Mẹ;${phone}00002;cuc@example.com`,
		`3;${prefix}-3;Trần Ngọc Châu;7/1/2014;Nữ;6A2;Trần Thị Cúc;Mẹ;${phone}00002;cuc@example.com`
	];
	return { name: 'lop-6a2.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + lines.join('\r\n')) };
}

describe('importing a class list', () => {
	for (const javaScript of [true, false]) {
		it(`lets a school leader see the error of a wrong file, fix it and import it (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 60_000 }, async () => {
			const context = await newContext(browser, sen, { javaScript, width: javaScript ? 1280 : 360 });
			const page = await context.newPage();
			await loginAs(page, 'leader');
			await Promise.all([page.waitForURL(/\/import$/), page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập dữ liệu' }).click()]);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nhập danh sách từ Excel');
			await expect(page.getByRole('link', { name: 'Mẫu danh sách học sinh (.xlsx)' }).getAttribute('href')).resolves.toBe('/api/v1/imports/templates/learners');
			await expect(page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).resolves.toBe(true);

			const prefix = javaScript ? 'JS' : 'NOJS';
			await page.getByLabel('Học sinh (kèm lớp và phụ huynh)').check();
			await page.getByLabel(/^Tệp danh sách/).setInputFiles(csv(prefix, '31/02/2014'));
			await Promise.all([javaScript ? page.waitForResponse(/\?\/preview/) : page.waitForURL(/\?\/preview/), page.getByRole('button', { name: 'Kiểm tra' }).click()]);
			const errors = page.getByTestId('import-errors');
			await errors.waitFor();
			await expect(errors.innerText()).resolves.toContain('Ngày sinh không hợp lệ: "31/02/2014"');
			await expect(page.getByTestId('import-summary').innerText()).resolves.toContain('Tệp có 3 dòng: 2 dòng hợp lệ, 1 dòng có lỗi (1 lỗi).');
			// The wrong cell is marked in the table, on row 4 as the spreadsheet numbers it.
			const badCell = page.getByTestId('import-preview').locator('td.cell-error');
			await expect(badCell.count()).resolves.toBe(1);
			await expect(badCell.innerText()).resolves.toContain('31/02/2014');
			await expect(page.getByTestId('import-preview').locator('tr.row-error th').innerText()).resolves.toBe('4');
			await expect(page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).resolves.toBe(true);
			await snap(page, `import-errors-${javaScript ? 'js' : 'nojs'}`);

			await page.getByLabel(/^Tệp danh sách/).setInputFiles(csv(prefix, '18/11/2014'));
			await Promise.all([javaScript ? page.waitForResponse(/\?\/preview/) : page.waitForURL(/\?\/preview/), page.getByRole('button', { name: 'Kiểm tra' }).click()]);
			await page.getByText('Không có lỗi: có thể bấm "Nhập".').waitFor();
			const commit = page.getByRole('button', { name: 'Nhập', exact: true });
			await expect(commit.isEnabled()).resolves.toBe(true);
			// Without JavaScript the browser forgets the file on the new page: choose it again.
			if (!javaScript) await page.getByLabel(/^Tệp danh sách/).setInputFiles(csv(prefix, '18/11/2014'));
			await Promise.all([javaScript ? page.waitForResponse(/\?\/commit/) : page.waitForURL(/\?\/commit/), commit.click()]);
			await expect(page.getByTestId('import-success').innerText()).resolves.toBe('Đã nhập 3 học sinh, 2 phụ huynh mới và xếp 3 học sinh vào lớp.');
			await expect(page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).resolves.toBe(true);
			await snap(page, `import-done-${javaScript ? 'js' : 'nojs'}`);

			// The learners are there, in the class.
			await page.goto(`/people?q=${encodeURIComponent('Trần Ngọc Châu')}`);
			await expect(page.getByTestId('person-row').count()).resolves.toBeGreaterThanOrEqual(1);
			await context.close();
		});
	}

	it('accepts a list larger than the server’s default 512 KB body limit, and refuses one over 5 MB with the reason', { timeout: 30_000 }, async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'leader');
		const schoolId = await page.goto('/import').then(() => page.getByLabel(/^Trường/).inputValue());
		// Blank lines pad the file to 2 MB; they are skipped like empty spreadsheet rows. Multipart
		// posts carry the site's Origin, as browsers send it (SvelteKit refuses cross-site forms).
		const headers = { origin: sen.url };
		const padded = Buffer.concat([csv('BIG', '18/11/2014').buffer, Buffer.alloc(2 * 1024 * 1024, '\n')]);
		const ok = await page.request.post('/api/v1/imports/learners/preview', { headers, multipart: { schoolId, file: { name: 'lon.csv', mimeType: 'text/csv', buffer: padded } } });
		expect(ok.status()).toBe(200);
		expect((await ok.json()).summary.totalRows).toBe(3);
		const big = await page.request.post('/api/v1/imports/learners/preview', { headers, multipart: { schoolId, file: { name: 'qua-lon.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024 + 10, '\n') } } });
		expect(big.status()).toBe(400);
		expect((await big.json()).error.message).toBe('Tệp quá lớn: tối đa 5 MB. Hãy tách danh sách thành nhiều tệp.');
		await context.close();
	});
});
