import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';
import { DEMO_PASSWORD } from '#lib/server/seed/logins';
import { todayInVietnam } from '#lib/server/gradebook/rules/attendance-day';
import { formatDate } from '#lib/format';

let sen: RunningSen;
let browser: Browser;
/** The parent's child: 6A1's first learner, who signs in as `learner`. */
let child: { id: string; name: string };
const NEW_TX2 = '8,5';

const api = (username: string) => apiAs(sen, username);

useSen((s, b) => ([sen, browser] = [s, b]));
beforeAll(async () => {
	const me = await (await api('learner')).get('/api/v1/me');
	child = { id: me.person.id, name: me.person.name };
	// The Toán teacher enters a new TX2 score for the child through the API.
	const teacher = await api('teacher');
	const { items } = (await teacher.get('/api/v1/teaching-assignments')) as { items: { classId: string; className: string; subjectId: string; subjectName: string }[] };
	const toan = items.find((a) => a.className === '6A1' && a.subjectName === 'Toán')!;
	const grid = await teacher.get(`/api/v1/gradebook/grid?classId=${toan.classId}&subjectId=${toan.subjectId}&term=1`);
	const tx2 = grid.columns.find((c: { label: string }) => c.label === 'TX2').id;
	const row = grid.rows.find((r: { learner: { id: string } }) => r.learner.id === child.id);
	await teacher.put('/api/v1/gradebook/scores', { classId: toan.classId, subjectId: toan.subjectId, cells: [{ columnId: tx2, learnerId: child.id, value: NEW_TX2, version: row.cells[tx2].version }] });
}, 90_000);

/** Nothing wider than the phone: tables scroll inside their own box, the page does not. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const registerDay = () => {
	const today = todayInVietnam();
	return today >= '2026-09-05' && today <= '2027-05-31' ? today : '2027-05-28';
};

describe('taking the register', () => {
	for (const javaScript of [true, false]) {
		const status = javaScript ? 'Vắng có phép' : 'Vắng không phép';
		it(`lets the homeroom teacher mark a learner ${status.toLowerCase()} today from the class page (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 40_000 }, async () => {
			const context = await newContext(browser, sen, { javaScript, width: javaScript ? 1280 : 360 });
			const page = await context.newPage();
			await loginAs(page, 'homeroom');
			await Promise.all([page.waitForURL(/\/classes\/[0-9a-f-]{36}$/), page.getByRole('link', { name: /6A1/ }).first().click()]);
			await Promise.all([page.waitForURL(/\/attendance$/), page.getByRole('link', { name: 'Điểm danh' }).click()]);
			// The demo year is pinned to 2026-2027: on a day outside its terms, take the register of its last week.
			const on = registerDay();
			if (on !== todayInVietnam()) await page.goto(`${page.url()}?on=${on}`);
			const today = formatDate(on);
			await expect(page.getByRole('heading', { level: 2, name: `Điểm danh ngày ${today}` }).count()).resolves.toBe(1);
			await expect(page.getByTestId('attendance-row').count()).resolves.toBe(12);

			const row = page.getByRole('group', { name: child.name });
			await row.getByLabel(status).check();
			await row.getByRole('textbox').fill(javaScript ? 'Mẹ xin phép: ốm' : 'Không báo trước');
			await Promise.all([page.waitForURL(/\/save/), page.getByRole('button', { name: 'Lưu điểm danh' }).click()]);
			await expect(page.getByRole('status').filter({ hasText: `Đã lưu điểm danh ngày ${today}.` }).count()).resolves.toBe(1);
			await expect(page.getByRole('group', { name: child.name }).getByLabel(status).isChecked()).resolves.toBe(true);
			await expect(page.getByTestId('attendance-totals').innerText()).resolves.toContain(child.name);
			if (!javaScript) await expect(fitsWidth(page)).resolves.toBe(true);
			await snap(page, `attendance-${javaScript ? 'js' : 'nojs'}`);
			await context.close();
		});
	}
});

describe('the family’s view', () => {
	it('lets the parent open the child’s results from the home page on a phone and see the new Toán score and the absence', { timeout: 40_000 }, async () => {
		const context = await newContext(browser, sen, { width: 360, height: 740 });
		const page = await context.newPage();
		await loginAs(page, 'parent');
		const card = page.getByTestId('results-card');
		await expect(card.getByRole('heading', { name: 'Kết quả học tập' }).count()).resolves.toBe(1);
		await Promise.all([page.waitForURL(/\/learners\/[0-9a-f-]{36}\/gradebook$/), card.getByRole('link', { name: new RegExp(child.name) }).click()]);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Kết quả học tập của ${child.name}`);

		const term1 = page.getByTestId('term-1');
		const toan = term1.getByTestId('subject-row').filter({ has: page.getByRole('rowheader', { name: 'Toán', exact: true }) });
		await expect(toan.innerText()).resolves.toContain(NEW_TX2);
		const t = registerDay() <= '2027-01-10' ? 1 : 2;
		const absences = page.getByTestId(`term-${t}`).getByTestId(`attendance-${t}`);
		await expect(absences.innerText()).resolves.toMatch(/Vắng không phép\s+1/);
		await expect(absences.innerText()).resolves.toMatch(/Tổng buổi vắng\s+1/);
		await snap(page, 'learner-gradebook-360');
		await expect(fitsWidth(page)).resolves.toBe(true);
		await context.close();
	});
});
