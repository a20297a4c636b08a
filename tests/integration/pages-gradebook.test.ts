/**
 * The gradebook pages as a browser without JavaScript uses them (HTML and form posts), on the demo
 * school THCS Bình Yên: `teacher` teaches Toán in 6A1 (demo TX1 and GK scores) and 6A2, `homeroom`
 * is GVCN of 6A1, `leader` leads the school, `parent` is the mother of 6A1's first learner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { primaryTeacherOf5A } from '../helpers/primary';
import { classes, schools, subjects } from '#lib/server/organisations/schema';
import { gradeChangeRequests, gradeColumns, gradeEntries, gradebookLocks } from '#lib/server/gradebook/schema';
import { persons } from '#lib/server/people/schema';
import { fullName } from '#lib/server/people/names';
import { formatDateTime } from '#lib/format';

let app: TestApp;
const as: Record<string, Client> = {};
let c6a1: string, c6a2: string, toan: string, van: string, yearId: string, schoolId: string;

type Cell = { value: number | string | null; text: string; version: number; comment?: string };
type Grid = { columns: { id: string; label: string }[]; rows: { learner: { id: string; name: string }; cells: Record<string, Cell>; result: { text: string } | null }[] };

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'parent']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	schoolId = thcs.id;
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	yearId = cls[0].schoolYearId;
	const subs = await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id));
	toan = subs.find((s) => s.code === 'TOAN')!.id;
	van = subs.find((s) => s.code === 'VAN')!.id;
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const gridOf = async (who: Client, classId: string, subjectId: string, term = 1): Promise<Grid> =>
	(await who.get(`/api/v1/gradebook/grid?classId=${classId}&subjectId=${subjectId}&term=${term}`)).json();
const col = (g: Grid, label: string) => g.columns.find((c) => c.label === label)!.id;
/** The grid form as the page renders it, with some cells retyped. */
function gridForm(g: Grid, typed: { label: string; row: number; value: string; version?: number }[]) {
	const fd = new FormData();
	for (const row of g.rows)
		for (const c of g.columns) {
			const key = `${c.id}:${row.learner.id}`;
			const t = typed.find((x) => col(g, x.label) === c.id && g.rows[x.row].learner.id === row.learner.id);
			fd.set(`cell:${key}`, t ? t.value : row.cells[c.id].text);
			fd.set(`version:${key}`, String(t?.version ?? row.cells[c.id].version));
			fd.set(`orig:${key}`, row.cells[c.id].text);
		}
	return fd;
}
const entry = async (columnId: string, learnerId: string) =>
	(await app.db.select().from(gradeEntries).where(and(eq(gradeEntries.columnId, columnId), eq(gradeEntries.learnerId, learnerId))))[0];

