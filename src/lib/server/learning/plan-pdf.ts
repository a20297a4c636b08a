/**
 * A lesson plan as the PDF a school files: the head of an official document, then the frame of
 * Công văn 5512 Phụ lục IV (I. Mục tiêu, II. Thiết bị dạy học và học liệu, III. Tiến trình dạy học
 * with its four activities a–d). Vietnamese whatever the reader's UI language: it is the document.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { orgUnits, schools, schoolYears, subjectGroups, subjects } from '../organisations/schema';
import { A4, asciiSlug, drawOfficialHeader, renderPdf, vietnameseDate, type PdfFile } from '../platform/pdf';
import type { LessonPlanContent } from './content';
import { getLessonPlan } from './service';
import { lessonPlanStatusLabel } from '#lib/learning/labels';
import { richTextPlain } from '#lib/rich-text';
import type { LessonPlanStatus } from './workflow';

/** The four activities of Phụ lục IV, in order. */
export const ACTIVITY_NAMES = ['Mở đầu', 'Hình thành kiến thức mới', 'Luyện tập', 'Vận dụng'] as const;
export const ACTIVITY_PARTS = [
	['goal', 'a) Mục tiêu'],
	['content', 'b) Nội dung'],
	['product', 'c) Sản phẩm'],
	['organisation', 'd) Tổ chức thực hiện']
] as const;

export interface LessonPlanDocument {
	unitName: string;
	schoolName: string;
	groupName: string;
	subjectName: string;
	grade: number;
	title: string;
	periods: number;
	schoolYearName: string;
	week: number | null;
	authorName: string;
	status: LessonPlanStatus;
	/** When the last review step happened (the final approval, if approved). */
	decidedAt: Date | null;
	content: LessonPlanContent;
}

/** The text as printed: its light formatting (bullets, bold…) as plain text, '…' when empty. */
const blank = (s: string) => (s.trim() === '' ? '…' : richTextPlain(s));

/** Draws the plan (pure apart from pdfkit): page breaks fall where the text needs them. */
export function renderLessonPlan(d: LessonPlanDocument): Promise<Uint8Array> {
	return renderPdf(`Kế hoạch bài dạy - ${d.title}`, (doc) => {
		doc.addPage();
		const left = A4.margin;
		const width = A4.width - 2 * A4.margin;
		let y = drawOfficialHeader(doc, d.unitName, d.schoolName) + 20;
		doc.font('regular').fontSize(10).text(d.groupName ? `Tổ: ${d.groupName}` : '', left, y, { width: width / 2 - 10, align: 'center' });
		doc.font('regular').fontSize(10).text(`Họ và tên giáo viên: ${d.authorName}`, left + width / 2, y, { width: width / 2, align: 'center' });
		y = doc.y + 16;
		doc.font('bold').fontSize(13).text(`TÊN BÀI DẠY: ${d.title.toUpperCase()}`, left, y, { width, align: 'center' });
		doc.font('regular').fontSize(11).text(`Môn học: ${d.subjectName}; lớp: ${d.grade}`, { width, align: 'center' });
		doc.text(`Thời gian thực hiện: (${d.periods} tiết)${d.week ? ` · Tuần ${d.week}` : ''} · Năm học ${d.schoolYearName}`, { width, align: 'center' });
		doc.moveDown(1);

		const heading = (s: string) => doc.moveDown(0.4).font('bold').fontSize(11.5).text(s, left, doc.y, { width });
		const part = (label: string, body: string) => doc.font('bold').fontSize(11).text(`${label}: `, left, doc.y, { width, continued: true }).font('regular').text(blank(body));

		heading('I. Mục tiêu');
		part('1. Về kiến thức', d.content.objectives.knowledge);
		part('2. Về năng lực', d.content.objectives.competencies);
		part('3. Về phẩm chất', d.content.objectives.qualities);
		heading('II. Thiết bị dạy học và học liệu');
		doc.font('regular').fontSize(11).text(blank(d.content.materials), left, doc.y, { width });
		heading('III. Tiến trình dạy học');
		d.content.activities.forEach((a, i) => {
			heading(`${i + 1}. Hoạt động ${i + 1}: ${ACTIVITY_NAMES[i]}${a.title.trim() ? ` - ${a.title.trim()}` : ''}`);
			for (const [k, label] of ACTIVITY_PARTS) part(label, a[k]);
		});

		doc.moveDown(1.2);
		const status = d.decidedAt ? `${lessonPlanStatusLabel(d.status, 'vi')} (${vietnameseDate(d.decidedAt)})` : lessonPlanStatusLabel(d.status, 'vi');
		doc.font('italic').fontSize(10).text(`Trạng thái trong Sen: ${status}`, left, doc.y, { width });
	});
}

/** The PDF of a plan the caller may read. */
export async function lessonPlanPdf(db: Executor, p: Principal, id: string): Promise<PdfFile> {
	const plan = await getLessonPlan(db, p, id);
	const [place] = await db
		.select({ schoolName: schools.name, unitName: orgUnits.name, yearName: schoolYears.name, subjectName: subjects.name })
		.from(schools)
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.innerJoin(schoolYears, eq(schoolYears.id, plan.schoolYearId))
		.innerJoin(subjects, eq(subjects.id, plan.subjectId))
		.where(eq(schools.id, plan.schoolId));
	const [group] = plan.subjectGroupId ? await db.select({ name: subjectGroups.name }).from(subjectGroups).where(eq(subjectGroups.id, plan.subjectGroupId)) : [];
	const last = plan.events.at(-1);
	const bytes = await renderLessonPlan({
		unitName: place?.unitName ?? '',
		schoolName: place?.schoolName ?? '',
		groupName: group?.name ?? '',
		subjectName: place?.subjectName ?? '',
		grade: plan.grade,
		title: plan.title,
		periods: plan.periods,
		schoolYearName: place?.yearName ?? '',
		week: plan.week,
		authorName: plan.authorName,
		status: plan.status,
		decidedAt: last && last.fromStatus !== null ? last.at : null,
		content: plan.content
	});
	return { bytes, filename: `ke-hoach-bai-day-${asciiSlug(place?.subjectName ?? '')}-${asciiSlug(plan.title)}.pdf` };
}
