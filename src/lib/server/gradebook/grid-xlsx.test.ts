import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildGridWorkbook, columnLetter, readGridSheet, type GridShape } from './grid-xlsx';
import { readXlsx, type SheetRow } from '../imports/parse';
import type { Grid } from './service';

const grid: GridShape = {
	columns: [
		{ id: 'tx1', label: 'TX1', valueType: 'score' },
		{ id: 'tx2', label: 'TX2', valueType: 'score' },
		{ id: 'gk', label: 'GK', valueType: 'score' },
		{ id: 'ck', label: 'CK', valueType: 'score' }
	],
	rows: [
		{ learner: { id: 'a', name: 'Nguyễn Văn An', learnerCode: 'HS01' }, cells: { tx1: { value: 8, version: 1 }, tx2: { value: null, version: 0 }, gk: { value: null, version: 0 }, ck: { value: null, version: 0 } } },
		{ learner: { id: 'b', name: 'Trần Thị Bình', learnerCode: 'HS02' }, cells: { tx1: { value: 6.5, version: 3 }, tx2: { value: null, version: 0 }, gk: { value: null, version: 0 }, ck: { value: null, version: 0 } } },
		{ learner: { id: 'c', name: 'Lê Văn Cường', learnerCode: null }, cells: { tx1: { value: null, version: 0 }, tx2: { value: null, version: 0 }, gk: { value: null, version: 0 }, ck: { value: null, version: 0 } } }
	]
};

const header = ['STT', 'Mã học sinh', 'Họ và tên', 'TX1', 'TX2', 'GK', 'CK', 'ĐTBmhk'];
const sheet = (...data: (string | number | null)[][]): SheetRow[] => [
	{ number: 1, cells: ['TRƯỜNG THCS BÌNH YÊN'] },
	{ number: 2, cells: ['SỔ ĐIỂM MÔN TOÁN'] },
	{ number: 5, cells: header },
	...data.map((cells, i) => ({ number: 6 + i, cells }))
];

describe('readGridSheet', () => {
	it('finds the header below the title rows and sends only the cells that changed, with the current versions', () => {
		const r = readGridSheet(sheet([1, 'HS01', 'Nguyễn Văn An', 8, 7.5, null, null, null], [2, 'HS02', 'Trần Thị Bình', '7,0', null, null, null, 6.5]), grid);
		expect(r.errors).toEqual([]);
		expect(r.edits).toEqual([
			{ columnId: 'tx2', learnerId: 'a', value: 7.5, version: 0 },
			{ columnId: 'tx1', learnerId: 'b', value: '7,0', version: 3 }
		]);
		expect(r.unchanged).toBe(6);
	});

	it('clears a cell left empty, ignores the ĐTBmhk column, extra columns and empty rows', () => {
		const r = readGridSheet(
			[{ number: 3, cells: [...header, 'Ghi chú'] }, { number: 4, cells: [1, 'HS01', 'Nguyễn Văn An', null, null, null, null, 9.9, 'vắng'] }, { number: 5, cells: [null, null, null] }],
			grid
		);
		expect(r.errors).toEqual([]);
		expect(r.edits).toEqual([{ columnId: 'tx1', learnerId: 'a', value: null, version: 1 }]);
	});

	it('matches a row without a code by the exact full name', () => {
		const r = readGridSheet(sheet([3, '', 'Lê Văn Cường', 9, null, null, null, null]), grid);
		expect(r.edits).toEqual([{ columnId: 'tx1', learnerId: 'c', value: 9, version: 0 }]);
	});

	it('reports every bad cell and learner with its row, column letter and message, and then edits nothing of use', () => {
		const r = readGridSheet(
			sheet(
				[1, 'HS01', 'Nguyễn Văn An', 8, 11, null, null, null],
				[2, 'HS99', 'Ai đó', 5, null, null, null, null],
				[3, '', 'Lê Văn Cuong', 5, null, null, null, null],
				[4, 'HS01', 'Nguyễn Văn An', 5, null, null, null, null],
				[5, 'HS02', 'Trần Thị Bình', 'abc', '7,25', null, null, null],
				[6, '', '', 5, null, null, null, null]
			),
			grid
		);
		expect(r.errors.map((e) => [e.row, e.column, e.header])).toEqual([
			[6, 'E', 'TX2'],
			[7, 'B', 'Mã học sinh'],
			[8, 'C', 'Họ và tên'],
			[9, 'B', 'Mã học sinh'],
			[10, 'D', 'TX1'],
			[10, 'E', 'TX2'],
			[11, 'B', 'Mã học sinh']
		]);
		expect(r.errors[0].message).toBe('Điểm phải từ 0 đến 10.');
		expect(r.errors[3].message).toBe('Học sinh này đã có ở dòng 6.');
	});

	it('refuses a sheet without the header, and a score column the grid does not have', () => {
		expect(readGridSheet([{ number: 1, cells: ['a', 'b'] }], grid).errors).toEqual([{ row: 1, column: 'A', header: '', message: expect.stringContaining('Mã học sinh') }]);
		const r = readGridSheet([{ number: 5, cells: ['STT', 'Mã học sinh', 'Họ và tên', 'TX1', 'TX7'] }], grid);
		expect(r.errors).toEqual([{ row: 5, column: 'E', header: 'TX7', message: 'Sổ điểm học kì này không có cột TX7.' }]);
	});
});

describe('columnLetter', () => {
	it('names columns as Excel does', () => expect([0, 3, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB', 'AZ', 'BA']));
});

describe('buildGridWorkbook → readGridSheet', () => {
	it('reads back its own export as unchanged', async () => {
		const full = {
			class: { id: 'k', name: '6A1', grade: 6, schoolId: 's', schoolYearId: 'y', stage: 'secondary' },
			subject: { id: 'toan', code: 'TOAN', name: 'Toán', assessment: 'score', periodsPerYear: 140 },
			term: 1,
			teacher: null,
			locked: false,
			canEdit: true,
			canRequestChange: false,
			columns: grid.columns.map((c) => ({ ...c, kind: 'regular', slot: 1, publishedAt: null })),
			rows: grid.rows.map((r) => ({ learner: r.learner, cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, { ...v, text: '', missedReason: null, makeup: null }])), result: null }))
		} as unknown as Grid;
		const bytes = await buildGridWorkbook(full, { schoolName: 'Trường THCS Bình Yên', schoolYearName: '2026-2027' });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes as unknown as ArrayBuffer);
		expect(wb.worksheets[0].getCell('B7').value).toBe('HS02');
		const r = readGridSheet(await readXlsx(bytes), grid);
		expect(r).toEqual({ edits: [], errors: [], unchanged: 12 });
	});
});