describe('the gradebook entry page and menu', () => {
	it('shows "Sổ điểm" in the menu of teachers and leaders, not of parents', async () => {
		expect(await (await as.teacher.get('/')).text()).toContain('href="/gradebook"');
		expect(await (await as.leader.get('/')).text()).toContain('href="/gradebook"');
		expect(await (await as.parent.get('/')).text()).not.toContain('href="/gradebook"');
	});

	it('lists the teacher’s class × subject assignments as links to the grids', async () => {
		const html = await (await as.teacher.get('/gradebook')).text();
		expect(html).toContain(`href="/gradebook/${c6a1}/${toan}?term=1"`);
		expect(html).toContain(`href="/gradebook/${c6a2}/${toan}?term=1"`);
		expect(textOf(html)).toContain('Đề nghị sửa điểm của tôi');
		expect(html).not.toContain('href="/gradebook/locks"');
	});

	it('gives the homeroom teacher every subject taught in their class', async () => {
		const html = await (await as.homeroom.get('/gradebook')).text();
		expect(textOf(html)).toContain('Lớp chủ nhiệm 6A1');
		expect(html).toContain(`href="/gradebook/${c6a1}/${toan}?term=1"`);
		expect(html).toContain(`href="/gradebook/${c6a1}/${van}?term=1"`);
	});

	it('links the summary for the leader and the homeroom teacher (who may read it), not for a subject teacher', async () => {
		expect(await (await as.homeroom.get('/gradebook')).text()).toContain('href="/gradebook/summary"');
		expect(await (await as.teacher.get('/gradebook')).text()).not.toContain('href="/gradebook/summary"');
		expect((await as.homeroom.get('/gradebook/summary')).status).toBe(200);
	});

	it('gives the leader the school’s classes, an open-a-grid form and links to locks, change requests and the summary', async () => {
		const html = await (await as.leader.get('/gradebook')).text();
		expect(textOf(html)).toContain('Các lớp của Trường THCS Bình Yên');
		expect(html).toContain('href="/gradebook/locks"');
		expect(html).toContain('href="/gradebook/changes?status=pending"');
		expect(html).toMatch(/href="\/gradebook\/summary"[^>]*>Thống kê kết quả</);
		const res = await as.leader.get(`/gradebook?classId=${c6a2}&subjectId=${van}&term=2`);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/gradebook/${c6a2}/${van}?term=2`);
	});

	it('refuses the page to a parent with 403', async () => {
		expect((await as.parent.get('/gradebook')).status).toBe(403);
	});
});

describe('the grid without JavaScript', () => {
	it('renders one labelled input per cell with its version, the demo scores and the term switch', async () => {
		const g = await gridOf(as.teacher, c6a1, toan);
		const res = await as.teacher.get(`/gradebook/${c6a1}/${toan}?term=1`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const first = g.rows[0];
		const key = `${col(g, 'TX1')}:${first.learner.id}`;
		expect(html).toContain(`Điểm TX1 của ${first.learner.name}`);
		expect(html).toMatch(new RegExp(`name="cell:${key}"[^>]*value="${first.cells[col(g, 'TX1')].text}"`));
		expect(html).toMatch(new RegExp(`name="version:${key}"[^>]*value="1"`));
		expect(textOf(html)).toContain('ĐTBmhk');
		expect(html).toContain(`href="/gradebook/${c6a1}/${toan}?term=2"`);
	});

	it('saves the changed cells of the form and shows the recomputed term average', async () => {
		const g = await gridOf(as.teacher, c6a2, toan);
		// TX 8, 7, 6,5, 9; GK 7; CK 6 → (30,5 + 14 + 18)/9 = 6,94… → 6,9
		const values: [string, string][] = [['TX1', '8'], ['TX2', '7'], ['TX3', '6,5'], ['TX4', '9'], ['GK', '7'], ['CK', '6']];
		const res = await as.teacher.form(`/gradebook/${c6a2}/${toan}?/save&term=1`, gridForm(g, values.map(([label, value]) => ({ label, row: 0, value }))));
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(textOf(html)).toContain('Đã lưu 6 ô điểm.');
		expect((await entry(col(g, 'TX3'), g.rows[0].learner.id)).scoreTenths).toBe(65);
		const page = await (await as.teacher.get(`/gradebook/${c6a2}/${toan}?term=1`)).text();
		expect(page).toMatch(/data-testid="average"[^>]*>6,9</);
	});

	it('refuses an invalid score with its message in the cell, keeps what was typed and saves nothing', async () => {
		const g = await gridOf(as.teacher, c6a2, toan);
		const res = await as.teacher.form(
			`/gradebook/${c6a2}/${toan}?/save&term=1`,
			gridForm(g, [
				{ label: 'TX1', row: 1, value: '10,5' },
				{ label: 'TX1', row: 2, value: '7' }
			])
		);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(textOf(html)).toContain('1 ô chưa hợp lệ; chưa lưu ô nào.');
		expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="cell-1-0-msg"|aria-describedby="cell-1-0-msg"[^>]*aria-invalid="true"/);
		expect(html).toMatch(/id="cell-1-0-msg"[^>]*>Điểm phải từ 0 đến 10\./);
		expect(html).toMatch(/id="cell-1-0"[^>]*value="10,5"|value="10,5"[^>]*id="cell-1-0"/);
		expect(html).toMatch(/id="cell-2-0"[^>]*value="7"|value="7"[^>]*id="cell-2-0"/);
		expect(await entry(col(g, 'TX1'), g.rows[2].learner.id)).toBeUndefined();
	});

	it('answers 409 with the other person’s value when a cell changed since the form was loaded, and saves on a deliberate resubmit', async () => {
		const g = await gridOf(as.teacher, c6a2, toan);
		const learner = g.rows[3].learner;
		const tx2 = col(g, 'TX2');
		expect((await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a2, subjectId: toan, cells: [{ columnId: tx2, learnerId: learner.id, value: 9, version: 0 }] })).status).toBe(200);
		const stale = gridForm(g, [{ label: 'TX2', row: 3, value: '4' }]);
		const res = await as.teacher.form(`/gradebook/${c6a2}/${toan}?/save&term=1`, stale);
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(textOf(html)).toContain('Người khác vừa sửa ô này thành «9,0». Điểm bạn nhập («4») chưa được lưu.');
		expect(html).toMatch(/id="cell-3-1"[^>]*value="4"|value="4"[^>]*id="cell-3-1"/);
		expect(html).toMatch(new RegExp(`name="version:${tx2}:${learner.id}"[^>]*value="1"`));
		expect((await entry(tx2, learner.id)).scoreTenths).toBe(90);
		// Saving again over the version now shown is the teacher's choice.
		const again = gridForm(await gridOf(as.teacher, c6a2, toan), [{ label: 'TX2', row: 3, value: '4' }]);
		expect((await as.teacher.form(`/gradebook/${c6a2}/${toan}?/save&term=1`, again)).status).toBe(200);
		expect((await entry(tx2, learner.id)).scoreTenths).toBe(40);
	});

	it('shows the homeroom teacher a read-only grid and refuses their post with 403', async () => {
		const html = await (await as.homeroom.get(`/gradebook/${c6a1}/${toan}?term=1`)).text();
		expect(textOf(html)).toContain('Bạn chỉ được xem sổ điểm này.');
		expect(html).not.toContain('name="cell:');
		const g = await gridOf(as.teacher, c6a1, toan);
		expect((await as.homeroom.form(`/gradebook/${c6a1}/${toan}?/save&term=1`, gridForm(g, [{ label: 'TX2', row: 0, value: '5' }]))).status).toBe(403);
	});

	it('answers 404 for a grid outside the caller’s classes or subjects, and for a malformed id', async () => {
		expect((await as.teacher.get(`/gradebook/${c6a1}/${van}?term=1`)).status).toBe(404);
		expect((await as.parent.get(`/gradebook/${c6a1}/${toan}?term=1`)).status).toBe(404);
		expect((await as.teacher.get(`/gradebook/not-a-uuid/${toan}`)).status).toBe(404);
	});
});

describe('recording a missed assessment (TT22 Điều 7) without JavaScript', () => {
	const page = (query = '') => `/gradebook/${c6a2}/${toan}?term=1${query}`;
	const action = (key: string) => `/gradebook/${c6a2}/${toan}?/missed&term=1&missed=${key}`;
	/** The HTML of one learner's row of the grid. */
	const rowHtml = (html: string, learnerId: string) => html.slice(html.indexOf(`data-learner="${learnerId}"`)).split('</tr>')[0];

	it('records a force-majeure miss (pending), a make-up not taken (counts 0), a miss for another reason, and clears it', async () => {
		let g = await gridOf(as.teacher, c6a2, toan);
		const learner = g.rows[6].learner;
		const ck = col(g, 'CK');
		const key = `${ck}:${learner.id}`;
		// TX 8, 8, 8, 8 and GK 8; CK missed.
		const scores = ['TX1', 'TX2', 'TX3', 'TX4', 'GK'].map((label) => ({ columnId: col(g, label), learnerId: learner.id, value: 8, version: g.rows[6].cells[col(g, label)].version }));
		expect((await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a2, subjectId: toan, cells: scores })).status).toBe(200);

		const grid = await (await as.teacher.get(page())).text();
		expect(grid).toMatch(new RegExp(`href="\\?term=1&(amp;)?missed=${key}#missed-form"[^>]*aria-label="Ghi vắng kiểm tra CK của ${learner.name}"`));
		const form = await (await as.teacher.get(page(`&missed=${key}`))).text();
		expect(textOf(form)).toContain(`Ghi vắng kiểm tra CK của ${learner.name}`);
		expect(textOf(form)).toContain('Bất khả kháng – được kiểm tra bù');
		expect(form).toMatch(/name="reason" value="none" checked/);
		expect(form).toMatch(/name="version" value="0"/);

		const forceMajeure = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: '0', reason: 'force_majeure', makeup: 'pending', value: '' });
		expect(forceMajeure.status).toBe(200);
		const afterForceMajeure = await forceMajeure.text();
		expect(textOf(afterForceMajeure)).toContain(`Đã lưu vắng kiểm tra CK của ${learner.name}.`);
		expect(await entry(ck, learner.id)).toMatchObject({ scoreTenths: null, missedReason: 'force_majeure', makeup: 'pending', version: 1 });
		expect(rowHtml(afterForceMajeure, learner.id)).toContain('title="Vắng – bất khả kháng, chờ kiểm tra bù"');
		expect(rowHtml(afterForceMajeure, learner.id)).toMatch(/data-testid="average"><\/td>/);
		g = await gridOf(as.teacher, c6a2, toan);
		expect(g.rows[6].result?.text).toBe('');

		// The make-up is not taken: CK counts 0 → (32 + 16 + 0) / 9 = 5,33… → 5,3.
		const notTaken = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: '1', reason: 'force_majeure', makeup: 'not_taken', value: '' });
		expect(notTaken.status).toBe(200);
		const afterNotTaken = rowHtml(await notTaken.text(), learner.id);
		expect(afterNotTaken).toMatch(/data-testid="average">5,3</);
		expect(afterNotTaken).toContain('title="Vắng – tính 0"');
		expect((await gridOf(as.teacher, c6a2, toan)).rows[6].result?.text).toBe('5,3');

		// A form shown before that save is stale: 409 with the current value, nothing written.
		const stale = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: '1', reason: 'none', value: '' });
		expect(stale.status).toBe(409);
		const staleHtml = await stale.text();
		expect(textOf(staleHtml)).toContain('Người khác vừa sửa ô này');
		expect(staleHtml).toMatch(/name="version" value="2"/);
		expect((await entry(ck, learner.id)).makeup).toBe('not_taken');

		// A miss that counts 0 cannot carry a score.
		const withScore = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: '2', reason: 'other', value: '7' });
		expect(withScore.status).toBe(400);
		const withScoreHtml = await withScore.text();
		expect(textOf(withScoreHtml)).toContain('Vắng tính 0 điểm (Chưa đạt) thì không nhập điểm');
		expect(withScoreHtml).toMatch(/id="missed-value"[^>]*value="7"|value="7"[^>]*id="missed-value"/);

		const other = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: '2', reason: 'other', value: '' });
		expect(other.status).toBe(200);
		expect(await entry(ck, learner.id)).toMatchObject({ scoreTenths: null, missedReason: 'other', makeup: null, version: 3 });
		const afterOther = rowHtml(await other.text(), learner.id);
		expect(afterOther).toContain('title="Vắng – tính 0"');
		expect(afterOther).toMatch(/data-testid="average">5,3</);

		const cleared = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: '3', reason: 'none', value: '' });
		expect(cleared.status).toBe(200);
		expect(await entry(ck, learner.id)).toMatchObject({ scoreTenths: null, missedReason: null, makeup: null, version: 4 });
		const afterClear = rowHtml(await cleared.text(), learner.id);
		expect(afterClear).not.toContain('missed-mark');
		expect(afterClear).toMatch(/data-testid="average"><\/td>/);
	});

	it('takes the make-up score typed in the same field: it counts as the assessment', async () => {
		const g = await gridOf(as.teacher, c6a2, toan);
		const learner = g.rows[6].learner;
		const ck = col(g, 'CK');
		const key = `${ck}:${learner.id}`;
		const res = await as.teacher.form(action(key), { columnId: ck, learnerId: learner.id, version: String(g.rows[6].cells[ck].version), reason: 'force_majeure', makeup: 'pending', value: '5' });
		expect(res.status).toBe(200);
		// (32 + 16 + 15) / 9 = 7,0
		expect(rowHtml(await res.text(), learner.id)).toMatch(/data-testid="average">7,0</);
		expect(await entry(ck, learner.id)).toMatchObject({ scoreTenths: 50, missedReason: 'force_majeure' });
	});

	it('gives the homeroom teacher neither the menu nor the form, and refuses their post with 403', async () => {
		const g = await gridOf(as.teacher, c6a1, toan);
		const learner = g.rows[0].learner;
		const key = `${col(g, 'CK')}:${learner.id}`;
		const html = await (await as.homeroom.get(`/gradebook/${c6a1}/${toan}?term=1&missed=${key}`)).text();
		expect(html).not.toMatch(/href="[^"]*missed=/);
		expect(html).not.toContain('id="missed-form"');
		const res = await as.homeroom.form(`/gradebook/${c6a1}/${toan}?/missed&term=1&missed=${key}`, { columnId: col(g, 'CK'), learnerId: learner.id, version: '0', reason: 'other', value: '' });
		expect(res.status).toBe(403);
		expect(await entry(col(g, 'CK'), learner.id)).toBeUndefined();
	});
});

describe('locking a term and changing a score after it', () => {
	it('lets only the leader open the locks page', async () => {
		expect((await as.teacher.get('/gradebook/locks')).status).toBe(403);
		// A malformed school id in the address falls back to the leader's own school, never a 500.
		expect((await as.leader.get(`/gradebook/locks?schoolId=${'a'.repeat(36)}`)).status).toBe(200);
		const html = await (await as.leader.get('/gradebook/locks')).text();
		expect(textOf(html)).toContain('Chưa khóa học kì nào.');
	});

	it('runs the whole round: lock, read-only grid, request, refusal of direct saves, approval, status for the teacher, unlock', async () => {
		const lock = await as.leader.form('/gradebook/locks?/lock', { schoolYearId: yearId, term: '1', classId: c6a1 });
		expect(lock.status).toBe(200);
		expect(textOf(await lock.text())).toContain('Đã khóa sổ.');
		const [row] = await app.db.select().from(gradebookLocks).where(eq(gradebookLocks.classId, c6a1));
		expect(row.term).toBe(1);
		expect(textOf(await (await as.leader.get('/gradebook/locks')).text())).toContain('Lớp 6A1');

		const g = await gridOf(as.teacher, c6a1, toan);
		const learner = g.rows[0].learner;
		const tx1 = col(g, 'TX1');
		const html = await (await as.teacher.get(`/gradebook/${c6a1}/${toan}?term=1`)).text();
		expect(textOf(html)).toContain('Học kì này đã khóa sổ.');
		expect(html).not.toContain('name="cell:');
		expect(html).toContain(`request=${tx1}:${learner.id}#change-form`);

		// A direct save is refused with 423 and its reason.
		const direct = await as.teacher.form(`/gradebook/${c6a1}/${toan}?/save&term=1`, gridForm(g, [{ label: 'TX1', row: 0, value: '10' }]));
		expect(direct.status).toBe(423);
		expect(textOf(await direct.text())).toContain('Sổ điểm học kì này đã khóa.');

		const formPage = await (await as.teacher.get(`/gradebook/${c6a1}/${toan}?term=1&request=${tx1}:${learner.id}`)).text();
		expect(textOf(formPage)).toContain(`Đề nghị sửa điểm TX1 của ${learner.name}`);
		const old = g.rows[0].cells[tx1].text;
		const action = `/gradebook/${c6a1}/${toan}?/request&term=1&request=${tx1}:${learner.id}`;
		const noReason = await as.teacher.form(action, { columnId: tx1, learnerId: learner.id, oldValue: old, newValue: '10', reason: '' });
		expect(noReason.status).toBe(400);
		const noReasonHtml = await noReason.text();
		expect(noReasonHtml).toContain('Cần ghi lí do sửa điểm.');
		expect(noReasonHtml).toMatch(/name="newValue"[^>]*value="10"/);
		const sent = await as.teacher.form(action, { columnId: tx1, learnerId: learner.id, oldValue: old, newValue: '10', reason: 'Nhập nhầm điểm' });
		expect(sent.status).toBe(200);
		expect(textOf(await sent.text())).toContain('Đã gửi đề nghị sửa điểm.');

		const pending = textOf(await (await as.leader.get('/gradebook/changes?status=pending')).text());
		expect(pending).toContain(`${learner.name} – Toán, Lớp 6A1, HK I, TX1`);
		expect(pending).toContain('Nhập nhầm điểm');
		const [req] = await app.db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.learnerId, learner.id));
		// The teacher sees their request but may not decide it.
		expect(await (await as.teacher.get('/gradebook/changes')).text()).not.toContain('name="decision"');
		expect((await as.teacher.form('/gradebook/changes?/decide', { id: req.id, decision: 'approve' })).status).toBe(403);

		const approved = await as.leader.form('/gradebook/changes?/decide', { id: req.id, decision: 'approve', note: 'Đồng ý' });
		expect(approved.status).toBe(200);
		expect(textOf(await approved.text())).toContain('Đã duyệt đề nghị');
		expect((await entry(tx1, learner.id)).scoreTenths).toBe(100);
		const mine = textOf(await (await as.teacher.get('/gradebook/changes')).text());
		expect(mine).toMatch(/Trạng thái Đã duyệt/);
		expect(mine).toContain('Đồng ý');
		// Who decided and when, as the request records it (Asia/Ho_Chi_Minh).
		const [decided] = await app.db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.id, req.id));
		const [leaderPerson] = await app.db.select().from(persons).where(eq(persons.id, decided.decidedBy!));
		expect(mine).toContain(`Người quyết định ${fullName(leaderPerson)} · ${formatDateTime(decided.decidedAt)}`);
		expect(mine).toMatch(/Người quyết định .+ · \d\d\/\d\d\/\d{4} \d\d:\d\d/);
		const inEnglish = textOf(await (await app.request('GET', '/gradebook/changes', { cookie: `${as.teacher.cookie}; PARAGLIDE_LOCALE=en` })).text());
		expect(inEnglish).toContain(`Decided by ${fullName(leaderPerson)}`);
		expect(textOf(await (await as.teacher.get(`/gradebook/${c6a1}/${toan}?term=1`)).text())).toContain('Đã duyệt');

		// A second request, withdrawn by the teacher before the leader decides.
		const learner2 = g.rows[1].learner;
		const action2 = `/gradebook/${c6a1}/${toan}?/request&term=1&request=${tx1}:${learner2.id}`;
		expect((await as.teacher.form(action2, { columnId: tx1, learnerId: learner2.id, oldValue: g.rows[1].cells[tx1].text, newValue: '9', reason: 'Nhầm dòng' })).status).toBe(200);
		const [req2] = await app.db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.learnerId, learner2.id));
		expect(await (await as.leader.get('/gradebook/changes')).text()).not.toContain('Rút đề nghị');
		expect(await (await as.teacher.get('/gradebook/changes')).text()).toContain('Rút đề nghị');
		const withdrawn = await as.teacher.form('/gradebook/changes?/withdraw', { id: req2.id });
		expect(withdrawn.status).toBe(200);
		expect(textOf(await withdrawn.text())).toContain('Đã rút đề nghị.');
		expect((await app.db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.id, req2.id)))[0].status).toBe('withdrawn');

		// The leader may ask for a change too, but never decide their own request (four eyes).
		const learner3 = g.rows[2].learner;
		const own = await as.leader.post('/api/v1/gradebook/change-requests', { columnId: tx1, learnerId: learner3.id, oldValue: g.rows[2].cells[tx1].value, newValue: 5, reason: 'Bài làm chấm sót' });
		expect(own.status).toBe(201);
		const ownId = (await own.json()).id;
		const leaderPage = await (await as.leader.get('/gradebook/changes?status=pending')).text();
		expect(textOf(leaderPage)).toContain(`${learner3.name} – Toán, Lớp 6A1, HK I, TX1`);
		expect(leaderPage).toContain(`value="${ownId}"`); // the withdraw form of their own request
		expect(leaderPage).not.toContain(`id="note-${ownId}"`); // but no decision form
		const selfDecided = await as.leader.form('/gradebook/changes?/decide', { id: ownId, decision: 'approve' });
		expect(selfDecided.status).toBe(403);
		expect(textOf(await selfDecided.text())).toContain('Bạn không thể tự duyệt hay từ chối đề nghị sửa điểm của chính mình');
		expect((await app.db.select().from(gradeChangeRequests).where(eq(gradeChangeRequests.id, ownId)))[0].status).toBe('pending');
		expect((await as.leader.form('/gradebook/changes?/withdraw', { id: ownId })).status).toBe(200);

		const unlock = await as.leader.form('/gradebook/locks?/unlock', { lockId: row.id });
		expect(unlock.status).toBe(200);
		expect(await app.db.select().from(gradebookLocks).where(eq(gradebookLocks.classId, c6a1))).toHaveLength(0);
	});
});

