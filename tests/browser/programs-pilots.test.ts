import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('a pilot site and a publication, from the school and the family back to the office', () => {
	it('the leader marks a milestone done with evidence on a 390-px phone and the office sees the progress move; a parent reads an announcement and the office sees one read', { timeout: 120_000 }, async () => {
		const city = await apiAs(sen, 'city');
		const sites = (await city.get('/api/v1/pilot-sites')).items as { id: string; modelId: string; schoolName: string; modelName: string }[];
		const site = sites.find((s) => s.schoolName === 'Trường THCS Bình Yên' && s.modelName === 'Câu lạc bộ STEM kết nối doanh nghiệp')!;

		// The office sees the site at 1 of 3 milestones.
		const octx = await newContext(browser, sen, { width: 1280 });
		const o = await octx.newPage();
		await loginAs(o, 'city');
		await o.goto(`/programs/pilots/${site.modelId}`);
		const row = () => o.getByTestId('pilot-sites').getByRole('row').filter({ hasText: 'Trường THCS Bình Yên' });
		await expect(row().textContent()).resolves.toContain('1/3 mốc (33%)');

		// The leader, on a phone, finds the school's pilots and the site.
		const lctx = await newContext(browser, sen, { width: 390, height: 844 });
		const l = await lctx.newPage();
		await loginAs(l, 'leader');
		await l.goto('/programs');
		await Promise.all([l.waitForURL((u) => u.pathname === '/programs/pilots'), l.getByRole('link', { name: 'Mô hình thí điểm' }).click()]);
		await Promise.all([l.waitForURL(/\/programs\/pilots\/schools\//), l.getByRole('link', { name: 'Trường THCS Bình Yên' }).click()]);
		await Promise.all([l.waitForURL((u) => u.pathname === `/programs/pilots/sites/${site.id}`), l.getByTestId('school-pilots').getByRole('link', { name: 'Câu lạc bộ STEM kết nối doanh nghiệp' }).click()]);
		const ms = l.getByTestId('milestone').filter({ hasText: 'Tổ chức hoạt động thí điểm đầu tiên' });
		await ms.getByText('Thêm minh chứng').click();
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await l.waitForLoadState('networkidle');
		await ms.getByLabel('Ghi chú').fill('Buổi sinh hoạt câu lạc bộ đầu tiên với kỹ sư doanh nghiệp');
		await ms.getByLabel('Tệp minh chứng').setInputFiles({ name: 'sinh-hoat-clb.png', mimeType: 'image/png', buffer: PNG });
		await Promise.all([l.waitForLoadState('load'), ms.getByRole('button', { name: 'Lưu minh chứng' }).click()]);
		await l.getByText('Đã lưu.').waitFor();
		const again = l.getByTestId('milestone').filter({ hasText: 'Tổ chức hoạt động thí điểm đầu tiên' });
		await expect(again.textContent()).resolves.toContain('sinh-hoat-clb.png');
		await again.getByLabel('Trạng thái').selectOption({ label: 'Hoàn thành' });
		await Promise.all([l.waitForLoadState('load'), again.getByRole('button', { name: 'Cập nhật' }).click()]);
		await l.getByText('Đã lưu.').waitFor();
		await expect(l.getByTestId('site-progress').textContent()).resolves.toContain('2/3 mốc (66%)');
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await snap(l, 'pilot-site-390');

		await o.reload();
		await expect(row().textContent()).resolves.toContain('2/3 mốc (66%)');

		// A parent reads the announcement to parents; the office sees one more read.
		const pub = ((await city.get('/api/v1/publications')).items as { id: string; title: string }[]).find((x) => x.title === 'Mời phụ huynh tham gia khảo sát về hệ sinh thái học tập')!;
		await o.goto(`/programs/publications/${pub.id}`);
		const before = (await o.getByTestId('read-count').textContent())!;
		const [, audience] = before.match(/Đã đọc 0\/(\d+)/)!;
		const pctx = await newContext(browser, sen, { width: 390, height: 844, javaScript: false });
		const p = await pctx.newPage();
		await loginAs(p, 'parent');
		await p.goto('/programs/publications');
		await Promise.all([p.waitForURL((u) => u.pathname === `/programs/publications/${pub.id}`), p.getByRole('link', { name: pub.title }).click()]);
		await p.getByText('Nhà trường sẽ gửi phiếu khảo sát').waitFor();
		await o.reload();
		await expect(o.getByTestId('read-count').textContent()).resolves.toBe(`Đã đọc 1/${audience}`);
		await Promise.all([octx.close(), lctx.close(), pctx.close()]);
	});
});
