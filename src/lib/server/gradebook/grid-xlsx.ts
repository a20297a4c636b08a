/**
 * A class's subject grid as .xlsx in the layout teachers keep (title rows with school, subject,
 * class and term; STT | Mã học sinh | Họ và tên | TX1 … | GK | CK | ĐTBmhk), and the import of the
 * same layout: every cell checked by the grid's own parseCell, errors as (row, column, message),
 * nothing written unless all are valid, then one saveCells call with the versions read at import
 * time (so an edit made meanwhile still ends in the 409 conflict).
 */
import ExcelJS from 'exceljs';
import { cellErrorMessage } from '#lib/gradebook/cell-messages';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { AppError, ForbiddenError, ValidationError, type FieldIssue } from '../errors';
import { schools, schoolYears } from '../organisations/schema';
import { headerKey } from '../imports/columns';
import { FileProblem, readXlsx, type Cell, type SheetRow } from '../imports/parse';
import { MAX_FILE_BYTES } from '../imports/service';
import { getGrid, saveCells, type CellEdit, type Grid } from './service';
import { cellValue, parseCell, type CellErrorCode } from './cells';
import type { ValueType } from './columns';
import { asciiSlug } from './report-card';
import { m } from '#lib/paraglide/messages.js';

const FIXED = { no: 'STT', code: 'Mã học sinh', name: 'Họ và tên' } as const;
const AVERAGE = 'ĐTBmhk';
/** The header row in exported files; the import looks for the header anywhere in the first rows. */
const HEADER_ROW = 5;

const TERM_TEXT = { 1: 'Học kì I', 2: 'Học kì II' } as const;

export const gridFileName = (grid: Pick<Grid, 'class' | 'subject' | 'term'>) => `so-diem-${asciiSlug(grid.class.name)}-${asciiSlug(grid.subject.name)}-hk${grid.term}.xlsx`;

// ── Export ──────────────────────────────────────────────────────────────────────────────────────

/** The cell as it goes into the sheet: scores as numbers (shown with one decimal), levels as text. */
function sheetValue(valueType: ValueType, value: number | string | null): { value: ExcelJS.CellValue; numFmt?: string } {
	if (value === null) return { value: null };
	if (valueType === 'score') return { value: Number(value), numFmt: '0.0' };
	if (valueType === 'integer') return { value: Number(value), numFmt: '0' };
	if (valueType === 'pass') return { value: value === 'dat' ? 'Đ' : value === 'chua_dat' ? 'CĐ' : String(value) };
	return { value: String(value) };
}

