/**
 * Generated PDF documents (report cards, lesson plans, certificates): pdfkit with DejaVu Sans
 * (npm dejavu-fonts-ttf, Bitstream Vera licence: free to embed and redistribute), because the PDF
 * base fonts have no Vietnamese glyphs. One way to make a document and one way to answer it over HTTP.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { unaccent } from '../people/names';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;
function loadFonts() {
	fonts ??= {
		regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
		bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
		italic: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'))
	};
	return fonts;
}

/** A4 in points, with Sen's margin. */
export const A4 = { width: 595.28, height: 841.89, margin: 45 };

/**
 * Draws an A4 document (fonts 'regular', 'bold', 'italic' registered; no page added yet) and
 * returns its bytes.
 */
export async function renderPdf(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
	const f = loadFonts();
	const doc = new PDFDocument({ size: 'A4', margin: A4.margin, autoFirstPage: false, font: f.regular as unknown as string, info: { Title: title, Creator: 'Sen', Producer: 'Sen' }, lang: 'vi-VN' });
	doc.registerFont('regular', f.regular);
	doc.registerFont('bold', f.bold);
	doc.registerFont('italic', f.italic);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<void>((resolve, reject) => {
		doc.on('end', () => resolve());
		doc.on('error', reject);
	});
	draw(doc);
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}

/** "ngày 05 tháng 11 năm 2026" in Vietnam's time zone. */
export function vietnameseDate(d: Date): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(d).map((x) => [x.type, x.value])
	);
	return `ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

/** An ASCII file name part: "Nguyễn Thị Ánh" → "nguyen-thi-anh". */
export const asciiSlug = (s: string) =>
	unaccent(s)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '') || 'x';

export interface PdfFile {
	bytes: Uint8Array;
	filename: string;
}

export const PDF_TYPE = 'application/pdf';

/** The HTTP answer for a generated PDF: a download with an ASCII file name, never cached by shared caches. */
export function pdfResponse(file: PdfFile): Response {
	return new Response(file.bytes as BodyInit, {
		headers: { 'content-type': PDF_TYPE, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
	});
}

/**
 * The head of an official Vietnamese document at the top of the current page: the managing body
 * and the school on the left, the Quốc hiệu and Tiêu ngữ on the right. Returns the y below it.
 */
export function drawOfficialHeader(doc: PDFKit.PDFDocument, unitName: string, schoolName: string): number {
	const left = A4.margin;
	const half = (A4.width - 2 * A4.margin) / 2;
	const y = A4.margin;
	doc.font('regular').fontSize(10).text(unitName.toUpperCase(), left, y, { width: half - 10, align: 'center' });
	doc.font('bold').fontSize(10).text(schoolName.toUpperCase(), left, doc.y, { width: half - 10, align: 'center' });
	const leftBottom = doc.y;
	doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half - 10, y, { width: half + 10, align: 'center' });
	doc.font('bold').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', left + half - 10, doc.y, { width: half + 10, align: 'center' });
	const mottoY = doc.y + 2;
	const mottoCentre = left + half - 10 + (half + 10) / 2;
	doc.moveTo(mottoCentre - 75, mottoY).lineTo(mottoCentre + 75, mottoY).lineWidth(0.6).stroke();
	return Math.max(leftBottom, mottoY);
}
