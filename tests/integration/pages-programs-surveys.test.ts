/**
 * The survey pages as a browser without JavaScript uses them, on the demo: `city` (the program
 * office, sender of the demo IT-readiness survey), `unit` (Xã Thạch Thất), `leader` (THCS Bình
 * Yên, whose demo response is a draft).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { surveyResponses, surveys } from '#lib/server/programs/survey-schema';
import { files } from '#lib/server/files/schema';

let app: TestApp;
const as: Record<string, Client> = {};
let demoId: string;

beforeAll(async () => {
	app = await startApp();
	for (const u of ['city', 'unit', 'leader', 'learner']) as[u] = await app.loginAs(u);
	[{ id: demoId }] = await app.db.select().from(surveys).where(eq(surveys.template, 'it_readiness'));
});
afterAll(() => app?.close());

// The text a reader sees: not the hydration data in the scripts (it repeats a failure's message even when the page shows none).
const textOf = (html: string) => html.replace(/<script\b[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return await res.text();
};
const vietnamInput = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 16);

describe('the surveys hub', () => {
	it('the programs hub links surveys for officers and leaders, not for learners', async () => {
		expect(await page(as.city, '/programs')).toContain('href="/programs/surveys"');
		expect(await page(as.leader, '/programs')).toContain('href="/programs/surveys"');
		expect(await page(as.learner, '/programs')).not.toContain('href="/programs/surveys"');
	});
	it('the city officer sees the sent survey with its progress and the template button', async () => {
		const t = textOf(await page(as.city, '/programs/surveys'));
		expect(t).toContain('Khảo sát mức độ sẵn sàng CNTT trước khi triển khai sổ điểm điện tử');
		expect(t).toContain('3/5 trường đã nộp');
		expect(t).toContain('Tạo từ mẫu khảo sát mức độ sẵn sàng CNTT');
	});
	it('the leader sees the survey to answer with its status', async () => {
		const t = textOf(await page(as.leader, '/programs/surveys'));
		expect(t).toContain('Khảo sát trường cần trả lời');
		expect(t).toContain('Đang soạn');
		expect(t).not.toContain('Tạo từ mẫu');
	});
});

describe('the builder', () => {
	it('makes a draft from the template, adds a question, refuses a bad one, sets the target and sends', async () => {
		const made = await as.unit.form('/programs/surveys?/template', { orgUnitId: (await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT')))[0].id });
		expect(made.status).toBe(303);
		const path = made.headers.get('location')!;
		expect(path).toMatch(/^\/programs\/surveys\/[0-9a-f-]{36}$/);
		const sid = path.split('/').pop()!;
		let html = await page(as.unit, path);
		expect(textOf(html)).toContain('Tổng số giáo viên');
		const version = () => app.db.select().from(surveys).where(eq(surveys.id, sid)).then((r) => String(r[0].version));

		const bad = await as.unit.form(`${path}?/addQuestion`, { version: await version(), type: 'choice', label: 'Một phương án', options: 'Chỉ một' });
		expect(bad.status).toBe(400);
		const good = await as.unit.form(`${path}?/addQuestion`, { version: await version(), section: 'systems', type: 'grid', label: 'Máy tính theo khối', rows: 'Khối 6\nKhối 7', columns: 'Máy tính|0|200\nCó mạng|Có;Không', required: 'on' });
		expect(good.status).toBe(200);
		const [row] = await app.db.select().from(surveys).where(eq(surveys.id, sid));
		const grid = row.definition.sections.find((s) => s.id === 'systems')!.questions.at(-1)!;
		expect(grid).toMatchObject({ type: 'grid', label: 'Máy tính theo khối', required: true, rows: [{ label: 'Khối 6' }, { label: 'Khối 7' }], columns: [{ kind: 'number', max: 200 }, { kind: 'choice', options: [{ value: 'co', label: 'Có' }, { value: 'khong', label: 'Không' }] }] });

		// The new question moves up one place, and at the top of its section into the one before.
		const ids = async () => (await app.db.select().from(surveys).where(eq(surveys.id, sid)))[0].definition.sections.map((x) => x.questions.map((q) => q.id));
		const before = await ids();
		const si = before.findIndex((qs) => qs.includes(grid.id));
		expect((await as.unit.form(`${path}?/moveQuestion`, { version: await version(), questionId: grid.id, direction: 'up' })).status).toBe(200);
		const after = await ids();
		expect(after[si].indexOf(grid.id)).toBe(before[si].indexOf(grid.id) - 1);
		for (let i = after[si].indexOf(grid.id); i > 0; i--) expect((await as.unit.form(`${path}?/moveQuestion`, { version: await version(), questionId: grid.id, direction: 'up' })).status).toBe(200);
		expect((await as.unit.form(`${path}?/moveQuestion`, { version: await version(), questionId: grid.id, direction: 'up' })).status).toBe(200);
		expect((await ids())[si - 1].at(-1)).toBe(grid.id);
		expect((await ids()).flat().sort()).toEqual(before.flat().sort()); // nothing lost or doubled
		// It is reworded in place; an empty wording is refused beside that question's form.
		const blank = await as.unit.form(`${path}?/rewordQuestion`, { version: await version(), questionId: grid.id, label: '  ', help: '' });
		expect(blank.status).toBe(400);
		expect(await blank.text()).toContain(`id="rw-${grid.id}-label-error"`);
		expect((await as.unit.form(`${path}?/rewordQuestion`, { version: await version(), questionId: grid.id, label: 'Số máy tính theo khối', help: 'Chỉ tính máy còn dùng được' })).status).toBe(200);
		const reworded = (await app.db.select().from(surveys).where(eq(surveys.id, sid)))[0].definition.sections.flatMap((x) => x.questions).find((q) => q.id === grid.id)!;
		expect(reworded).toMatchObject({ type: 'grid', label: 'Số máy tính theo khối', help: 'Chỉ tính máy còn dùng được', required: false, rows: (grid as { rows: unknown }).rows });
		expect(textOf(await page(as.unit, path))).toContain('Số máy tính theo khối');
		const nope = await as.unit.form(`${path}?/moveQuestion`, { version: await version(), questionId: 'nope', direction: 'down' });
		expect(nope.status).toBe(400);
		expect(textOf(await nope.text())).toContain('Không thể chuyển câu hỏi này');
		// A move that cannot be made, or from a stale page, says why beside that question (no JavaScript needed).
		const first = (await ids())[0][0];
		const top = await as.unit.form(`${path}?/moveQuestion`, { version: await version(), questionId: first, direction: 'up' });
		expect(top.status).toBe(400);
		const topHtml = await top.text();
		expect(textOf(topHtml)).toContain('Không thể chuyển câu hỏi này (câu đã ở đầu hoặc cuối, hoặc không còn trong khảo sát).');
		expect(topHtml.indexOf('errors-summary')).toBeGreaterThan(topHtml.indexOf(`name="questionId" value="${first}"`));
		const staleMove = await as.unit.form(`${path}?/moveQuestion`, { version: '1', questionId: grid.id, direction: 'down' });
		expect(staleMove.status).toBe(409);
		expect(textOf(await staleMove.text())).toContain('Dữ liệu đã được người khác lưu trong lúc bạn sửa.');
		const staleRemove = await as.unit.form(`${path}?/removeQuestion`, { version: '1', questionId: grid.id });
		expect(staleRemove.status).toBe(409);
		expect(textOf(await staleRemove.text())).toContain('Dữ liệu đã được người khác lưu trong lúc bạn sửa.');
		// A refused rewording keeps what was ticked: "required" stays ticked on the form shown again.
		const keep = await (await as.unit.form(`${path}?/rewordQuestion`, { version: await version(), questionId: grid.id, label: '', help: '', required: 'on' })).text();
		const rewordForm = keep.slice(keep.indexOf(`id="rw-${grid.id}-label"`));
		expect(/<input type="checkbox" name="required"([^>]*)>/.exec(rewordForm)?.[1]).toContain('checked');

		const stale = await as.unit.form(`${path}?/addQuestion`, { version: '1', type: 'text', label: 'Cũ' });
		expect(stale.status).toBe(409);

		const unsent = await as.unit.form(`${path}?/send`, {});
		expect(unsent.status).toBe(400);
		expect(textOf(await unsent.text())).toContain('Hãy chọn các trường nhận khảo sát');
		const unitId = (await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT')))[0].id;
		const details = await as.unit.form(`${path}?/details`, { version: await version(), title: 'Khảo sát CNTT xã Thạch Thất', opensAt: vietnamInput(-1), closesAt: vietnamInput(7), targetKind: 'unit', targetUnit: unitId });
		expect(details.status).toBe(200);
		expect((await as.unit.form(`${path}?/send`, {})).status).toBe(200);
		html = await page(as.unit, path);
		expect(textOf(html)).toContain('0 đã nộp · 0 đang soạn · 2 chưa bắt đầu · tổng 2 trường');
	});
});

describe('the respond page (without JavaScript)', () => {
	it('shows the leader’s draft, names a wrong answer by its number, saves a draft, and submits', async () => {
		const path = `/programs/surveys/${demoId}/respond`;
		let t = textOf(await page(as.leader, path));
		expect(t).toContain('Trường THCS Bình Yên');
		expect(t).toContain('Lưu nháp');
		const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
		const r = () => app.db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, demoId), eq(surveyResponses.schoolId, thcs.id))).then((x) => x[0]);
		const fd = (extra: Record<string, string>) => {
			const f = new FormData();
			for (const [k, v] of Object.entries(extra)) f.append(k, v);
			return f;
		};
		const v0 = String((await r()).version);
		const bad = await as.leader.form(`${path}?/save`, fd({ version: v0, q_teachers_total: '42', q_bandwidth_mbps: 'nhanh' }));
		expect(bad.status).toBe(400);
		t = textOf(await bad.text());
		expect(t).toContain('Câu 6: phải là số từ 0 đến 10000');
		expect((await r()).version).toBe(Number(v0));
		const saved = await as.leader.form(`${path}?/save`, fd({ version: v0, q_teachers_total: '42', q_bandwidth_mbps: '12,5', q_software__zalo: 'on', q_software__lms: 'on' }));
		expect(saved.status).toBe(200);
		expect(textOf(await saved.text())).toContain('Đã lưu bản nháp.');
		expect((await r()).answers).toEqual({ teachers_total: 42, bandwidth_mbps: 12.5, software: ['lms', 'zalo'] });
		const missing = await as.leader.form(`${path}?/submit`, fd({ version: String((await r()).version), q_teachers_total: '42' }));
		expect(missing.status).toBe(400);
		expect(textOf(await missing.text())).toContain('Câu 2: bắt buộc trả lời');
		const full: Record<string, string> = { q_teachers_total: '40', q_teachers_basic_it: '40', q_teachers_it_certificate: '20', q_staff_skill_self: '4', q_internet_type: 'fiber', q_bandwidth_mbps: '100', q_wifi_coverage_pct: '80', q_learners_total: '900', q_computers_learners: '60', q_computers_teachers: '40', q_tablets: '10', q_classrooms_total: '24', q_classrooms_equipped: '20', q_server: 'cloud', q_software__gradebook: 'on' };
		const done = await as.leader.form(`${path}?/submit`, fd({ version: String((await r()).version), ...full }));
		expect(done.status).toBe(200);
		expect(textOf(await done.text())).toContain('Đã nộp khảo sát.');
		expect((await r()).status).toBe('submitted');
		expect(await page(as.leader, path)).not.toContain('Lưu nháp');
	});

	it('the city officer opens a school’s response from the board and returns it with a reason', async () => {
		const board = await page(as.city, `/programs/surveys/${demoId}`);
		expect(textOf(board)).toContain('Trường THCS Bình Yên');
		const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
		const [r] = await app.db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, demoId), eq(surveyResponses.schoolId, thcs.id)));
		const view = textOf(await page(as.city, `/programs/surveys/${demoId}/respond?response=${r.id}`));
		expect(view).toContain('Gửi trả lại');
		expect(view).not.toContain('Lưu nháp');
		const back = await as.city.form(`/programs/surveys/${demoId}?/return`, { responseId: r.id, reason: 'Thiếu số máy chiếu' });
		expect(back.status).toBe(200);
		expect(textOf(await page(as.leader, `/programs/surveys/${demoId}/respond`))).toContain('Bài được gửi trả lại: Thiếu số máy chiếu');
	});

	it('the board filters by status; another unit’s officer gets a 404', async () => {
		const t = textOf(await page(as.city, `/programs/surveys/${demoId}?status=not_started`));
		expect(t).toContain('Trường Liên cấp Sao Mai (tư thục)');
		expect(t).not.toContain('Trường Tiểu học Hoa Sữa');
		await page(as.unit, `/programs/surveys/${demoId}`, 404);
	});
});

describe('a file question', () => {
	it('takes an upload through the files module within the question’s type limit, and keeps it on the next save', async () => {
		const created = await (await as.unit.post('/api/v1/surveys', { title: 'Minh chứng', definition: { sections: [{ id: 's1', questions: [{ id: 'plan', label: 'Kế hoạch CNTT của trường', type: 'file', accept: ['pdf'], maxMb: 1, required: true }, { id: 'note', label: 'Ghi chú', type: 'text' }] }] } })).json();
		const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
		await as.unit.put(`/api/v1/surveys/${created.id}`, { version: created.version, target: { kind: 'schools', schoolIds: [thcs.id] }, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() });
		expect((await as.unit.post(`/api/v1/surveys/${created.id}/send`)).status).toBe(200);
		const path = `/programs/surveys/${created.id}/respond`;
		const r = () => app.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, created.id)).then((x) => x[0]);
		const upload = (name: string, bytes: Uint8Array, extra: Record<string, string> = {}) => {
			const f = new FormData();
			f.append('version', String(1));
			for (const [k, v] of Object.entries(extra)) f.set(k, v);
			f.append('q_plan', new Blob([bytes as BlobPart]), name);
			return f;
		};
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const wrong = await as.leader.form(`${path}?/submit`, upload('ke-hoach.png', png));
		expect(wrong.status).toBe(400);
		expect(textOf(await wrong.text())).toContain('Câu 1: loại tệp này không được chấp nhận cho câu hỏi');
		expect(await app.db.select().from(files).where(eq(files.schoolId, thcs.id))).toHaveLength(0);
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
		const saved = await as.leader.form(`${path}?/save`, upload('ke-hoach.pdf', pdf));
		expect(saved.status).toBe(200);
		const after = await r();
		const [file] = await app.db.select().from(files).where(eq(files.id, after.answers.plan as string));
		expect(file).toMatchObject({ name: 'ke-hoach.pdf', schoolId: thcs.id, contentType: 'application/pdf' });
		// A file id that is not this school's upload is refused.
		const forged = await as.leader.put(`/api/v1/survey-responses/${after.id}`, { version: after.version, answers: { plan: crypto.randomUUID() } });
		expect(forged.status).toBe(400);
		expect((await forged.json()).error.details.issues).toEqual([{ path: 'answers.plan', message: 'Câu 1: hãy tải lên một tệp' }]);
		// So is another of the school's own files: it was never checked against this question's limits.
		const [other] = await app.db.insert(files).values({ schoolId: thcs.id, path: thcs.path, ownerId: after.updatedBy!, name: 'anh.png', contentType: 'image/png', size: 12, sha256: 'x' }).returning();
		const elsewhere = await as.leader.put(`/api/v1/survey-responses/${after.id}`, { version: after.version, answers: { plan: other.id } });
		expect(elsewhere.status).toBe(400);
		expect((await r()).answers.plan).toBe(file.id);
		const again = new FormData();
		again.append('version', String(after.version));
		again.append('q_plan__keep', file.id);
		again.append('q_note', 'Đã có kế hoạch');
		expect((await as.leader.form(`${path}?/submit`, again)).status).toBe(200);
		expect(await r()).toMatchObject({ status: 'submitted', answers: { plan: file.id, note: 'Đã có kế hoạch' } });
		// The file opens for those who may read the response, and only the file it holds.
		const fileUrl = (fid: string) => `/api/v1/survey-responses/${after.id}/files/${fid}`;
		const got = await as.leader.get(fileUrl(file.id));
		expect(got.status).toBe(200);
		expect(new Uint8Array(await got.arrayBuffer())).toEqual(pdf);
		expect((await as.unit.get(fileUrl(file.id))).status).toBe(200);
		expect((await as.unit.get(fileUrl(other.id))).status).toBe(404);
		expect((await as.learner.get(fileUrl(file.id))).status).toBe(404);
		expect(await page(as.unit, `${path}?response=${after.id}`)).toContain(`href="${fileUrl(file.id)}"`);
	});
});

describe('the readiness pages', () => {
	it('draw the chart as an accessible SVG beside the table, and list each school', async () => {
		const html = await page(as.city, `/programs/surveys/${demoId}/readiness`);
		expect(html).toMatch(/<svg [^>]*role="img"/);
		expect(html).toContain('<title id="readiness-chart-title">');
		const t = textOf(html);
		expect(t).toContain('Phường Ba Đình');
		expect(t).toContain('Trường THPT Sông Hồng');
		expect(t).toContain('Số trường sẵn sàng');
	});
	it('the latest survey’s page for a unit officer holds only their unit', async () => {
		const t = textOf(await page(as.unit, '/programs/surveys/readiness'));
		expect(t).toContain('Xã Thạch Thất');
		expect(t).not.toContain('Phường Ba Đình');
		expect(t).not.toContain('Trường Tiểu học Hoa Sữa');
	});
});