export async function buildGridWorkbook(grid: Grid, header: { schoolName: string; schoolYearName: string }): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Sen';
	const ws = wb.addWorksheet(`${grid.class.name} - ${grid.subject.name}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }] });
	const headers = [FIXED.no, FIXED.code, FIXED.name, ...grid.columns.map((c) => c.label), ...(grid.class.stage === 'secondary' ? [AVERAGE] : [])];
	ws.columns = headers.map((_, i) => ({ width: i === 2 ? 30 : i === 1 ? 16 : i === 0 ? 6 : 9 }));
	ws.getCell('A1').value = header.schoolName.toUpperCase();
	ws.getCell('A1').font = { bold: true };
	ws.getCell('A2').value = `SỔ ĐIỂM MÔN ${grid.subject.name.toUpperCase()}`;
	ws.getCell('A2').font = { bold: true, size: 14 };
	ws.getCell('A3').value = `Lớp: ${grid.class.name} - ${TERM_TEXT[grid.term]} - Năm học ${header.schoolYearName}`;
	if (grid.teacher?.name) ws.getCell('A4').value = `Giáo viên bộ môn: ${grid.teacher.name}`;

	const head = ws.getRow(HEADER_ROW);
	headers.forEach((h, i) => {
		const cell = head.getCell(i + 1);
		cell.value = h;
		cell.font = { bold: true };
		cell.alignment = { horizontal: 'center', vertical: 'middle' };
		cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
	});
	grid.rows.forEach((r, i) => {
		const row = ws.getRow(HEADER_ROW + 1 + i);
		row.getCell(1).value = i + 1;
		row.getCell(2).value = r.learner.learnerCode ?? '';
		row.getCell(2).numFmt = '@';
		row.getCell(3).value = r.learner.name;
		grid.columns.forEach((c, j) => {
			const v = sheetValue(c.valueType, r.cells[c.id].value);
			const cell = row.getCell(4 + j);
			cell.value = v.value;
			if (v.numFmt) cell.numFmt = v.numFmt;
			cell.alignment = { horizontal: 'center' };
		});
		if (grid.class.stage === 'secondary' && r.result?.status === 'complete') {
			const cell = row.getCell(4 + grid.columns.length);
			if (r.result.kind === 'scored') {
				cell.value = r.result.average;
				cell.numFmt = '0.0';
			} else cell.value = r.result.text;
			cell.alignment = { horizontal: 'center' };
		}
	});
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function exportGridXlsx(db: Executor, p: Principal, q: { classId: string; subjectId: string; term: 1 | 2 }) {
	const grid = await getGrid(db, p, q);
	const [row] = await db
		.select({ schoolName: schools.name, yearName: schoolYears.name })
		.from(schools)
		.innerJoin(schoolYears, eq(schoolYears.id, grid.class.schoolYearId))
		.where(eq(schools.id, grid.class.schoolId));
	return { bytes: await buildGridWorkbook(grid, { schoolName: row?.schoolName ?? '', schoolYearName: row?.yearName ?? '' }), filename: gridFileName(grid) };
}

// ── Import (pure part) ──────────────────────────────────────────────────────────────────────────

export interface GridImportError {
	/** The spreadsheet's row number (1-based, as Excel shows it). */
	row: number;
	/** The column letter (A, B, …) and its header. */
	column: string;
	header: string;
	message: string;
}

/** The part of a grid the import needs. */
export interface GridShape {
	columns: { id: string; label: string; valueType: ValueType }[];
	rows: { learner: { id: string; name: string; learnerCode: string | null }; cells: Record<string, { value: number | string | null; version: number }> }[];
}

export const columnLetter = (index: number): string => {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
};


const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).replace(/\s+/g, ' ').trim();
const sameName = (a: string, b: string) => a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');
/** A grid-like header the grid does not have (TX7, GK2 …) is an error rather than silently ignored. */
const LOOKS_LIKE_SCORE = /^(tx ?\d+|gk|ck|kt gk|kt ck|kt lai)$/;

/**
 * Reads a sheet in the grid's layout against the current grid (pure): the edits for the cells
 * that differ, with the versions the grid has now, and every error with its row and column.
 */
export function readGridSheet(sheet: SheetRow[], grid: GridShape): { edits: CellEdit[]; errors: GridImportError[]; unchanged: number } {
	const errors: GridImportError[] = [];
	const headerIndex = sheet.slice(0, 20).findIndex((r) => r.cells.some((c) => headerKey(text(c)) === headerKey(FIXED.code)) || r.cells.some((c) => headerKey(text(c)) === headerKey(FIXED.name)));
	if (headerIndex < 0) return { edits: [], errors: [{ row: 1, column: 'A', header: '', message: m.gbr_import_no_header() }], unchanged: 0 };
	const header = sheet[headerIndex];
	const keys = header.cells.map((c) => headerKey(text(c)));
	const codeCol = keys.indexOf(headerKey(FIXED.code));
	const nameCol = keys.indexOf(headerKey(FIXED.name));
	const gridCols: { index: number; column: GridShape['columns'][number] }[] = [];
	keys.forEach((k, index) => {
		if (!k) return;
		const column = grid.columns.find((c) => headerKey(c.label) === k);
		if (column) gridCols.push({ index, column });
		else if (LOOKS_LIKE_SCORE.test(k)) errors.push({ row: header.number, column: columnLetter(index), header: text(header.cells[index]), message: m.gbr_import_unknown_column({ header: text(header.cells[index]) }) });
	});
	if (!gridCols.length) errors.push({ row: header.number, column: 'A', header: '', message: m.gbr_import_no_score_columns() });

	const byCode = new Map(grid.rows.filter((r) => r.learner.learnerCode).map((r) => [r.learner.learnerCode!.trim().toLowerCase(), r]));
	const seen = new Map<string, number>();
	const edits: CellEdit[] = [];
	let unchanged = 0;
	for (const row of sheet.slice(headerIndex + 1)) {
		const code = codeCol >= 0 ? text(row.cells[codeCol]) : '';
		const name = nameCol >= 0 ? text(row.cells[nameCol]) : '';
		const hasValues = gridCols.some(({ index }) => text(row.cells[index]) !== '');
		if (!code && !name) {
			if (hasValues) errors.push({ row: row.number, column: columnLetter(codeCol >= 0 ? codeCol : Math.max(nameCol, 0)), header: FIXED.code, message: m.gbr_import_no_learner() });
			continue;
		}
		let learnerRow: GridShape['rows'][number] | undefined;
		if (code) {
			learnerRow = byCode.get(code.toLowerCase());
			if (!learnerRow) {
				errors.push({ row: row.number, column: columnLetter(codeCol), header: FIXED.code, message: m.gbr_import_code_unknown({ code }) });
				continue;
			}
		} else {
			const matches = grid.rows.filter((r) => sameName(r.learner.name, name));
			if (matches.length !== 1) {
				errors.push({ row: row.number, column: columnLetter(nameCol), header: FIXED.name, message: matches.length ? m.gbr_import_name_ambiguous({ name }) : m.gbr_import_name_unknown({ name }) });
				continue;
			}
			learnerRow = matches[0];
		}
		const earlier = seen.get(learnerRow.learner.id);
		if (earlier !== undefined) {
			errors.push({ row: row.number, column: columnLetter(code ? codeCol : nameCol), header: code ? FIXED.code : FIXED.name, message: m.gbr_import_duplicate_learner({ row: earlier }) });
			continue;
		}
		seen.set(learnerRow.learner.id, row.number);
		for (const { index, column } of gridCols) {
			const raw = row.cells[index];
			const input = raw === null || raw === undefined ? null : typeof raw === 'number' ? raw : text(raw);
			const parsed = parseCell(column.valueType, input);
			if (!parsed.ok) {
				errors.push({ row: row.number, column: columnLetter(index), header: column.label, message: cellErrorMessage(parsed.code) });
				continue;
			}
			const current = learnerRow.cells[column.id];
			if (cellValue(column.valueType, parsed.value) === (current?.value ?? null)) {
				unchanged++;
				continue;
			}
			edits.push({ columnId: column.id, learnerId: learnerRow.learner.id, value: input, version: current?.version ?? 0 });
		}
	}
	errors.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
	return { edits, errors, unchanged };
}

// ── Import (service) ────────────────────────────────────────────────────────────────────────────

/** The uploaded .xlsx of a multipart form (field `file`), within the import size limit. */
export async function xlsxUpload(form: FormData): Promise<Uint8Array> {
	const file = form.get('file');
	const fail = (message: string) => new ValidationError(message, [{ path: 'file', message }]);
	if (!file || typeof file === 'string' || file.size === 0) throw fail(m.gbr_file_missing());
	if (file.size > MAX_FILE_BYTES) throw fail(m.import_err_file_too_big({ max: '5 MB' }));
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (!/\.xlsx$/i.test(file.name) || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fail(m.gbr_file_not_xlsx());
	return bytes;
}

/**
 * Imports a grid file: all or nothing. 400 with every (row, column, message) when any cell or
 * learner is wrong; 423 when the term is locked; 403 unless the caller writes this grid; 409 when
 * a cell changed since the file was read here.
 */
export async function importGridXlsx(db: Executor, p: Principal, q: { classId: string; subjectId: string; term: 1 | 2 }, bytes: Uint8Array) {
	const grid = await getGrid(db, p, q);
	if (grid.locked) throw new AppError(423, 'gradebook_locked', m.gb_locked());
	if (!grid.canEdit) throw new ForbiddenError(m.error_forbidden());
	let sheet: SheetRow[];
	try {
		sheet = await readXlsx(bytes);
	} catch (e) {
		if (e instanceof FileProblem) throw new ValidationError(m.import_err_file_unreadable(), [{ path: 'file', message: m.import_err_file_unreadable() }]);
		throw e;
	}
	const { edits, errors, unchanged } = readGridSheet(sheet, grid);
	if (errors.length) {
		const issues: FieldIssue[] = errors.map((e) => ({ path: `${e.column}${e.row}`, message: e.message }));
		throw new ValidationError(m.gbr_import_invalid({ count: errors.length }), issues, { issues, errors });
	}
	if (edits.length) await saveCells(db, p, { classId: q.classId, subjectId: q.subjectId, cells: edits });
	return { updated: edits.length, unchanged };
}
