/**
 * The periodic report pages as a browser without JavaScript uses them, on the demo: `leader`
 * (THCS Bình Yên) generates, writes and submits a report; `unit` (Xã Thạch Thất) returns it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { schools } from '#lib/server/organisations/schema';
import { programReports } from '#lib/server/programs/report-schema';
import { periodContaining, periodLabel, periodOf } from '#lib/server/programs/report-rules';

let app: TestApp;
const as: Record<string, Client> = {};
let thcs: typeof schools.$inferSelect;
let reportId: string;

beforeAll(async () => {
	app = await startApp();
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	for (const u of ['leader', 'unit', 'teacher']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

// The text a reader sees: not the hydration data in the scripts (it repeats a failure's message even when the page shows none).
const textOf = (html: string) => html.replace(/<script\b[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return textOf(await res.text());
};

describe('periodic report pages', () => {
	it('the program hub links the reports for the leader and the officer, not for a teacher', async () => {
		expect(await (await as.leader.get('/programs')).text()).toContain('href="/programs/reports"');
		expect(await (await as.teacher.get('/programs')).text()).not.toContain('href="/programs/reports"');
		await page(as.teacher, '/programs/reports', 403);
	});

	it('the leader generates a quarterly report from the form and lands on it', async () => {
		const list = await page(as.leader, '/programs/reports');
		expect(list).toContain('Báo cáo của đơn vị tôi');
		expect(list).toContain('Lập báo cáo mới');
		// This month's report is always due within the coming weeks, and can be generated from the deadlines table.
		expect(list).toContain('Hạn nộp sắp tới và quá hạn');
		expect(list).toContain(`Báo cáo tháng — ${periodLabel(periodContaining('monthly', new Date()))}`);
		const res = await as.leader.form('/programs/reports?/create', { org: `school:${thcs.id}`, choice: 'quarterly|2026-Q3' });
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/programs\/reports\/[0-9a-f-]{36}$/);
		reportId = location.split('/').pop()!;
		const again = await as.leader.form('/programs/reports?/create', { org: `school:${thcs.id}`, choice: 'quarterly|2026-Q3' });
		expect(again.status).toBe(409);
		expect(textOf(await again.text())).toContain('Đơn vị đã có báo cáo cho kỳ này.');
	});

	it('a period still to come is refused on the form with the reason beside the period', async () => {
		const next = periodContaining('quarterly', periodContaining('quarterly', new Date()).to);
		const res = await as.leader.form('/programs/reports?/create', { org: `school:${thcs.id}`, choice: `quarterly|${next.key}` });
		expect(res.status).toBe(400);
		expect(textOf(await res.text())).toContain(`${periodLabel(next)} chưa bắt đầu: chỉ lập được báo cáo cho kỳ đã bắt đầu (kỳ hiện tại hoặc các kỳ trước).`);
		expect(await app.db.select().from(programReports).where(eq(programReports.periodKey, next.key))).toEqual([]);
	});

	it('the report page shows the live figures, the narrative form and the exports', async () => {
		const t = await page(as.leader, `/programs/reports/${reportId}`);
		for (const s of ['Báo cáo quý — Quý III/2026', 'Bản nháp', 'Hạn nộp: 10/10/2026', 'Số trường trong phạm vi', 'Sổ điểm điện tử', 'chưa có dữ liệu', 'Kết quả thực hiện', 'Kiến nghị, đề xuất', 'Kế hoạch kỳ tới', 'Lưu bản nháp', 'Gửi báo cáo', 'Tải PDF', 'Tải Excel (.xlsx)']) expect(t).toContain(s);
	});

	it('saves the narrative, then submits it; the page shows the snapshot', async () => {
		const saved = await as.leader.form(`/programs/reports/${reportId}?/save`, { results: 'Đã triển khai.', difficulties: 'Mạng yếu.', proposals: '', nextPlan: '' });
		expect(saved.status).toBe(200);
		const [row] = await app.db.select().from(programReports).where(eq(programReports.id, reportId));
		expect(row.narrative.results).toBe('Đã triển khai.');
		const sent = await as.leader.form(`/programs/reports/${reportId}?/submit`, { results: 'Đã triển khai xong.', difficulties: 'Mạng yếu.', proposals: 'Bổ sung kinh phí.', nextPlan: '' });
		expect(sent.status).toBe(200);
		const t = await page(as.leader, `/programs/reports/${reportId}`);
		expect(t).toContain('Đã gửi');
		expect(t).toContain('Số liệu đã chốt lúc gửi');
		expect(t).toContain('Bổ sung kinh phí.');
		expect(t).not.toContain('Lưu bản nháp');
	});

	it('the unit officer finds it sent to them; returning without a comment says why, with one it returns', async () => {
		const list = await page(as.unit, '/programs/reports');
		expect(list).toContain('Báo cáo gửi đến tôi');
		expect(list).toContain('THCS Bình Yên');
		const t = await page(as.unit, `/programs/reports/${reportId}`);
		expect(t).toContain('Tiếp nhận');
		const bad = await as.unit.form(`/programs/reports/${reportId}?/return`, { comment: '' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Ý kiến: Vui lòng điền mục này.');
		const ok = await as.unit.form(`/programs/reports/${reportId}?/return`, { comment: 'Thiếu số liệu.' });
		expect(ok.status).toBe(200);
		expect(await page(as.leader, `/programs/reports/${reportId}`)).toContain('Ý kiến của đơn vị nhận: Thiếu số liệu.');
	});

	it('the list pages with a plain “Trang sau” link that keeps the filter; every report is on one page', async () => {
		// Sixty schools' December reports sent to the unit officer: more than a page of 50.
		const dec = periodOf('monthly', '2026-12')!;
		const unitPath = thcs.path.replace(/[^/]+\/$/, '');
		const [{ createdBy }] = await app.db.select({ createdBy: programReports.createdBy }).from(programReports).limit(1);
		const rows = Array.from({ length: 60 }, () => ({ template: 'monthly' as const, periodKey: dec.key, periodFrom: dec.from, periodTo: dec.to, level: 'school' as const, path: `${unitPath}${crypto.randomUUID()}/`, narrative: { results: '', difficulties: '', proposals: '', nextPlan: '' }, createdBy }));
		const ids = (await app.db.insert(programReports).values(rows).returning({ id: programReports.id })).map((x) => x.id);
		try {
			const first = await (await as.unit.get('/programs/reports?template=monthly')).text();
			const next = /<a [^>]*href="(\?[^"]*cursor=[^"]*)"[^>]*rel="next"/.exec(first)?.[1].replace(/&amp;/g, '&');
			expect(next).toContain('template=monthly');
			expect(textOf(first)).toContain('Trang sau');
			expect(textOf(first)).not.toContain('Trang đầu');
			const res = await as.unit.get(`/programs/reports${next}`);
			expect(res.status).toBe(200);
			const second = await res.text();
			expect(textOf(second)).toContain('Trang đầu');
			expect(textOf(second)).not.toContain('Trang sau');
			for (const id of ids) expect([first, second].map((h) => h.split(`href="/programs/reports/${id}"`).length - 1).reduce((a, b) => a + b)).toBe(1);
			await page(as.unit, '/programs/reports?cursor=abc', 400);
		} finally {
			await app.db.delete(programReports).where(inArray(programReports.id, ids));
		}
	});

	it('another school’s report is a 404 page; a bad id too', async () => {
		await page(as.teacher, `/programs/reports/${reportId}`, 404);
		await page(as.leader, '/programs/reports/not-an-id', 404);
	});
});