describe('the grid’s .xlsx on the page, without JavaScript', () => {
	const page = (classId: string, term = 2) => `/gradebook/${classId}/${toan}?term=${term}`;
	const importAction = (classId: string, term = 2) => `/gradebook/${classId}/${toan}?/import&term=${term}`;
	/** The grid's file as the page's download link serves it, opened for editing. */
	async function download(classId: string, term = 2) {
		const html = await (await as.teacher.get(page(classId, term))).text();
		const href = html.match(/href="(\/api\/v1\/gradebook\/grid\.xlsx\?[^"]+)"/)![1].replaceAll('&amp;', '&');
		const res = await as.teacher.get(href);
		expect(res.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		return { wb, ws: wb.worksheets[0] };
	}
	const upload = async (who: Client, classId: string, wb: ExcelJS.Workbook) => {
		const fd = new FormData();
		fd.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'so-diem.xlsx'));
		return who.form(importAction(classId), fd);
	};

	it('links the grid’s .xlsx for everyone who reads the grid', async () => {
		const link = new RegExp(`href="/api/v1/gradebook/grid\\.xlsx\\?classId=${c6a1}&(amp;)?subjectId=${toan}&(amp;)?term=2"[^>]*>Tải về \\.xlsx<`);
		for (const who of ['teacher', 'homeroom', 'leader']) expect(await (await as[who].get(page(c6a1))).text()).toMatch(link);
	});

	it('gives the upload form (a labelled .xlsx file input) to the assigned teacher only', async () => {
		const html = await (await as.teacher.get(page(c6a2))).text();
		expect(html).toMatch(/<form[^>]*action="\?\/import&(amp;)?term=2"[^>]*enctype="multipart\/form-data"|<form[^>]*enctype="multipart\/form-data"[^>]*action="\?\/import&(amp;)?term=2"/);
		expect(html).toMatch(/<label for="grid-file">Nhập điểm từ \.xlsx<\/label>/);
		expect(html).toMatch(/id="grid-file"[^>]*type="file"[^>]*accept="\.xlsx/);
		for (const who of ['homeroom', 'leader']) {
			const other = await (await as[who].get(page(c6a1))).text();
			expect(other).not.toContain('?/import');
			expect(other).not.toContain('type="file"');
		}
	});

	it('imports an edited file: the cell changes and the page says how many cells changed', async () => {
		const { wb, ws } = await download(c6a2);
		const g = await gridOf(as.teacher, c6a2, toan, 2);
		ws.getRow(6 + 2).getCell(4).value = 7.5; // TX1 of the third learner
		const res = await upload(as.teacher, c6a2, wb);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(textOf(html)).toContain('Đã nhập tệp: 1 ô điểm thay đổi.');
		expect((await entry(col(g, 'TX1'), g.rows[2].learner.id)).scoreTenths).toBe(75);
		expect(html).toMatch(/id="cell-2-0"[^>]*value="7,5"|value="7,5"[^>]*id="cell-2-0"/);
	});

	it('refuses a file with a bad cell: names its row and column above the grid and writes nothing', async () => {
		const { wb, ws } = await download(c6a2);
		const g = await gridOf(as.teacher, c6a2, toan, 2);
		ws.getRow(6 + 3).getCell(5).value = 6; // TX2: valid, yet not written
		ws.getRow(6 + 4).getCell(6).value = '11'; // TX3: out of range
		const res = await upload(as.teacher, c6a2, wb);
		expect(res.status).toBe(400);
		const text = textOf(await res.text());
		expect(text).toContain('Tệp có 1 lỗi; chưa ghi ô điểm nào.');
		expect(text).toContain('Dòng 10, cột F (TX3): Điểm phải từ 0 đến 10.');
		expect(text.indexOf('Dòng 10, cột F')).toBeLessThan(text.indexOf('Điểm TX1 của'));
		expect(await entry(col(g, 'TX2'), g.rows[3].learner.id)).toBeUndefined();
		expect(await entry(col(g, 'TX3'), g.rows[4].learner.id)).toBeUndefined();
	});

	it('asks for a file when none is chosen, and refuses the homeroom teacher’s post with 403', async () => {
		const empty = await as.teacher.form(importAction(c6a2), new FormData());
		expect(empty.status).toBe(400);
		expect(textOf(await empty.text())).toContain('Hãy chọn tệp sổ điểm (.xlsx).');
		const { wb } = await download(c6a1);
		expect((await upload(as.homeroom, c6a1, wb)).status).toBe(403);
	});
});

