/**
 * The budget report as .xlsx: one sheet per year (2023, 2024, 2025 and any other with data) and a
 * summary sheet over all years ("Tổng hợp"), each a row per task (sub-tasks indented under their
 * task) and a totals row. Amounts are numbers in whole đồng with the VND format; the totals row
 * holds values (a SUM would count a task and its sub-tasks twice); % executed is a number (0.0).
 */
import ExcelJS from 'exceljs';
import type { BudgetReport } from './budget-service';
import type { Executed } from './budget-rules';

export const VND_FORMAT = '#,##0 "₫"';
const HEADERS = ['Mã', 'Nhiệm vụ', 'Kế hoạch (đồng)', 'Đã cam kết (đồng)', 'Đã chi (đồng)', 'Còn lại (đồng)', 'Chưa cam kết (đồng)', '% thực hiện'];
const HEADER_ROW = 4;

export const budgetFileName = (year: number | null) => (year === null ? 'kinh-phi-chuong-trinh.xlsx' : `kinh-phi-${year}.xlsx`);

function sheet(wb: ExcelJS.Workbook, name: string, title: string, report: BudgetReport) {
	const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
	ws.columns = [{ width: 8 }, { width: 60 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 12 }];
	ws.getCell('A1').value = 'CHƯƠNG TRÌNH 1217/CTr-ĐHTĐHN';
	ws.getCell('A1').font = { bold: true };
	ws.getCell('A2').value = title;
	ws.getCell('A2').font = { bold: true, size: 14 };
	const head = ws.getRow(HEADER_ROW);
	HEADERS.forEach((h, i) => {
		head.getCell(i + 1).value = h;
		head.getCell(i + 1).font = { bold: true };
	});
	const put = (values: [string, string], e: Executed, bold: boolean) => {
		const row = ws.addRow([...values, Number(e.plan), Number(e.committed), Number(e.spent), Number(e.remaining), Number(e.uncommitted), e.percent]);
		for (let c = 3; c <= 7; c++) row.getCell(c).numFmt = VND_FORMAT;
		row.getCell(8).numFmt = '0.0';
		if (bold) row.font = { bold: true };
	};
	for (const r of report.rows) put([r.task.code, (r.level ? '    ' : '') + r.task.name], r, r.level === 0);
	put(['', 'Tổng cộng'], report.total, true);
	return ws;
}

/** `reports`: the summary (year null) first, then one per year. */
export async function buildBudgetWorkbook(reports: BudgetReport[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Sen';
	for (const r of reports) sheet(wb, r.year === null ? 'Tổng hợp' : String(r.year), r.year === null ? 'KINH PHÍ TỔNG HỢP CÁC NĂM' : `KINH PHÍ NĂM ${r.year}`, r);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ── Import of a year's plan ─────────────────────────────────────────────────────────────────────

export interface PlanSheetRow {
	/** The row number in the sheet (1-based, as Excel shows it). */
	row: number;
	code: string;
	/** The "Kế hoạch" cell as typed: a number or text (parsed by the caller). */
	amount: string | number | null;
}

const cellText = (v: ExcelJS.CellValue): string => {
	if (v === null || v === undefined) return '';
	if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
	if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
	return String(v);
};

/**
 * Reads a plan sheet in the layout the export writes (so an exported report can be edited and
 * imported back): the sheet named for the year, else the first; the header row is found by its
 * "Mã" and "Kế hoạch" cells; rows without a code (the totals row) are skipped. Null when there is no
 * such header.
 */
export async function readPlanSheet(bytes: Uint8Array, year: number): Promise<PlanSheetRow[] | null> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	const ws = wb.getWorksheet(String(year)) ?? wb.worksheets[0];
	if (!ws) return null;
	let header = 0;
	let codeCol = 0;
	let planCol = 0;
	for (let r = 1; r <= Math.min(ws.rowCount, 10) && !header; r++) {
		ws.getRow(r).eachCell((cell, col) => {
			const t = cellText(cell.value).trim().toLowerCase();
			if (t === 'mã') codeCol = col;
			if (t.startsWith('kế hoạch')) planCol = col;
		});
		if (codeCol && planCol) header = r;
		else codeCol = planCol = 0;
	}
	if (!header) return null;
	const out: PlanSheetRow[] = [];
	for (let r = header + 1; r <= ws.rowCount; r++) {
		const row = ws.getRow(r);
		const code = cellText(row.getCell(codeCol).value).trim();
		if (!code) continue;
		const v = row.getCell(planCol).value;
		out.push({ row: r, code, amount: typeof v === 'number' ? v : cellText(v).trim() || null });
	}
	return out;
}
