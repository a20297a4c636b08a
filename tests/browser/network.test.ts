import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('a mentor is vetted, then joins a supervised project', () => {
	it('a new mentor registers on a phone; the city officer vets them; the teacher makes them the outside mentor of a 6A1 project; the mentor gives feedback there and writes in the project’s supervised channel, never to the learner directly', { timeout: 200_000 }, async () => {
		const learnerName = (await (await apiAs(sen, 'learner')).get('/api/v1/me')).person.name as string;

		// Registering at /network/join, signed out, on a 360-px phone.
		const mctx = await newContext(browser, sen, { width: 360, height: 740 });
		const mp = await mctx.newPage();
		await mp.goto('/network/join');
		await mp.getByLabel(/^Họ và tên/).fill('Vương Thị Ngọc Lan');
		await mp.getByLabel(/^Thư điện tử/).fill('ngoclan@gomsu.vn');
		await mp.getByLabel(/^Số điện thoại/).fill('0912345678');
		await mp.getByLabel(/^Loại thành viên/).selectOption({ label: 'Cố vấn' });
		await mp.getByLabel(/^Cơ quan, doanh nghiệp/).fill('Xưởng gốm Ngọc Lan');
		await mp.getByLabel(/^Lĩnh vực, môn học/).fill('gốm, hoá học men');
		await mp.getByLabel('Hướng dẫn, cố vấn').check();
		await mp.getByLabel('Nói chuyện chuyên đề').check();
		await mp.getByLabel('Tôi đồng ý để nhà trường liên hệ').check();
		await expect(mp.getByRole('region', { name: 'Quy tắc ứng xử khi làm việc với học sinh' }).textContent()).resolves.toContain('Không nhắn tin');
		await mp.getByLabel('Tôi đã đọc và cam kết').check();
		await mp.getByLabel(/^Mật khẩu/).fill('Men-lam-2026');
		await expect(mp.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(mp, 'network-join-360');
		await mp.getByRole('button', { name: 'Đăng ký' }).click();
		await mp.getByText('Đã nhận đăng ký.', { exact: false }).waitFor();

		// The city officer finds them waiting, from the community hub, and vets them.
		const cctx = await newContext(browser, sen, { width: 1280 });
		const c = await cctx.newPage();
		await loginAs(c, 'city');
		await c.goto('/community');
		await Promise.all([c.waitForURL((u) => u.pathname === '/network'), c.getByRole('link', { name: 'Mạng lưới cộng đồng' }).click()]);
		await Promise.all([c.waitForURL(/\/network\/members\/[0-9a-f-]{36}$/), c.getByTestId('pending').getByRole('link', { name: 'Vương Thị Ngọc Lan' }).click()]);
		await expect(c.getByTestId('member-status').textContent()).resolves.toBe('Chờ thẩm định');
		const vet = c.getByRole('form', { name: 'Thẩm định' });
		// Without the code of conduct confirmed, vetting is refused with the reason.
		await vet.getByLabel('Đã xác minh danh tính').check();
		await vet.getByRole('button', { name: 'Ghi nhận thẩm định' }).click();
		await c.getByText('Thành viên phải cam kết quy tắc ứng xử trước khi được duyệt.').first().waitFor();
		const again = c.getByRole('form', { name: 'Thẩm định' });
		await again.getByLabel('Đã xác minh danh tính').check();
		await again.getByLabel(/^Ghi chú xác minh/).fill('CCCD 001190012345, đối chiếu trực tiếp');
		await again.getByLabel('Đã kiểm tra', { exact: true }).check();
		await again.getByLabel(/^Ngày kiểm tra lý lịch/).fill('2026-11-30');
		await again.getByLabel('Thành viên đã ký cam kết').check();
		await again.getByLabel('Duyệt', { exact: true }).check();
		await again.getByRole('button', { name: 'Ghi nhận thẩm định' }).click();
		await c.getByText('Đã ghi nhận thẩm định.').waitFor();
		await expect(c.getByTestId('member-status').textContent()).resolves.toBe('Đã thẩm định');
		await expect(c.getByTestId('vetting-history').textContent()).resolves.toContain('Đã thẩm định');

		// The teacher finds the new mentor in the network, then makes a 6A1 project with a team and a milestone and sets them as its outside mentor.
		const tctx = await newContext(browser, sen, { width: 1280 });
		const t = await tctx.newPage();
		await loginAs(t, 'teacher');
		await t.goto('/network?q=ngoc+lan');
		await expect(t.getByTestId('members').textContent()).resolves.toContain('Vương Thị Ngọc Lan');
		await t.goto('/projects');
		const form = t.getByRole('region', { name: 'Dự án mới' });
		await form.getByLabel(/^Lớp/).selectOption({ label: '6A1' });
		await form.getByLabel(/^Tên dự án/).fill('Men gốm từ tro bếp');
		await Promise.all([t.waitForURL(/\/projects\/[0-9a-f-]{36}$/), form.getByRole('button', { name: 'Tạo dự án' }).click()]);
		const ms = t.getByRole('form', { name: 'Mốc mới' });
		await ms.getByLabel(/^Tên mốc/).fill('Thử nung mẫu men');
		await ms.getByLabel(/^Hạn/).fill('2026-12-20');
		await ms.getByRole('button', { name: 'Thêm mốc' }).click();
		await t.getByText('Đã thêm mốc.').waitFor();
		const team = t.getByRole('form', { name: 'Nhóm mới' });
		await team.getByLabel(/^Tên nhóm/).fill('Nhóm Tro trấu');
		await team.getByLabel(learnerName).check();
		await team.getByRole('button', { name: 'Thêm nhóm' }).click();
		await t.getByText('Đã thêm nhóm.').waitFor();
		const mentor = t.getByRole('form', { name: 'Người hướng dẫn bên ngoài' });
		await mentor.getByLabel(/^Người hướng dẫn bên ngoài/).selectOption({ label: 'Vương Thị Ngọc Lan (Xưởng gốm Ngọc Lan)' });
		await mentor.getByRole('button', { name: 'Lưu người hướng dẫn' }).click();
		await t.getByText('Đã lưu người hướng dẫn bên ngoài.').waitFor();
		await expect(t.locator('dl.meta').textContent()).resolves.toContain('Vương Thị Ngọc Lan');

		// The new mentor signs in on the phone, sees the project, and gives feedback on the team's milestone.
		await loginAs(mp, 'ngoclan@gomsu.vn', 'Men-lam-2026');
		await mp.goto('/projects');
		await Promise.all([mp.waitForURL(/\/projects\/[0-9a-f-]{36}$/), mp.getByTestId('projects').getByRole('link', { name: 'Men gốm từ tro bếp' }).click()]);
		const theirs = mp.getByRole('region', { name: 'Nhóm Tro trấu: Thử nung mẫu men' });
		await theirs.getByLabel(/^Nhận xét/).fill('Thử thêm 10% tro trấu để men bóng hơn.');
		await theirs.getByRole('button', { name: 'Gửi nhận xét' }).click();
		await mp.getByText('Đã gửi nhận xét.').waitFor();
		await expect(mp.getByRole('region', { name: 'Nhóm Tro trấu: Thử nung mẫu men' }).textContent()).resolves.toContain('Thử thêm 10% tro trấu');
		await expect(mp.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(mp, 'network-mentor-feedback-360');
		// The teacher opens the project's supervised channel with the mentor in it; the mentor writes
		// there, and only there: the learner is not among the people they may contact directly.
		await t.goto('/messages');
		const ch = t.getByRole('region', { name: 'Kênh dự án có giám sát' });
		await ch.getByLabel(/^Dự án/).selectOption({ label: 'Men gốm từ tro bếp (6A1)' });
		await ch.getByLabel(/^Tên kênh/).fill('Kênh dự án Men gốm');
		await ch.getByLabel('Thêm cố vấn bên ngoài của dự án').check();
		await Promise.all([t.waitForURL(/\/messages\/[0-9a-f-]{36}$/), ch.getByRole('button', { name: 'Mở kênh' }).click()]);
		const channel = new URL(t.url()).pathname;
		const treply = t.getByRole('region', { name: 'Trả lời' });
		await treply.getByLabel(/^Nội dung/).fill('Chào cô Ngọc Lan, nhóm Tro trấu sẽ gửi ảnh mẫu men ở đây.');
		await treply.getByRole('button', { name: 'Gửi' }).click();
		await t.getByTestId('thread').getByText('nhóm Tro trấu sẽ gửi ảnh mẫu men').waitFor();

		await mp.goto('/messages');
		await expect(mp.locator('select[name=personId] option').allInnerTexts()).resolves.not.toContain(learnerName);
		await Promise.all([mp.waitForURL((u) => u.pathname === channel), mp.getByTestId('conversations').getByRole('link', { name: 'Kênh dự án Men gốm' }).click()]);
		await expect(mp.getByTestId('thread').textContent()).resolves.toContain('nhóm Tro trấu sẽ gửi ảnh mẫu men');
		const mreply = mp.getByRole('region', { name: 'Trả lời' });
		await mreply.getByLabel(/^Nội dung/).fill('Cảm ơn cô, các em nhớ ghi nhiệt độ lò mỗi lần nung.');
		await mreply.getByRole('button', { name: 'Gửi' }).click();
		await mp.getByTestId('thread').getByText('ghi nhiệt độ lò mỗi lần nung').waitFor();
		await expect(mp.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		await snap(mp, 'network-mentor-channel-360');

		// The mentor's own profile, with no search of the network.
		await mp.goto('/network');
		await expect(mp.getByRole('heading', { name: 'Hồ sơ của tôi' }).count()).resolves.toBe(1);
		await expect(mp.getByTestId('members').count()).resolves.toBe(0);
		await expect(mp.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
		for (const x of [mctx, cctx, tctx]) await x.close();
	});
});
