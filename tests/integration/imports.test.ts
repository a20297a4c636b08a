import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq, inArray } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { guardianships, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
let leader: Client;
let thcsId: string;
let hoaSenId: string;
beforeAll(async () => {
	app = await startApp();
	leader = await app.loginAs('leader');
	const rows = await app.db.select({ id: schools.id, code: schools.code }).from(schools);
	thcsId = rows.find((s) => s.code === 'THCS-BINHYEN')!.id;
	hoaSenId = rows.find((s) => s.code === 'MN-HOASEN')!.id;
});
afterAll(() => app?.close());

const LEARNER_HEADER = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Họ tên cha/mẹ/người giám hộ', 'Quan hệ', 'Số điện thoại phụ huynh', 'Email phụ huynh'];
const STAFF_HEADER = ['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Email', 'Số điện thoại', 'Vai trò', 'Lớp chủ nhiệm'];
type Cell = string | number | Date | null;

/** An .xlsx as schools keep it: a title row, then the header, then the rows. */
async function xlsx(header: string[], rows: Cell[][]): Promise<Blob> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Danh sách');
	ws.addRow(['TRƯỜNG THCS BÌNH YÊN — DANH SÁCH NĂM HỌC 2026-2027']);
	ws.addRow(header);
	for (const r of rows) ws.addRow(r);
	return new Blob([await wb.xlsx.writeBuffer()]);
}

function form(file: Blob, name: string, fields: Record<string, string> = { schoolId: thcsId }): FormData {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.set(k, v);
	fd.set('file', file, name);
	return fd;
}

let seq = 0;
/** A good learner row with a unique code and a parent whose phone is unique too. */
function learnerRow(cls = '6A1', over: Partial<Record<number, Cell>> = {}): Cell[] {
	seq++;
	const row: Cell[] = [seq, `IMP${String(seq).padStart(5, '0')}`, `Nguyễn Thị Lan ${String.fromCharCode(65 + (seq % 26))}`, '05/09/2014', seq % 2 ? 'Nữ' : 'Nam', cls, `Nguyễn Văn Phụ ${seq}`, 'Cha', `09${String(55000000 + seq).padStart(8, '0')}`, ''];
	for (const [i, v] of Object.entries(over)) row[Number(i)] = v as Cell;
	return row;
}

const personCount = async () => Number((await app.db.select({ n: count() }).from(persons))[0].n);
const auditCount = async () => Number((await app.db.select({ n: count() }).from(auditLog))[0].n);

describe('GET /api/v1/imports/templates/{kind}', () => {
	it('serves an .xlsx template with the school list header, an example row and a "Hướng dẫn" sheet', async () => {
		const res = await leader.get('/api/v1/imports/templates/learners');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('spreadsheetml');
		expect(res.headers.get('content-disposition')).toContain('.xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Học sinh', 'Hướng dẫn']);
		const header = (wb.worksheets[0].getRow(2).values as unknown[]).slice(1);
		expect(header).toEqual(LEARNER_HEADER);
		expect(wb.worksheets[0].getRow(2).font?.bold).toBe(true);
		expect(wb.worksheets[0].getColumn(3).width).toBeGreaterThan(20);
	});

	it('serves a template whose own example row passes the check', async () => {
		const template = await (await leader.get('/api/v1/imports/templates/staff')).blob();
		const res = await leader.post('/api/v1/imports/staff/preview', form(template, 'mau.xlsx'));
		const body = await res.json();
		expect(body.errors).toEqual([expect.objectContaining({ field: 'homeroomClass', message: 'Lớp 6A1 đã có giáo viên chủ nhiệm.' })]);
		expect(body.summary.totalRows).toBe(1);
	});

	it('answers 404 for an unknown kind', async () => {
		expect((await leader.get('/api/v1/imports/templates/grades')).status).toBe(404);
	});
});

