/**
 * Reading a school's list (.xlsx or .csv) into rows of cells, finding its header row, and the pure
 * conversions of cell values (dates, phones, genders, relations, roles). Nothing here touches the
 * database, so all of it is unit-tested directly.
 */
import ExcelJS from 'exceljs';
import { columnsOf, fieldOfHeader, headerKey, type Field, type ImportKind } from './columns';
import type { Role } from '../auth/principal';

export type Cell = string | number | boolean | Date | null;
export interface SheetRow {
	/** The row number as the spreadsheet shows it (1-based, counting title rows). */
	number: number;
	cells: Cell[];
}

export class FileProblem extends Error {
	constructor(readonly reason: 'type' | 'unreadable' | 'encoding') {
		super(reason);
	}
}

// ── Files ────────────────────────────────────────────────────────────────────────────────────

export type FileFormat = 'xlsx' | 'csv';

/** Decides the format from the bytes (an .xlsx is a zip) and the name; anything else is refused. */
export function detectFormat(bytes: Uint8Array, filename: string): FileFormat {
	const name = filename.toLowerCase();
	if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
	// The old binary .xls (an OLE compound file) and anything else that is not text.
	if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new FileProblem('type');
	if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
	throw new FileProblem('type');
}

export async function readRows(bytes: Uint8Array, filename: string): Promise<SheetRow[]> {
	const format = detectFormat(bytes, filename);
	return format === 'xlsx' ? readXlsx(bytes) : parseCsv(decodeText(bytes));
}

/** The first worksheet's rows with their spreadsheet row numbers. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		throw new FileProblem('unreadable');
	}
	const ws = wb.worksheets[0];
	if (!ws) return [];
	const out: SheetRow[] = [];
	ws.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: Cell[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			cells[col - 1] = cellValue(cell.value);
		});
		for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
		out.push({ number, cells });
	});
	return out;
}

/** Flattens ExcelJS's rich values (formulas, rich text, hyperlinks) to a plain cell. */
export function cellValue(v: ExcelJS.CellValue): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
	if (typeof v === 'object') {
		if ('richText' in v) return v.richText.map((t) => t.text).join('');
		if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
		if ('text' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
		if ('error' in v) return null;
	}
	return String(v);
}

/** UTF-8 with or without BOM, or UTF-16 with its BOM (Excel's "Unicode text"); else refused. */
export function decodeText(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new FileProblem('encoding');
	}
}

/** Comma or semicolon (Excel in a Vietnamese locale saves with semicolons): the commoner outside quotes. */
export function detectSeparator(text: string): ',' | ';' {
	let commas = 0;
	let semis = 0;
	let quoted = false;
	for (let i = 0, lines = 0; i < text.length && lines < 10; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === ',') commas++;
		else if (!quoted && ch === ';') semis++;
		else if (!quoted && ch === '\n') lines++;
	}
	return semis > commas ? ';' : ',';
}

/**
 * RFC 4180: fields separated by the separator, records by CRLF or LF; a quoted field may hold the
 * separator, line breaks and doubled quotes. Row numbers count physical lines, as a spreadsheet
 * program opening the file would show them for records without embedded line breaks.
 */
export function parseCsv(input: string, separator: ',' | ';' = detectSeparator(input.replace(/^\uFEFF/, ''))): SheetRow[] {
	const text = input.replace(/^\uFEFF/, '');
	const rows: SheetRow[] = [];
	let cells: Cell[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let recordStart = 1;
	let fieldStarted = false;
	const endField = () => {
		cells.push(field);
		field = '';
		fieldStarted = false;
	};
	const endRecord = () => {
		endField();
		if (cells.some((c) => c !== '')) rows.push({ number: recordStart, cells: cells.map((c) => (c === '' ? null : c)) });
		cells = [];
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else {
				if (ch === '\n') line++;
				field += ch;
			}
			continue;
		}
		if (ch === '"' && !fieldStarted) {
			quoted = true;
			fieldStarted = true;
		} else if (ch === separator) endField();
		else if (ch === '\r' && text[i + 1] === '\n') continue;
		else if (ch === '\n' || ch === '\r') {
			endRecord();
			line++;
			recordStart = line;
		} else {
			field += ch;
			fieldStarted = true;
		}
	}
	if (field !== '' || cells.length) endRecord();
	return rows;
}

