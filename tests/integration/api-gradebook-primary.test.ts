/**
 * Primary school (TT27/2020) through the HTTP API: a grade-5 class of the demo's Tiểu học Hoa Sữa,
 * its teacher set up by the administrator, subject levels T/H/C with integer tests, the 15
 * qualities and competencies, and the year-end result (Điều 9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { primaryTeacherOf5A } from '../helpers/primary';
import { classes } from '#lib/server/organisations/schema';
import { QUALITIES_AND_COMPETENCIES } from '#lib/server/gradebook/rules';

let app: TestApp;
let gv: Client;
let c5a: string, c5aPupils: string[];
const subjectIds: Record<string, string> = {};
const SUBJECTS = ['Tiếng Việt', 'Toán', 'Tiếng Anh', 'Tin học và Công nghệ', 'Lịch sử và Địa lí', 'Khoa học', 'Đạo đức'];

type Grid = { columns: { id: string; label: string; valueType: string }[]; rows: { learner: { id: string }; cells: Record<string, { version: number }> }[] };

beforeAll(async () => {
	app = await startApp();
	const t = await primaryTeacherOf5A(app, SUBJECTS);
	[c5a, gv] = [t.classId, t.client];
	Object.assign(subjectIds, t.subjectIds);
	c5aPupils = ((await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Toán']}&term=2`)).json()) as Grid).rows.map((r) => r.learner.id);
});
afterAll(() => app?.close());

/** Cuối năm for one pupil: the level and, where TT27 tests the subject in grade 5, the test score. */
async function endOfYear(pupil: string, name: string, level: string, test: number | string | null) {
	const g: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds[name]}&term=2`)).json();
	const row = g.rows.find((r) => r.learner.id === pupil)!;
	const cells = g.columns
		.filter((c) => c.label === 'CK' || c.label === 'KT CK')
		.map((c) => ({ columnId: c.id, learnerId: pupil, value: c.valueType === 'level' ? level : test, version: row.cells[c.id].version }));
	return gv.put('/api/v1/gradebook/scores', { classId: c5a, subjectId: subjectIds[name], cells });
}
const rateAll = (pupil: string, level: string, version = 0) =>
	gv.put('/api/v1/gradebook/qualities', { classId: c5a, point: 4, rows: QUALITIES_AND_COMPETENCIES.map((code) => ({ learnerId: pupil, code, level, version })) });

describe('the primary grid (TT27 Điều 7)', () => {
	it('has levels at mid-term and end of term, and integer tests only where grade 5 is tested', async () => {
		const toan: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Toán']}&term=1`)).json();
		expect(toan.columns.map((c) => `${c.label}:${c.valueType}`)).toEqual(['GK:level', 'KT GK:integer', 'CK:level', 'KT CK:integer']);
		const khoaHoc: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Khoa học']}&term=1`)).json();
		expect(khoaHoc.columns.map((c) => c.label)).toEqual(['GK', 'CK', 'KT CK']);
		const daoDuc: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Đạo đức']}&term=1`)).json();
		expect(daoDuc.columns.map((c) => c.label)).toEqual(['GK', 'CK']);
	});

	it('takes whole test scores only, and T/H/C levels', async () => {
		const res = await endOfYear(c5aPupils[0], 'Toán', 'T', '8,5');
		expect(res.status).toBe(400);
		expect((await res.json()).error.details.cells[0].message).toBe('Điểm bài kiểm tra tiểu học là số nguyên từ 0 đến 10.');
		const bad = await endOfYear(c5aPupils[0], 'Toán', 'X', 9);
		expect(bad.status).toBe(400);
	});
});

