import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a project at a learning place, from the teacher to a team and back', () => {
	it('the teacher creates a project at Bát Tràng with a milestone and a team; the learner posts evidence on a phone; the teacher gives feedback and the learner sees it', { timeout: 120_000 }, async () => {
		const learnerName = (await (await apiAs(sen, 'learner')).get('/api/v1/me')).person.name as string;

		const tctx = await newContext(browser, sen, { width: 1280 });
		const t = await tctx.newPage();
		await loginAs(t, 'teacher');

		// The places page: the map and the table both show Bát Tràng.
		await t.goto('/places?q=bat+trang');
		await expect(t.getByTestId('place-map').getByRole('link').count()).resolves.toBe(1);
		await expect(t.getByTestId('places').textContent()).resolves.toContain('Làng gốm Bát Tràng');

		await Promise.all([t.waitForURL((u) => u.pathname === '/projects'), t.getByRole('link', { name: 'Dự án' }).first().click()]);
		const form = t.getByRole('region', { name: 'Dự án mới' });
		await form.getByLabel(/^Lớp/).selectOption({ label: '6A1' });
		await form.getByLabel(/^Tên dự án/).fill('Gốm Bát Tràng và phân số');
		await form.getByLabel(/^Câu hỏi định hướng/).fill('Một mẻ gốm cần bao nhiêu phần đất, bao nhiêu phần men?');
		await form.getByLabel(/^Địa điểm học tập/).selectOption({ label: 'Làng gốm Bát Tràng' });
		await form.getByLabel(/^Người hướng dẫn bên ngoài/).selectOption({ index: 1 });
		await Promise.all([t.waitForURL(/\/projects\/[0-9a-f-]{36}$/), form.getByRole('button', { name: 'Tạo dự án' }).click()]);
		await expect(t.locator('dl.meta').textContent()).resolves.toContain('Làng gốm Bát Tràng');

		const ms = t.getByRole('form', { name: 'Mốc mới' });
		await ms.getByLabel(/^Tên mốc/).fill('Tìm hiểu quy trình làm gốm');
		await ms.getByLabel(/^Hạn/).fill('2026-10-20');
		await ms.getByRole('button', { name: 'Thêm mốc' }).click();
		await t.getByText('Đã thêm mốc.').waitFor();

		const team = t.getByRole('form', { name: 'Nhóm mới' });
		await team.getByLabel(/^Tên nhóm/).fill('Nhóm Men lam');
		await team.getByLabel(learnerName).check();
		await team.getByRole('button', { name: 'Thêm nhóm' }).click();
		await t.getByText('Đã thêm nhóm.').waitFor();
		await expect(t.getByTestId('team').textContent()).resolves.toContain('Chưa bắt đầu');
		const projectUrl = new URL(t.url()).pathname;

		// The learner, on a 360-px phone, posts evidence.
		const lctx = await newContext(browser, sen, { width: 360, height: 740 });
		const l = await lctx.newPage();
		await loginAs(l, 'learner');
		await Promise.all([l.waitForURL((u) => u.pathname === '/projects'), l.getByRole('link', { name: 'Dự án' }).first().click()]);
		await Promise.all([l.waitForURL((u) => u.pathname === projectUrl), l.getByTestId('projects').getByRole('link', { name: 'Gốm Bát Tràng và phân số' }).click()]);
		const mine = l.getByRole('region', { name: 'Nhóm Men lam: Tìm hiểu quy trình làm gốm' });
		await mine.getByLabel('Minh chứng', { exact: true }).fill('Chúng em hỏi nghệ nhân: 7 phần đất, 3 phần men.');
		await mine.getByLabel(/^Đường dẫn/).fill('https://example.vn/anh-xuong-gom');
		await snap(l, 'project-evidence-360');
		await mine.getByRole('button', { name: 'Nộp minh chứng' }).click();
		await l.getByText('Đã nộp minh chứng.').waitFor();
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await expect(l.getByRole('region', { name: 'Nhóm Men lam: Tìm hiểu quy trình làm gốm' }).locator('.badge').textContent()).resolves.toBe('Đã nộp');

		// The teacher reviews.
		await t.reload();
		const theirs = t.getByRole('region', { name: 'Nhóm Men lam: Tìm hiểu quy trình làm gốm' });
		await expect(theirs.textContent()).resolves.toContain('7 phần đất, 3 phần men');
		await theirs.getByLabel(/^Nhận xét/).fill('Đúng rồi! Hãy viết tỉ số 7 : 3 dưới dạng phân số.');
		await theirs.getByRole('button', { name: 'Gửi nhận xét' }).click();
		await t.getByText('Đã gửi nhận xét.').waitFor();

		// The learner sees the feedback and the milestone reviewed.
		await l.reload();
		const reviewed = l.getByRole('region', { name: 'Nhóm Men lam: Tìm hiểu quy trình làm gốm' });
		await expect(reviewed.textContent()).resolves.toContain('Hãy viết tỉ số 7 : 3 dưới dạng phân số.');
		await expect(reviewed.locator('.badge').textContent()).resolves.toBe('Đã nhận xét');
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(l, 'project-feedback-360');
		await l.goto('/places');
		await expect(l.getByTestId('place-map').getByRole('link').count()).resolves.toBe(6);
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(l, 'places-map-360');
		for (const c of [tctx, lctx]) await c.close();
	});
});
