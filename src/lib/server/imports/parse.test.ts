import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { fieldOfHeader } from './columns';
import { classKey, decodeText, detectFormat, FileProblem, locateTable, normalisePhone, parseCsv, parseDate, parseGender, parseRelation, parseRoles, readRows, schoolRolesFor } from './parse';

describe('dates of birth', () => {
	it.each([
		['05/09/2014', '2014-09-05'],
		['5/9/2014', '2014-09-05'],
		['05-09-2014', '2014-09-05'],
		['05.09.2014', '2014-09-05'],
		['2014-09-05', '2014-09-05'],
		['29/02/2012', '2012-02-29']
	])('reads the text %s day first as %s', (text, iso) => {
		expect(parseDate(text)).toBe(iso);
	});

	it.each(['31/02/2014', '29/02/2013', '13/13/2014', '05/09/14', 'năm 2014', '00/01/2014'])('refuses the impossible or ambiguous %s', (text) => {
		expect(parseDate(text)).toBe('invalid');
	});

	it('reads Excel serial numbers (41887 is 05/09/2014)', () => {
		expect(parseDate(41887)).toBe('2014-09-05');
		expect(parseDate(41887.75)).toBe('2014-09-05');
		expect(parseDate('41887')).toBe('2014-09-05');
	});

	it('reads date cells as the calendar day ExcelJS stores at UTC midnight, even with float error', () => {
		expect(parseDate(new Date(Date.UTC(2014, 8, 5)))).toBe('2014-09-05');
		expect(parseDate(new Date(Date.UTC(2014, 8, 5) - 1))).toBe('2014-09-05');
	});

	it('treats an empty cell as no date', () => {
		expect(parseDate(null)).toBeNull();
		expect(parseDate('')).toBeNull();
	});
});

describe('headers', () => {
	it('matches headers without regard to case, diacritics or extra spaces', () => {
		expect(fieldOfHeader('learners', 'Mã học sinh')).toBe('code');
		expect(fieldOfHeader('learners', 'MA HOC SINH')).toBe('code');
		expect(fieldOfHeader('learners', '  họ   VÀ tên ')).toBe('fullName');
		expect(fieldOfHeader('learners', 'Ho ten cha/me/nguoi giam ho')).toBe('guardianName');
		expect(fieldOfHeader('learners', 'Số điện thoại phụ huynh')).toBe('guardianPhone');
		expect(fieldOfHeader('learners', 'SĐT phụ huynh')).toBe('guardianPhone');
		expect(fieldOfHeader('staff', 'Lớp chủ nhiệm')).toBe('homeroomClass');
		expect(fieldOfHeader('staff', 'VAI TRO')).toBe('role');
	});

	it('does not mistake the parent-name column for the learner-name column', () => {
		expect(fieldOfHeader('learners', 'Họ tên cha/mẹ/người giám hộ')).not.toBe('fullName');
	});

	it('finds the header row below a title row and numbers rows as the spreadsheet shows them', () => {
		const rows = parseCsv('TRƯỜNG THCS BÌNH YÊN\nDANH SÁCH HỌC SINH\n\nSTT,Mã học sinh,Họ và tên,Ngày sinh,Lớp\n1,HS1,Nguyễn Văn An,05/09/2014,6A1\n,,,,\n2,HS2,Lê Thị Bình,6/9/2014,6A2\n');
		const t = locateTable('learners', rows)!;
		expect(t.headerRow).toBe(4);
		expect(t.records.map((r) => r.row)).toEqual([5, 7]);
		expect(t.records[1].values).toMatchObject({ code: 'HS2', fullName: 'Lê Thị Bình', className: '6A2' });
		expect(t.missing).toEqual([]);
	});

	it('reports the required columns a header row lacks', () => {
		const t = locateTable('learners', parseCsv('STT;Họ và tên;Lớp\n1;Nguyễn Văn An;6A1\n'))!;
		expect(t.missing).toEqual(['code', 'dateOfBirth']);
	});

	it('finds no header in a file without known columns', () => {
		expect(locateTable('learners', parseCsv('a,b,c\n1,2,3\n'))).toBeNull();
	});

	it('skips rows that only have a sequence number', () => {
		const t = locateTable('learners', parseCsv('STT,Mã học sinh,Họ và tên\n1,HS1,An Bình\n2,,\n'))!;
		expect(t.records).toHaveLength(1);
	});
});