describe('POST /api/v1/imports/learners/preview', () => {
	it('answers the rows, the errors with spreadsheet row numbers and a summary, and writes nothing', async () => {
		const before = [await personCount(), await auditCount()];
		const file = await xlsx(LEARNER_HEADER, [learnerRow(), learnerRow('6A1', { 2: '' }), learnerRow('6A1', { 3: '31/02/2014' }), learnerRow('9Z9'), learnerRow('6A2', { 4: 'X' })]);
		const res = await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.xlsx'));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message])).toEqual([
			[4, 'Họ và tên', 'Thiếu họ tên.'],
			[5, 'Ngày sinh', 'Ngày sinh không hợp lệ: "31/02/2014". Ghi theo ngày/tháng/năm, ví dụ 05/09/2014.'],
			[6, 'Lớp', 'Lớp 9Z9 không tồn tại trong năm học 2026-2027.'],
			[7, 'Giới tính', 'Giới tính không hợp lệ: "X". Ghi Nam hoặc Nữ.']
		]);
		expect(body.rows).toHaveLength(5);
		expect(body.rows[0]).toMatchObject({ row: 3, valid: true, familyName: 'Nguyễn', middleName: 'Thị Lan', dateOfBirth: '2014-09-05', className: '6A1' });
		expect(body.rows[1]).toMatchObject({ row: 4, valid: false });
		expect(body.summary).toMatchObject({ totalRows: 5, validRows: 1, rowsWithErrors: 4, errorCount: 4, headerRow: 2, schoolYear: { name: '2026-2027' } });
		expect([await personCount(), await auditCount()]).toEqual(before);
	});

	it('refuses more rows than the city allows (the imports.maxRows setting), and accepts them again when reset', async () => {
		const city = await app.loginAs('city');
		expect((await city.put('/api/v1/settings/imports.maxRows', { scope: 'city', value: 100 })).status).toBe(200);
		const rows = Array.from({ length: 101 }, () => learnerRow());
		const file = await xlsx(LEARNER_HEADER, rows);
		const body = await (await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.xlsx'))).json();
		expect(body.errors.map((e: { message: string }) => e.message)).toContain('Tệp có quá nhiều dòng: tối đa 100 dòng mỗi lần nhập.');
		expect((await city.delete('/api/v1/settings/imports.maxRows?scope=city')).status).toBe(204);
		const again = await (await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.xlsx'))).json();
		expect(again.errors).toEqual([]);
	});

	it('reports a learner code that an existing learner already has', async () => {
		const [existing] = await app.db.select({ code: persons.learnerCode }).from(persons).where(and(eq(persons.kind, 'learner'), eq(persons.schoolId, thcsId))).limit(1);
		const file = await xlsx(LEARNER_HEADER, [learnerRow('6A1', { 1: existing.code })]);
		const body = await (await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.xlsx'))).json();
		expect(body.errors).toEqual([{ row: 3, column: 'Mã học sinh', field: 'code', message: `Mã học sinh ${existing.code} đã có trong hệ thống.` }]);
	});

	it('reports a learner code repeated within the file', async () => {
		const file = await xlsx(LEARNER_HEADER, [learnerRow('6A1', { 1: 'DUP-1' }), learnerRow('6A2', { 1: 'DUP-1' })]);
		const body = await (await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.xlsx'))).json();
		expect(body.errors).toEqual([expect.objectContaining({ row: 4, field: 'code', message: 'Mã học sinh DUP-1 bị trùng với dòng 3.' })]);
	});

	it('answers in English with the language cookie', async () => {
		const file = await xlsx(LEARNER_HEADER, [learnerRow('6A1', { 3: 'hôm qua' })]);
		const res = await app.request('POST', '/api/v1/imports/learners/preview', { cookie: `${leader.cookie}; PARAGLIDE_LOCALE=en`, body: form(file, 'ds.xlsx') });
		const body = await res.json();
		expect(body.errors[0]).toMatchObject({ column: 'Date of birth', message: 'Invalid date of birth: "hôm qua". Write day/month/year, e.g. 05/09/2014.' });
	});

	it('reads a semicolon-separated UTF-8 .csv with a byte order mark and quoted fields', async () => {
		const lines = ['DANH SÁCH HỌC SINH LỚP 6A2', LEARNER_HEADER.join(';'), '1;CSV-001;"Trần Thị Ngọc Ánh";5/9/2014;Nữ;6A2;"Trần Văn Bảo";Cha;0912 000 777;', '2;CSV-002;Lê Minh Đức;18/11/2014;Nam;6a2;;;;'];
		const file = new Blob(['\uFEFF' + lines.join('\r\n')], { type: 'text/csv' });
		const body = await (await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.csv'))).json();
		expect(body.errors).toEqual([]);
		expect(body.rows.map((r: { row: number; givenName: string; className: string }) => [r.row, r.givenName, r.className])).toEqual([
			[3, 'Ánh', '6A2'],
			[4, 'Đức', '6A2']
		]);
		expect(body.rows[0].guardian).toMatchObject({ phone: '0912000777', relation: 'father' });
	});

	it('refuses another file type, a file that is too large and a missing file with a clear message', async () => {
		const pdf = await leader.post('/api/v1/imports/learners/preview', form(new Blob(['%PDF-1.4']), 'ds.pdf'));
		expect(pdf.status).toBe(400);
		expect((await pdf.json()).error.message).toMatch(/^Chỉ nhận tệp \.xlsx hoặc \.csv/);
		const xls = await leader.post('/api/v1/imports/learners/preview', form(new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])]), 'ds.csv'));
		expect((await xls.json()).error.message).toMatch(/^Chỉ nhận tệp \.xlsx hoặc \.csv/);
		const big = await leader.post('/api/v1/imports/learners/preview', form(new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]), 'ds.csv'));
		expect(big.status).toBe(400);
		expect((await big.json()).error.message).toBe('Tệp quá lớn: tối đa 5 MB. Hãy tách danh sách thành nhiều tệp.');
		const none = new FormData();
		none.set('schoolId', thcsId);
		const missing = await leader.post('/api/v1/imports/learners/preview', none);
		expect((await missing.json()).error.details.issues).toEqual([{ path: 'file', message: 'Hãy chọn tệp danh sách (.xlsx hoặc .csv).' }]);
	});

	it('names the missing columns of a file without the template header', async () => {
		const file = await xlsx(['STT', 'Họ và tên', 'Lớp'], [[1, 'Nguyễn Văn An', '6A1']]);
		const body = await (await leader.post('/api/v1/imports/learners/preview', form(file, 'ds.xlsx'))).json();
		expect(body.errors.map((e: { message: string }) => e.message)).toEqual(['Thiếu cột "Mã học sinh".', 'Thiếu cột "Ngày sinh".']);
	});
});

