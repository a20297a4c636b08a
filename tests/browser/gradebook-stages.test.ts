import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';
import { DEMO_PASSWORD } from '#lib/server/seed/logins';

let sen: RunningSen;
let browser: Browser;
let c5a: string, group: string;
let pupil: string, child: string;

/** A signed-in JSON client of the running app, as an integration would use it. */
async function api(username: string, password = DEMO_PASSWORD) {
	const login = await fetch(`${sen.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: sen.url }, body: JSON.stringify({ username, password }) });
	if (login.status !== 200) throw new Error(`login as ${username}: ${login.status}`);
	const cookie = login.headers.get('set-cookie')!.split(';')[0];
	const call = async (method: string, path: string, body?: unknown) => {
		const res = await fetch(`${sen.url}${path}`, { method, headers: { cookie, origin: sen.url, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
		if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
		return res.json();
	};
	return { get: (path: string) => call('GET', path), post: (path: string, body: unknown) => call('POST', path, body) };
}

useSen((s, b) => ([sen, browser] = [s, b]));
beforeAll(async () => {
	// The administrator gives 5A of Tiểu học Hoa Sữa and "Lớp Chồi 1" of Mầm non Hoa Sen a homeroom teacher each.
	const admin = await api('admin');
	const { items: schools } = (await admin.get('/api/v1/schools')) as { items: { id: string; code: string }[] };
	const classOf = async (schoolCode: string, name: string) => {
		const school = schools.find((s) => s.code === schoolCode)!;
		const { items } = (await admin.get(`/api/v1/classes?schoolId=${school.id}`)) as { items: { id: string; name: string }[] };
		return { schoolId: school.id, classId: items.find((c) => c.name === name)!.id };
	};
	const teacher = async (at: { schoolId: string; classId: string }, code: string, username: string) => {
		const person = await admin.post('/api/v1/people', { kind: 'staff', familyName: 'Lê', middleName: 'Thu', givenName: code, schoolId: at.schoolId, staffCode: code });
		await admin.post(`/api/v1/people/${person.id}/roles`, { role: 'teacher', scopeType: 'school', scopeId: at.schoolId });
		await admin.post(`/api/v1/people/${person.id}/roles`, { role: 'homeroom_teacher', scopeType: 'class', scopeId: at.classId });
		await admin.post(`/api/v1/people/${person.id}/account`, { username, password: 'mat-khau-1' });
		return api(username, 'mat-khau-1');
	};
	const th = await classOf('TH-HOASUA', '5A');
	const mn = await classOf('MN-HOASEN', 'Lớp Chồi 1');
	[c5a, group] = [th.classId, mn.classId];
	const gvTh = await teacher(th, 'GV-TH-9', 'gv-th');
	const gvMn = await teacher(mn, 'GV-MN-9', 'gv-mn');
	await admin.post('/api/v1/gradebook/development-indicators', { schoolId: mn.schoolId, stage: 'mau_giao', domain: 'the_chat', code: 'TC1', description: 'Bật xa tối thiểu 50 cm' });
	await admin.post('/api/v1/gradebook/development-indicators', { schoolId: mn.schoolId, stage: 'mau_giao', domain: 'ngon_ngu', code: 'NN1', description: 'Kể lại được truyện đã nghe' });
	pupil = (await gvTh.get(`/api/v1/gradebook/qualities?classId=${c5a}&point=4`)).rows[0].learner.name;
	child = (await gvMn.get(`/api/v1/gradebook/development?classId=${group}&period=2026-12`)).rows[0].learner.name;
}, 60_000);

/** Nothing wider than the phone: tables scroll inside their own box, the page does not. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('qualities and competencies (TT27)', () => {
	it('lets the homeroom teacher rate a pupil at Cuối năm on a phone and still see it after reloading', { timeout: 40_000 }, async () => {
		const context = await newContext(browser, sen, { width: 360, height: 740 });
		const page = await context.newPage();
		await loginAs(page, 'gv-th', 'mat-khau-1');
		await page.goto(`/classes/${c5a}`);
		await Promise.all([page.waitForURL(/\/qualities$/), page.getByRole('link', { name: 'Phẩm chất, năng lực' }).click()]);
		await Promise.all([page.waitForURL(/point=4$/), page.getByRole('link', { name: 'Cuối năm' }).click()]);
		await expect(page.getByRole('heading', { level: 2, name: 'Cuối năm' }).count()).resolves.toBe(1);
		await page.getByLabel(`Trung thực của ${pupil}`).selectOption({ label: 'T' });
		await page.getByLabel(`Tin học của ${pupil}`).selectOption({ label: 'C' });
		await Promise.all([page.waitForURL(/\/save/), page.getByRole('button', { name: 'Lưu đánh giá' }).click()]);
		await expect(page.getByRole('status').filter({ hasText: 'Đã lưu 2 ô đánh giá.' }).count()).resolves.toBe(1);
		await page.goto(`/classes/${c5a}/qualities?point=4`);
		await expect(page.getByLabel(`Trung thực của ${pupil}`).inputValue()).resolves.toBe('tot');
		await expect(page.getByLabel(`Tin học của ${pupil}`).inputValue()).resolves.toBe('can_co_gang');
		await expect(page.getByLabel(`Yêu nước của ${pupil}`).inputValue()).resolves.toBe('');
		await expect(fitsWidth(page)).resolves.toBe(true);
		// The name column stays in view while the table scrolls sideways.
		const wrap = page.locator('.sheet-wrap');
		await wrap.evaluate((el) => el.scrollBy(400, 0));
		const name = page.getByRole('rowheader', { name: new RegExp(pupil) });
		const box = (await name.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x).toBeLessThan(40);
		await snap(page, 'qualities-360');
		await context.close();
	});
});

describe('development assessment (mầm non)', () => {
	it('lets the group’s teacher mark an indicator reached with a note, on a phone without JavaScript', { timeout: 40_000 }, async () => {
		const context = await newContext(browser, sen, { width: 360, height: 740, javaScript: false });
		const page = await context.newPage();
		await loginAs(page, 'gv-mn', 'mat-khau-1');
		await page.goto(`/classes/${group}`);
		await Promise.all([page.waitForURL(/\/development$/), page.getByRole('link', { name: 'Đánh giá sự phát triển' }).click()]);
		await page.getByLabel('Tháng đánh giá').fill('2026-12');
		await Promise.all([page.waitForURL(/period=2026-12/), page.getByRole('button', { name: 'Xem' }).click()]);
		await expect(page.getByRole('heading', { level: 2, name: 'Tháng 12/2026' }).count()).resolves.toBe(1);
		const row = page.getByRole('group', { name: new RegExp(child) });
		const tc1 = row.getByRole('group', { name: /TC1/ });
		await tc1.getByLabel('Đạt', { exact: true }).check();
		await row.getByLabel(`Ghi chú TC1 của ${child}`).fill('Bật xa 60 cm');
		await Promise.all([page.waitForURL(/\/save/), page.getByRole('button', { name: 'Lưu đánh giá' }).click()]);
		await expect(page.getByRole('status').filter({ hasText: 'Đã lưu 1 chỉ số.' }).count()).resolves.toBe(1);
		await page.goto(`/classes/${group}/development?period=2026-12`);
		const again = page.getByRole('group', { name: new RegExp(child) });
		await expect(again.getByRole('group', { name: /TC1/ }).getByLabel('Đạt', { exact: true }).isChecked()).resolves.toBe(true);
		await expect(again.getByLabel(`Ghi chú TC1 của ${child}`).inputValue()).resolves.toBe('Bật xa 60 cm');
		await expect(again.getByRole('list', { name: `Tổng hợp theo lĩnh vực của ${child}` }).innerText()).resolves.toContain('Thể chất: 1/1 đạt');
		await expect(fitsWidth(page)).resolves.toBe(true);
		await snap(page, 'development-360-nojs');
		await context.close();
	});
});
