/**
 * The training certificate (giấy chứng nhận hoàn thành khóa bồi dưỡng) as a PDF through
 * platform/pdf.ts: the official header, the trainee's name, the course, its dates, the organiser
 * and a verification code printed on the certificate and kept on the enrolment.
 */
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { A4, asciiSlug, drawOfficialHeader, renderPdf, vietnameseDate, type PdfFile } from '../platform/pdf';
import { certificateData } from './training-service';

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export async function certificatePdf(db: Executor, p: Principal, courseId: string, enrolmentId: string): Promise<PdfFile> {
	const d = await certificateData(db, p, courseId, enrolmentId);
	const bytes = await renderPdf(`Giấy chứng nhận – ${d.name}`, (doc) => {
		doc.addPage();
		const width = A4.width - 2 * A4.margin;
		let y = drawOfficialHeader(doc, d.parentUnit, d.organiser) + 50;
		doc.font('bold').fontSize(22).text('GIẤY CHỨNG NHẬN', A4.margin, y, { width, align: 'center' });
		y = doc.y + 6;
		doc.font('regular').fontSize(12).text('HOÀN THÀNH KHÓA BỒI DƯỠNG', A4.margin, y, { width, align: 'center' });
		y = doc.y + 30;
		doc.font('regular').fontSize(12).text(`${d.organiser} chứng nhận:`, A4.margin, y, { width, align: 'center' });
		y = doc.y + 14;
		doc.font('bold').fontSize(18).text(d.name, A4.margin, y, { width, align: 'center' });
		y = doc.y + 6;
		if (d.dateOfBirth) doc.font('regular').fontSize(12).text(`Ngày sinh: ${dmy(d.dateOfBirth)}`, A4.margin, y, { width, align: 'center' });
		y = doc.y + 18;
		doc.font('regular').fontSize(12).text('Đã hoàn thành khóa bồi dưỡng', A4.margin, y, { width, align: 'center' });
		y = doc.y + 6;
		doc.font('bold').fontSize(14).text(d.course, A4.margin, y, { width, align: 'center' });
		y = doc.y + 10;
		doc.font('regular').fontSize(12).text(`Thời gian: từ ${dmy(d.startsOn)} đến ${dmy(d.endsOn)}`, A4.margin, y, { width, align: 'center' });
		if (d.postScore !== null && d.maxScore !== null) doc.text(`Kết quả đánh giá cuối khóa: ${String(d.postScore).replace('.', ',')}/${String(d.maxScore).replace('.', ',')}`, { width, align: 'center' });
		y = doc.y + 40;
		doc.font('italic').fontSize(11).text(`Hà Nội, ${vietnameseDate(d.completedAt!)}`, A4.margin + width / 2, y, { width: width / 2, align: 'center' });
		doc.font('bold').fontSize(11).text('THỦ TRƯỞNG ĐƠN VỊ', A4.margin + width / 2, doc.y + 4, { width: width / 2, align: 'center' });
		doc.font('regular').fontSize(9).text(`Mã xác minh: ${d.code} — tra cứu tại trang /programs/training/verify của Sen`, A4.margin, A4.height - A4.margin - 20, { width, align: 'left' });
	});
	return { bytes, filename: `chung-nhan-${asciiSlug(d.name)}-${d.code.toLowerCase()}.pdf` };
}