describe('publishing columns from the grid page', () => {
	const gridPage = () => `/gradebook/${c6a1}/${toan}?term=2`;
	const action = (name: string) => `/gradebook/${c6a1}/${toan}?/${name}&term=2`;
	const publishedAt = async (columnId: string) => (await app.db.select().from(gradeColumns).where(eq(gradeColumns.id, columnId)))[0].publishedAt;

	it('shows no publish buttons or marks where scores are shown at once (immediate)', async () => {
		const html = await (await as.teacher.get(gridPage())).text();
		expect(html).not.toContain('?/publish');
		expect(html).not.toContain('Đã công bố');
		expect(html).not.toContain('data-published');
	});

	it('under after_publish lets the teacher publish and withdraw a column through the form; the homeroom teacher sees the mark, no buttons', async () => {
		expect((await as.leader.put('/api/v1/settings/gradebook.scoreVisibility', { scope: schoolId, value: 'after_publish' })).status).toBe(200);
		const g = await gridOf(as.teacher, c6a1, toan, 2);
		const tx1 = col(g, 'TX1');
		let html = await (await as.teacher.get(gridPage())).text();
		expect(html).toMatch(new RegExp(`formaction="\\?/publish&(amp;)?term=2" name="columnId" value="${tx1}"`));
		expect(html).toMatch(/<form id="grid-publish" method="POST"/);
		expect(html).not.toContain('Đã công bố');

		const published = await as.teacher.form(action('publish'), { columnId: tx1 });
		expect(published.status).toBe(200);
		html = await published.text();
		expect(textOf(html)).toContain('Đã công bố cột TX1.');
		expect(await publishedAt(tx1)).toBeInstanceOf(Date);
		expect(html).toMatch(/data-published="true"[^>]*>TX1 (?:(?!<\/th>)[\s\S])*?published-mark[^>]*>Đã công bố</);
		expect(html).toMatch(/data-published="false"[^>]*>TX2 (?:(?!<\/th>)[\s\S])*?>Công bố<span class="visually-hidden"> TX2<\/span>/);
		expect(html).toMatch(new RegExp(`formaction="\\?/unpublish&(amp;)?term=2" name="columnId" value="${tx1}"`));

		const homeroom = await (await as.homeroom.get(gridPage())).text();
		expect(homeroom).toContain('Đã công bố');
		expect(homeroom).not.toContain('?/publish');
		expect(homeroom).not.toContain('?/unpublish');
		expect((await as.homeroom.form(action('unpublish'), { columnId: tx1 })).status).toBe(403);
		expect(await publishedAt(tx1)).toBeInstanceOf(Date);

		const withdrawn = await as.teacher.form(action('unpublish'), { columnId: tx1 });
		expect(withdrawn.status).toBe(200);
		expect(textOf(await withdrawn.text())).toContain('Đã thu hồi cột TX1.');
		expect(await publishedAt(tx1)).toBeNull();
	});
});

