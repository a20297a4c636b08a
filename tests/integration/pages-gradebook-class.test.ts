/**
 * Kết quả của lớp (/gradebook/class/[classId]) as a browser without JavaScript uses it, on the demo
 * school THCS Bình Yên: `homeroom` is GVCN of 6A1 and teaches its Ngữ văn, `teacher` teaches Toán
 * in 6A1 and 6A2, `leader` leads the school, `parent` is the mother of 6A1's first learner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, subjects } from '#lib/server/organisations/schema';
import { persons } from '#lib/server/people/schema';

let app: TestApp;
const as: Record<string, Client> = {};
let c6a1: string, c6a2: string, toan: string, van: string, khtn: string;

type Grid = { columns: { id: string }[]; rows: { learner: { id: string }; cells: Record<string, { version: number }> }[] };
type Results = { rows: { learner: { id: string; name: string }; learning: { level: string } | null; conduct: string | null; conductComment: string; conductVersion: number }[] };

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'parent']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	const subs = await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id));
	toan = subs.find((s) => s.code === 'TOAN')!.id;
	van = subs.find((s) => s.code === 'VAN')!.id;
	khtn = subs.find((s) => s.code === 'KHTN')!.id;
	// 6A1 studies Toán, Ngữ văn and KHTN; the math teacher takes KHTN too, so two clients fill every subject.
	const [t] = await app.db.select().from(persons).where(eq(persons.staffCode, 'GV-BY-002'));
	expect((await as.leader.post('/api/v1/teaching-assignments', { classId: c6a1, subjectId: khtn, teacherId: t.id })).status).toBe(201);
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = (classId: string, period = '1') => `/gradebook/class/${classId}?period=${period}`;
const action = (classId: string, term = '1') => `/gradebook/class/${classId}?period=${term}&/conduct`;
/** One learner's row of the results table, as text. */
function rowText(html: string, learnerId: string) {
	const match = html.match(new RegExp(`<tr[^>]*data-learner="${learnerId}"[^>]*>([\\s\\S]*?)</tr>`));
	expect(match).not.toBeNull();
	return textOf(match![1]).trim();
}
const results = async (who: Client, period = '1'): Promise<Results> => (await who.get(`/api/v1/gradebook/results?classId=${c6a1}&period=${period}`)).json();

/** Fills one learner's whole term in a subject through the API (every TX, GK and CK get `value`). */
async function fill(who: Client, subjectId: string, learnerIndex: number, value: number) {
	const g: Grid = await (await who.get(`/api/v1/gradebook/grid?classId=${c6a1}&subjectId=${subjectId}&term=1`)).json();
	const row = g.rows[learnerIndex];
	const res = await who.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId, cells: g.columns.map((c) => ({ columnId: c.id, learnerId: row.learner.id, value, version: row.cells[c.id].version })) });
	expect(res.status).toBe(200);
	return row.learner.id;
}

/** The conduct form as the page renders it, with some learners' level and comment retyped. */
function conductForm(r: Results, typed: Record<string, { level: string; comment: string; version?: number }>) {
	const fd = new FormData();
	fd.set('term', '1');
	for (const row of r.rows) {
		const id = row.learner.id;
		fd.append('learner', id);
		fd.set(`version:${id}`, String(typed[id]?.version ?? row.conductVersion));
		fd.set(`origLevel:${id}`, row.conduct ?? '');
		fd.set(`origComment:${id}`, row.conductComment);
		fd.set(`level:${id}`, typed[id]?.level ?? row.conduct ?? '');
		fd.set(`comment:${id}`, typed[id]?.comment ?? row.conductComment);
	}
	return fd;
}

describe('the class results page', () => {
	it('is linked from the gradebook entry page for the homeroom teacher’s class and for the leader’s classes, not for a subject teacher', async () => {
		const homeroom = await (await as.homeroom.get('/gradebook')).text();
		expect(homeroom).toContain(`href="/gradebook/class/${c6a1}"`);
		expect(textOf(homeroom)).toContain('Kết quả của lớp 6A1');
		const leader = await (await as.leader.get('/gradebook')).text();
		expect(leader).toContain(`href="/gradebook/class/${c6a1}"`);
		expect(leader).toContain(`href="/gradebook/class/${c6a2}"`);
		expect(await (await as.teacher.get('/gradebook')).text()).not.toContain('/gradebook/class/');
	});

	it('shows the homeroom teacher every learner × subject with the averages of the scores filled in, the learning level and the counts', async () => {
		const learner = await fill(as.teacher, toan, 0, 8.5);
		await fill(as.homeroom, van, 0, 7);
		await fill(as.teacher, khtn, 0, 9);
		const level = (await results(as.homeroom)).rows.find((x) => x.learner.id === learner)!.learning!.level;
		const levelName = { tot: 'Tốt', kha: 'Khá', dat: 'Đạt', chua_dat: 'Chưa đạt' }[level];

		const res = await as.homeroom.get(page(c6a1));
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(textOf(html)).toContain('Kết quả lớp 6A1 – HK I'); // the caption
		expect(html).toMatch(/<th[^>]*scope="col"[^>]*>(<!--[^>]*-->)*Toán/);
		expect(html).toMatch(/<th[^>]*scope="row"/);
		expect(html).toMatch(/<abbr title="Khoa học tự nhiên"[^>]*>KHTN<\/abbr>/);
		// Columns in the subjects' name order: KHTN, Ngữ văn, Toán.
		expect(rowText(html, learner)).toMatch(new RegExp(`9,0 7,0 8,5 ${levelName} Chưa đánh giá 0 0$`));
		const others = (await results(as.homeroom)).rows.filter((x) => x.learner.id !== learner);
		expect(rowText(html, others[0].learner.id)).toContain('Chưa đủ điểm');
		expect(html).toMatch(new RegExp(`data-level="${level}"[^>]*>\\s*<span class="card-figure[^"]*">1</span>`));
		expect(html).toMatch(new RegExp(`data-level="incomplete"[^>]*>\\s*<span class="card-figure[^"]*">${others.length}</span>`));
	});

	it('adds promotion and award for the year, and the HK II / Cả năm switch', async () => {
		const html = await (await as.homeroom.get(page(c6a1, 'year'))).text();
		expect(html).toContain(`href="/gradebook/class/${c6a1}?period=2"`);
		expect(html).toMatch(/aria-current="page"[^>]*>Cả năm|>Cả năm<\/a>/);
		expect(textOf(html)).toContain('Lên lớp');
		expect(textOf(html)).toContain('Danh hiệu');
		expect(textOf(html)).toContain('Chưa đủ kết quả'); // no conduct yet: promotion cannot be decided
		expect(html).not.toContain('data-testid="conduct-form"'); // conduct is assessed per term
	});
});

