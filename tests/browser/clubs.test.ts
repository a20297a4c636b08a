import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a club approves a member', () => {
	it('the learner asks to join the science club on a phone; the advisor approves on the club page without JavaScript; the learner sees they are a member', { timeout: 120_000 }, async () => {
		const learnerName = (await (await apiAs(sen, 'learner')).get('/api/v1/me')).person.name as string;

		// The learner, on a 360-px phone, finds the club through the community hub and asks to join.
		const lctx = await newContext(browser, sen, { width: 360, height: 740 });
		const l = await lctx.newPage();
		await loginAs(l, 'learner');
		await l.goto('/community');
		await Promise.all([l.waitForURL((u) => u.pathname === '/clubs'), l.getByRole('link', { name: 'Câu lạc bộ', exact: true }).click()]);
		await Promise.all([l.waitForURL(/\/clubs\/[0-9a-f-]{36}$/), l.getByTestId('clubs').getByRole('link', { name: 'CLB Khoa học – Kỹ thuật' }).click()]);
		const clubPath = new URL(l.url()).pathname;
		await expect(l.locator('dl.meta').textContent()).resolves.toContain('Khoa học – Kỹ thuật');
		await l.getByRole('button', { name: 'Xin tham gia' }).click();
		await l.getByText('Đã gửi đơn xin tham gia.').waitFor();
		await expect(l.getByTestId('my-status').textContent()).resolves.toContain('Đang chờ duyệt');
		await expect(l.getByRole('button', { name: 'Xin tham gia' }).count()).resolves.toBe(0);
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(l, 'club-requested-360');

		// The advisor (the Toán teacher), in a browser without JavaScript, approves on the club page.
		const tctx = await newContext(browser, sen, { width: 1280, javaScript: false });
		const t = await tctx.newPage();
		await loginAs(t, 'teacher');
		await t.goto(clubPath);
		const requests = t.getByRole('region', { name: 'Đơn xin tham gia' });
		await expect(requests.getByTestId('requests').textContent()).resolves.toContain(learnerName);
		await Promise.all([t.waitForLoadState('load'), requests.getByRole('form', { name: `Đơn của ${learnerName}` }).getByRole('button', { name: 'Duyệt' }).click()]);
		await t.getByText('Đã xử lý đơn xin tham gia.').waitFor();
		await expect(t.getByTestId('requests').textContent()).resolves.toContain('Không có đơn nào đang chờ.');
		await expect(t.getByTestId('members').textContent()).resolves.toContain(learnerName);

		// The learner sees they are a member, with the club's members and its forum now open to them.
		await l.reload();
		await expect(l.getByTestId('my-status').textContent()).resolves.toContain('Bạn là thành viên');
		await expect(l.getByTestId('members').textContent()).resolves.toContain(learnerName);
		await Promise.all([l.waitForURL(/\/forums\/[0-9a-f-]{36}$/), l.getByRole('link', { name: 'Diễn đàn của câu lạc bộ' }).click()]);
		await expect(l.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('CLB Khoa học – Kỹ thuật');
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(l, 'club-forum-360');
		for (const c of [tctx, lctx]) await c.close();
	});
});