describe('who may import', () => {
	const file = () => xlsx(LEARNER_HEADER, [learnerRow()]);

	it('should fail with 401 without a session', async () => {
		expect((await app.request('POST', '/api/v1/imports/learners', { body: form(new Blob(['x']), 'a.csv') })).status).toBe(401);
	});

	it('should fail with 403 for a teacher of the school, and write nothing', async () => {
		const teacher = await app.loginAs('teacher');
		const before = await personCount();
		expect((await teacher.post('/api/v1/imports/learners', form(await file(), 'ds.xlsx'))).status).toBe(403);
		expect((await teacher.post('/api/v1/imports/learners/preview', form(await file(), 'ds.xlsx'))).status).toBe(403);
		expect(await personCount()).toBe(before);
	});

	it('should fail with 404 for a school leader importing into another school', async () => {
		expect((await leader.post('/api/v1/imports/learners/preview', form(await file(), 'ds.xlsx', { schoolId: hoaSenId }))).status).toBe(404);
	});

	it('lets a system administrator import anywhere', async () => {
		const admin = await app.loginAs('admin');
		const res = await admin.post('/api/v1/imports/learners/preview', form(await xlsx(LEARNER_HEADER, [learnerRow('Lớp Chồi 1')]), 'ds.xlsx', { schoolId: hoaSenId }));
		expect(res.status).toBe(200);
		expect((await res.json()).errors).toEqual([]);
	});
});

