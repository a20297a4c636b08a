import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

/** A datetime-local value `days` from now at `hour` o'clock in Vietnam. */
const vietnamInput = (days: number, hour: number) => {
	const d = new Date(Date.now() + days * 86_400_000 + 7 * 3600_000);
	return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

describe('an experience day with one place, from the leader to the families and back', () => {
	it('the leader creates it at Bát Tràng; the parent registers their child (confirmed) on a phone without JavaScript; the counsellor is waitlisted; the leader marks attendance and downloads the .ics', { timeout: 120_000 }, async () => {
		const childName = (await (await apiAs(sen, 'learner')).get('/api/v1/me')).person.name as string;
		const counsellorName = (await (await apiAs(sen, 'counsellor')).get('/api/v1/me')).person.name as string;

		// The leader reaches events from the community hub and organises the day.
		const lctx = await newContext(browser, sen, { width: 1280 });
		const l = await lctx.newPage();
		await loginAs(l, 'leader');
		await l.goto('/community');
		await Promise.all([l.waitForURL((u) => u.pathname === '/events'), l.getByRole('link', { name: 'Sự kiện và hội thảo' }).click()]);
		const form = l.getByRole('region', { name: 'Sự kiện mới' });
		await form.getByLabel(/^Loại/).selectOption({ label: 'Ngày trải nghiệm' });
		await form.getByLabel(/^Tên sự kiện/).fill('Một ngày làm thợ gốm');
		await form.getByLabel(/^Bắt đầu/).fill(vietnamInput(10, 8));
		await form.getByLabel(/^Kết thúc/).fill(vietnamInput(10, 16));
		await form.getByLabel(/^Địa điểm học tập/).selectOption({ label: 'Làng gốm Bát Tràng' });
		await form.getByLabel(/^Số chỗ/).fill('1');
		await form.getByLabel(/^Dành cho/).selectOption({ label: 'Mọi người' });
		await Promise.all([l.waitForURL(/\/events\/[0-9a-f-]{36}$/), form.getByRole('button', { name: 'Tạo sự kiện' }).click()]);
		const eventPath = new URL(l.url()).pathname;
		await expect(l.locator('dl.card').textContent()).resolves.toContain('Làng gốm Bát Tràng');
		await expect(l.getByTestId('counts').textContent()).resolves.toContain('0/1');

		// The parent, on a 360-px phone without JavaScript, registers their child.
		const pctx = await newContext(browser, sen, { width: 360, height: 740, javaScript: false });
		const p = await pctx.newPage();
		await loginAs(p, 'parent');
		await p.goto('/events');
		await Promise.all([p.waitForURL((u) => u.pathname === eventPath), p.getByTestId('events').getByRole('link', { name: 'Một ngày làm thợ gốm' }).click()]);
		await p.getByRole('button', { name: `Đăng ký cho ${childName}` }).click();
		await p.getByText('Đã lưu.').waitFor();
		const mine = p.getByTestId('my-registrations').getByRole('listitem').filter({ hasText: childName });
		await expect(mine.locator('.badge').first().textContent()).resolves.toBe('Đã xác nhận');
		await expect(p.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(p, 'event-registered-360');

		// The counsellor comes next: the one place is taken, so they are first on the waitlist.
		const cctx = await newContext(browser, sen, { width: 1024 });
		const c = await cctx.newPage();
		await loginAs(c, 'counsellor');
		await c.goto(eventPath);
		await c.getByRole('button', { name: `Đăng ký cho ${counsellorName}` }).click();
		await c.getByText('Đã lưu.').waitFor();
		await expect(c.getByTestId('my-registrations').textContent()).resolves.toContain('Danh sách chờ: thứ 1');

		// The leader sees both, marks the child present, and the mark is kept.
		await l.reload();
		const table = l.getByTestId('registrations');
		await expect(table.getByRole('row').nth(1).textContent()).resolves.toContain(childName);
		await expect(table.getByRole('row').nth(2).textContent()).resolves.toContain('Danh sách chờ: thứ 1');
		await table.getByLabel(`${childName} có mặt`).check();
		await l.getByRole('button', { name: 'Lưu điểm danh' }).click();
		await l.getByText('Đã lưu.').waitFor();
		await l.reload();
		await expect(l.getByTestId('registrations').getByLabel(`${childName} có mặt`).isChecked()).resolves.toBe(true);
		await snap(l, 'event-organiser');

		// The calendar file downloads and holds the event.
		const [download] = await Promise.all([l.waitForEvent('download'), l.getByRole('link', { name: 'Thêm vào lịch (.ics)' }).click()]);
		const ics = readFileSync((await download.path())!, 'utf8');
		expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(ics.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Một ngày làm thợ gốm');
		expect(ics).toContain(`UID:event-${eventPath.split('/').pop()}@sen`);

		// The parent's own calendar feed now has it (their child holds the place).
		const feed = await pctx.request.get('/events/calendar.ics');
		expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		expect((await feed.text()).replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Một ngày làm thợ gốm');
		for (const ctx of [lctx, pctx, cctx]) await ctx.close();
	});
});