describe('CSV (RFC 4180)', () => {
	it('reads quoted fields with separators, doubled quotes and line breaks', () => {
		const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\nlast,,\r\n');
		expect(rows.map((r) => r.cells)).toEqual([
			['a', 'b', 'c'],
			['x, y', 'say "hi"', 'line1\nline2'],
			['last', null, null]
		]);
		expect(rows.map((r) => r.number)).toEqual([1, 2, 4]);
	});

	it('detects semicolons as Excel in a Vietnamese locale saves them', () => {
		const rows = parseCsv('STT;Họ và tên;Ghi chú\n1;Nguyễn Văn An;"có dấu phẩy, ở đây"\n');
		expect(rows[1].cells).toEqual(['1', 'Nguyễn Văn An', 'có dấu phẩy, ở đây']);
	});

	it('reads a last record without a final line break', () => {
		expect(parseCsv('a,b\n1,2').map((r) => r.cells)).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('strips the UTF-8 byte order mark and keeps Vietnamese letters', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Họ và tên,Lớp\nĐặng Thị Ánh,6A1\n')]);
		const rows = parseCsv(decodeText(bytes));
		expect(rows[0].cells[0]).toBe('Họ và tên');
		expect(rows[1].cells[0]).toBe('Đặng Thị Ánh');
	});

	it('refuses text that is not UTF-8 with a reason', () => {
		expect(() => decodeText(new Uint8Array([0x48, 0xe0, 0x20, 0x4e]))).toThrow(FileProblem);
	});

	it('reads UTF-16 text that Excel saves as "Unicode text"', () => {
		const s = 'Họ và tên\tLớp';
		const bytes = new Uint8Array(2 + s.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < s.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, s.charCodeAt(i), true);
		expect(decodeText(bytes)).toBe(s);
	});
});

describe('file formats', () => {
	it('knows an .xlsx by its zip signature and refuses the old binary .xls', () => {
		expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'ds.xlsx')).toBe('xlsx');
		expect(() => detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'ds.xls')).toThrow(FileProblem);
		expect(() => detectFormat(new TextEncoder().encode('%PDF'), 'ds.pdf')).toThrow(FileProblem);
		expect(detectFormat(new TextEncoder().encode('a,b'), 'ds.csv')).toBe('csv');
	});

	it('reads an .xlsx with date cells, numbers, rich text and formulas', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('DS');
		ws.addRow(['DANH SÁCH LỚP 6A1']);
		ws.addRow(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Số điện thoại phụ huynh']);
		ws.addRow([1, 2026001, { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An' }] }, new Date(Date.UTC(2014, 8, 5)), 912345678]);
		ws.addRow([{ formula: '1+1', result: 2 }, 'HS2', 'Lê Bình', 41887, '0912 345 678']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const t = locateTable('learners', await readRows(bytes, 'x.xlsx'))!;
		expect(t.headerRow).toBe(2);
		expect(t.records[0]).toMatchObject({ row: 3, values: { code: 2026001, fullName: 'Nguyễn Văn An' } });
		expect(parseDate(t.records[0].values.dateOfBirth)).toBe('2014-09-05');
		expect(parseDate(t.records[1].values.dateOfBirth)).toBe('2014-09-05');
		expect(normalisePhone(t.records[0].values.guardianPhone)).toBe('0912345678');
		expect(t.records[1].values.seq).toBe(2);
	});

	it('refuses a broken .xlsx', async () => {
		await expect(readRows(new Uint8Array([0x50, 0x4b, 1, 2, 3]), 'x.xlsx')).rejects.toThrow(FileProblem);
	});
});

describe('cell values', () => {
	it('reads genders Nam and Nữ in any case and with or without diacritics', () => {
		expect(parseGender('Nam')).toBe('male');
		expect(parseGender('NỮ')).toBe('female');
		expect(parseGender('nu')).toBe('female');
		expect(parseGender(null)).toBeNull();
		expect(parseGender('Khác?')).toBe('invalid');
	});

	it('normalises phones: Excel-dropped leading zero, +84, spaces and dots', () => {
		expect(normalisePhone(912345678)).toBe('0912345678');
		expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
		expect(normalisePhone('0912.345.678')).toBe('0912345678');
		expect(normalisePhone('024 3823 4567')).toBe('02438234567');
		expect(normalisePhone('12345')).toBe('invalid');
		expect(normalisePhone('09123abc78')).toBe('invalid');
		expect(normalisePhone('')).toBeNull();
	});

	it('reads relations, with Ba as father and Bà as a guardian', () => {
		expect(parseRelation('Cha')).toBe('father');
		expect(parseRelation('Bố')).toBe('father');
		expect(parseRelation('Ba')).toBe('father');
		expect(parseRelation('MẸ')).toBe('mother');
		expect(parseRelation('Người giám hộ')).toBe('guardian');
		expect(parseRelation('Bà')).toBe('guardian');
		expect(parseRelation('hàng xóm')).toBe('invalid');
	});

	it('reads one or several staff roles and what they grant at school scope', () => {
		expect(parseRoles('Giáo viên')).toEqual(['teacher']);
		expect(parseRoles('Giáo viên chủ nhiệm')).toEqual(['homeroom_teacher']);
		expect(parseRoles('giao vien, TỔ TRƯỞNG CHUYÊN MÔN')).toEqual(['teacher', 'subject_group_head']);
		expect(parseRoles('Hiệu trưởng')).toEqual(['school_leader']);
		expect(parseRoles('Tư vấn viên')).toEqual(['counsellor']);
		expect(parseRoles('Bảo vệ')).toBe('invalid');
		expect(schoolRolesFor(['homeroom_teacher'])).toEqual(['teacher']);
		expect(schoolRolesFor(['subject_group_head']).sort()).toEqual(['subject_group_head', 'teacher']);
	});

	it('compares class names without case, spaces or diacritics', () => {
		expect(classKey('6a1')).toBe(classKey('6A1'));
		expect(classKey('6 A1')).toBe(classKey('6A1'));
		expect(classKey('lop choi 1')).toBe(classKey('Lớp Chồi 1'));
	});
});
