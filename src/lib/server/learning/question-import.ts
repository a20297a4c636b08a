/**
 * Questions from a spreadsheet (.xlsx) into a subject's bank: all or nothing, with every row's
 * problem named by its cell (e.g. "L7: Đáp án đúng phải là một trong các phương án."). The layout:
 *
 *   STT | Loại câu hỏi | Mức độ | Chủ đề | Câu hỏi | A | B | C | D | E | F | Đáp án | Điểm
 *
 * Loại: Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, Trả lời ngắn, Điền số, Ghép đôi, Tự luận. Options
 * go in A–F (for Ghép đôi each is "vế trái | vế phải"); Đáp án holds the letters ("A" or "A, C"),
 * Đúng or Sai, the accepted answers separated by "|", the number, or the grading guidance.
 */
import ExcelJS from 'exceljs';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorizeCreate } from '../auth/authorize';
import { writeAudit } from '../audit/service';
import { ValidationError, type FieldIssue } from '../errors';
import { readXlsx, FileProblem, type Cell } from '../imports/parse';
import { questions } from './lesson-schema';
import { bodyProblems, questionBodySchema, COGNITIVE_LEVELS, type QuestionBody, type QuestionKind, type CognitiveLevel } from './questions';
import { searchKey } from './library-rules';
import { decimalOf } from './elearning-views';
import { subjectPlaceOf } from './elearning';
import { parseGift } from './question-gift';
import { m } from '#lib/paraglide/messages.js';

export const QUESTION_HEADERS = ['STT', 'Loại câu hỏi', 'Mức độ', 'Chủ đề', 'Câu hỏi', 'A', 'B', 'C', 'D', 'E', 'F', 'Đáp án', 'Điểm'] as const;
const COL = { kind: 1, level: 2, topic: 3, stem: 4, options: 5, key: 11, points: 12 } as const;
const letter = (i: number) => String.fromCharCode(65 + i);
const MAX_ROWS = 2000;

const KINDS: Record<string, QuestionKind> = {
	'mot lua chon': 'single',
	'nhieu lua chon': 'multiple',
	'dung/sai': 'true_false',
	'dung sai': 'true_false',
	'tra loi ngan': 'short_answer',
	'dien so': 'numeric',
	'ghep doi': 'matching',
	'tu luan': 'essay'
};
const LEVELS: Record<string, CognitiveLevel> = { 'nhan biet': 'nhan_biet', 'thong hieu': 'thong_hieu', 'van dung': 'van_dung', 'van dung cao': 'van_dung_cao' };

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());

export interface ParsedQuestion {
	row: number;
	kind: QuestionKind;
	level: CognitiveLevel;
	topic: string;
	stem: string;
	points: number;
	body: QuestionBody;
}
export interface RowError {
	row: number;
	column: string;
	message: string;
}

