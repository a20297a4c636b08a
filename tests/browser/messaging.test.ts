import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a class announcement, from the teacher to a parent’s phone and back', () => {
	it('the teacher announces to 6A1’s parents; the parent on a phone sees it unread, reads it and replies; the teacher sees the reply live and the read receipt', { timeout: 120_000 }, async () => {
		const tctx = await newContext(browser, sen, { width: 1280 });
		const t = await tctx.newPage();
		await loginAs(t, 'teacher');
		await Promise.all([t.waitForURL((u) => u.pathname === '/messages'), t.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Liên lạc' }).click()]);
		const form = t.getByRole('region', { name: 'Thông báo tới phụ huynh' });
		await form.getByLabel(/^Lớp/).selectOption({ label: '6A1' });
		await form.getByLabel(/^Tiêu đề/).fill('Lịch kiểm tra giữa kỳ');
		await form.getByLabel(/^Nội dung/).fill('Lớp 6A1 kiểm tra giữa kỳ môn Toán vào thứ Tư tuần sau.');
		await expect(form.getByLabel('Cho phép phụ huynh trả lời').isChecked()).resolves.toBe(true);
		await Promise.all([t.waitForURL(/\/messages\/[0-9a-f-]{36}$/), form.getByRole('button', { name: 'Gửi thông báo' }).click()]);
		const thread = new URL(t.url()).pathname;
		await expect(t.getByTestId('receipts').textContent()).resolves.toMatch(/Đã đọc: 0\/\d+ phụ huynh/);
		// The page is open with its live stream: wait until the script has run.
		await t.waitForLoadState('networkidle').catch(() => {});

		// The parent, on a 390×844 phone.
		const pctx = await newContext(browser, sen, { width: 390, height: 844 });
		const p = await pctx.newPage();
		await loginAs(p, 'parent');
		await Promise.all([p.waitForURL((u) => u.pathname === '/messages'), p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Liên lạc' }).click()]);
		const item = p.getByTestId('conversations').getByRole('listitem').filter({ hasText: 'Lịch kiểm tra giữa kỳ' });
		await expect(item.getByTestId('unread').textContent()).resolves.toBe('1 chưa đọc');
		await snap(p, 'messages-parent-390');
		await expect(p.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await Promise.all([p.waitForURL((u) => u.pathname === thread), item.getByRole('link', { name: 'Lịch kiểm tra giữa kỳ' }).click()]);
		await expect(p.getByTestId('thread').textContent()).resolves.toContain('kiểm tra giữa kỳ môn Toán vào thứ Tư');
		const reply = p.getByRole('region', { name: 'Trả lời' });
		await reply.getByLabel(/^Nội dung/).fill('Cảm ơn cô, gia đình sẽ nhắc cháu ôn bài.');
		await reply.getByRole('button', { name: 'Gửi' }).click();
		await p.getByTestId('thread').getByText('Cảm ơn cô, gia đình sẽ nhắc cháu ôn bài.').waitFor();
		await snap(p, 'messages-thread-parent-390');
		await expect(p.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		// Back on the list the announcement is read.
		await p.goto('/messages');
		await expect(p.getByTestId('conversations').getByRole('listitem').filter({ hasText: 'Lịch kiểm tra giữa kỳ' }).getByTestId('unread').count()).resolves.toBe(0);

		// The teacher's open page got the reply over server-sent events, without a reload.
		await t.getByTestId('thread').getByText('Cảm ơn cô, gia đình sẽ nhắc cháu ôn bài.').waitFor({ timeout: 10_000 });
		await t.reload();
		await expect(t.getByTestId('receipts').textContent()).resolves.toMatch(/Đã đọc: 1\/\d+ phụ huynh/);
		await snap(t, 'messages-thread-teacher-1280');
		await Promise.all([tctx.close(), pctx.close()]);
	});
});
