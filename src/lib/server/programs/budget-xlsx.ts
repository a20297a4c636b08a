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
