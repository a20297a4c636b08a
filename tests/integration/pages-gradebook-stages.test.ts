/**
 * The primary class's qualities and competencies page (/classes/[id]/qualities) and the preschool
 * group's development page (/classes/[id]/development) as a browser without JavaScript uses them:
 * the demo's Tiểu học Hoa Sữa, class 5A, and Mầm non Hoa Sen, "Lớp Chồi 1", each with a homeroom
 * teacher and a leader set up by the administrator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools } from '#lib/server/organisations/schema';
import { developmentAssessments, qualityAssessments } from '#lib/server/gradebook/schema';
import { QUALITIES_AND_COMPETENCIES } from '#lib/server/gradebook/rules';

let app: TestApp;
const as: Record<string, Client> = {};
let c5a: string, group: string;
let pupils: { id: string; name: string }[];
let children: { id: string; name: string }[];

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

/** A staff member of a school with the given grants and an account. */
async function staff(admin: Client, schoolId: string, code: string, username: string, grants: [string, string, string][]) {
	const person = await (await admin.post('/api/v1/people', { kind: 'staff', familyName: 'Trần', middleName: 'Minh', givenName: code, schoolId, staffCode: code })).json();
	for (const [role, scopeType, scopeId] of grants) expect((await admin.post(`/api/v1/people/${person.id}/roles`, { role, scopeType, scopeId })).status).toBe(201);
	expect((await admin.post(`/api/v1/people/${person.id}/account`, { username, password: 'mat-khau-1' })).status).toBe(201);
	return app.loginAs(username, 'mat-khau-1');
}

beforeAll(async () => {
	app = await startApp();
	const admin = await app.loginAs('admin');
	for (const u of ['leader', 'parent']) as[u] = await app.loginAs(u);
	const [th] = await app.db.select().from(schools).where(eq(schools.code, 'TH-HOASUA'));
	const [mn] = await app.db.select().from(schools).where(eq(schools.code, 'MN-HOASEN'));
	[{ id: c5a }] = await app.db.select().from(classes).where(and(eq(classes.schoolId, th.id), eq(classes.name, '5A')));
	[{ id: group }] = await app.db.select().from(classes).where(and(eq(classes.schoolId, mn.id), eq(classes.name, 'Lớp Chồi 1')));
	as.gvTh = await staff(admin, th.id, 'GV-TH-1', 'gv-th', [['teacher', 'school', th.id], ['homeroom_teacher', 'class', c5a]]);
	as.leaderTh = await staff(admin, th.id, 'HT-TH-1', 'ht-th', [['school_leader', 'school', th.id]]);
	as.gvMn = await staff(admin, mn.id, 'GV-MN-1', 'gv-mn', [['teacher', 'school', mn.id], ['homeroom_teacher', 'class', group]]);
	as.leaderMn = await staff(admin, mn.id, 'HT-MN-1', 'ht-mn', [['school_leader', 'school', mn.id]]);
	pupils = (await (await as.gvTh.get(`/api/v1/gradebook/qualities?classId=${c5a}&point=4`)).json()).rows.map((r: { learner: { id: string; name: string } }) => r.learner);
	children = (await (await as.gvMn.get(`/api/v1/gradebook/development?classId=${group}&period=2026-12`)).json()).rows.map((r: { learner: { id: string; name: string } }) => r.learner);
});
afterAll(() => app?.close());

type Ratings = { rows: { learner: { id: string }; ratings: Record<string, { level: string | null; version: number }> }[] };

/** The qualities form as the browser posts it: every cell, with what the page showed beside it. */
async function qualitiesForm(point: number, choices: Record<string, string>, shown?: Record<string, string>) {
	const now: Ratings = await (await as.gvTh.get(`/api/v1/gradebook/qualities?classId=${c5a}&point=${point}`)).json();
	const fd = new FormData();
	fd.set('point', String(point));
	for (const row of now.rows)
		for (const code of QUALITIES_AND_COMPETENCIES) {
			const key = `${row.learner.id}:${code}`;
			const cell = row.ratings[code];
			fd.set(`v:${key}`, shown?.[key] ?? `${cell.version}:${cell.level ?? ''}`);
			fd.set(`q:${key}`, choices[key] ?? cell.level ?? '');
		}
	return fd;
}

