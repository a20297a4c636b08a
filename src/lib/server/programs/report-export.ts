/**
 * A periodic report as PDF (through platform/pdf.ts: the official header with the organisation,
 * "BÁO CÁO QUÝ — Kỳ: Quý IV/2026", the figures table with targets, the narrative, the status and
 * the signature block) and as .xlsx (a figures sheet with numbers as numbers, a narrative sheet).
 */
import ExcelJS from 'exceljs';
import { A4, asciiSlug, drawOfficialHeader, renderPdf, vietnameseDate, type PdfFile } from '../platform/pdf';
import type { Figure, FigureGroup } from './figures';
import type { ReportView } from './report-service';
import type { NarrativeSection } from './report-rules';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

export const groupTitle = (g: FigureGroup) =>
	({ usage: m.prgrep_group_usage, pilots: m.prgrep_group_pilots, training: m.prgrep_group_training, surveys: m.prgrep_group_surveys, gradebook: m.prgrep_group_gradebook, engagement: m.prgrep_group_engagement, fair: m.prgrep_group_fair, budget: m.prgrep_group_budget })[g]();
export const sectionTitle = (s: NarrativeSection) => ({ results: m.prgrep_section_results, difficulties: m.prgrep_section_difficulties, proposals: m.prgrep_section_proposals, nextPlan: m.prgrep_section_nextPlan })[s]();
const unitTitle = (u: Figure['unit']) => ({ count: m.prgrep_unit_count, percent: m.prgrep_unit_percent, vnd: m.prgrep_unit_vnd, index: m.prgrep_unit_index })[u]();

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** A figure's value as printed: "—" with "chưa có dữ liệu" when there is none, never 0. */
export function formatValue(f: Pick<Figure, 'value' | 'unit'>): string {
	if (f.value === null) return `— (${m.prgrep_no_data()})`;
	return f.unit === 'percent' ? `${NUMBER.format(f.value)}%` : NUMBER.format(f.value);
}
export const figureLabel = (f: Figure) => (getLocale() === 'en' ? f.label.en : f.label.vi);

/** Figures grouped in their order of appearance. */
export function groupFigures(figures: Figure[]): { group: FigureGroup; title: string; figures: Figure[] }[] {
	const out: { group: FigureGroup; title: string; figures: Figure[] }[] = [];
	for (const f of figures) {
		let g = out.find((x) => x.group === f.group);
		if (!g) out.push((g = { group: f.group, title: groupTitle(f.group), figures: [] }));
		g.figures.push(f);
	}
	return out;
}

export const reportFileName = (r: Pick<ReportView, 'template' | 'periodKey' | 'orgName'>, ext: 'pdf' | 'xlsx') => `bao-cao-${r.template}-${r.periodKey}-${asciiSlug(r.orgName)}.${ext}`;

export interface ReportPdfOptions {
	/**
	 * CALL POINT for the dashboards part: draws server-rendered charts into the document, after the
	 * figures table and before the narrative (starting at `doc.y`, on the current page).
	 */
	drawCharts?: (doc: PDFKit.PDFDocument, report: ReportView) => void;
}

