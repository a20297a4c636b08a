/**
 * The gradebook's outputs through the HTTP API on a real database (demo school THCS Bình Yên):
 * report-card PDFs, summaries (JSON, .xlsx and the page) and the grid's .xlsx export/import.
 * `teacher` is given every subject of 6A1 here so one client can fill a learner's whole term;
 * `parent` is the mother of the demo learner (`learner`) in 6A1, whose GVCN is `homeroom`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, subjects, terms } from '#lib/server/organisations/schema';
import { guardianships, persons } from '#lib/server/people/schema';
import { attendance, gradeEntries } from '#lib/server/gradebook/schema';

let app: TestApp;
const as: Record<string, Client> = {};
let schoolId: string, yearId: string, c6a1: string, c6a2: string, child: string, childName: string;
let subs: { id: string; code: string; name: string }[];
const SCORED = ['TOAN', 'KHTN', 'TIN', 'CN', 'VAN', 'ANH', 'LSDL', 'GDCD'];
const sub = (code: string) => subs.find((s) => s.code === code)!.id;

type Grid = { columns: { id: string; label: string }[]; rows: { learner: { id: string; name: string; learnerCode: string }; cells: Record<string, { value: number | string | null; version: number }> }[] };

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'grouphead', 'parent', 'learner']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	schoolId = thcs.id;
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	yearId = cls[0].schoolYearId;
	subs = await app.db.select({ id: subjects.id, code: subjects.code, name: subjects.name }).from(subjects).where(eq(subjects.schoolId, thcs.id));
	const [mother] = await app.db.select().from(persons).where(eq(persons.email, 'parent@sen.test'));
	[{ learnerId: child }] = await app.db.select().from(guardianships).where(eq(guardianships.guardianId, mother.id));
	const [c] = await app.db.select().from(persons).where(eq(persons.id, child));
	childName = [c.familyName, c.middleName, c.givenName].filter(Boolean).join(' ');
	const [t] = await app.db.select().from(persons).where(eq(persons.staffCode, 'GV-BY-002'));
	for (const code of [...SCORED, 'GDTC']) {
		const res = await as.leader.post('/api/v1/teaching-assignments', { classId: c6a1, subjectId: sub(code), teacherId: t.id });
		expect(res.status).toBe(201);
	}
	// The child's whole term 1: every subject 8,5 except Tiếng Anh 7; GDTC Đạt.
	for (const code of [...SCORED, 'GDTC']) await fill(c6a1, code, 1, child, code === 'GDTC' ? 'Đ' : code === 'ANH' ? 7 : 8.5);
	const conduct = await as.homeroom.put('/api/v1/gradebook/conduct', { classId: c6a1, term: 1, rows: [{ learnerId: child, level: 'tot', comment: 'Chăm ngoan, tiến bộ rõ.', version: 0 }] });
	expect(conduct.status).toBe(200);
	// Two excused absences and one unexcused in term 1.
	const [t1] = await app.db.select().from(terms).where(and(eq(terms.schoolYearId, yearId), eq(terms.number, 1)));
	const day = (n: number) => new Date(new Date(t1.startsOn + 'T00:00:00Z').getTime() + n * 86400000).toISOString().slice(0, 10);
	await app.db.insert(attendance).values([
		{ schoolId, classId: c6a1, learnerId: child, on: day(10), status: 'excused' },
		{ schoolId, classId: c6a1, learnerId: child, on: day(11), status: 'excused' },
		{ schoolId, classId: c6a1, learnerId: child, on: day(12), status: 'unexcused' }
	]);
});
afterAll(() => app?.close());

async function grid(who: Client, classId: string, subjectId: string, term = 1): Promise<Grid> {
	const res = await who.get(`/api/v1/gradebook/grid?classId=${classId}&subjectId=${subjectId}&term=${term}`);
	expect(res.status).toBe(200);
	return res.json();
}

/** Fills one learner's whole term in a subject: every TX, GK and CK get `value`. */
async function fill(classId: string, code: string, term: 1 | 2, learnerId: string, value: string | number) {
	const g = await grid(as.teacher, classId, sub(code), term);
	const row = g.rows.find((r) => r.learner.id === learnerId)!;
	const res = await as.teacher.put('/api/v1/gradebook/scores', {
		classId,
		subjectId: sub(code),
		cells: g.columns.map((c) => ({ columnId: c.id, learnerId, value, version: row.cells[c.id].version }))
	});
	expect(res.status).toBe(200);
}