describe('comments per subject (TT27 Điều 6–7)', () => {
	it('keeps the teacher’s comment with the level, changes it alone with a new version, and keeps both in the history', async () => {
		const g: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Tiếng Việt']}&term=1`)).json();
		const gk = g.columns.find((c) => c.label === 'GK')!.id;
		const pupil = c5aPupils[3];
		let res = await gv.put('/api/v1/gradebook/scores', { classId: c5a, subjectId: subjectIds['Tiếng Việt'], cells: [{ columnId: gk, learnerId: pupil, value: 'H', comment: 'Đọc to, rõ ràng; cần luyện viết đúng chính tả.', version: 0 }] });
		expect(res.status).toBe(200);
		res = await gv.put('/api/v1/gradebook/scores', { classId: c5a, subjectId: subjectIds['Tiếng Việt'], cells: [{ columnId: gk, learnerId: pupil, value: 'H', comment: 'Đọc to, rõ ràng; viết tiến bộ.', version: 1 }] });
		expect(res.status).toBe(200);
		expect((await res.json()).cells[0]).toMatchObject({ value: 'H', version: 2 });
		const after = (await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Tiếng Việt']}&term=1`)).json()) as { rows: { learner: { id: string }; cells: Record<string, { comment: string }> }[] };
		expect(after.rows.find((r) => r.learner.id === pupil)!.cells[gk].comment).toBe('Đọc to, rõ ràng; viết tiến bộ.');
		const hist = await (await gv.get(`/api/v1/gradebook/history?columnId=${gk}&learnerId=${pupil}`)).json();
		expect(hist.items.map((h: { after: { comment?: string } }) => h.after.comment)).toEqual(['Đọc to, rõ ràng; cần luyện viết đúng chính tả.', 'Đọc to, rõ ràng; viết tiến bộ.']);
	});
});

describe('qualities and competencies (TT27 Điều 7 khoản 2)', () => {
	it('are rated by the homeroom teacher, versioned, and refused with a message when unknown', async () => {
		const res = await rateAll(c5aPupils[0], 'tot');
		expect(res.status).toBe(200);
		expect((await res.json()).rows).toHaveLength(15);
		const read = await (await gv.get(`/api/v1/gradebook/qualities?classId=${c5a}&point=4`)).json();
		expect(read.rows.find((r: { learner: { id: string } }) => r.learner.id === c5aPupils[0]).ratings.trung_thuc).toEqual({ level: 'tot', version: 1 });
		expect((await rateAll(c5aPupils[0], 'dat', 0)).status).toBe(409);
		const bad = await gv.put('/api/v1/gradebook/qualities', { classId: c5a, point: 4, rows: [{ learnerId: c5aPupils[0], code: 'thong_minh', level: 'gioi', version: 1 }] });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.details.issues.map((i: { message: string }) => i.message)).toEqual(['Không có phẩm chất hay năng lực này.', 'Mức đánh giá là Tốt, Đạt hoặc Cần cố gắng.']);
		const leader = await app.loginAs('leader'); // leads THCS Bình Yên, not this school
		expect((await leader.get(`/api/v1/gradebook/qualities?classId=${c5a}&point=4`)).status).toBe(404);
	});

	it('are only for primary classes', async () => {
		const [c6a1] = await app.db.select().from(classes).where(eq(classes.name, '6A1'));
		const homeroom = await app.loginAs('homeroom');
		const res = await homeroom.put('/api/v1/gradebook/qualities', { classId: c6a1.id, point: 4, rows: [{ learnerId: c5aPupils[0], code: 'trung_thuc', level: 'tot', version: 0 }] });
		expect(res.status).toBe(400);
	});
});

describe('the year-end result (TT27 Điều 9)', () => {
	it('is Hoàn thành xuất sắc with every subject T, every quality Tốt and every test ≥ 9', async () => {
		const pupil = c5aPupils[0];
		for (const name of SUBJECTS) expect((await endOfYear(pupil, name, 'T', 9)).status).toBe(200);
		const r = await (await gv.get(`/api/v1/gradebook/results?classId=${c5a}&period=year`)).json();
		const row = r.rows.find((x: { learner: { id: string } }) => x.learner.id === pupil);
		expect(row.primaryResult).toEqual({ status: 'complete', result: 'htxs' });
		expect(row.primarySubjects[subjectIds['Toán']]).toEqual({ level: 'T', test: 9 });
	});

	it('is Hoàn thành tốt with a test of 8, Hoàn thành with a subject at H, and incomplete while something is missing', async () => {
		const pupil = c5aPupils[0];
		await endOfYear(pupil, 'Khoa học', 'T', 8);
		let row = (await (await gv.get(`/api/v1/gradebook/results?classId=${c5a}&period=year`)).json()).rows.find((x: { learner: { id: string } }) => x.learner.id === pupil);
		expect(row.primaryResult.result).toBe('htt');
		await endOfYear(pupil, 'Đạo đức', 'H', null);
		row = (await (await gv.get(`/api/v1/gradebook/results?classId=${c5a}&period=year`)).json()).rows.find((x: { learner: { id: string } }) => x.learner.id === pupil);
		expect(row.primaryResult.result).toBe('ht');
		const other = (await (await gv.get(`/api/v1/gradebook/results?classId=${c5a}&period=year`)).json()).rows.find((x: { learner: { id: string } }) => x.learner.id === c5aPupils[1]);
		expect(other.primaryResult.status).toBe('incomplete');
		expect(other.primaryResult.missingLevels).toHaveLength(SUBJECTS.length);
		expect(other.primaryResult.missingQualities).toHaveLength(15);
	});
});