/** Every data row as a question, or the errors of the rows that are not one. Pure. */
export function parseQuestionRows(rows: { number: number; cells: Cell[] }[]): { questions: ParsedQuestion[]; errors: RowError[] } {
	const header = rows.findIndex((r) => r.cells.some((c) => searchKey(text(c)) === 'cau hoi'));
	const data = (header >= 0 ? rows.slice(header + 1) : rows).filter((r) => r.cells.slice(1).some((c) => text(c) !== ''));
	const out: ParsedQuestion[] = [];
	const errors: RowError[] = [];
	for (const r of data) {
		const err = (col: number, message: string) => errors.push({ row: r.number, column: letter(col), message });
		const kind = KINDS[searchKey(text(r.cells[COL.kind]))];
		if (!kind) {
			err(COL.kind, m.qi_kind_unknown());
			continue;
		}
		const levelText = searchKey(text(r.cells[COL.level]));
		const level = levelText ? LEVELS[levelText] : 'nhan_biet';
		if (!level || !COGNITIVE_LEVELS.includes(level)) err(COL.level, m.qi_level_unknown());
		const stem = text(r.cells[COL.stem]);
		if (!stem) err(COL.stem, m.qi_stem_required());
		const pointsText = text(r.cells[COL.points]);
		const points = pointsText ? decimalOf(pointsText) : 1;
		if (points === null || !Number.isInteger(points) || points < 1 || points > 100) err(COL.points, m.qi_points_invalid());
		const options = Array.from({ length: 6 }, (_, i) => text(r.cells[COL.options + i]));
		const filled = options.map((t, i) => ({ id: letter(i).toLowerCase(), text: t })).filter((o) => o.text);
		const key = text(r.cells[COL.key]);
		let body: unknown;
		switch (kind) {
			case 'single':
			case 'multiple': {
				const letters = key.toLowerCase().split(/[\s,;]+/).filter(Boolean);
				body = kind === 'single' ? { kind, options: filled, correct: letters[0] ?? '' } : { kind, options: filled, correct: letters };
				if (kind === 'single' && letters.length !== 1) err(COL.key, m.qi_single_key());
				break;
			}
			case 'true_false': {
				const k = searchKey(key);
				if (k !== 'dung' && k !== 'sai') err(COL.key, m.qi_true_false_key());
				body = { kind, correct: k === 'dung' };
				break;
			}
			case 'short_answer':
				body = { kind, answers: key.split(/[|;]/).map((x) => x.trim()).filter(Boolean), ignoreDiacritics: false };
				break;
			case 'numeric':
				body = { kind, answer: decimalOf(key) ?? NaN, tolerance: 0 };
				if (decimalOf(key) === null) err(COL.key, m.qi_numeric_key());
				break;
			case 'matching':
				body = { kind, pairs: filled.map((o) => ({ left: o.text.split('|')[0]?.trim() ?? '', right: o.text.split('|').slice(1).join('|').trim() })) };
				if (filled.some((o) => !o.text.includes('|'))) err(COL.options, m.qi_matching_pairs());
				break;
			default:
				body = { kind, guidance: key };
		}
		const parsed = questionBodySchema.safeParse(body);
		if (!parsed.success) {
			if (!errors.some((e) => e.row === r.number)) err(['single', 'multiple', 'matching'].includes(kind) ? COL.options : COL.key, m.qi_body_invalid());
			continue;
		}
		for (const problem of bodyProblems(parsed.data)) err(problem.path === 'body.correct' ? COL.key : COL.options, problem.message === 'unknown_option' ? m.el_key_unknown_option() : problem.message === 'duplicate_left' ? m.el_duplicate_left() : m.el_duplicate_option());
		if (errors.some((e) => e.row === r.number)) continue;
		out.push({ row: r.number, kind, level: level!, topic: text(r.cells[COL.topic]), stem, points: points!, body: parsed.data });
	}
	if (data.length > MAX_ROWS) errors.push({ row: data[MAX_ROWS].number, column: 'A', message: m.qi_too_many({ max: MAX_ROWS }) });
	return { questions: out, errors };
}

/**
 * Imports a file into a subject's bank, every question or none: the .xlsx template (problems named
 * by cell) or a Moodle GIFT text file (problems named by question, or by line for a syntax error).
 */
