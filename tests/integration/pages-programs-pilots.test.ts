/**
 * The pilot and publication pages as a browser without JavaScript uses them, on the demo: `city`
 * runs the program office, `unit` is the officer of Xã Thạch Thất, `leader` leads THCS Bình Yên,
 * `teacher` teaches there and `parent` is a parent there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { accounts } from '#lib/server/people/schema';
import { schools } from '#lib/server/organisations/schema';
import { pilotEvidence, pilotMilestones, pilotModels, pilotSites } from '#lib/server/programs/pilot-schema';
import { files } from '#lib/server/files/schema';
import { publications } from '#lib/server/programs/publication-schema';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
	app = await startApp();
	for (const u of ['city', 'unit', 'leader', 'teacher', 'parent']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	id.thcs = thcs.id;
	const [stem] = await app.db.select().from(pilotModels).where(eq(pilotModels.name, 'Câu lạc bộ STEM kết nối doanh nghiệp'));
	id.stem = stem.id;
	[{ id: id.site }] = await app.db.select().from(pilotSites).where(and(eq(pilotSites.modelId, stem.id), eq(pilotSites.schoolId, thcs.id)));
});
afterAll(() => app?.close());

// The text a reader sees: not the hydration data in the scripts (it repeats a failure's message even when the page shows none).
const textOf = (html: string) => html.replace(/<script\b[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return textOf(await res.text());
};

describe('the pilot pages', () => {
	it('the hub links both parts; the models page lists the seven with progress, the create form for the office only', async () => {
		const hub = await page(as.leader, '/programs');
		expect(hub).toContain('Mô hình thí điểm');
		expect(hub).toContain('Thông báo và tài liệu');
		const list = await page(as.city, '/programs/pilots');
		expect(list).toContain('Học qua di sản và làng nghề');
		expect(list).toContain('Mô hình mới');
		expect(list).toMatch(/\d+\/\d+ mốc \(\d+%\)/);
		expect(await page(as.leader, '/programs/pilots')).not.toContain('Mô hình mới');
		await page(as.parent, '/programs/pilots', 403);
	});

	it('the office creates a model from the form and assigns a school; bad input stays on the page', async () => {
		const bad = await as.city.form('/programs/pilots?/create', { name: 'Không cấp học' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Cấp học');
		const fd = new FormData();
		fd.append('name', 'Thư viện thân thiện');
		fd.append('levels', 'primary');
		fd.append('components', 'content');
		fd.append('components', 'context');
		const res = await as.city.form('/programs/pilots?/create', fd);
		expect(res.status).toBe(303);
		const [model] = await app.db.select().from(pilotModels).where(eq(pilotModels.name, 'Thư viện thân thiện'));
		expect(res.headers.get('location')).toBe(`/programs/pilots/${model.id}`);
		expect(model.components).toEqual(['content', 'context']);
		const detail = await page(as.city, `/programs/pilots/${model.id}`);
		expect(detail).toContain('Giao trường thí điểm');
		expect((await as.city.form(`/programs/pilots/${model.id}?/assign`, { schoolId: id.thcs, responsible: 'Cô Hà' })).status).toBe(200);
		const after = await page(as.city, `/programs/pilots/${model.id}`);
		expect(after).toContain('Trường THCS Bình Yên');
		expect(after).toContain('Thử nghiệm mô hình lý thuyết');
	});

	it('the model page shows a unit officer only their unit’s schools', async () => {
		const unit = await page(as.unit, `/programs/pilots/${id.stem}`);
		expect(unit).toContain('Trường THCS Bình Yên');
		expect(unit).not.toContain('Trường THPT Sông Hồng');
		expect(await page(as.city, `/programs/pilots/${id.stem}`)).toContain('Trường THPT Sông Hồng');
	});

	it('the leader adds a milestone, marks it done and uploads evidence on the site page; a teacher reads without the forms', async () => {
		const site = await page(as.leader, `/programs/pilots/sites/${id.site}`);
		expect(site).toContain('Xây dựng kế hoạch thí điểm của trường');
		expect(site).toContain('Thêm minh chứng');
		expect(await page(as.teacher, `/programs/pilots/sites/${id.site}`)).not.toContain('Thêm minh chứng');
		await page(as.parent, `/programs/pilots/sites/${id.site}`, 404);
		expect((await as.leader.form(`/programs/pilots/sites/${id.site}?/milestone`, { title: 'Ngày hội STEM', dueOn: '2031-03-26' })).status).toBe(200);
		const [ms] = await app.db.select().from(pilotMilestones).where(eq(pilotMilestones.title, 'Ngày hội STEM'));
		expect((await as.leader.form(`/programs/pilots/sites/${id.site}?/status`, { milestoneId: ms.id, status: 'done' })).status).toBe(200);
		const fd = new FormData();
		fd.append('note', 'Ảnh ngày hội');
		fd.append('file', new Blob([PNG]), 'ngay-hoi.png');
		expect((await as.leader.form(`/programs/pilots/sites/${id.site}?/evidence&milestoneId=${ms.id}`, fd)).status).toBe(200);
		const bad = await as.leader.form(`/programs/pilots/sites/${id.site}?/evidence&milestoneId=${ms.id}`, { url: 'http://x.vn' });
		expect(bad.status).toBe(400);
		expect(await app.db.select().from(pilotEvidence).where(eq(pilotEvidence.milestoneId, ms.id))).toHaveLength(1);
		const now = await page(as.leader, `/programs/pilots/sites/${id.site}`);
		expect(now).toContain('ngay-hoi.png');
		expect(now).toContain('Hoàn thành');
		expect((await as.teacher.form(`/programs/pilots/sites/${id.site}?/status`, { milestoneId: ms.id, status: 'planned' })).status).toBe(403);
	});

	it('the leader changes the responsible person and a phase’s dates; the office changes a model’s status', async () => {
		const bad = await as.leader.form(`/programs/pilots/sites/${id.site}?/site`, { responsible: 'Thầy Nam', practiceStartsOn: '2025-06-01', practiceEndsOn: '2025-01-01' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
		const res = await as.leader.form(`/programs/pilots/sites/${id.site}?/site`, { responsible: 'Thầy Nam', theoryStartsOn: '2024-09-01', theoryEndsOn: '2024-12-31', practiceStartsOn: '2025-01-06', practiceEndsOn: '2025-05-31' });
		expect(res.status).toBe(200);
		const [site] = await app.db.select().from(pilotSites).where(eq(pilotSites.id, id.site));
		expect(site.responsible).toBe('Thầy Nam');
		expect(await page(as.leader, `/programs/pilots/sites/${id.site}`)).toContain('06/01/2025');
		expect(await page(as.leader, `/programs/pilots/${id.stem}`)).not.toContain('Cập nhật');
		expect((await as.city.form(`/programs/pilots/${id.stem}?/status`, { status: 'completed' })).status).toBe(200);
		const [stem] = await app.db.select().from(pilotModels).where(eq(pilotModels.id, id.stem));
		expect(stem.status).toBe('completed');
		expect((await as.leader.form(`/programs/pilots/${id.stem}?/status`, { status: 'draft' })).status).toBe(403);
	});

	it('the school page lists the school’s models with progress', async () => {
		const school = await page(as.leader, `/programs/pilots/schools/${id.thcs}`);
		expect(school).toContain('Thí điểm tại Trường THCS Bình Yên');
		expect(school).toContain('Học theo dự án cộng đồng');
		const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
		await page(as.leader, `/programs/pilots/schools/${thpt.id}`, 404);
	});
});

describe('the publication pages', () => {
	it('lists the reader’s publications with unread marks; opening one records the read and the office sees it', async () => {
		const list = await page(as.parent, '/programs/publications');
		expect(list).toContain('Mời phụ huynh tham gia khảo sát về hệ sinh thái học tập');
		expect(list).toContain('Chưa đọc');
		expect(list).not.toContain('Phát hành mới');
		const [pub] = await app.db.select().from(publications).where(eq(publications.kind, 'announcement'));
		const before = await page(as.city, `/programs/publications/${pub.id}`);
		const m = before.match(/Đã đọc (\d+)\/(\d+)/)!;
		expect(m).not.toBeNull();
		expect(await page(as.parent, `/programs/publications/${pub.id}`)).not.toContain('Đã đọc');
		expect(await page(as.city, `/programs/publications/${pub.id}`)).toContain(`Đã đọc ${Number(m[1]) + 1}/${m[2]}`);
		await page(as.teacher, `/programs/publications/${pub.id}`, 404);
	});

	it('the office publishes from the form; guidance cannot be public', async () => {
		const form = await page(as.city, '/programs/publications');
		expect(form).toContain('Phát hành mới');
		const bad = await as.city.form('/programs/publications?/publish', { kind: 'guidance', title: 'Hướng dẫn', audience: 'leaders', public: 'on' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Chỉ tin tức và giá trị mới được công khai.');
		const res = await as.city.form('/programs/publications?/publish', { kind: 'news', title: 'Tổng kết học kỳ I', body: 'Các trường đã hoàn thành.', audience: 'everyone', public: 'on' });
		expect(res.status).toBe(303);
		const [pub] = await app.db.select().from(publications).where(eq(publications.title, 'Tổng kết học kỳ I'));
		expect(pub.public).toBe(true);
		expect(await page(as.parent, '/program')).toContain('Tổng kết học kỳ I');
	});

	it('the office publishes guidance with a document from the multipart form (levels kept), adds another on its page; a refused post keeps no file', async () => {
		const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const fd = (fields: Record<string, string | string[]>, docs: [string, Uint8Array][]) => {
			const f = new FormData();
			for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
			for (const [name, bytes] of docs) f.append('file', new Blob([bytes as BlobPart], { type: 'application/pdf' }), name);
			return f;
		};
		const before = (await app.db.select({ n: sql<number>`count(*)::int` }).from(files))[0].n;
		const bad = await as.city.form('/programs/publications?/publish', fd({ kind: 'guidance', audience: 'staff' }, [['Hướng dẫn.pdf', PDF]]));
		expect(bad.status).toBe(400);
		expect((await app.db.select({ n: sql<number>`count(*)::int` }).from(files))[0].n).toBe(before);
		const res = await as.city.form('/programs/publications?/publish', fd({ kind: 'guidance', title: 'Hướng dẫn tổ chức CLB STEM', audience: 'staff', levels: ['primary', 'lower_secondary'] }, [['Hướng dẫn CLB STEM.pdf', PDF]]));
		expect(res.status).toBe(303);
		const path = res.headers.get('location')!;
		const [pub] = await app.db.select().from(publications).where(eq(publications.title, 'Hướng dẫn tổ chức CLB STEM'));
		expect(pub.levels).toEqual(['primary', 'lower_secondary']);
		const html = await page(as.city, path);
		expect(html).toContain('Hướng dẫn CLB STEM.pdf');
		const added = await as.city.form(`${path}?/attach`, fd({}, [['Mẫu kế hoạch.pdf', PDF]]));
		expect(added.status).toBe(200);
		expect(textOf(await added.text())).toContain('Đã thêm tài liệu.');
		const teacherView = await page(as.teacher, path);
		expect(teacherView).toContain('Mẫu kế hoạch.pdf');
		expect(teacherView).not.toContain('Thêm tài liệu');
		// The office takes the form off again from the page.
		const [mau] = await app.db.select().from(files).where(eq(files.name, 'Mẫu kế hoạch.pdf'));
		const removed = await as.city.form(`${path}?/removeDocument`, { fileId: mau.id });
		expect(removed.status).toBe(200);
		const afterRemoval = textOf(await removed.text());
		expect(afterRemoval).toContain('Đã gỡ tài liệu.');
		expect(afterRemoval).not.toContain('Mẫu kế hoạch.pdf');
		expect((await as.teacher.form(`${path}?/removeDocument`, { fileId: mau.id })).status).toBe(403);
		const none = await as.city.form(`${path}?/attach`, fd({}, []));
		expect(none.status).toBe(400);
		expect(textOf(await none.text())).toContain('Hãy chọn ít nhất một tệp tài liệu.');
	});

	it('the office corrects and then withdraws a publication from its page without JavaScript; the audience sees "Đã sửa lúc …", then "Thông báo đã được thu hồi"', async () => {
		expect((await as.city.form('/programs/publications?/publish', { kind: 'announcement', title: 'Họp phụ huynh đầu năm', body: 'Sáng thứ bảy.', audience: 'parents' })).status).toBe(303);
		const [pub] = await app.db.select().from(publications).where(eq(publications.title, 'Họp phụ huynh đầu năm'));
		const at = `/programs/publications/${pub.id}`;
		const office = await page(as.city, at);
		expect(office).toContain('Sửa nội dung');
		expect(office).toContain('Thu hồi');
		expect(await page(as.parent, at)).not.toContain('Sửa nội dung');
		expect((await as.parent.form(`${at}?/edit`, { title: 'Sửa trộm', body: '' })).status).toBe(403);
		const bad = await as.city.form(`${at}?/edit`, { title: '', body: 'Chiều thứ bảy.' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Tiêu đề: Vui lòng điền mục này.');
		const saved = await as.city.form(`${at}?/edit`, { title: 'Họp phụ huynh đầu năm (đổi giờ)', body: 'Chiều thứ bảy.', attachmentUrl: '' });
		expect(saved.status).toBe(200);
		expect(textOf(await saved.text())).toContain('Đã lưu thay đổi.');
		const seen = await page(as.parent, at);
		expect(seen).toContain('Họp phụ huynh đầu năm (đổi giờ)');
		expect(seen).toContain('Chiều thứ bảy.');
		expect(seen).toMatch(/Đã sửa lúc \d/);

		expect((await as.parent.form(`${at}?/withdraw`, { reason: '' })).status).toBe(403);
		expect((await as.city.form(`${at}?/withdraw`, { reason: 'Gửi nhầm ngày' })).status).toBe(200);
		const kept = await page(as.city, at);
		expect(kept).toMatch(/Đã thu hồi lúc \d/);
		expect(kept).toContain('Lý do: Gửi nhầm ngày');
		expect(kept).not.toContain('Sửa nội dung');
		// A correction posted from a page opened before the withdrawal is refused, and says why.
		const stale = await as.city.form(`${at}?/edit`, { title: 'Sửa muộn', body: '' });
		expect(stale.status).toBe(409);
		expect(textOf(await stale.text())).toContain('Mục này đã được thu hồi nên không sửa hay thu hồi lại được.');
		expect(await page(as.city, '/programs/publications')).toContain('Đã thu hồi');
		const gone = await page(as.parent, at);
		expect(gone).toContain('Thông báo đã được thu hồi');
		expect(gone).toContain('Họp phụ huynh đầu năm (đổi giờ)');
		expect(gone).toContain('Lý do: Gửi nhầm ngày');
		expect(gone).not.toContain('Chiều thứ bảy.');
		expect(await page(as.parent, '/programs/publications')).not.toContain('Họp phụ huynh đầu năm');
		await page(as.teacher, at, 404);
	});

	it('the public page and an item render without sign-in', async () => {
		const res = await app.request('GET', '/program');
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Giá trị và mục tiêu');
		const [value] = await app.db.select().from(publications).where(eq(publications.kind, 'value'));
		const item = await app.request('GET', `/program/${value.id}`);
		expect(item.status).toBe(200);
		expect(textOf(await item.text())).toContain('Quyết định 4906/QĐ-UBND');
		expect((await app.request('GET', '/program/not-a-uuid')).status).toBe(404);
		expect((await app.request('GET', '/programs/publications')).status).toBe(303);
	});
});
