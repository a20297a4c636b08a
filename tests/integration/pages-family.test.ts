/**
 * The register page (/classes/[id]/attendance) and the family's results page
 * (/learners/[id]/gradebook) as a browser without JavaScript sees them, on the demo school.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, subjects } from '#lib/server/organisations/schema';
import { attendance } from '#lib/server/gradebook/schema';
import { guardianships, persons } from '#lib/server/people/schema';
import { todayInVietnam } from '#lib/server/gradebook/rules/attendance-day';

let app: TestApp;
const as: Record<string, Client> = {};
let c6a1: string, toanId: string, child: string, otherChild: string;
let learners: { id: string; name: string }[];

/** The visible text of a page, tags removed, for matching sentences. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'parent', 'learner']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	c6a1 = (await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1'))))[0].id;
	toanId = (await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN'))))[0].id;
	const [mother] = await app.db.select().from(persons).where(eq(persons.email, 'parent@sen.test'));
	child = (await app.db.select().from(guardianships).where(eq(guardianships.guardianId, mother.id)))[0].learnerId;
	const day = await (await as.homeroom.get(`/api/v1/attendance?classId=${c6a1}&on=2026-11-02`)).json();
	learners = day.rows.map((r: { learner: { id: string; name: string } }) => r.learner);
	otherChild = learners.find((l) => l.id !== child)!.id;
});
afterAll(() => app?.close());

/** The register form as a browser posts it: every learner, each with a status (present unless given). */
function registerForm(on: string, statuses: Record<string, string> = {}, notes: Record<string, string> = {}) {
	const fd = new FormData();
	fd.set('on', on);
	for (const l of learners) {
		fd.append('learner', l.id);
		fd.set(`status-${l.id}`, statuses[l.id] ?? 'present');
		fd.set(`note-${l.id}`, notes[l.id] ?? '');
	}
	return fd;
}