export async function reportPdf(r: ReportView, opts: ReportPdfOptions = {}): Promise<PdfFile> {
	const left = A4.margin;
	const width = A4.width - 2 * A4.margin;
	const bytes = await renderPdf(`${r.templateTitle} ${r.periodLabel} — ${r.orgName}`, (doc) => {
		doc.addPage();
		const below = drawOfficialHeader(doc, r.parentName ?? 'UBND thành phố Hà Nội', r.orgName);
		doc.font('italic').fontSize(10).text(m.prgrep_pdf_place_date({ date: vietnameseDate(r.submittedAt ? new Date(r.submittedAt) : new Date()) }), left + width / 2, below + 8, { width: width / 2, align: 'center' });
		doc.moveDown(1.2);
		doc.font('bold').fontSize(14).text(m.prgrep_pdf_title({ title: r.templateTitle.replace(/^Báo cáo /i, '').toUpperCase() }), left, doc.y, { width, align: 'center' });
		doc.font('bold').fontSize(11).text(m.prgrep_pdf_period({ period: r.periodLabel }), { width, align: 'center' });
		doc.font('regular').fontSize(10).text(m.prgrep_pdf_status({ status: r.statusLabel }), { width, align: 'center' });
		doc.moveDown(1);

		// The figures table: indicator | value | target, under each group's title.
		const colValue = 110;
		const colTarget = 80;
		const colLabel = width - colValue - colTarget;
		const row = (label: string, value: string, target: string, font: 'regular' | 'bold') => {
			const h = Math.max(doc.font(font).fontSize(9.5).heightOfString(label, { width: colLabel - 8 }), 12) + 6;
			if (doc.y + h > A4.height - A4.margin) doc.addPage();
			const y = doc.y;
			doc.rect(left, y, colLabel, h).rect(left + colLabel, y, colValue, h).rect(left + colLabel + colValue, y, colTarget, h).lineWidth(0.5).stroke();
			doc.font(font).fontSize(9.5).text(label, left + 4, y + 3, { width: colLabel - 8 });
			doc.text(value, left + colLabel + 4, y + 3, { width: colValue - 8, align: 'right' });
			doc.text(target, left + colLabel + colValue + 4, y + 3, { width: colTarget - 8, align: 'right' });
			doc.x = left;
			doc.y = y + h;
		};
		doc.font('bold').fontSize(11).text(`I. ${m.prgrep_figures().toUpperCase()}`, left, doc.y);
		doc.moveDown(0.3);
		row(m.prgrep_col_figure(), m.prgrep_col_value(), m.prgrep_col_target(), 'bold');
		for (const g of groupFigures(r.figures)) {
			row(g.title, '', '', 'bold');
			for (const f of g.figures) row(figureLabel(f), formatValue(f), f.target == null ? '' : formatValue({ value: f.target, unit: f.unit }), 'regular');
		}
		doc.moveDown(1);

		if (opts.drawCharts) {
			opts.drawCharts(doc, r);
			doc.moveDown(1);
		}

		doc.font('bold').fontSize(11).text(`II. ${m.prgrep_narrative().toUpperCase()}`, left, doc.y);
		r.sections.forEach((s, i) => {
			doc.moveDown(0.4);
			doc.font('bold').fontSize(10.5).text(`${i + 1}. ${sectionTitle(s)}`, left, doc.y, { width });
			doc.font('regular').fontSize(10.5).text(r.narrative[s] || '…', { width, align: 'justify' });
		});
		if (r.decisionComment) {
			doc.moveDown(0.6);
			doc.font('italic').fontSize(10).text(m.prgrep_decision({ comment: r.decisionComment }), { width });
		}

		// Signature block, on the right.
		doc.moveDown(2);
		if (doc.y + 90 > A4.height - A4.margin) doc.addPage();
		const sx = left + width / 2;
		doc.font('bold').fontSize(10.5).text(m.prgrep_pdf_signer(), sx, doc.y, { width: width / 2, align: 'center' });
		doc.font('italic').fontSize(9.5).text(m.prgrep_pdf_sign_hint(), sx, doc.y, { width: width / 2, align: 'center' });
		doc.moveDown(3.5);
		if (r.submittedByName) doc.font('bold').fontSize(10.5).text(r.submittedByName, sx, doc.y, { width: width / 2, align: 'center' });
	});
	return { bytes, filename: reportFileName(r, 'pdf') };
}

/** The report as .xlsx: "Số liệu" (values as numbers, percentages as numbers with a % format) and "Nội dung". */
export async function reportXlsx(r: ReportView): Promise<{ bytes: Uint8Array; filename: string }> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Sen';
	const ws = wb.addWorksheet(m.prgrep_sheet_figures());
	ws.addRow([`${r.templateTitle} — ${r.orgName}`]).font = { bold: true, size: 13 };
	ws.addRow([m.prgrep_pdf_period({ period: r.periodLabel }), '', m.prgrep_pdf_status({ status: r.statusLabel })]);
	ws.addRow([]);
	const header = ws.addRow([m.prgrep_col_group(), m.prgrep_col_figure(), m.prgrep_col_value(), m.prgrep_col_target(), m.prgrep_col_unit(), m.prgrep_col_key()]);
	header.font = { bold: true };
	for (const f of r.figures) {
		const row = ws.addRow([groupTitle(f.group), figureLabel(f), f.value === null ? m.prgrep_no_data() : f.value, f.target ?? null, unitTitle(f.unit), f.key]);
		if (f.value !== null && f.unit === 'percent') row.getCell(3).numFmt = '0.0';
		if (f.unit === 'vnd') row.getCell(3).numFmt = '#,##0';
	}
	ws.columns.forEach((c, i) => (c.width = [22, 60, 14, 12, 12, 36][i]));
	const ns = wb.addWorksheet(m.prgrep_sheet_narrative());
	ns.addRow([m.prgrep_col_section(), m.prgrep_col_text()]).font = { bold: true };
	for (const s of r.sections) ns.addRow([sectionTitle(s), r.narrative[s]]).alignment = { wrapText: true, vertical: 'top' };
	ns.getColumn(1).width = 28;
	ns.getColumn(2).width = 100;
	const buf = await wb.xlsx.writeBuffer();
	return { bytes: new Uint8Array(buf as ArrayBuffer), filename: reportFileName(r, 'xlsx') };
}