describe('the qualities and competencies page', () => {
	it('shows the homeroom teacher a select per pupil and quality, grouped, with a label naming both', async () => {
		const res = await as.gvTh.get(`/classes/${c5a}/qualities?point=4`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		for (const s of ['Phẩm chất, năng lực – lớp 5A', 'Phẩm chất', 'Năng lực chung', 'Năng lực đặc thù', 'Yêu nước', 'Giải quyết vấn đề và sáng tạo', 'Thể chất', 'Giữa HK I', 'Cuối năm', 'Lưu đánh giá'])
			expect(text).toContain(s);
		expect(html.match(/<select/g)).toHaveLength(pupils.length * 15);
		expect(html).toContain(`aria-label="Trung thực của ${pupils[0].name}"`);
		expect(html).toMatch(/href="\?point=4"[^>]*aria-current="page"/);
	});

	it('saves only the changed cells of a form posted without JavaScript and shows them chosen', async () => {
		const [a] = pupils;
		const res = await as.gvTh.form(`/classes/${c5a}/qualities?point=4&/save`, await qualitiesForm(4, { [`${a.id}:trung_thuc`]: 'tot', [`${a.id}:nhan_ai`]: 'dat' }));
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã lưu 2 ô đánh giá.');
		const rows = await app.db.select().from(qualityAssessments).where(and(eq(qualityAssessments.classId, c5a), eq(qualityAssessments.point, 4)));
		expect(rows.map((r) => `${r.code}:${r.level}:${r.version}`).sort()).toEqual(['nhan_ai:dat:1', 'trung_thuc:tot:1']);
		const page = await (await as.gvTh.get(`/classes/${c5a}/qualities?point=4`)).text();
		expect(page).toMatch(new RegExp(`name="q:${a.id}:trung_thuc"[^>]*>[\\s\\S]*?<option value="tot" selected`));
		expect(page).toContain(`name="v:${a.id}:trung_thuc" value="1:tot"`);
		// Another point is another sheet.
		expect(await (await as.gvTh.get(`/classes/${c5a}/qualities?point=1`)).text()).not.toContain('value="1:tot"');
	});

	it('keeps what was chosen and marks the cell when a level is not T, Đ or C, writing nothing', async () => {
		const [a] = pupils;
		const res = await as.gvTh.form(`/classes/${c5a}/qualities?point=4&/save`, await qualitiesForm(4, { [`${a.id}:yeu_nuoc`]: 'gioi', [`${a.id}:cham_chi`]: 'can_co_gang' }));
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(textOf(html)).toContain('1 ô chưa hợp lệ; chưa lưu ô nào.');
		expect(textOf(html)).toContain(`Yêu nước của ${a.name}: Mức đánh giá là Tốt, Đạt hoặc Cần cố gắng.`);
		expect(html).toContain(`id="q:${a.id}:yeu_nuoc-error"`);
		expect(html).toMatch(new RegExp(`name="q:${a.id}:cham_chi"[^>]*>[\\s\\S]*?<option value="can_co_gang" selected`));
		expect(await app.db.select().from(qualityAssessments).where(eq(qualityAssessments.code, 'cham_chi'))).toHaveLength(0);
	});

	it('answers 409 when someone else changed a cell, naming its new value and keeping the choice', async () => {
		const [a] = pupils;
		const key = `${a.id}:trung_thuc`;
		const res = await as.gvTh.form(`/classes/${c5a}/qualities?point=4&/save`, await qualitiesForm(4, { [key]: 'can_co_gang' }, { [key]: '0:' }));
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(textOf(html)).toContain('1 ô vừa được người khác sửa. Hãy xem giá trị mới rồi lưu lại.');
		expect(textOf(html)).toContain('Người khác vừa đổi ô này thành: Tốt');
		expect(html).toMatch(new RegExp(`name="q:${key}"[^>]*>[\\s\\S]*?<option value="can_co_gang" selected`));
		const [row] = await app.db.select().from(qualityAssessments).where(and(eq(qualityAssessments.learnerId, a.id), eq(qualityAssessments.code, 'trung_thuc')));
		expect(row).toMatchObject({ level: 'tot', version: 1 });
	});

	it('is read-only for the school’s leader, and not there for another school’s leader, a parent, or a preschool group', async () => {
		const html = await (await as.leaderTh.get(`/classes/${c5a}/qualities?point=4`)).text();
		expect(textOf(html)).toContain('chỉ giáo viên chủ nhiệm mới đánh giá được');
		expect(html).not.toContain('<select');
		expect(html).toContain('<abbr title="Tốt" aria-label="Tốt">T</abbr>');
		expect((await as.leaderTh.form(`/classes/${c5a}/qualities?point=4&/save`, await qualitiesForm(4, { [`${pupils[1].id}:tin_hoc`]: 'tot' }))).status).toBe(403);
		expect((await as.leader.get(`/classes/${c5a}/qualities?point=4`)).status).toBe(404);
		expect((await as.leader.form(`/classes/${c5a}/qualities?point=4&/save`, await qualitiesForm(4, { [`${pupils[1].id}:tin_hoc`]: 'tot' }))).status).toBe(404);
		expect((await as.parent.get(`/classes/${c5a}/qualities`)).status).toBe(404);
		expect((await as.leaderMn.get(`/classes/${group}/qualities`)).status).toBe(404);
		expect((await as.gvTh.get(`/classes/${c5a}/qualities?point=7`)).status).toBe(400);
	});
});

type Development = { indicators: { id: string; code: string }[]; rows: { learner: { id: string }; results: { indicatorId: string; reached: boolean | null; note: string; version: number }[] }[] };
const choice = (r: boolean | null) => (r === true ? 'yes' : r === false ? 'no' : 'unknown');

/** The development form as the browser posts it: every child and indicator, with what was shown. */
async function developmentForm(period: string, choices: Record<string, [string, string]>, shownVersion?: Record<string, number>) {
	const now: Development = await (await as.gvMn.get(`/api/v1/gradebook/development?classId=${group}&period=${period}`)).json();
	const fd = new FormData();
	fd.set('period', period);
	for (const row of now.rows)
		for (const r of row.results) {
			const key = `${row.learner.id}:${r.indicatorId}`;
			fd.set(`v:${key}`, `${shownVersion?.[key] ?? r.version}:${choice(r.reached)}`);
			fd.set(`w:${key}`, r.note);
			fd.set(`r:${key}`, choices[key]?.[0] ?? choice(r.reached));
			fd.set(`n:${key}`, choices[key]?.[1] ?? r.note);
		}
	return fd;
}

describe('the development page', () => {
	const ind: Record<string, string> = {};
	const indicatorForm = (domain: string, code: string, description: string) => ({ stage: 'mau_giao', domain, code, description });

	it('lets the school’s leader add indicators on the page, refusing a taken code and the teacher', async () => {
		for (const [domain, code, description] of [
			['the_chat', 'TC1', 'Bật xa tối thiểu 50 cm'],
			['ngon_ngu', 'NN1', 'Kể lại được truyện đã nghe']
		]) {
			const res = await as.leaderMn.form(`/classes/${group}/development?period=2026-12&/indicator`, indicatorForm(domain, code, description));
			expect(res.status).toBe(200);
			expect(textOf(await res.text())).toContain(`Đã thêm chỉ số ${code}.`);
		}
		const taken = await as.leaderMn.form(`/classes/${group}/development?period=2026-12&/indicator`, indicatorForm('the_chat', 'TC1', 'Chạy 10 m'));
		expect(taken.status).toBe(409);
		expect(await taken.text()).toContain('value="Chạy 10 m"');
		expect((await as.gvMn.form(`/classes/${group}/development?period=2026-12&/indicator`, indicatorForm('the_chat', 'TC9', 'x'))).status).toBe(403);
		const list = await (await as.gvMn.get(`/api/v1/gradebook/development?classId=${group}&period=2026-12`)).json();
		for (const i of list.indicators as { id: string; code: string }[]) ind[i.code] = i.id;
		expect(Object.keys(ind).sort()).toEqual(['NN1', 'TC1']);
	});

	it('shows the teacher each child’s indicators by domain with three choices, a note and the summary', async () => {
		const res = await as.gvMn.get(`/classes/${group}/development?period=2026-12`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		for (const s of ['Đánh giá sự phát triển – Lớp Chồi 1', 'Tháng 12/2026', 'Thể chất', 'Ngôn ngữ', 'Bật xa tối thiểu 50 cm', 'Chưa quan sát', 'Tổng hợp theo lĩnh vực', 'Thể chất : 0/1 đạt · 0 chưa đạt · 1 chưa quan sát'])
			expect(text).toContain(s);
		expect(html.match(/data-testid="development-child"/g)).toHaveLength(children.length);
		expect(html.match(/type="radio"[^>]*value="unknown"[^>]*checked/g)).toHaveLength(children.length * 2);
		expect(text).not.toContain('Thêm chỉ số đánh giá');
	});

	it('saves what changed, posted without JavaScript, and the summary follows', async () => {
		const [a] = children;
		const res = await as.gvMn.form(`/classes/${group}/development?period=2026-12&/save`, await developmentForm('2026-12', { [`${a.id}:${ind.TC1}`]: ['yes', 'Bật xa 60 cm'] }));
		expect(res.status).toBe(200);
		const text = textOf(await res.text());
		expect(text).toContain('Đã lưu 1 chỉ số.');
		expect(text).toContain('Thể chất : 1/1 đạt · 0 chưa đạt · 0 chưa quan sát');
		const rows = await app.db.select().from(developmentAssessments).where(eq(developmentAssessments.classId, group));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ learnerId: a.id, indicatorId: ind.TC1, period: '2026-12', reached: true, note: 'Bật xa 60 cm', version: 1 });
		const page = await (await as.gvMn.get(`/classes/${group}/development?period=2026-12`)).text();
		expect(page).toMatch(new RegExp(`name="r:${a.id}:${ind.TC1}" value="yes"[^>]*checked`));
		expect(page).toContain('value="Bật xa 60 cm"');
	});

	it('keeps what was chosen and typed when a note is too long, writing nothing', async () => {
		const [, b] = children;
		const res = await as.gvMn.form(`/classes/${group}/development?period=2026-12&/save`, await developmentForm('2026-12', { [`${b.id}:${ind.NN1}`]: ['no', 'x'.repeat(1001)], [`${b.id}:${ind.TC1}`]: ['yes', ''] }));
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(textOf(html)).toContain('Dữ liệu chưa hợp lệ');
		expect(html).toContain(`id="c:${b.id}:${ind.NN1}-error"`);
		expect(html).toMatch(new RegExp(`name="r:${b.id}:${ind.TC1}" value="yes"[^>]*checked`));
		expect(await app.db.select().from(developmentAssessments).where(eq(developmentAssessments.learnerId, b.id))).toHaveLength(0);
	});

	it('answers 409 for a stale version and keeps the choice', async () => {
		const [a] = children;
		const key = `${a.id}:${ind.TC1}`;
		const res = await as.gvMn.form(`/classes/${group}/development?period=2026-12&/save`, await developmentForm('2026-12', { [key]: ['no', 'Chưa bật xa được'] }, { [key]: 0 }));
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(textOf(html)).toContain('1 ô vừa được người khác sửa.');
		expect(html).toContain('value="Chưa bật xa được"');
	});

	it('is read-only for the school’s leader, and not there for another school’s leader, a parent, or a primary class', async () => {
		const html = await (await as.leaderMn.get(`/classes/${group}/development?period=2026-12`)).text();
		const text = textOf(html);
		expect(text).toContain('chỉ giáo viên chủ nhiệm nhóm lớp mới đánh giá được');
		expect(text).toContain('Bật xa tối thiểu 50 cm: Đạt — Bật xa 60 cm');
		expect(html).not.toContain('type="radio"');
		expect(text).toContain('Thêm chỉ số đánh giá');
		expect((await as.leaderMn.form(`/classes/${group}/development?period=2026-12&/save`, await developmentForm('2026-12', { [`${children[1].id}:${ind.NN1}`]: ['yes', ''] }))).status).toBe(403);
		expect((await as.leader.get(`/classes/${group}/development`)).status).toBe(404);
		expect((await as.leader.form(`/classes/${group}/development?period=2026-12&/save`, await developmentForm('2026-12', {}))).status).toBe(404);
		expect((await as.parent.get(`/classes/${group}/development`)).status).toBe(404);
		expect((await as.gvTh.get(`/classes/${c5a}/development`)).status).toBe(404);
		expect((await as.gvMn.get(`/classes/${group}/development?period=2026-13`)).status).toBe(400);
	});
});

describe('the class page', () => {
	it('links the stage’s assessment for the homeroom teacher and the leader only', async () => {
		const q = `href="/classes/${c5a}/qualities"`;
		const d = `href="/classes/${group}/development"`;
		const th = await (await as.gvTh.get(`/classes/${c5a}`)).text();
		expect(th).toContain(q);
		expect(th).not.toContain('/development"');
		expect(await (await as.leaderTh.get(`/classes/${c5a}`)).text()).toContain(q);
		const mn = await (await as.gvMn.get(`/classes/${group}`)).text();
		expect(mn).toContain(d);
		expect(mn).not.toContain('/qualities"');
		expect(await (await as.leaderMn.get(`/classes/${group}`)).text()).toContain(d);
		const homeroom = await app.loginAs('homeroom');
		const [c6a1] = await app.db.select().from(classes).where(eq(classes.name, '6A1'));
		const secondary = await (await homeroom.get(`/classes/${c6a1.id}`)).text();
		expect(secondary).not.toContain('/qualities"');
		expect(secondary).not.toContain('/development"');
	});
});
