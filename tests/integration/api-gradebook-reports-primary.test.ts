/**
 * Report cards and summaries of a primary class (TT27/2020) through the HTTP API: the demo's
 * Tiểu học Hoa Sữa, class 5A (8 pupils), its homeroom teacher set up by the administrator.
 * Four pupils get a full year, one for each result of Điều 9; the other four have nothing yet:
 *  - A: every subject T, tests 9 except Khoa học 8, every quality Tốt → Hoàn thành tốt
 *  - B: every subject T, tests 9, except Đạo đức H; one quality Đạt   → Hoàn thành
 *  - C: every subject T, tests 10, every quality Tốt                  → Hoàn thành xuất sắc
 *  - D: Toán C with test 4, the others H with tests 6, qualities Đạt  → Chưa hoàn thành
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, terms } from '#lib/server/organisations/schema';
import { attendance } from '#lib/server/gradebook/schema';
import { QUALITIES_AND_COMPETENCIES } from '#lib/server/gradebook/rules';

let app: TestApp;
let admin: Client, gv: Client;
let schoolId: string, yearId: string, c5a: string;
let pupils: { id: string; name: string }[];
const subjectIds: Record<string, string> = {};
const SUBJECTS = ['Tiếng Việt', 'Toán', 'Tiếng Anh', 'Tin học và Công nghệ', 'Lịch sử và Địa lí', 'Khoa học', 'Đạo đức'];

type Grid = { columns: { id: string; label: string; valueType: string }[]; rows: { learner: { id: string; name: string }; cells: Record<string, { version: number }> }[] };

/** Cuối năm in one subject for several pupils at once: the level, and the test score where the grid has one. */
async function endOfYear(name: string, values: Record<string, [string, number]>) {
	const g: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds[name]}&term=2`)).json();
	const cells = g.rows
		.filter((r) => values[r.learner.id])
		.flatMap((r) =>
			g.columns
				.filter((c) => c.label === 'CK' || c.label === 'KT CK')
				.map((c) => ({ columnId: c.id, learnerId: r.learner.id, value: c.valueType === 'level' ? values[r.learner.id][0] : values[r.learner.id][1], version: r.cells[c.id].version }))
		);
	const res = await gv.put('/api/v1/gradebook/scores', { classId: c5a, subjectId: subjectIds[name], cells });
	expect(res.status).toBe(200);
}

async function rate(pupil: string, level: (code: string, i: number) => string) {
	const res = await gv.put('/api/v1/gradebook/qualities', { classId: c5a, point: 4, rows: QUALITIES_AND_COMPETENCIES.map((code, i) => ({ learnerId: pupil, code, level: level(code, i), version: 0 })) });
	expect(res.status).toBe(200);
}

async function pdfPages(res: Response): Promise<string[]> {
	const bytes = new Uint8Array(await res.arrayBuffer());
	const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
	return (text as string[]).map((t) => t.replace(/\s+/g, ' '));
}

beforeAll(async () => {
	app = await startApp();
	admin = await app.loginAs('admin');
	const [school] = await app.db.select().from(schools).where(eq(schools.code, 'TH-HOASUA'));
	schoolId = school.id;
	const [cls] = await app.db.select().from(classes).where(and(eq(classes.schoolId, school.id), eq(classes.name, '5A')));
	c5a = cls.id;
	yearId = cls.schoolYearId;
	const person = await (await admin.post('/api/v1/people', { kind: 'staff', familyName: 'Lê', middleName: 'Thu', givenName: 'Hà', schoolId: school.id, staffCode: 'GV-HS-001' })).json();
	for (const [role, scopeType, scopeId] of [['teacher', 'school', school.id], ['homeroom_teacher', 'class', c5a]])
		expect((await admin.post(`/api/v1/people/${person.id}/roles`, { role, scopeType, scopeId })).status).toBe(201);
	expect((await admin.post(`/api/v1/people/${person.id}/account`, { username: 'gv-hoasua', password: 'mat-khau-1' })).status).toBe(201);
	for (const [i, name] of SUBJECTS.entries()) {
		const s = await (await admin.post('/api/v1/subjects', { schoolId: school.id, code: `S${i}`, name, periodsPerYear: 70 })).json();
		subjectIds[name] = s.id;
		expect((await admin.post('/api/v1/teaching-assignments', { classId: c5a, subjectId: s.id, teacherId: person.id })).status).toBe(201);
	}
	gv = await app.loginAs('gv-hoasua', 'mat-khau-1');
	const g: Grid = await (await gv.get(`/api/v1/gradebook/grid?classId=${c5a}&subjectId=${subjectIds['Toán']}&term=2`)).json();
	pupils = g.rows.map((r) => r.learner);
	const [a, b, c, d] = pupils.map((p) => p.id);
	for (const name of SUBJECTS)
		await endOfYear(name, {
			[a]: ['T', name === 'Khoa học' ? 8 : 9],
			[b]: [name === 'Đạo đức' ? 'H' : 'T', 9],
			[c]: ['T', 10],
			[d]: [name === 'Toán' ? 'C' : 'H', name === 'Toán' ? 4 : 6]
		});
	await rate(a, () => 'tot');
	await rate(b, (_, i) => (i === 0 ? 'dat' : 'tot'));
	await rate(c, () => 'tot');
	await rate(d, () => 'dat');
	// A's homeroom comment for term 1, and one excused absence in term 2.
	expect((await gv.put('/api/v1/gradebook/conduct', { classId: c5a, term: 1, rows: [{ learnerId: a, level: null, comment: 'Em chăm học, viết chữ đẹp.', version: 0 }] })).status).toBe(200);
	const [t2] = await app.db.select().from(terms).where(and(eq(terms.schoolYearId, yearId), eq(terms.number, 2)));
	await app.db.insert(attendance).values({ schoolId, classId: c5a, learnerId: a, on: t2.startsOn, status: 'excused' });
});
afterAll(() => app?.close());

describe('a primary pupil’s report card (phiếu báo kết quả giáo dục, TT27)', () => {
	it('prints every subject’s level in words with its test score, the year’s result and the qualities, and no conduct', async () => {
		const res = await gv.get(`/api/v1/gradebook/report-cards/${pupils[0].id}.pdf?period=year`);
		expect(res.status).toBe(200);
		const pages = await pdfPages(res);
		expect(pages).toHaveLength(1);
		const text = pages[0];
		expect(text).toContain('TRƯỜNG TIỂU HỌC HOA SỮA');
		expect(text).toContain('PHIẾU BÁO KẾT QUẢ GIÁO DỤC');
		expect(text).toContain('Cả năm học - Năm học');
		expect(text).toContain(pupils[0].name);
		expect(text).toContain('Lớp: 5A');
		expect(text).toContain('Môn học và hoạt động giáo dục Mức đạt được Điểm KT');
		expect(text).toMatch(/Toán Hoàn thành tốt 9\b/);
		expect(text).toMatch(/Khoa học Hoàn thành tốt 8\b/);
		expect(text).toMatch(/Đạo đức Hoàn thành tốt (?!\d)/); // no test in Đạo đức
		expect(text).toContain('Phẩm chất, năng lực: Tốt 15, Đạt 0, Cần cố gắng 0');
		expect(text).toContain('Số buổi nghỉ học: 1 (có phép: 1; không phép: 0)');
		expect(text).toContain('Kết quả giáo dục cả năm: Hoàn thành tốt');
		expect(text).not.toContain('Kết quả rèn luyện');
		expect(text).not.toContain('Kết quả học tập');
		expect(text).not.toContain('Chưa đủ điểm');
		expect(text).not.toContain('Danh hiệu');
		expect(text).toContain('GIÁO VIÊN CHỦ NHIỆM');
	});

	it('says Hoàn thành for a subject at H, and each result of Điều 9 in words', async () => {
		const page = async (i: number) => (await pdfPages(await gv.get(`/api/v1/gradebook/report-cards/${pupils[i].id}.pdf?period=year`)))[0];
		const b = await page(1);
		expect(b).toMatch(/Đạo đức Hoàn thành(?! tốt)/);
		expect(b).toContain('Phẩm chất, năng lực: Tốt 14, Đạt 1, Cần cố gắng 0');
		expect(b).toMatch(/Kết quả giáo dục cả năm: Hoàn thành(?! tốt| xuất sắc)/);
		expect(await page(2)).toContain('Kết quả giáo dục cả năm: Hoàn thành xuất sắc');
		const d = await page(3);
		expect(d).toMatch(/Toán Chưa hoàn thành 4\b/);
		expect(d).toMatch(/Tiếng Việt Hoàn thành 6\b/);
		expect(d).toContain('Kết quả giáo dục cả năm: Chưa hoàn thành');
	});

	it('for term 1 has no year result, dashes for levels not given, and the homeroom comment', async () => {
		const [text] = await pdfPages(await gv.get(`/api/v1/gradebook/report-cards/${pupils[0].id}.pdf?period=1`));
		expect(text).toContain('Học kì I - Năm học');
		expect(text).toMatch(/Toán —/);
		expect(text).not.toContain('Kết quả giáo dục cả năm');
		expect(text).not.toContain('Phẩm chất, năng lực'); // no ratings at cuối HK I
		expect(text).toContain('Em chăm học, viết chữ đẹp.');
	});

	it('prints the whole class, a page each, “Chưa đủ kết quả” where the year is incomplete', async () => {
		const res = await gv.get(`/api/v1/gradebook/report-cards.pdf?classId=${c5a}&period=year`);
		expect(res.status).toBe(200);
		const pages = await pdfPages(res);
		expect(pages).toHaveLength(8);
		expect(pages.filter((t) => t.includes('Kết quả giáo dục cả năm: Chưa đủ kết quả'))).toHaveLength(4);
		expect(pages.every((t) => t.includes('PHIẾU BÁO KẾT QUẢ GIÁO DỤC'))).toBe(true);
	});
});

type Count = { count: number; share: number };
type Summary = {
	learners: number;
	sections: { secondary: boolean; primary: boolean };
	subjects: unknown[];
	classes: { name: string; stage: string; primaryResults: Record<string, Count> | null }[];
	primary: { learners: number; results: Record<string, Count> | null; subjects: { name: string; learners: number; levels: Record<string, Count> }[] } | null;
};

describe('the summary of primary classes', () => {
	const url = (extra: string, ext = '', period = 'year', school = schoolId, year = yearId) => `/api/v1/gradebook/summary${ext}?schoolId=${school}&schoolYearId=${year}&period=${period}${extra}`;
	const counts = (r: Record<string, Count>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.count]));

	it('counts 5A’s year results (Điều 9) and each subject’s levels T/H/C', async () => {
		const res = await gv.get(url(`&classId=${c5a}`));
		expect(res.status).toBe(200);
		const s: Summary = await res.json();
		expect(s.learners).toBe(8);
		expect(s.sections).toEqual({ secondary: false, primary: true });
		expect(s.subjects).toEqual([]);
		expect(s.primary!.learners).toBe(8);
		expect(counts(s.primary!.results!)).toEqual({ htxs: 1, htt: 1, ht: 1, cht: 1, none: 4 });
		expect(s.primary!.results!.htxs.share).toBe(12.5);
		const subject = (name: string) => s.primary!.subjects.find((x) => x.name === name)!;
		expect(subject('Toán').learners).toBe(8);
		expect(counts(subject('Toán').levels)).toEqual({ T: 3, H: 0, C: 1, none: 4 });
		expect(counts(subject('Đạo đức').levels)).toEqual({ T: 2, H: 2, C: 0, none: 4 });
		expect(subject('Toán').levels.T.share).toBe(37.5);
		expect(s.classes).toMatchObject([{ name: '5A', stage: 'primary', primaryResults: { cht: { count: 1 } } }]);
	});

	it('has no year result for a term, only the levels of cuối HK I (none given yet)', async () => {
		const s: Summary = await (await gv.get(url(`&classId=${c5a}`, '', '1'))).json();
		expect(s.primary!.results).toBeNull();
		expect(counts(s.primary!.subjects.find((x) => x.name === 'Toán')!.levels)).toEqual({ T: 0, H: 0, C: 0, none: 8 });
	});

	it('sums the whole primary school, and keeps both stages apart in a multi-level school', async () => {
		const s: Summary = await (await admin.get(url(''))).json();
		expect(s.classes.map((c) => c.name)).toEqual(['1A', '5A']);
		expect(s.learners).toBe(16);
		expect(counts(s.primary!.results!)).toEqual({ htxs: 1, htt: 1, ht: 1, cht: 1, none: 12 });
		const [lc] = await app.db.select().from(schools).where(eq(schools.code, 'LC-SAOMAI'));
		const [lcClass] = await app.db.select().from(classes).where(eq(classes.schoolId, lc.id));
		const mixed: Summary = await (await admin.get(url('', '', 'year', lc.id, lcClass.schoolYearId))).json();
		expect(mixed.sections).toEqual({ secondary: true, primary: true });
		expect(mixed.classes.map((c) => `${c.name}:${c.stage}`)).toEqual(['3A:primary', '8A:secondary']);
		expect(mixed.primary!.learners).toBe(6);
		expect(mixed.learners).toBe(12);
	});

	it('exports the primary summary as .xlsx: results and subjects by level, with Vietnamese headers', async () => {
		const res = await gv.get(url(`&classId=${c5a}`, '.xlsx'));
		expect(res.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo lớp', 'Theo môn']);
		const values = (name: string) => wb.getWorksheet(name)!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
		const summary = values('Tổng hợp');
		expect(summary[1]).toEqual(['BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC']);
		expect(summary.find((r) => r[0] === 'Mức đánh giá')).toBeUndefined();
		expect(summary.find((r) => r[0] === 'Kết quả giáo dục')).toEqual(['Kết quả giáo dục', 'Số HS', 'Tỉ lệ']);
		expect(summary.find((r) => r[0] === 'Hoàn thành xuất sắc')).toEqual(['Hoàn thành xuất sắc', 1, 12.5]);
		expect(summary.find((r) => r[0] === 'Chưa đủ kết quả')).toEqual(['Chưa đủ kết quả', 4, 50]);
		const bySubject = values('Theo môn');
		expect(bySubject[0]).toEqual(['Môn học', 'Số HS', 'Hoàn thành tốt: SL', 'Hoàn thành tốt: %', 'Hoàn thành: SL', 'Hoàn thành: %', 'Chưa hoàn thành: SL', 'Chưa hoàn thành: %', 'Chưa đánh giá: SL', 'Chưa đánh giá: %']);
		expect(bySubject.find((r) => r[0] === 'Toán')).toEqual(['Toán', 8, 3, 37.5, 0, 0, 1, 12.5, 4, 50]);
		expect(values('Theo lớp')).toEqual([
			['Lớp', 'Khối', 'Sĩ số', 'Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Chưa hoàn thành', 'Chưa đủ kết quả'],
			['5A', 5, 8, 1, 1, 1, 1, 4]
		]);
	});

	it('names the primary sheets apart in a multi-level school’s workbook', async () => {
		const [lc] = await app.db.select().from(schools).where(eq(schools.code, 'LC-SAOMAI'));
		const [lcClass] = await app.db.select().from(classes).where(eq(classes.schoolId, lc.id));
		const res = await admin.get(url('', '.xlsx', 'year', lc.id, lcClass.schoolYearId));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo lớp', 'Theo môn', 'Tiểu học - Theo lớp', 'Tiểu học - Theo môn']);
	});
});

describe('the summary page for a primary class', () => {
	const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

	it('shows the year results and the subjects’ levels instead of learning and conduct levels', async () => {
		const res = await gv.get(`/gradebook/summary?schoolYearId=${yearId}&period=year&classId=${c5a}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('data-testid="primary-results-table"');
		expect(html).toContain('data-testid="primary-subjects-table"');
		expect(html).not.toContain('data-testid="learning-table"');
		expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-describedby="primary-results-table"/);
		const text = textOf(html);
		expect(text).toContain('Lớp 5A');
		expect(text).toContain('Hoàn thành xuất sắc 1 12,5%');
		expect(text).toContain('Chưa đủ kết quả 4 50%');
		expect(text).toMatch(/Toán 3 \(37,5%\) 0 \(0%\) 1 \(12,5%\) 4 \(50%\)/);
		expect(text).not.toContain('Kết quả rèn luyện');
	});

	it('explains that the year result comes at the end of the year when a term is chosen', async () => {
		const text = textOf(await (await gv.get(`/gradebook/summary?schoolYearId=${yearId}&period=1&classId=${c5a}`)).text());
		expect(text).toContain('Kết quả giáo dục được đánh giá vào cuối năm học');
	});
});
