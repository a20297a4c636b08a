/**
 * Class results across subjects (TT22/2021 Điều 8–9, 12–15) and the homeroom teacher's conduct
 * assessment, through the HTTP API on a real database (demo school THCS Bình Yên).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, subjects } from '#lib/server/organisations/schema';
import { persons } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
const as: Record<string, Client> = {};
let c6a1: string, c6a2: string;
let subs: { id: string; code: string }[];
const SCORED = ['TOAN', 'KHTN', 'TIN', 'CN', 'VAN', 'ANH', 'LSDL', 'GDCD'];

type Grid = { columns: { id: string; kind: string; label: string }[]; rows: { learner: { id: string }; cells: Record<string, { version: number }> }[] };
type Outcome = { status: string; kind: string; average?: number; result?: string; text: string };
type Results = {
	subjects: { id: string; code: string }[];
	rows: { learner: { id: string }; subjects: Record<string, Outcome>; learning: { level: string } | null; conduct: string | null; conductVersion: number; promotion?: unknown; award?: string | null }[];
	summary: Record<string, number>;
};

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'parent']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	subs = await app.db.select({ id: subjects.id, code: subjects.code }).from(subjects).where(eq(subjects.schoolId, thcs.id));
	// The math teacher is given every subject of 6A2 here, so one client can fill a whole report.
	const [t] = await app.db.select().from(persons).where(eq(persons.staffCode, 'GV-BY-002'));
	for (const code of [...SCORED, 'GDTC']) {
		const res = await as.leader.post('/api/v1/teaching-assignments', { classId: c6a2, subjectId: sub(code), teacherId: t.id });
		expect(res.status).toBe(201);
	}
});
afterAll(() => app?.close());

const sub = (code: string) => subs.find((s) => s.code === code)!.id;

/** Fills one learner's whole term in a subject: every TX, GK and CK get `value`. */
async function fill(classId: string, code: string, term: 1 | 2, learnerIndex: number, value: string | number) {
	const g: Grid = await (await as.teacher.get(`/api/v1/gradebook/grid?classId=${classId}&subjectId=${sub(code)}&term=${term}`)).json();
	const row = g.rows[learnerIndex];
	const res = await as.teacher.put('/api/v1/gradebook/scores', {
		classId,
		subjectId: sub(code),
		cells: g.columns.map((c) => ({ columnId: c.id, learnerId: row.learner.id, value, version: row.cells[c.id].version }))
	});
	expect(res.status).toBe(200);
	return row.learner.id;
}
const results = async (who: Client, classId: string, period: string): Promise<Results> => {
	const res = await who.get(`/api/v1/gradebook/results?classId=${classId}&period=${period}`);
	expect(res.status).toBe(200);
	return res.json();
};