// ── The table ────────────────────────────────────────────────────────────────────────────────

export interface Table {
	/** Spreadsheet row number of the header row. */
	headerRow: number;
	/** Field → 0-based column index. */
	columns: Partial<Record<Field, number>>;
	/** Required columns the header row lacks. */
	missing: Field[];
	records: { row: number; values: Partial<Record<Field, Cell>> }[];
}

const HEADER_SEARCH_ROWS = 20;

/**
 * Finds the header row among the first rows (schools put the school's name and a title above it):
 * the row naming the most known columns. Rows after it are records; empty ones are skipped.
 */
export function locateTable(kind: ImportKind, rows: SheetRow[]): Table | null {
	let best: { index: number; columns: Partial<Record<Field, number>>; count: number } | null = null;
	for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
		const columns: Partial<Record<Field, number>> = {};
		let count = 0;
		rows[i].cells.forEach((c, col) => {
			if (typeof c !== 'string') return;
			const f = fieldOfHeader(kind, c);
			if (f && columns[f] === undefined) {
				columns[f] = col;
				count++;
			}
		});
		// At least two known columns, so a title like "Danh sách lớp" is never taken for a header.
		if (count >= 2 && (!best || count > best.count)) best = { index: i, columns, count };
	}
	if (!best) return null;
	const missing = columnsOf(kind)
		.filter((c) => c.required && best.columns[c.field] === undefined)
		.map((c) => c.field);
	const records: Table['records'] = [];
	for (const r of rows.slice(best.index + 1)) {
		const values: Partial<Record<Field, Cell>> = {};
		let meaningful = false;
		for (const [field, col] of Object.entries(best.columns) as [Field, number][]) {
			const v = r.cells[col] ?? null;
			const empty = v === null || (typeof v === 'string' && v.trim() === '');
			values[field] = empty ? null : v;
			if (!empty && field !== 'seq') meaningful = true;
		}
		if (meaningful) records.push({ row: r.number, values });
	}
	return { headerRow: rows[best.index].number, columns: best.columns, missing, records };
}

// ── Cell conversions ─────────────────────────────────────────────────────────────────────────

/** A cell as trimmed text; whole numbers without ".0", dates as dd/mm/yyyy. */
export function cellText(v: Cell | undefined): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return formatDmy(toIsoDate(v));
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
	return String(v).replace(/\s+/g, ' ').trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** ExcelJS gives date cells as UTC midnights; rounding absorbs float error near midnight. */
function toIsoDate(d: Date): string {
	const day = new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000);
	return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