export async function importQuestions(db: Executor, p: Principal, subjectId: string, bytes: Uint8Array) {
	const place = await subjectPlaceOf(db, subjectId);
	authorizeCreate(p, 'question', { path: place.path, authorId: p.personId });
	const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
	let parsed: { kind: QuestionKind; level: CognitiveLevel; topic: string; stem: string; points: number; body: QuestionBody }[];
	let issues: FieldIssue[];
	let errors: RowError[];
	if (isXlsx) {
		let rows;
		try {
			rows = await readXlsx(bytes);
		} catch (e) {
			if (e instanceof FileProblem) throw new ValidationError(m.import_err_file_unreadable(), [{ path: 'file', message: m.import_err_file_unreadable() }]);
			throw e;
		}
		({ questions: parsed, errors } = parseQuestionRows(rows));
		issues = errors.map((e) => ({ path: `${e.column}${e.row}`, message: e.message }));
	} else {
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw new ValidationError(m.qi_not_text(), [{ path: 'file', message: m.qi_not_text() }]);
		}
		({ questions: parsed, errors } = parseGift(text));
		issues = errors.map((e) => ({ path: e.row ? m.qi_gift_question({ n: e.row }) : 'file', message: e.message }));
	}
	if (errors.length) throw new ValidationError(m.qi_invalid({ count: errors.length }), issues, { issues, errors });
	if (!parsed.length) throw new ValidationError(m.qi_empty(), [{ path: 'file', message: m.qi_empty() }]);
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(questions)
			.values(parsed.map((q) => ({ schoolId: place.schoolId, path: place.path, authorId: p.personId, subjectId, kind: q.kind, level: q.level, topic: q.topic, stem: q.stem, body: q.body, points: q.points })))
			.returning({ id: questions.id });
		await writeAudit(tx, p, { action: 'import', entityType: 'question', entityId: inserted[0].id, scopePath: place.path, schoolId: place.schoolId, after: { subjectId, count: inserted.length, format: isXlsx ? 'xlsx' : 'gift' } });
		return { imported: inserted.length };
	});
}

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The uploaded question file (field `file`): the .xlsx template or a GIFT text file (.gift, .txt). */
export async function questionUpload(form: FormData): Promise<Uint8Array> {
	const file = form.get('file');
	const fail = (message: string) => new ValidationError(message, [{ path: 'file', message }]);
	if (!file || typeof file === 'string' || file.size === 0) throw fail(m.gbr_file_missing());
	if (file.size > MAX_IMPORT_BYTES) throw fail(m.import_err_file_too_big({ max: '5 MB' }));
	if (!/\.(xlsx|gift|txt)$/i.test(file.name)) throw fail(m.qi_file_type());
	return new Uint8Array(await file.arrayBuffer());
}

/** The template teachers fill in, with one example row of each kind. */
export async function questionTemplate(): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Câu hỏi');
	ws.addRow([...QUESTION_HEADERS]).font = { bold: true };
	ws.addRow([1, 'Một lựa chọn', 'Nhận biết', 'Phân số', 'Phân số nào bằng 1/2?', '2/4', '2/3', '3/4', '', '', '', 'A', 1]);
	ws.addRow([2, 'Nhiều lựa chọn', 'Thông hiểu', 'Phân số', 'Những phân số nào bằng 1/2?', '2/4', '3/6', '2/3', '', '', '', 'A, B', 2]);
	ws.addRow([3, 'Đúng/Sai', 'Nhận biết', 'Số nguyên', '-3 là số nguyên âm.', '', '', '', '', '', '', 'Đúng', 1]);
	ws.addRow([4, 'Trả lời ngắn', 'Nhận biết', 'Phân số', 'Số nằm trên gạch ngang của phân số gọi là gì?', '', '', '', '', '', '', 'Tử số | tử', 1]);
	ws.addRow([5, 'Điền số', 'Vận dụng', 'Số thập phân', 'Viết 1/4 dưới dạng số thập phân.', '', '', '', '', '', '', '0,25', 1]);
	ws.addRow([6, 'Ghép đôi', 'Thông hiểu', 'Số thập phân', 'Ghép phân số với số thập phân bằng nó.', '1/2 | 0,5', '1/4 | 0,25', '', '', '', '', '', 2]);
	ws.addRow([7, 'Tự luận', 'Vận dụng cao', 'Phân số', 'Giải thích vì sao 2/4 = 1/2.', '', '', '', '', '', '', 'Rút gọn hoặc nhân chéo.', 3]);
	ws.columns.forEach((c, i) => (c.width = i === 4 ? 48 : i === 1 ? 16 : 12));
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