describe('the conduct form (without JavaScript)', () => {
	it('saves the homeroom teacher’s levels and comments for the term', async () => {
		const r = await results(as.homeroom);
		const [a] = r.rows;
		const res = await as.homeroom.form(action(c6a1), conductForm(r, { [a.learner.id]: { level: 'tot', comment: 'Chăm ngoan, lễ phép.' } }));
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(textOf(html)).toContain('Đã lưu đánh giá rèn luyện của 1 học sinh.');
		expect(html).toMatch(new RegExp(`id="conduct-level-${a.learner.id}"[\\s\\S]*?<option value="tot" selected`));
		expect(html).toContain('Chăm ngoan, lễ phép.</textarea>');
		const saved = (await results(as.homeroom)).rows.find((x) => x.learner.id === a.learner.id)!;
		expect(saved).toMatchObject({ conduct: 'tot', conductComment: 'Chăm ngoan, lễ phép.', conductVersion: 1 });
		expect(rowText(await (await as.homeroom.get(page(c6a1))).text(), a.learner.id)).toContain('Tốt');
	});

	it('refuses a stale version with the other person’s values, keeps what was typed and saves on purpose the second time', async () => {
		const r = await results(as.homeroom);
		const [a] = r.rows;
		// The form as it was before the previous save: version 0, nothing assessed.
		const stale = conductForm(
			{ rows: r.rows.map((x) => (x.learner.id === a.learner.id ? { ...x, conduct: null, conductComment: '', conductVersion: 0 } : x)) },
			{ [a.learner.id]: { level: 'kha', comment: 'Cần cố gắng hơn.' } }
		);
		const res = await as.homeroom.form(action(c6a1), stale);
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(textOf(html)).toContain('Chưa lưu: người khác vừa sửa đánh giá của 1 học sinh.');
		expect(textOf(html)).toContain('Người khác vừa lưu: «Tốt», nhận xét «Chăm ngoan, lễ phép.»');
		expect(html).toMatch(new RegExp(`id="conduct-level-${a.learner.id}"[\\s\\S]*?<option value="kha" selected`));
		expect(html).toContain('Cần cố gắng hơn.</textarea>');
		expect(html).toContain(`name="version:${a.learner.id}" value="1"`);
		expect((await results(as.homeroom)).rows[0]).toMatchObject({ conduct: 'tot', conductVersion: 1 });

		const again = await as.homeroom.form(action(c6a1), conductForm(await results(as.homeroom), { [a.learner.id]: { level: 'kha', comment: 'Cần cố gắng hơn.' } }));
		expect(again.status).toBe(200);
		expect((await results(as.homeroom)).rows[0]).toMatchObject({ conduct: 'kha', conductComment: 'Cần cố gắng hơn.', conductVersion: 2 });
	});

	it('says which learner’s row is wrong, in Vietnamese', async () => {
		const r = await results(as.homeroom);
		const b = r.rows[1];
		const res = await as.homeroom.form(action(c6a1), conductForm(r, { [b.learner.id]: { level: 'xuat_sac', comment: '' } }));
		expect(res.status).toBe(400);
		expect(textOf(await res.text())).toContain('Xếp loại rèn luyện là Tốt, Khá, Đạt hoặc Chưa đạt.');
	});

	it('is read-only for the school leader, who still sees the levels and comments', async () => {
		const res = await as.leader.get(page(c6a1));
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('data-testid="class-results"');
		expect(html).not.toContain('data-testid="conduct-form"');
		expect(html).not.toContain('<select');
		expect(textOf(html)).toContain('bạn đang xem ở chế độ chỉ đọc');
		expect(textOf(html)).toContain('Khá – Cần cố gắng hơn.');
		const r = await results(as.leader);
		expect((await as.leader.form(action(c6a1), conductForm(r, { [r.rows[2].learner.id]: { level: 'tot', comment: '' } }))).status).toBe(403);
	});

	it('is not found for a subject teacher, a parent, or a homeroom teacher of another class', async () => {
		expect((await as.teacher.get(page(c6a1))).status).toBe(404);
		expect((await as.parent.get(page(c6a1))).status).toBe(404);
		expect((await as.homeroom.get(page(c6a2))).status).toBe(404);
		expect((await as.homeroom.get('/gradebook/class/not-a-uuid')).status).toBe(404);
		const r = await results(as.homeroom);
		expect((await as.teacher.form(action(c6a1), conductForm(r, { [r.rows[3].learner.id]: { level: 'tot', comment: '' } }))).status).toBe(404);
	});
});