async function pdfText(res: Response): Promise<{ pages: string[]; bytes: Uint8Array }> {
	const bytes = new Uint8Array(await res.arrayBuffer());
	const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
	return { pages: (text as string[]).map((t) => t.replace(/\s+/g, ' ')), bytes };
}

describe('a learner’s report card (phiếu báo kết quả học tập)', () => {
	it('downloads for the parent as a Vietnamese PDF with the right averages, results, conduct, absences and comment', async () => {
		const res = await as.parent.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=1`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const disposition = res.headers.get('content-disposition')!;
		expect(disposition).toMatch(/^attachment; filename="phieu-bao-diem-6a1-[a-z0-9-]+-hk1\.pdf"$/);
		const { pages, bytes } = await pdfText(res);
		expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
		expect(pages).toHaveLength(1);
		const text = pages[0];
		expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
		expect(text).toContain('TRƯỜNG THCS BÌNH YÊN');
		expect(text).toContain('PHIẾU BÁO KẾT QUẢ HỌC TẬP');
		expect(text).toContain('Học kì I - Năm học');
		expect(text).toContain(childName);
		expect(text).toContain('Lớp: 6A1');
		expect(text).toMatch(/Toán 8,5/);
		expect(text).toMatch(/Tiếng Anh 7,0/);
		expect(text).toMatch(/Giáo dục thể chất Đ/);
		expect(text).toContain('Kết quả học tập: Tốt');
		expect(text).toContain('Kết quả rèn luyện: Tốt');
		expect(text).toContain('có phép: 2; không phép: 1');
		expect(text).toContain('Chăm ngoan, tiến bộ rõ.');
		expect(text).toContain('GIÁO VIÊN CHỦ NHIỆM');
		expect(text).toContain('HIỆU TRƯỞNG');
		expect(text).toMatch(/ngày \d\d tháng \d\d năm \d{4}/);
	});

	it('downloads for the learner themselves and the class’s GVCN; the year card says whether scores are still missing', async () => {
		expect((await as.learner.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=1`)).status).toBe(200);
		const res = await as.homeroom.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=year`);
		expect(res.status).toBe(200);
		const [text] = (await pdfText(res)).pages;
		expect(text).toContain('Cả năm học');
		expect(text).toContain('Kết quả học tập: Chưa đủ điểm');
		expect(text).toContain('Kết quả xét lên lớp: Chưa đủ kết quả để xét');
	});

	it('is 404 for a parent asking for another child, a subject teacher, another class’s GVCN and an unknown id; 400 for a bad period', async () => {
		const g = await grid(as.teacher, c6a1, sub('TOAN'));
		const other = g.rows.find((r) => r.learner.id !== child)!.learner.id;
		expect((await as.parent.get(`/api/v1/gradebook/report-cards/${other}.pdf?period=1`)).status).toBe(404);
		expect((await as.learner.get(`/api/v1/gradebook/report-cards/${other}.pdf?period=1`)).status).toBe(404);
		expect((await as.teacher.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=1`)).status).toBe(404);
		expect((await as.grouphead.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=1`)).status).toBe(404);
		const g2 = await grid(as.teacher, c6a2, sub('TOAN'));
		expect((await as.homeroom.get(`/api/v1/gradebook/report-cards/${g2.rows[0].learner.id}.pdf?period=1`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/gradebook/report-cards/not-a-uuid.pdf?period=1`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/gradebook/report-cards/${crypto.randomUUID()}.pdf?period=1`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=3`)).status).toBe(400);
	});
});

