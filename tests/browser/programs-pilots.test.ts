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

	it('the office corrects and then withdraws an announcement on a 390-px phone without JavaScript; a parent following the notice learns it was corrected, then withdrawn', { timeout: 120_000 }, async () => {
		const city = await apiAs(sen, 'city');
		const title = 'Lịch họp phụ huynh học kỳ II';
		const pub = (await city.post('/api/v1/publications', { kind: 'announcement', title, body: 'Thứ bảy, 8 giờ.', audience: 'parents' })) as { id: string };

		const octx = await newContext(browser, sen, { width: 390, height: 844, javaScript: false });
		const o = await octx.newPage();
		await loginAs(o, 'city');
		await o.goto(`/programs/publications/${pub.id}`);
		const edit = o.locator('form[action="?/edit"]');
		await edit.getByLabel('Tiêu đề').fill(`${title} (đổi giờ)`);
		await edit.getByLabel('Nội dung').fill('Thứ bảy, 14 giờ.');
		await Promise.all([o.waitForLoadState('load'), edit.getByRole('button', { name: 'Lưu thay đổi' }).click()]);
		await o.getByText('Đã lưu thay đổi.').waitFor();
		await expect(o.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`${title} (đổi giờ)`);
		await expect(o.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await snap(o, 'publication-corrected-390');
		// A document added from the phone, without JavaScript.
		const attach = o.locator('form[action="?/attach"]');
		await attach.getByLabel(/^Tệp tài liệu/).setInputFiles({ name: 'Giấy mời họp.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
		await Promise.all([o.waitForLoadState('load'), attach.getByRole('button', { name: 'Thêm tài liệu' }).click()]);
		await o.getByText('Đã thêm tài liệu.').waitFor();
		await expect(o.getByTestId('documents').textContent()).resolves.toContain('Giấy mời họp.pdf');

		// The parent opens the notice sent at publishing and reads the corrected text, marked as edited.
		const pctx = await newContext(browser, sen, { width: 390, height: 844 });
		const p = await pctx.newPage();
		await loginAs(p, 'parent');
		await p.goto('/notifications');
		const notice = p.locator('[data-notification]').filter({ hasText: title });
		await Promise.all([p.waitForURL((u) => u.pathname === `/programs/publications/${pub.id}`), notice.getByRole('button', { name: /^Xem/ }).click()]);
		await p.getByText('Thứ bảy, 14 giờ.').waitFor();
		await expect(p.getByTestId('edited').textContent()).resolves.toMatch(/Đã sửa lúc \d/);
		const doc = p.getByTestId('documents').getByRole('link', { name: 'Giấy mời họp.pdf' });
		const got = await p.request.get((await doc.getAttribute('href'))!);
		expect(got.status()).toBe(200);
		expect(got.headers()['content-type']).toContain('application/pdf');

		// The office withdraws it with a reason; the parent's old link now says so, and the list no longer has it.
		const withdraw = o.locator('form[action="?/withdraw"]');
		await withdraw.getByLabel('Lý do (không bắt buộc)').fill('Đổi sang họp trực tuyến');
		await Promise.all([o.waitForLoadState('load'), withdraw.getByRole('button', { name: 'Thu hồi' }).click()]);
		await expect(o.getByTestId('withdrawn').textContent()).resolves.toContain('Lý do: Đổi sang họp trực tuyến');
		await expect(o.locator('form[action="?/edit"]').count()).resolves.toBe(0);
		await p.reload();
		await p.getByRole('heading', { name: 'Thông báo đã được thu hồi' }).waitFor();
		await expect(p.getByTestId('withdrawn').textContent()).resolves.toContain('Lý do: Đổi sang họp trực tuyến');
		await expect(p.getByText('Thứ bảy, 14 giờ.').count()).resolves.toBe(0);
		await snap(p, 'publication-withdrawn-390');
		await p.goto('/programs/publications');
		await expect(p.getByTestId('publications').textContent()).resolves.not.toContain(title);
		await Promise.all([octx.close(), pctx.close()]);
	});
});