describe('the register page', () => {
	it('shows the homeroom teacher one row per learner with the four choices, present by default, and the term totals', async () => {
		const res = await as.homeroom.get(`/classes/${c6a1}/attendance?on=2026-11-02`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		expect(text).toContain('Điểm danh lớp 6A1');
		expect(text).toContain('Điểm danh ngày 02/11/2026');
		expect(html.match(/data-testid="attendance-row"/g)).toHaveLength(12);
		for (const label of ['Có mặt', 'Vắng có phép', 'Vắng không phép', 'Đi muộn']) expect(text).toContain(label);
		expect(html.match(/<input[^>]*type="radio"[^>]*value="present"[^>]*checked/g)).toHaveLength(12);
		expect(text).toContain('Lưu điểm danh');
		expect(text).toContain('Tổng hợp chuyên cần học kì 1');
		expect(text).toContain('Từ 05/09/2026 đến 10/01/2027');
	});

	it('saves the form posted without JavaScript, says so, and the totals follow', async () => {
		const res = await as.homeroom.form(`/classes/${c6a1}/attendance?on=2026-11-02&/save`, registerForm('2026-11-02', { [child]: 'unexcused' }, { [child]: 'Không xin phép' }));
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(textOf(html)).toContain('Đã lưu điểm danh ngày 02/11/2026.');
		const rows = await app.db.select().from(attendance).where(and(eq(attendance.classId, c6a1), eq(attendance.on, '2026-11-02')));
		expect(rows).toHaveLength(12);
		expect(rows.find((r) => r.learnerId === child)).toMatchObject({ status: 'unexcused', note: 'Không xin phép' });
		const page = await (await as.homeroom.get(`/classes/${c6a1}/attendance?on=2026-11-02`)).text();
		expect(page).toMatch(new RegExp(`name="status-${child}" value="unexcused"[^>]*checked`));
		expect(page).toContain('value="Không xin phép"');
	});

	it('keeps what was chosen and marks the row when a status is not one of the four, writing nothing', async () => {
		const fd = registerForm('2026-11-03', { [child]: 'late', [otherChild]: 'gone' });
		const res = await as.homeroom.form(`/classes/${c6a1}/attendance?on=2026-11-03&/save`, fd);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(textOf(html)).toContain('1 dòng chưa hợp lệ; chưa lưu dòng nào.');
		expect(html).toContain(`id="row-${otherChild}-error"`);
		expect(html).toMatch(new RegExp(`name="status-${child}" value="late"[^>]*checked`));
		expect(await app.db.select().from(attendance).where(eq(attendance.on, '2026-11-03'))).toHaveLength(0);
	});

	it('answers 400 for a day that does not exist', async () => {
		expect((await as.homeroom.get(`/classes/${c6a1}/attendance?on=2026-02-30`)).status).toBe(400);
	});

	it('offers no form for a future day and explains why', async () => {
		const tomorrow = addDays(todayInVietnam(), 1);
		const html = await (await as.homeroom.get(`/classes/${c6a1}/attendance?on=${tomorrow}`)).text();
		expect(textOf(html)).toContain('Không điểm danh trước cho ngày chưa tới');
		expect(html).not.toContain('type="radio"');
		const res = await as.homeroom.form(`/classes/${c6a1}/attendance?on=${tomorrow}&/save`, registerForm(tomorrow));
		expect(res.status).toBe(400);
	});

	it('shows the leader a read-only register, the subject teacher a 403, a parent a 404', async () => {
		const html = await (await as.leader.get(`/classes/${c6a1}/attendance?on=2026-11-02`)).text();
		const text = textOf(html);
		expect(text).toContain('chỉ giáo viên chủ nhiệm mới sửa được');
		expect(text).toContain('Vắng không phép');
		expect(html).not.toContain('type="radio"');
		expect((await as.teacher.get(`/classes/${c6a1}/attendance`)).status).toBe(403);
		expect((await as.parent.get(`/classes/${c6a1}/attendance`)).status).toBe(404);
		expect((await as.leader.form(`/classes/${c6a1}/attendance?on=2026-11-02&/save`, registerForm('2026-11-02'))).status).toBe(403);
	});

	it('is linked from the class page for the homeroom teacher and the leader only', async () => {
		const link = `href="/classes/${c6a1}/attendance"`;
		expect(await (await as.homeroom.get(`/classes/${c6a1}`)).text()).toContain(link);
		expect(await (await as.leader.get(`/classes/${c6a1}`)).text()).toContain(link);
		expect(await (await as.teacher.get(`/classes/${c6a1}`)).text()).not.toContain(link);
	});
});

describe('the family’s results page', () => {
	it('is linked from the parent’s and the learner’s home page', async () => {
		for (const who of [as.parent, as.learner]) {
			const html = await (await who.get('/')).text();
			expect(textOf(html)).toContain('Kết quả học tập');
			expect(html).toContain(`href="/learners/${child}/gradebook"`);
		}
	});

	it('shows the parent the child’s Toán scores per term, the absence and the conduct', async () => {
		const res = await as.parent.get(`/learners/${child}/gradebook`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		expect(text).toMatch(/Kết quả học tập của .+ Lớp 6A1 · Trường THCS Bình Yên/);
		expect(text).toContain('Học kì 1');
		expect(text).toContain('Học kì 2');
		// The demo has TX1 and GK of Toán; the other columns appear once the teacher opens the grid.
		expect(text).toMatch(/Toán TX \d+,\d GK \d+,\d chưa đủ điểm/);
		expect(text).toContain('chưa đủ điểm');
		expect(text).toMatch(/Vắng không phép 1 .*Tổng buổi vắng 1/);
		expect(text).toContain('Chưa đánh giá');
	});

	it('speaks English when asked', async () => {
		const html = await (await app.request('GET', `/learners/${child}/gradebook`, { cookie: `${as.parent.cookie}; PARAGLIDE_LOCALE=en` })).text();
		const text = textOf(html);
		expect(text).toMatch(/Results of .+ Class 6A1/);
		expect(text).toContain('Term 1');
		expect(text).toContain('Sessions absent');
		const register = textOf(await (await app.request('GET', `/classes/${c6a1}/attendance?on=2026-11-02`, { cookie: `${as.homeroom.cookie}; PARAGLIDE_LOCALE=en` })).text());
		expect(register).toContain('Register of 02/11/2026');
		expect(register).toContain('Unexcused absence');
	});

	it('shows the parent the teacher’s comment beside the assessment, on the page and in the API', async () => {
		type Grid = { columns: { id: string; label: string }[]; rows: { learner: { id: string }; cells: Record<string, { text: string; version: number }> }[] };
		const g: Grid = await (await as.teacher.get(`/api/v1/gradebook/grid?classId=${c6a1}&subjectId=${toanId}&term=1`)).json();
		const gk = g.columns.find((c) => c.label === 'GK')!.id;
		const cell = g.rows.find((r) => r.learner.id === child)!.cells[gk];
		const comment = 'Nắm vững phân số; cần trình bày lời giải đầy đủ hơn.';
		const put = await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId: toanId, cells: [{ columnId: gk, learnerId: child, value: cell.text, version: cell.version, comment }] });
		expect(put.status).toBe(200);
		const text = textOf(await (await as.parent.get(`/learners/${child}/gradebook`)).text());
		expect(text).toContain(`Nhận xét GK: ${comment}`);
		const view = await (await as.parent.get(`/api/v1/learners/${child}/gradebook`)).json();
		const toan = view.terms[0].subjects.find((s: { id: string }) => s.id === toanId);
		expect(toan.columns.find((c: { label: string }) => c.label === 'GK')).toMatchObject({ text: cell.text, comment });
		expect(toan.columns.find((c: { label: string }) => c.label === 'TX1').comment).toBe('');
	});

	it('links the child’s report cards for term 1, term 2 and the year, each a PDF the parent and the learner can download', async () => {
		for (const who of [as.parent, as.learner]) {
			const html = await (await who.get(`/learners/${child}/gradebook`)).text();
			const nav = html.slice(html.indexOf('data-testid="report-cards"'), html.indexOf('</nav>', html.indexOf('data-testid="report-cards"')));
			expect(textOf(nav)).toMatch(/Phiếu báo kết quả học tập \(PDF\): Học kì 1 Học kì 2 Cả năm học/);
			const hrefs = [...nav.matchAll(/href="([^"]+)"/g)].map((x) => x[1].replace(/&amp;/g, '&'));
			expect(hrefs).toEqual(['1', '2', 'year'].map((period) => `/api/v1/gradebook/report-cards/${child}.pdf?period=${period}&classId=${c6a1}`));
			for (const href of hrefs) {
				const pdf = await who.get(href);
				expect(pdf.status).toBe(200);
				expect(pdf.headers.get('content-type')).toBe('application/pdf');
				expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');
			}
		}
		const english = textOf(await (await app.request('GET', `/learners/${child}/gradebook`, { cookie: `${as.parent.cookie}; PARAGLIDE_LOCALE=en` })).text());
		expect(english).toMatch(/Report cards \(PDF\): Term 1 Term 2 Whole year/);
	});

	it('answers 404 for another parent’s child and lets the homeroom teacher open any learner of the class', async () => {
		expect((await as.parent.get(`/learners/${otherChild}/gradebook`)).status).toBe(404);
		expect((await as.learner.get(`/learners/${otherChild}/gradebook`)).status).toBe(404);
		expect((await as.homeroom.get(`/learners/${otherChild}/gradebook`)).status).toBe(200);
	});
});