describe('comments on assessments (nhận xét, TT27/2020 Điều 6–7) without JavaScript', () => {
	let gv: Client, c5a: string, tiengViet: string;
	const page = (query = '') => `/gradebook/${c5a}/${tiengViet}?term=1${query}`;
	const action = (key: string) => `/gradebook/${c5a}/${tiengViet}?/comment&term=1&comment=${key}`;
	const rowHtml = (html: string, learnerId: string) => html.slice(html.indexOf(`data-learner="${learnerId}"`)).split('</tr>')[0];
	const COMMENT = 'Đọc to, rõ ràng; cần luyện viết đúng chính tả.';

	beforeAll(async () => {
		const t = await primaryTeacherOf5A(app, ['Tiếng Việt']);
		gv = t.client;
		c5a = t.classId;
		tiengViet = t.subjectIds['Tiếng Việt'];
	});

	it('saves a comment on a 5A level through the form, keeps the level, and marks the cell with it', async () => {
		let g = await gridOf(gv, c5a, tiengViet);
		const learner = g.rows[0].learner;
		const gk = col(g, 'GK');
		const key = `${gk}:${learner.id}`;
		expect((await gv.put('/api/v1/gradebook/scores', { classId: c5a, subjectId: tiengViet, cells: [{ columnId: gk, learnerId: learner.id, value: 'T', version: 0 }] })).status).toBe(200);

		const grid = await (await gv.get(page())).text();
		expect(grid).toMatch(new RegExp(`href="\\?term=1&(amp;)?comment=${key}#comment-form"[^>]*aria-label="Nhận xét GK của ${learner.name}"`));
		expect(rowHtml(grid, learner.id)).not.toContain('comment-mark');
		const form = await (await gv.get(page(`&comment=${key}`))).text();
		expect(textOf(form)).toContain(`Nhận xét GK của ${learner.name}`);
		expect(form).toMatch(/data-testid="comment-current">T</);
		expect(form).toMatch(/name="version" value="1"/);
		expect(form).toMatch(/<label[^>]*for="comment-comment"[^>]*>\s*Nhận xét/);
		expect(form).toMatch(/<textarea id="comment-comment" name="comment"[^>]*maxlength="2000"/);

		const saved = await gv.form(action(key), { columnId: gk, learnerId: learner.id, version: '1', comment: COMMENT });
		expect(saved.status).toBe(200);
		const html = await saved.text();
		expect(textOf(html)).toContain(`Đã lưu nhận xét GK của ${learner.name}.`);
		g = await gridOf(gv, c5a, tiengViet);
		expect(g.rows[0].cells[gk]).toMatchObject({ text: 'T', version: 2, comment: COMMENT });
		const row = rowHtml(html, learner.id);
		expect(row).toContain(`title="Nhận xét: ${COMMENT}"`);
		expect(row).toMatch(/aria-describedby="(cell-0-\d+-comment)"[\s\S]*id="\1"/);
		expect(html).toContain(`>${COMMENT}</textarea>`);
	});

	it('answers 409 when the cell changed since the form was shown, keeping the typed comment, and saves nothing', async () => {
		const g = await gridOf(gv, c5a, tiengViet);
		const learner = g.rows[0].learner;
		const gk = col(g, 'GK');
		const stale = await gv.form(action(`${gk}:${learner.id}`), { columnId: gk, learnerId: learner.id, version: '1', comment: 'Một nhận xét cũ.' });
		expect(stale.status).toBe(409);
		const html = await stale.text();
		expect(textOf(html)).toContain('Người khác vừa sửa ô này (kết quả hiện là «T»)');
		expect(html).toMatch(/name="version" value="2"/);
		expect(html).toContain('>Một nhận xét cũ.</textarea>');
		expect(textOf(html)).toContain(`Nhận xét đang lưu ${COMMENT}`);
		expect((await gridOf(gv, c5a, tiengViet)).rows[0].cells[gk]).toMatchObject({ version: 2, comment: COMMENT });
		const tooLong = await gv.form(action(`${gk}:${learner.id}`), { columnId: gk, learnerId: learner.id, version: '2', comment: 'x'.repeat(2001) });
		expect(tooLong.status).toBe(400);
		expect(textOf(await tooLong.text())).toContain('Nhận xét dài tối đa 2000 kí tự.');
	});

	it('refuses the homeroom teacher of another class (404) and shows the mark, without menu or form, on a read-only grid', async () => {
		const g = await gridOf(gv, c5a, tiengViet);
		const learner = g.rows[0].learner;
		const gk = col(g, 'GK');
		expect((await as.homeroom.get(page(`&comment=${gk}:${learner.id}`))).status).toBe(404);
		const res = await as.homeroom.form(action(`${gk}:${learner.id}`), { columnId: gk, learnerId: learner.id, version: '2', comment: 'Không phải lớp tôi.' });
		expect(res.status).toBe(404);
		expect((await gridOf(gv, c5a, tiengViet)).rows[0].cells[gk].comment).toBe(COMMENT);

		// 6A1 Toán: the subject teacher comments; its homeroom teacher reads the mark only.
		const t = await gridOf(as.teacher, c6a1, toan);
		const gk6 = col(t, 'GK');
		const cell = t.rows[1].cells[gk6];
		const put = await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId: toan, cells: [{ columnId: gk6, learnerId: t.rows[1].learner.id, value: cell.text, version: cell.version, comment: 'Làm bài cẩn thận.' }] });
		expect(put.status).toBe(200);
		const html = await (await as.homeroom.get(`/gradebook/${c6a1}/${toan}?term=1&comment=${gk6}:${t.rows[1].learner.id}`)).text();
		expect(rowHtml(html, t.rows[1].learner.id)).toContain('title="Nhận xét: Làm bài cẩn thận."');
		expect(html).not.toMatch(/href="[^"]*comment=/);
		expect(html).not.toContain('id="comment-form"');
		const post = await as.homeroom.form(`/gradebook/${c6a1}/${toan}?/comment&term=1`, { columnId: gk6, learnerId: t.rows[1].learner.id, version: String(cell.version + 1), comment: 'Sửa hộ.' });
		expect(post.status).toBe(403);
	});
});