describe('POST /api/v1/imports/learners', () => {
	it('writes nothing and answers 400 with the error list when one row in the middle of 20 is wrong', async () => {
		const rows = Array.from({ length: 21 }, (_, i) => (i === 10 ? learnerRow('6A1', { 3: '32/13/2014' }) : learnerRow(i % 2 ? '6A1' : '6A2')));
		const before = [await personCount(), await auditCount()];
		const res = await leader.post('/api/v1/imports/learners', form(await xlsx(LEARNER_HEADER, rows), 'ds.xlsx'));
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.error.message).toBe('Danh sách còn 1 lỗi nên chưa nhập dòng nào. Hãy sửa rồi tải lên lại.');
		expect(body.error.details.errors).toEqual([expect.objectContaining({ row: 13, column: 'Ngày sinh' })]);
		expect([await personCount(), await auditCount()]).toEqual(before);
		const codes = rows.map((r) => String(r[1]));
		expect(await app.db.select().from(persons).where(inArray(persons.learnerCode, codes))).toEqual([]);
	});

	it('writes every learner, enrols them, links parents (reusing one by phone) and audits each creation', async () => {
		const [existingParent] = await app.db.select({ id: persons.id, phone: persons.phone }).from(persons).where(and(eq(persons.kind, 'guardian'), eq(persons.phone, '0987000101')));
		const rows = [
			learnerRow('6A1'),
			learnerRow('6A2'),
			// Siblings: one parent, one phone (written differently), one person.
			learnerRow('7A1', { 6: 'Phạm Văn Hùng', 7: 'Cha', 8: '0912 888 001' }),
			learnerRow('7A1', { 6: 'Phạm Văn Hùng', 7: 'Bố', 8: '+84912888001' }),
			// A parent the school already has.
			learnerRow('6A2', { 6: 'Phụ huynh có sẵn', 7: 'Mẹ', 8: existingParent.phone }),
			learnerRow('6A2', { 6: '', 7: '', 8: '' })
		];
		const before = [await personCount(), await auditCount()];
		const res = await leader.post('/api/v1/imports/learners', form(await xlsx(LEARNER_HEADER, rows), 'ds.xlsx'));
		expect(res.status).toBe(201);
		expect(await res.json()).toEqual({ created: { learners: 6, guardians: 3, enrolments: 6 } });
		expect(await personCount()).toBe(before[0] + 9);

		const codes = rows.map((r) => String(r[1]));
		const imported = await app.db
			.select({ id: persons.id, code: persons.learnerCode, kind: persons.kind, schoolId: persons.schoolId, path: persons.path, dob: persons.dateOfBirth, className: classes.name })
			.from(persons)
			.innerJoin(enrolments, eq(enrolments.learnerId, persons.id))
			.innerJoin(classes, eq(classes.id, enrolments.classId))
			.where(inArray(persons.learnerCode, codes));
		expect(imported.map((r) => [r.code, r.className]).sort()).toEqual(rows.map((r) => [String(r[1]), String(r[5])]).sort());
		expect(imported.every((r) => r.kind === 'learner' && r.schoolId === thcsId && r.dob === '2014-09-05')).toBe(true);
		const [school] = await app.db.select({ path: schools.path }).from(schools).where(eq(schools.id, thcsId));
		expect(imported.every((r) => r.path === school.path)).toBe(true);

		const ids = imported.map((r) => r.id);
		const links = await app.db.select().from(guardianships).where(inArray(guardianships.learnerId, ids));
		expect(links).toHaveLength(5);
		const sibling = (i: number) => imported.find((r) => r.code === codes[i])!.id;
		const siblingsParents = links.filter((l) => l.learnerId === sibling(2) || l.learnerId === sibling(3));
		expect(new Set(siblingsParents.map((l) => l.guardianId)).size).toBe(1);
		expect(siblingsParents.map((l) => l.relation).sort()).toEqual(['father', 'father']);
		expect(links.find((l) => l.learnerId === sibling(4))).toMatchObject({ guardianId: existingParent.id, relation: 'mother' });

		const leaderId = (await (await leader.get('/api/v1/me')).json()).person.id;
		const audits = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'person'), inArray(auditLog.entityId, ids)));
		expect(audits).toHaveLength(6);
		expect(audits.every((a) => a.action === 'create' && a.actorId === leaderId && a.schoolId === thcsId)).toBe(true);
		expect(audits.find((a) => a.entityId === sibling(4))!.after).toMatchObject({ learnerCode: codes[4], className: '6A2', guardianId: existingParent.id, relation: 'mother' });
		expect(await auditCount()).toBe(before[1] + 9 + 1);
		const [summary] = await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'import'));
		expect(summary.after).toMatchObject({ kind: 'learners', file: 'ds.xlsx', created: { learners: 6, guardians: 3, enrolments: 6 } });

		// The parents can be given accounts later and will see their children: they hold the parent role.
		const parentGrants = await app.db.select().from(roleGrants).where(and(eq(roleGrants.role, 'parent'), inArray(roleGrants.personId, [...new Set(links.map((l) => l.guardianId))])));
		expect(parentGrants.length).toBeGreaterThanOrEqual(3);
	});

	it('refuses the same file a second time: the codes now exist', async () => {
		const rows = [learnerRow('6A1')];
		const file = await xlsx(LEARNER_HEADER, rows);
		expect((await leader.post('/api/v1/imports/learners', form(file, 'ds.xlsx'))).status).toBe(201);
		const again = await leader.post('/api/v1/imports/learners', form(file, 'ds.xlsx'));
		expect(again.status).toBe(400);
		expect((await again.json()).error.details.errors[0].message).toBe(`Mã học sinh ${rows[0][1]} đã có trong hệ thống.`);
	});
});

