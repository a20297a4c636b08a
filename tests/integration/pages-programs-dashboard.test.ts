/**
 * The dashboard pages (/programs/dashboard), their .csv tables and the charts' PDF, rendered by
 * the built server on the demo (see api-programs-dashboards.test.ts for the figures themselves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { refreshDashboardStats } from '#lib/server/programs/dashboard-stats';

let app: TestApp;
const as: Record<string, Client> = {};
const unit: Record<string, string> = {};
let thcs: string;
let hoaSua: string;

beforeAll(async () => {
	app = await startApp();
	for (const u of await app.db.select().from(orgUnits)) unit[u.code] = u.id;
	[{ id: thcs }] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: hoaSua }] = await app.db.select().from(schools).where(eq(schools.code, 'TH-HOASUA'));
	for (const u of ['city', 'unit', 'leader', 'teacher']) as[u] = await app.loginAs(u);
	await refreshDashboardStats(app.db, new Date());
});
afterAll(() => app?.close());

describe('the dashboard page', () => {
	it('shows the city’s charts as accessible SVG with their tables, units linking to their dashboards', async () => {
		const res = await as.city.get('/programs/dashboard');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Bảng điều khiển: Sở Giáo dục và Đào tạo Hà Nội');
		expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="usage-title usage-desc"/);
		expect(html).toContain('<title id="usage-title">Người dùng hoạt động theo tuần</title>');
		expect(html).toContain('data-testid="table-usage"');
		expect(html).toContain('data-testid="table-units"');
		expect(html).toContain(`href="/programs/dashboard?unit=${unit['HN-THACHTHAT']}"`);
		expect(html).toContain('Xã Thạch Thất');
		expect(html).toContain('href="/programs/dashboard/units.csv"');
		// No term averages in the demo yet; the readiness table from the demo's IT-readiness survey.
		expect(html).toContain('data-testid="empty-results"');
		// …said once on the page (the rest of the HTML is the page's data for hydration).
		expect(html.slice(0, html.indexOf('<script')).split('Chưa có điểm trung bình môn học kỳ nào').length - 1).toBe(1);
		expect(html).toContain('data-testid="section-readiness"');
	});

	it('a unit officer sees their unit’s schools, and drills down to one with a way back', async () => {
		const html = await (await as.unit.get('/programs/dashboard')).text();
		expect(html).toContain('Bảng điều khiển: Xã Thạch Thất');
		expect(html).toContain(`href="/programs/dashboard?school=${thcs}"`);
		expect(html).not.toContain('Trường Tiểu học Hoa Sữa');
		const res = await as.unit.get(`/programs/dashboard?school=${thcs}`);
		expect(res.status).toBe(200);
		const one = await res.text();
		expect(one).toContain('Bảng điều khiển: Trường THCS Bình Yên');
		expect(one).toContain('href="/programs/dashboard"');
		expect(one).toContain(`href="/programs/dashboard/usage.csv?school=${thcs}"`);
	});

	it('should answer 404 outside the caller’s scope, and to a teacher', async () => {
		expect((await as.unit.get(`/programs/dashboard?school=${hoaSua}`)).status).toBe(404);
		expect((await as.unit.get(`/programs/dashboard?unit=${unit['HN-BADINH']}`)).status).toBe(404);
		expect((await as.leader.get(`/programs/dashboard?school=${hoaSua}`)).status).toBe(404);
		expect((await as.teacher.get('/programs/dashboard')).status).toBe(404);
		expect((await as.teacher.get('/programs/dashboard/units.csv')).status).toBe(404);
	});

	it('is listed on the program hub for those who may see it', async () => {
		expect(await (await as.leader.get('/programs')).text()).toContain('href="/programs/dashboard"');
		expect(await (await as.teacher.get('/programs')).text()).not.toContain('href="/programs/dashboard"');
	});
});

describe('downloads', () => {
	it('each table as .csv, UTF-8 with a BOM, numbers unformatted', async () => {
		const res = await as.leader.get('/programs/dashboard/schools.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		expect(res.headers.get('content-disposition')).toContain('schools-truong-thcs-binh-yen.csv');
		const text = await res.text();
		const bytes = new Uint8Array(await (await as.leader.get('/programs/dashboard/schools.csv')).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [head, row] = text.replace(/^\ufeff/, '').trim().split('\r\n');
		expect(head).toBe('Trường,Mã trường,Học sinh,"Giáo viên, cán bộ",Hoạt động 30 ngày,Lớp,Lớp đã có điểm');
		expect(row).toMatch(/^Trường THCS Bình Yên,THCS-BINHYEN,40,\d+,\d+,4,1$/);
		expect((await as.leader.get('/programs/dashboard/nope.csv')).status).toBe(404);
	});

	it('the charts as a PDF, with the same titles', async () => {
		const res = await as.city.get('/programs/dashboard/charts.pdf');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
		expect(text).toContain('Bảng điều khiển Sở Giáo dục và Đào tạo Hà Nội');
		expect(text).toContain('Người dùng hoạt động theo tuần');
		expect(text).toContain('Tài khoản hoạt động trong 30 ngày theo đơn vị');
	});
});

describe('the program hub (/programs)', () => {
	const linksOf = async (c: Client) => [...(await (await c.get('/programs')).text()).matchAll(/<h2[^>]*><a href="(\/programs\/[^"]+)"/g)].map((x) => x[1]);

	it('shows each person the parts the policy lets them use, in the program’s order', async () => {
		expect(await linksOf(as.city)).toEqual(['/programs/pilots', '/programs/training', '/programs/surveys', '/programs/budget', '/programs/reports', '/programs/dashboard', '/programs/publications']);
		// The budget is the city office's alone.
		expect(await linksOf(as.unit)).not.toContain('/programs/budget');
		expect(await linksOf(as.leader)).toEqual(expect.arrayContaining(['/programs/surveys', '/programs/reports', '/programs/dashboard']));
		expect(await linksOf(as.leader)).not.toContain('/programs/budget');
		// A teacher sees pilots, training and publications, but no reports, dashboards or surveys.
		const teacher = await linksOf(as.teacher);
		expect(teacher).toEqual(expect.arrayContaining(['/programs/pilots', '/programs/training', '/programs/publications']));
		expect(teacher.filter((h) => ['/programs/budget', '/programs/reports', '/programs/dashboard', '/programs/surveys'].includes(h))).toEqual([]);
	});
});
