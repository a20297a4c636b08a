import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a learner books a counselling slot', () => {
	it('the counsellor opens an online slot; the learner, on a phone, finds it through Cộng đồng → Tư vấn học đường and books it; both see the booking and the room link', { timeout: 120_000 }, async () => {
		const learnerName = (await (await apiAs(sen, 'learner')).get('/api/v1/me')).person.name as string;
		// A slot starting in about six minutes (Vietnam time), so its room is already open to the two of them.
		const vn = new Date(Date.now() + 7 * 3600_000 + 6 * 60_000).toISOString();
		const [date, time] = [vn.slice(0, 10), vn.slice(11, 16)];
		const shown = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} ${time}`;

		const cctx = await newContext(browser, sen, { width: 1280 });
		const c = await cctx.newPage();
		await loginAs(c, 'counsellor');
		await c.goto('/counselling');
		const publish = c.getByRole('region', { name: 'Mở lịch tư vấn' });
		await publish.getByLabel(/^Ngày/).fill(date);
		await publish.getByLabel(/^Giờ bắt đầu/).fill(time);
		await publish.getByLabel(/^Thời lượng/).fill('30');
		await publish.getByLabel(/^Số buổi/).fill('1');
		await publish.getByLabel(/^Hình thức/).selectOption({ label: 'Trực tuyến' });
		await publish.getByRole('button', { name: 'Mở lịch' }).click();
		await c.getByText('Đã mở lịch tư vấn.').waitFor();
		await expect(c.getByTestId('my-slots').getByRole('row', { name: new RegExp(shown) }).textContent()).resolves.toContain('Còn trống');

		const lctx = await newContext(browser, sen, { width: 360, height: 740 });
		const l = await lctx.newPage();
		await loginAs(l, 'learner');
		await Promise.all([l.waitForURL((u) => u.pathname === '/community'), l.getByRole('link', { name: 'Cộng đồng' }).first().click()]);
		await Promise.all([l.waitForURL((u) => u.pathname === '/counselling'), l.getByRole('link', { name: 'Tư vấn học đường' }).click()]);
		const free = l.getByTestId('free-slots');
		await expect(free.textContent()).resolves.toContain(shown);
		await snap(l, 'counselling-free-slots-360');
		await free.getByRole('button', { name: new RegExp(`^Đặt lịch ${shown}`) }).click();
		await l.getByText('Đã đặt lịch hẹn.').waitFor();
		const booking = l.getByTestId('my-bookings').getByRole('listitem').filter({ hasText: shown });
		await expect(booking.textContent()).resolves.toContain('Đã đặt');
		await expect(booking.getByRole('link', { name: 'Vào phòng tư vấn' }).getAttribute('href')).resolves.toMatch(/^https:\/\/meet\.jit\.si\/Sen-[a-z2-7]{26}$/);
		await expect(free.textContent()).resolves.not.toContain(shown);
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(l, 'counselling-booked-360');

		await c.reload();
		const row = c.getByTestId('my-slots').getByRole('row', { name: new RegExp(shown) });
		await expect(row.textContent()).resolves.toContain(`Đã đặt: ${learnerName}`);
		await expect(row.getByRole('link', { name: 'Vào phòng tư vấn' }).getAttribute('href')).resolves.toBe(await booking.getByRole('link', { name: 'Vào phòng tư vấn' }).getAttribute('href'));
		for (const ctx of [cctx, lctx]) await ctx.close();
	});
});