describe('POST /api/v1/imports/staff', () => {
	it('writes staff with school-scope roles and makes the homeroom teacher of a class', async () => {
		const [cls] = await app.db.select({ id: classes.id, path: classes.path }).from(classes).where(and(eq(classes.schoolId, thcsId), eq(classes.name, '9A1')));
		const file = await xlsx(STAFF_HEADER, [
			[1, 'GV-IMP-1', 'Trần Thu Hà', '12/03/1988', 'Nữ', 'ha.tran@example.com', '0987 654 321', 'Giáo viên chủ nhiệm', '9a1'],
			[2, 'GV-IMP-2', 'Lê Văn Tâm', '', 'Nam', '', '', 'Giáo viên, Tổ trưởng chuyên môn', ''],
			[3, '', 'Ngô Thị Lan', '', '', '', '', 'Tư vấn viên', '']
		]);
		const res = await leader.post('/api/v1/imports/staff', form(file, 'cb.xlsx'));
		expect(res.status).toBe(201);
		expect((await res.json()).created).toEqual({ staff: 3, roleGrants: 6, homerooms: 1 });

		const [ha] = await app.db.select().from(persons).where(eq(persons.staffCode, 'GV-IMP-1'));
		expect(ha).toMatchObject({ kind: 'staff', familyName: 'Trần', middleName: 'Thu', givenName: 'Hà', phone: '0987654321', gender: 'female', dateOfBirth: '1988-03-12', schoolId: thcsId });
		const [after] = await app.db.select({ homeroom: classes.homeroomTeacherId }).from(classes).where(eq(classes.id, cls.id));
		expect(after.homeroom).toBe(ha.id);
		const grants = await app.db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopePath: roleGrants.scopePath }).from(roleGrants).where(eq(roleGrants.personId, ha.id));
		expect(grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'teacher', scopeType: 'school' }), { role: 'homeroom_teacher', scopeType: 'class', scopePath: cls.path }]));
		const [tam] = await app.db.select({ id: persons.id }).from(persons).where(eq(persons.staffCode, 'GV-IMP-2'));
		const tamRoles = (await app.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.personId, tam.id))).map((g) => g.role).sort();
		expect(tamRoles).toEqual(['subject_group_head', 'teacher']);
		const classAudit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'class'), eq(auditLog.entityId, cls.id)));
		expect(classAudit[0].after).toEqual({ homeroomTeacherId: ha.id });
	});
});

describe('the /import page without JavaScript', () => {
	it('checks a file and shows the errors, then imports a corrected file and shows the count', async () => {
		const bad = await leader.form('/import?/preview', form(await xlsx(LEARNER_HEADER, [learnerRow('6A1', { 4: 'Không rõ' })]), 'ds.xlsx', { kind: 'learners', schoolId: thcsId }));
		expect(bad.status).toBe(200);
		const html = await bad.text();
		expect(html).toContain('Giới tính không hợp lệ: "Không rõ". Ghi Nam hoặc Nữ.');
		expect(html).toMatch(/<button type="submit" formaction="\?\/commit" disabled/);

		const refused = await leader.form('/import?/commit', form(await xlsx(LEARNER_HEADER, [learnerRow('6A1'), learnerRow('8Z8')]), 'ds.xlsx', { kind: 'learners', schoolId: thcsId }));
		expect(refused.status).toBe(400);
		const refusedHtml = await refused.text();
		expect(refusedHtml).toContain('Chưa nhập: danh sách còn lỗi');
		expect(refusedHtml).toContain('Lớp 8Z8 không tồn tại trong năm học 2026-2027.');

		const good = await leader.form('/import?/commit', form(await xlsx(LEARNER_HEADER, [learnerRow('6A1'), learnerRow('6A2')]), 'ds.xlsx', { kind: 'learners', schoolId: thcsId }));
		expect(good.status).toBe(200);
		expect(await good.text()).toContain('Đã nhập 2 học sinh, 2 phụ huynh mới và xếp 2 học sinh vào lớp.');
	});

	it('is not offered to a teacher', async () => {
		const teacher = await app.loginAs('teacher');
		expect((await teacher.get('/import')).status).toBe(403);
	});
});