describe('a class’s report cards in one PDF', () => {
	it('gives the school leader one page per learner, the child’s with their numbers', async () => {
		const res = await as.leader.get(`/api/v1/gradebook/report-cards.pdf?classId=${c6a1}&period=1`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="phieu-bao-diem-lop-6a1-hk1.pdf"');
		const { pages } = await pdfText(res);
		expect(pages).toHaveLength(12);
		const page = pages.find((t) => t.includes(childName))!;
		expect(page).toMatch(/Toán 8,5/);
		expect(page).toContain('Kết quả học tập: Tốt');
		expect(pages.filter((t) => t.includes('Kết quả học tập: Chưa đủ điểm'))).toHaveLength(11);
	});

	it('is for the GVCN and leaders only: a parent, a subject teacher and another class’s GVCN get 404', async () => {
		expect((await as.homeroom.get(`/api/v1/gradebook/report-cards.pdf?classId=${c6a1}&period=2`)).status).toBe(200);
		expect((await as.parent.get(`/api/v1/gradebook/report-cards.pdf?classId=${c6a1}&period=1`)).status).toBe(404);
		expect((await as.teacher.get(`/api/v1/gradebook/report-cards.pdf?classId=${c6a1}&period=1`)).status).toBe(404);
		expect((await as.homeroom.get(`/api/v1/gradebook/report-cards.pdf?classId=${c6a2}&period=1`)).status).toBe(404);
	});
});

type Count = { count: number; share: number };
type Summary = {
	scope: { level: string; className: string | null };
	learners: number;
	learning: Record<string, Count>;
	conduct: Record<string, Count>;
	classes: { name: string; learners: number }[];
	subjects: { code: string; kind: string; learners: number; bands: Record<string, Count>; pass: Count; incomplete: Count }[];
};

describe('summaries', () => {
	const url = (extra: string, ext = '') => `/api/v1/gradebook/summary${ext}?schoolId=${schoolId}&schoolYearId=${yearId}&period=1${extra}`;

	it('counts a class’s learning and conduct levels and its subjects’ averages by band', async () => {
		const res = await as.homeroom.get(url(`&classId=${c6a1}`));
		expect(res.status).toBe(200);
		const s: Summary = await res.json();
		expect(s.scope).toMatchObject({ level: 'class', className: '6A1' });
		expect(s.learners).toBe(12);
		expect(s.learning.tot).toEqual({ count: 1, share: 8.3 });
		expect(s.learning.none).toEqual({ count: 11, share: 91.7 });
		expect(s.conduct.tot.count).toBe(1);
		expect(s.conduct.none.count).toBe(11);
		const toan = s.subjects.find((x) => x.code === 'TOAN')!;
		expect(toan).toMatchObject({ kind: 'scored', learners: 12 });
		expect(toan.bands.ge80.count).toBe(1);
		expect(toan.incomplete.count).toBe(11);
		expect(s.subjects.find((x) => x.code === 'ANH')!.bands['65to80'].count).toBe(1);
		expect(s.subjects.find((x) => x.code === 'GDTC')).toMatchObject({ kind: 'comment', pass: { count: 1 } });
	});

	it('sums a grade level and the whole school for the leader, and refuses them to a GVCN', async () => {
		const grade: Summary = await (await as.leader.get(url('&grade=6'))).json();
		expect(grade.scope.level).toBe('grade');
		expect(grade.classes.map((c) => c.name)).toEqual(['6A1', '6A2']);
		expect(grade.learners).toBe(22);
		expect(grade.learning.tot.count).toBe(1);
		const school: Summary = await (await as.leader.get(url(''))).json();
		expect(school.scope.level).toBe('school');
		expect(school.classes.map((c) => c.name)).toEqual(['6A1', '6A2', '7A1', '9A1']);
		expect(school.learners).toBe(40);
		expect((await as.homeroom.get(url(''))).status).toBe(404);
		expect((await as.homeroom.get(url(`&classId=${c6a2}`))).status).toBe(404);
		expect((await as.parent.get(url(`&classId=${c6a1}`))).status).toBe(404);
	});

	it('exports the summary as .xlsx with Vietnamese headers', async () => {
		const res = await as.leader.get(url('&grade=6', '.xlsx'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="tong-hop-khoi-6-hk1.xlsx"');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		const ws = wb.getWorksheet('Tổng hợp')!;
		const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
		expect(rows.find((r) => r[0] === 'Mức đánh giá')).toEqual(['Mức đánh giá', 'Học tập: số HS', 'Học tập: tỉ lệ', 'Rèn luyện: số HS', 'Rèn luyện: tỉ lệ']);
		expect(rows.find((r) => r[0] === 'Tốt')!.slice(0, 2)).toEqual(['Tốt', 1]);
		const bySubject = wb.getWorksheet('Theo môn')!;
		const toan = bySubject.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Toán') as unknown[];
		expect(toan[2]).toBe(22);
	});
});

describe('the summary page', () => {
	const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

	it('shows the leader the school with charts, their table equivalents and the downloads', async () => {
		const res = await as.leader.get(`/gradebook/summary?schoolYearId=${yearId}&period=1&classId=${c6a1}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-describedby="learning-table"/);
		expect(html).toContain('id="learning-table"');
		expect(html).toContain(`/api/v1/gradebook/report-cards.pdf?classId=${c6a1}&amp;period=1`);
		expect(html).toContain('/api/v1/gradebook/summary.xlsx?');
		const text = textOf(html);
		expect(text).toContain('Tổng hợp kết quả');
		expect(text).toContain('Lớp 6A1');
		expect(text).toMatch(/Tốt 1 8,3%/);
	});

	it('shows a GVCN only their class, and a parent that there is nothing to summarise', async () => {
		const text = textOf(await (await as.homeroom.get('/gradebook/summary')).text());
		expect(text).toContain('Lớp 6A1');
		expect(text).not.toContain('Toàn trường');
		expect(textOf(await (await as.parent.get('/gradebook/summary')).text())).toContain('Bạn chưa được giao trường hoặc lớp nào');
		expect((await as.homeroom.get(`/gradebook/summary?classId=${c6a2}`)).status).toBe(404);
	});
});

describe('the grid as .xlsx', () => {
	const gridUrl = () => `/api/v1/gradebook/grid.xlsx?classId=${c6a1}&subjectId=${sub('TOAN')}&term=1`;
	const upload = async (who: Client, wb: ExcelJS.Workbook, name = 'so-diem.xlsx') => {
		const form = new FormData();
		form.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], name));
		return who.post(gridUrl(), form);
	};
	const download = async () => {
		const res = await as.teacher.get(gridUrl());
		expect(res.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		return { wb, ws: wb.worksheets[0], res };
	};

	it('exports the teachers’ layout: title rows, STT | Mã học sinh | Họ và tên | TX1 … | GK | CK | ĐTBmhk, scores as numbers', async () => {
		const { ws, res } = await download();
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="so-diem-6a1-toan-hk1.xlsx"');
		expect(String(ws.getCell('A1').value)).toBe('TRƯỜNG THCS BÌNH YÊN');
		expect(String(ws.getCell('A2').value)).toBe('SỔ ĐIỂM MÔN TOÁN');
		expect(String(ws.getCell('A3').value)).toMatch(/^Lớp: 6A1 - Học kì I - Năm học /);
		expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'ĐTBmhk']);
		const g = await grid(as.teacher, c6a1, sub('TOAN'));
		expect(ws.getRow(6).getCell(3).value).toBe(g.rows[0].learner.name);
		expect(ws.getRow(6).getCell(4).value).toBe(g.rows[0].cells[g.columns[0].id].value);
		expect(ws.getRow(6).getCell(4).numFmt).toBe('0.0');
		const childRow = 6 + g.rows.findIndex((r) => r.learner.id === child);
		expect(ws.getRow(childRow).getCell(10).value).toBe(8.5);
	});

	/** Sheet rows (and grid indexes) of learners other than the child, whose Toán term is full. */
	const others = (g: Grid) => g.rows.flatMap((r, i) => (r.learner.id === child ? [] : [{ i, row: 6 + i, learner: r.learner }]));

	it('imports an edited file: only the changed cell is written, with its history', async () => {
		const { wb, ws } = await download();
		const before = await grid(as.teacher, c6a1, sub('TOAN'));
		const target = others(before)[1];
		ws.getRow(target.row).getCell(5).value = 9.5; // TX2
		const res = await upload(as.teacher, wb);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ updated: 1 });
		const after = await grid(as.teacher, c6a1, sub('TOAN'));
		const tx2 = after.columns.find((c) => c.label === 'TX2')!.id;
		expect(after.rows[target.i].learner.id).toBe(target.learner.id);
		expect(after.rows[target.i].cells[tx2]).toMatchObject({ value: 9.5, version: 1 });
	});

	it('writes nothing when one cell in the middle is wrong, and names its row, column and problem', async () => {
		const { wb, ws } = await download();
		const o = others(await grid(as.teacher, c6a1, sub('TOAN')));
		ws.getRow(o[0].row).getCell(6).value = 8; // TX3: valid
		ws.getRow(o[3].row).getCell(6).value = '11'; // TX3: out of range
		ws.getRow(o[4].row).getCell(7).value = '7,25'; // TX4: two decimals
		ws.getRow(o[6].row).getCell(6).value = 6.5; // TX3: valid
		const res = await upload(as.teacher, wb);
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.error.message).toBe('Tệp có 2 lỗi; chưa ghi ô điểm nào. Hãy sửa các ô được nêu rồi nhập lại.');
		expect(body.error.details.errors).toEqual([
			{ row: o[3].row, column: 'F', header: 'TX3', message: 'Điểm phải từ 0 đến 10.' },
			{ row: o[4].row, column: 'G', header: 'TX4', message: 'Điểm chỉ lấy một chữ số thập phân, ví dụ 7,5.' }
		]);
		const g = await grid(as.teacher, c6a1, sub('TOAN'));
		const tx3 = g.columns.find((c) => c.label === 'TX3')!.id;
		expect(g.rows[o[0].i].cells[tx3].value).toBeNull();
		const written = await app.db.select().from(gradeEntries).where(eq(gradeEntries.columnId, tx3));
		expect(written.filter((e) => e.learnerId !== child)).toHaveLength(0);
	});

	it('matches learners by code, else by exact name, and reports an unknown learner or a repeated one', async () => {
		const { wb, ws } = await download();
		const o = others(await grid(as.teacher, c6a1, sub('TOAN')));
		ws.getRow(o[0].row).getCell(2).value = null; // no code: matched by name
		ws.getRow(o[0].row).getCell(6).value = 7;
		ws.getRow(o[2].row).getCell(2).value = 'KHONG-CO';
		ws.getRow(o[5].row).getCell(2).value = o[0].learner.learnerCode; // the first learner again
		let res = await upload(as.teacher, wb);
		expect(res.status).toBe(400);
		const errors = (await res.json()).error.details.errors;
		expect(errors).toEqual([
			{ row: o[2].row, column: 'B', header: 'Mã học sinh', message: 'Không có học sinh mã KHONG-CO trong lớp.' },
			{ row: o[5].row, column: 'B', header: 'Mã học sinh', message: `Học sinh này đã có ở dòng ${o[0].row}.` }
		]);
		ws.getRow(o[2].row).getCell(2).value = o[2].learner.learnerCode;
		ws.getRow(o[5].row).getCell(2).value = o[5].learner.learnerCode;
		res = await upload(as.teacher, wb);
		expect(res.status).toBe(200);
		const after = await grid(as.teacher, c6a1, sub('TOAN'));
		expect(after.rows[o[0].i].cells[after.columns.find((c) => c.label === 'TX3')!.id].value).toBe(7);
	});

	it('refuses a file that is not .xlsx, a reader who may not write (403) and anyone outside the class (404)', async () => {
		const form = new FormData();
		form.set('file', new File(['STT;Mã học sinh'], 'so-diem.csv'));
		const res = await as.teacher.post(gridUrl(), form);
		expect(res.status).toBe(400);
		expect((await res.json()).error.message).toContain('.xlsx');
		const { wb } = await download();
		expect((await upload(as.homeroom, wb)).status).toBe(403);
		expect((await upload(as.parent, wb)).status).toBe(404);
		expect((await as.parent.get(gridUrl())).status).toBe(404);
	});
});