function validYmd(y: number, mo: number, d: number): string | undefined {
	if (!(y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
	const dt = new Date(Date.UTC(y, mo - 1, d));
	if (dt.getUTCMonth() !== mo - 1) return undefined; // 31/02
	return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * A date of birth: a date cell, an Excel serial number, "05/09/2014", "5/9/2014", "05-09-2014",
 * "05.09.2014" (day first, as Vietnamese lists write it) or ISO "2014-09-05".
 * Answers the ISO date, null for an empty cell, or 'invalid'.
 */
export function parseDate(v: Cell | undefined): string | null | 'invalid' {
	if (v === null || v === undefined || v === '') return null;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : toIsoDate(v);
	if (typeof v === 'number') {
		// Excel's serial day count from 1899-12-30 (the 1900 leap-year bug folded in).
		if (!Number.isFinite(v) || v < 1 || v > 73050) return 'invalid';
		return toIsoDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000));
	}
	if (typeof v !== 'string') return 'invalid';
	const s = v.trim();
	let mt = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (mt) return validYmd(+mt[3], +mt[2], +mt[1]) ?? 'invalid';
	mt = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
	if (mt) return validYmd(+mt[1], +mt[2], +mt[3]) ?? 'invalid';
	if (/^\d{5}$/.test(s)) return parseDate(Number(s));
	return 'invalid';
}

export function parseGender(v: Cell | undefined): 'male' | 'female' | null | 'invalid' {
	const key = headerKey(cellText(v));
	if (!key) return null;
	if (['nam', 'male', 'm', 'trai'].includes(key)) return 'male';
	if (['nu', 'female', 'f', 'gai'].includes(key)) return 'female';
	return 'invalid';
}

/**
 * A Vietnamese phone number as stored: digits only, leading 0 (Excel drops it from numbers,
 * +84 becomes 0). Answers null for empty, 'invalid' when not 10–11 digits.
 */
export function normalisePhone(v: Cell | undefined): string | null | 'invalid' {
	const raw = cellText(v);
	if (!raw) return null;
	if (/[^\d\s.()+-]/.test(raw)) return 'invalid';
	let digits = raw.replace(/\D/g, '');
	if (raw.trim().startsWith('+84') || (digits.startsWith('84') && digits.length === 11)) digits = '0' + digits.slice(2);
	else if (!digits.startsWith('0') && (digits.length === 9 || digits.length === 10)) digits = '0' + digits;
	return /^0\d{9,10}$/.test(digits) ? digits : 'invalid';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function parseEmail(v: Cell | undefined): string | null | 'invalid' {
	const s = cellText(v).toLowerCase();
	if (!s) return null;
	return EMAIL.test(s) && s.length <= 254 ? s : 'invalid';
}

export type Relation = 'father' | 'mother' | 'guardian';
/** Cha/Bố/Ba → father, Mẹ/Má → mother, Người giám hộ (and grandparents, relatives) → guardian. */
export function parseRelation(v: Cell | undefined): Relation | null | 'invalid' {
	const s = cellText(v).normalize('NFC').toLowerCase();
	if (!s) return null;
	if (['cha', 'bố', 'ba', 'father', 'bo'].includes(s)) return 'father';
	if (['mẹ', 'má', 'me', 'mother', 'ma'].includes(s)) return 'mother';
	const key = headerKey(s);
	if (['nguoi giam ho', 'giam ho', 'guardian', 'ong', 'ba noi', 'ba ngoai', 'ong noi', 'ong ngoai', 'anh', 'chi', 'co', 'di', 'chu', 'bac', 'cau', 'mo', 'thim'].includes(key) || s === 'bà') return 'guardian';
	return 'invalid';
}

/** What "Vai trò" may say. A homeroom teacher also teaches; a subject-group head too. */
export type StaffRole = 'teacher' | 'subject_group_head' | 'school_leader' | 'counsellor' | 'homeroom_teacher';
const ROLE_WORDS: Record<string, StaffRole> = {
	'giao vien': 'teacher',
	gv: 'teacher',
	teacher: 'teacher',
	'to truong chuyen mon': 'subject_group_head',
	'to truong': 'subject_group_head',
	'subject group head': 'subject_group_head',
	'hieu truong': 'school_leader',
	'pho hieu truong': 'school_leader',
	'school leader': 'school_leader',
	principal: 'school_leader',
	'tu van vien': 'counsellor',
	'tu van': 'counsellor',
	counsellor: 'counsellor',
	'giao vien chu nhiem': 'homeroom_teacher',
	gvcn: 'homeroom_teacher',
	'homeroom teacher': 'homeroom_teacher'
};

/** One role or several separated by commas, semicolons or line breaks; 'invalid' on an unknown word. */
export function parseRoles(v: Cell | undefined): StaffRole[] | 'invalid' {
	const parts = cellText(v)
		.split(/[,;\n+]/)
		.map(headerKey)
		.filter(Boolean);
	const out = new Set<StaffRole>();
	for (const p of parts) {
		const r = ROLE_WORDS[p];
		if (!r) return 'invalid';
		out.add(r);
	}
	return [...out];
}

/** Grants a staff role implies at school scope (the homeroom grant goes on the class). */
export function schoolRolesFor(roles: StaffRole[]): Role[] {
	const out = new Set<Role>();
	for (const r of roles) {
		if (r === 'homeroom_teacher' || r === 'subject_group_head') out.add('teacher');
		if (r !== 'homeroom_teacher') out.add(r);
	}
	return [...out];
}

/** Class names compare without case, spaces or diacritics: "6a1", "6A1" and "6 A1" are one class. */
export const classKey = (name: string) => headerKey(name).replace(/ /g, '');