describe('learning result per term (TT22 Điều 9)', () => {
	it('is Tốt with every scored subject ≥ 8 and the comment subject Đạt; incomplete while a subject is missing', async () => {
		let learner = '';
		for (const code of SCORED) learner = await fill(c6a2, code, 1, 0, 8.5);
		await fill(c6a2, 'GDTC', 1, 0, 'Đ');
		const r = await results(as.leader, c6a2, '1');
		expect(r.subjects.map((s) => s.code).sort()).toEqual([...SCORED, 'GDTC'].sort());
		const row = r.rows.find((x) => x.learner.id === learner)!;
		expect(row.learning).toMatchObject({ level: 'tot' });
		expect(row.subjects[sub('TOAN')]).toMatchObject({ status: 'complete', kind: 'scored', average: 8.5, text: '8,5' });
		expect(row.subjects[sub('GDTC')]).toMatchObject({ status: 'complete', kind: 'comment', result: 'dat', text: 'Đ' });
		expect(r.rows.filter((x) => x.learner.id !== learner).every((x) => x.learning === null)).toBe(true);
		expect(r.summary).toMatchObject({ tot: 1, incomplete: r.rows.length - 1 });
	});

	it('drops to Khá when one subject is under 6,5, and Chưa đạt for a comment subject at Chưa đạt with a subject under 3,5', async () => {
		for (const code of SCORED) await fill(c6a2, code, 1, 1, code === 'ANH' ? 6.4 : 8);
		const learner = await fill(c6a2, 'GDTC', 1, 1, 'Đ');
		let row = (await results(as.leader, c6a2, '1')).rows.find((x) => x.learner.id === learner)!;
		expect(row.learning!.level).toBe('kha');
		for (const code of SCORED) await fill(c6a2, code, 1, 2, code === 'ANH' ? 3 : 6);
		const other = await fill(c6a2, 'GDTC', 1, 2, 'CĐ');
		row = (await results(as.leader, c6a2, '1')).rows.find((x) => x.learner.id === other)!;
		expect(row.learning!.level).toBe('chua_dat');
	});

	it('gives the year average (HK I + 2·HK II)/3 and the comment subject its HK II result', async () => {
		for (const code of SCORED) await fill(c6a2, code, 2, 0, code === 'TOAN' ? 7 : 9);
		const learner = await fill(c6a2, 'GDTC', 2, 0, 'Đ');
		const row = (await results(as.leader, c6a2, 'year')).rows.find((x) => x.learner.id === learner)!;
		// Toán: (8,5 + 2·7)/3 = 7,5; others (8,5 + 2·9)/3 = 8,83… → 8,8
		expect(row.subjects[sub('TOAN')]).toMatchObject({ average: 7.5, text: '7,5' });
		expect(row.subjects[sub('VAN')]).toMatchObject({ average: 8.8, text: '8,8' });
		expect(row.learning!.level).toBe('tot');
		expect(row.promotion).toBeNull(); // no conduct assessed in 6A2 yet
	});

	it('takes a re-assessment only for a subject under 5,0 for the year, even when the year is locked, and the result replaces it', async () => {
		for (const code of SCORED) await fill(c6a2, code, 2, 2, code === 'ANH' ? 3 : 6);
		const learner = await fill(c6a2, 'GDTC', 2, 2, 'Đ');
		let row = (await results(as.leader, c6a2, 'year')).rows.find((x) => x.learner.id === learner)!;
		expect(row.subjects[sub('ANH')]).toMatchObject({ average: 3, text: '3,0' });
		expect(row.learning!.level).toBe('chua_dat');
		const [thcsYear] = await app.db.select({ id: classes.schoolYearId }).from(classes).where(eq(classes.id, c6a2));
		expect((await as.leader.post('/api/v1/gradebook/locks', { schoolYearId: thcsYear.id, term: 2, classId: c6a2 })).status).toBe(201);
		const col = await as.teacher.post('/api/v1/gradebook/retake-columns', { classId: c6a2, subjectId: sub('ANH') });
		expect(col.status).toBe(201);
		const retake = (await col.json()) as { id: string; label: string };
		expect(retake.label).toBe('KT lại');
		const first = (await results(as.leader, c6a2, '1')).rows[0].learner.id;
		const notDue = await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a2, subjectId: sub('ANH'), cells: [{ columnId: retake.id, learnerId: first, value: 7, version: 0 }] });
		expect(notDue.status).toBe(400);
		expect((await notDue.json()).error.message).toBe('Học sinh không phải kiểm tra lại môn này (chỉ môn có điểm trung bình cả năm dưới 5,0 hoặc Chưa đạt).');
		const ok = await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a2, subjectId: sub('ANH'), cells: [{ columnId: retake.id, learnerId: learner, value: 5.5, version: 0 }] });
		expect(ok.status).toBe(200);
		row = (await results(as.leader, c6a2, 'year')).rows.find((x) => x.learner.id === learner)!;
		expect(row.subjects[sub('ANH')]).toMatchObject({ average: 5.5 });
		expect(row.learning!.level).toBe('dat');
	});

	it('follows the school’s reading of the unconfirmed rules (settings): a miss without force majeure, and fewer than 6 scored subjects', async () => {
		const [thcs] = await app.db.select({ id: classes.schoolId }).from(classes).where(eq(classes.id, c6a1));
		const setting = (key: string, value: string) => as.leader.put(`/api/v1/settings/${key}`, { scope: thcs.id, value });
		// 6A1 studies three scored subjects (Toán, Ngữ văn, KHTN), all at 9 for this learner in term 1.
		const g = (await (await as.homeroom.get(`/api/v1/gradebook/results?classId=${c6a1}&period=1`)).json()) as Results;
		const learner = g.rows[5].learner.id;
		const teacherOf: Record<string, Client> = { TOAN: as.teacher, VAN: as.homeroom, KHTN: await app.loginAs('grouphead') };
		for (const code of ['TOAN', 'VAN', 'KHTN']) {
			const grid: Grid = await (await teacherOf[code].get(`/api/v1/gradebook/grid?classId=${c6a1}&subjectId=${sub(code)}&term=1`)).json();
			const row = grid.rows.find((r) => r.learner.id === learner)!;
			const res = await teacherOf[code].put('/api/v1/gradebook/scores', {
				classId: c6a1,
				subjectId: sub(code),
				cells: grid.columns.map((c) => ({ columnId: c.id, learnerId: learner, value: code === 'TOAN' && c.label === 'CK' ? null : 9, version: row.cells[c.id].version, ...(code === 'TOAN' && c.label === 'CK' ? { missedReason: 'other' } : {}) }))
			});
			expect(res.status).toBe(200);
		}
		const rowOf = async () => (await results(as.homeroom, c6a1, '1')).rows.find((x) => x.learner.id === learner)!;
		// Defaults: the missed CK counts 0 → Toán (36 + 18 + 0)/9 = 6,0; fewer than 6 subjects read literally → Chưa đạt.
		let row = await rowOf();
		expect(row.subjects[sub('TOAN')]).toMatchObject({ status: 'complete', average: 6 });
		expect(row.learning!.level).toBe('chua_dat');
		expect((await setting('gradebook.fewerThanSixScoredSubjects', 'all_scored')).status).toBe(200);
		row = await rowOf();
		// "At least 6" read as "all three": not Tốt nor Khá (Toán 6,0 < 6,5), but Đạt (all ≥ 5, none < 3,5).
		expect(row.learning!.level).toBe('dat');
		expect((await setting('gradebook.missedWithoutForceMajeure', 'pending')).status).toBe(200);
		row = await rowOf();
		expect(row.subjects[sub('TOAN')].status).toBe('incomplete');
		expect(row.learning).toBeNull();
		for (const key of ['gradebook.fewerThanSixScoredSubjects', 'gradebook.missedWithoutForceMajeure'])
			expect((await as.leader.delete(`/api/v1/settings/${key}?scope=${thcs.id}`)).status).toBe(204);
	});

	it('is read by the school leader and the GVCN, not by a subject teacher or a parent', async () => {
		expect((await as.homeroom.get(`/api/v1/gradebook/results?classId=${c6a1}&period=1`)).status).toBe(200);
		expect((await as.homeroom.get(`/api/v1/gradebook/results?classId=${c6a2}&period=1`)).status).toBe(404);
		expect((await as.teacher.get(`/api/v1/gradebook/results?classId=${c6a1}&period=1`)).status).toBe(404);
		expect((await as.parent.get(`/api/v1/gradebook/results?classId=${c6a1}&period=1`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/gradebook/results?classId=${c6a1}&period=3`)).status).toBe(400);
	});
});

describe('conduct (TT22 Điều 8)', () => {
	it('is assessed per term by the homeroom teacher and derived for the year', async () => {
		const r = await results(as.homeroom, c6a1, '1');
		const [a, b] = r.rows;
		let res = await as.homeroom.put('/api/v1/gradebook/conduct', {
			classId: c6a1,
			term: 1,
			rows: [
				{ learnerId: a.learner.id, level: 'tot', comment: 'Chăm ngoan, lễ phép.', version: 0 },
				{ learnerId: b.learner.id, level: 'dat', comment: '', version: 0 }
			]
		});
		expect(res.status).toBe(200);
		expect((await res.json()).rows[0]).toMatchObject({ level: 'tot', version: 1 });
		res = await as.homeroom.put('/api/v1/gradebook/conduct', {
			classId: c6a1,
			term: 2,
			rows: [
				{ learnerId: a.learner.id, level: 'kha', comment: '', version: 0 },
				{ learnerId: b.learner.id, level: 'tot', comment: '', version: 0 }
			]
		});
		expect(res.status).toBe(200);
		const year = await results(as.homeroom, c6a1, 'year');
		// HK I Tốt, HK II Khá → Khá; HK I Đạt, HK II Tốt → Khá (HK II Tốt and HK I Đạt).
		expect(year.rows.find((x) => x.learner.id === a.learner.id)!.conduct).toBe('kha');
		expect(year.rows.find((x) => x.learner.id === b.learner.id)!.conduct).toBe('kha');
		const audits = await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'conduct_assessment'));
		expect(audits).toHaveLength(4);
	});

	it('refuses a stale version (409), an unknown level (400) and anyone but the GVCN (403)', async () => {
		const r = await results(as.homeroom, c6a1, '1');
		const a = r.rows[0];
		expect(a.conductVersion).toBe(1);
		const stale = await as.homeroom.put('/api/v1/gradebook/conduct', { classId: c6a1, term: 1, rows: [{ learnerId: a.learner.id, level: 'dat', comment: '', version: 0 }] });
		expect(stale.status).toBe(409);
		const bad = await as.homeroom.put('/api/v1/gradebook/conduct', { classId: c6a1, term: 1, rows: [{ learnerId: a.learner.id, level: 'gioi', comment: '', version: 1 }] });
		expect(bad.status).toBe(400);
		const twice = await as.homeroom.put('/api/v1/gradebook/conduct', {
			classId: c6a1,
			term: 1,
			rows: [
				{ learnerId: a.learner.id, level: 'dat', comment: '', version: 1 },
				{ learnerId: a.learner.id, level: 'kha', comment: '', version: 1 }
			]
		});
		expect(twice.status).toBe(400);
		expect((await twice.json()).error.details.issues).toEqual([{ path: 'rows.1', message: 'Ô điểm này xuất hiện hai lần.' }]);
		expect((await as.teacher.put('/api/v1/gradebook/conduct', { classId: c6a1, term: 1, rows: [{ learnerId: a.learner.id, level: 'dat', comment: '', version: 1 }] })).status).toBe(404);
		expect((await as.leader.put('/api/v1/gradebook/conduct', { classId: c6a1, term: 1, rows: [{ learnerId: a.learner.id, level: 'dat', comment: '', version: 1 }] })).status).toBe(403);
	});
});
