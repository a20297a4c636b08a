/**
 * Phiếu báo kết quả học tập (report card): one A4 page per learner per term or year, built from
 * classResults so the card can never disagree with the gradebook. Primary classes get the TT27
 * form (phiếu báo kết quả giáo dục: levels, test scores, the year's result; no conduct). The form is an official
 * Vietnamese document, so its text is Vietnamese whatever the reader's UI language.
 *
 * PDF by pdfkit, text in DejaVu Sans (npm dejavu-fonts-ttf, Bitstream Vera licence: free to
 * embed and redistribute) because the PDF base fonts have no Vietnamese glyphs.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { NotFoundError } from '../errors';
import { classes, enrolments, orgUnits, schools, schoolYears } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName } from '../people/names';
import { A4, asciiSlug, drawOfficialHeader, renderPdf, vietnameseDate, type PdfFile } from '../platform/pdf';

export { asciiSlug, vietnameseDate, pdfResponse, PDF_TYPE, type PdfFile } from '../platform/pdf';
import { classResults, type ClassResults, type LearnerResult, type Period } from './class-results';
import { classContext } from './service';
import { qualityAssessments } from './schema';
import { QUALITY_LEVELS, type Level, type PrimaryYearResult, type QualityLevel, type SubjectLevel } from './rules';
import { m } from '#lib/paraglide/messages.js';

// ── The card's content (pure) ───────────────────────────────────────────────────────────────────

export const LEVEL_TEXT: Record<Level, string> = { tot: 'Tốt', kha: 'Khá', dat: 'Đạt', chua_dat: 'Chưa đạt' };
export const periodText = (period: Period) => (period === 1 ? 'Học kì I' : period === 2 ? 'Học kì II' : 'Cả năm học');
const AWARD_TEXT: Record<string, string> = { hoc_sinh_xuat_sac: 'Học sinh Xuất sắc', hoc_sinh_gioi: 'Học sinh Giỏi' };
/** A result the school has not yet shown the family (scores shown only after publishing). */
const UNPUBLISHED = 'Chưa công bố';
const BLOCKER_TEXT: Record<string, string> = { conduct: 'kết quả rèn luyện', learning: 'kết quả học tập', absences: 'nghỉ quá 45 buổi' };

export interface ReportCardHeader {
	unitName: string;
	schoolName: string;
	schoolYearName: string;
	className: string;
	homeroomName: string;
	place: string;
	/** The day printed on the card, Asia/Ho_Chi_Minh. */
	date: Date;
}

interface ReportCardBase {
	header: ReportCardHeader;
	period: Period;
	learnerName: string;
	learnerCode: string;
	absences: { excused: number; unexcused: number };
	comment: string;
}

/** Lower and upper secondary (TT22): averages, learning and conduct levels, promotion, title. */
export interface SecondaryReportCard extends ReportCardBase {
	kind: 'secondary';
	subjects: { name: string; value: string }[];
	learning: string;
	conduct: string;
	/** Year only: "Được lên lớp" / "Chưa được lên lớp (…)" and the title, if any. */
	promotion: string | null;
	award: string | null;
}

/** Primary (TT27): each subject's level and test score, and for the year the result of Điều 9; no conduct. */
export interface PrimaryReportCard extends ReportCardBase {
	kind: 'primary';
	subjects: { name: string; level: string; test: string }[];
	/** Year only: "Hoàn thành xuất sắc" … "Chưa hoàn thành", or "Chưa đủ kết quả". */
	result: string | null;
	/** "Tốt 12, Đạt 3, Cần cố gắng 0" when the period's ratings of qualities and competencies exist. */
	qualities: string | null;
}

export type ReportCard = SecondaryReportCard | PrimaryReportCard;

/** TT27 Điều 7 khoản 1 (subjects) and Điều 9 (the year), as printed. */
export const PRIMARY_LEVEL_TEXT: Record<SubjectLevel, string> = { T: 'Hoàn thành tốt', H: 'Hoàn thành', C: 'Chưa hoàn thành' };
export const PRIMARY_RESULT_TEXT: Record<PrimaryYearResult, string> = { htxs: 'Hoàn thành xuất sắc', htt: 'Hoàn thành tốt', ht: 'Hoàn thành', cht: 'Chưa hoàn thành' };
export const QUALITY_LEVEL_TEXT: Record<QualityLevel, string> = { tot: 'Tốt', dat: 'Đạt', can_co_gang: 'Cần cố gắng' };

/** How many qualities and competencies a pupil has at each level (TT27 Điều 7 khoản 2). */
export type QualityCounts = Record<QualityLevel, number>;

/**
 * One learner's card from the class results (pure). A primary class's rows carry `primarySubjects`
 * and get the TT27 card; the others the TT22 card, where missing results print as "Chưa đủ điểm".
 */
export function reportCardOf(results: Pick<ClassResults, 'subjects' | 'period'>, row: LearnerResult, header: ReportCardHeader, qualities?: QualityCounts | null): ReportCard {
	const base: ReportCardBase = {
		header,
		period: results.period,
		learnerName: row.learner.name,
		learnerCode: row.learner.learnerCode ?? '',
		absences: { excused: row.attendance.excused, unexcused: row.attendance.unexcused },
		comment: row.conductComment
	};
	if (row.primarySubjects) {
		const primary = row.primarySubjects;
		const outcome = row.primaryResult;
		return {
			...base,
			kind: 'primary',
			subjects: results.subjects.map((s) => {
				const level = primary[s.id]?.level as SubjectLevel | null | undefined;
				const test = primary[s.id]?.test;
				return { name: s.name, level: level ? (PRIMARY_LEVEL_TEXT[level] ?? level) : '—', test: test === null || test === undefined ? '' : String(test) };
			}),
			result: results.period !== 'year' ? null : outcome?.status === 'complete' ? PRIMARY_RESULT_TEXT[outcome.result] : 'Chưa đủ kết quả',
			qualities: qualities ? QUALITY_LEVELS.map((k) => `${QUALITY_LEVEL_TEXT[k]} ${qualities[k]}`).join(', ') : null
		};
	}
	const missing = 'Chưa đủ điểm';
	let promotion: string | null = null;
	if (results.period === 'year') {
		if (!row.promotion) promotion = 'Chưa đủ kết quả để xét';
		else promotion = row.promotion.promoted ? 'Được lên lớp' : `Chưa được lên lớp (${row.promotion.blockers.map((b) => BLOCKER_TEXT[b] ?? b).join(', ')})`;
	}
	return {
		...base,
		kind: 'secondary',
		subjects: results.subjects.map((s) => ({ name: s.name, value: row.unpublished?.includes(s.id) ? UNPUBLISHED : row.subjects[s.id]?.text || '—' })),
		learning: row.learning ? LEVEL_TEXT[row.learning.level] : row.unpublished?.length ? UNPUBLISHED : missing,
		conduct: row.conduct ? LEVEL_TEXT[row.conduct] : 'Chưa đánh giá',
		promotion,
		award: row.award ? (AWARD_TEXT[row.award] ?? row.award) : null
	};
}

const periodSlug = (period: Period) => (period === 'year' ? 'ca-nam' : `hk${period}`);

// ── Rendering ───────────────────────────────────────────────────────────────────────────────────

const PAGE = A4;

/** Renders cards into one PDF, one A4 page each. */
export async function renderReportCards(cards: ReportCard[], title: string): Promise<Uint8Array> {
	return renderPdf(title, (doc) => {
		if (!cards.length) {
			doc.addPage();
			doc.font('regular').fontSize(12).text('Lớp chưa có học sinh.');
		}
		for (const card of cards) drawCard(doc, card);
	});
}

function drawCard(doc: PDFKit.PDFDocument, c: ReportCard) {
	doc.addPage();
	const left = PAGE.margin;
	const width = PAGE.width - 2 * PAGE.margin;
	const half = width / 2;

	let y = drawOfficialHeader(doc, c.header.unitName, c.header.schoolName) + 24;

	doc.font('bold').fontSize(15).text(c.kind === 'primary' ? 'PHIẾU BÁO KẾT QUẢ GIÁO DỤC' : 'PHIẾU BÁO KẾT QUẢ HỌC TẬP', left, y, { width, align: 'center' });
	doc.font('regular').fontSize(11).text(`${periodText(c.period)} - Năm học ${c.header.schoolYearName}`, left, doc.y + 2, { width, align: 'center' });
	y = doc.y + 16;

	const line = (label: string, value: string, x: number, w: number, at: number) => {
		doc.font('regular').fontSize(11).text(`${label}: `, x, at, { width: w, continued: true }).font('bold').text(value);
	};
	line('Họ và tên học sinh', c.learnerName, left, width * 0.62, y);
	line('Lớp', c.header.className, left + width * 0.64, width * 0.36, y);
	y = doc.y + 4;
	line('Mã học sinh', c.learnerCode || '—', left, width * 0.62, y);
	line('GVCN', c.header.homeroomName || '—', left + width * 0.64, width * 0.36, y);
	y = doc.y + 12;

	// The subjects table: averages (TT22), or levels and test scores (TT27).
	const cols =
		c.kind === 'primary'
			? [
					{ title: 'STT', w: 40, align: 'center' as const },
					{ title: 'Môn học và hoạt động giáo dục', w: width - 40 - 130 - 80, align: 'left' as const },
					{ title: 'Mức đạt được', w: 130, align: 'center' as const },
					{ title: 'Điểm KT', w: 80, align: 'center' as const }
				]
			: [
					{ title: 'STT', w: 40, align: 'center' as const },
					{ title: 'Môn học / Hoạt động giáo dục', w: width - 40 - 170, align: 'left' as const },
					{ title: 'Điểm TB / Mức đánh giá', w: 170, align: 'center' as const }
				];
	const rowH = 19;
	const drawRow = (cells: string[], at: number, bold: boolean, height = rowH) => {
		let x = left;
		cols.forEach((col, i) => {
			doc.rect(x, at, col.w, height).lineWidth(0.5).stroke();
			doc.font(bold ? 'bold' : 'regular').fontSize(10).text(cells[i], x + 5, at + (height - 11) / 2, { width: col.w - 10, align: col.align, lineBreak: false, ellipsis: true });
			x += col.w;
		});
	};
	drawRow(cols.map((x) => x.title), y, true, 24);
	y += 24;
	const subjectRows = c.kind === 'primary' ? c.subjects.map((s) => [s.name, s.level, s.test]) : c.subjects.map((s) => [s.name, s.value]);
	subjectRows.forEach((cells, i) => {
		drawRow([String(i + 1), ...cells], y, false);
		y += rowH;
	});
	y += 14;

	// Results, conduct, attendance, comment.
	const item = (label: string, value: string) => {
		doc.font('regular').fontSize(11).text(`${label}: `, left, y, { width, continued: true }).font('bold').text(value);
		y = doc.y + 5;
	};
	const absences = () => item('Số buổi nghỉ học', `${c.absences.excused + c.absences.unexcused} (có phép: ${c.absences.excused}; không phép: ${c.absences.unexcused})`);
	if (c.kind === 'primary') {
		if (c.result !== null) item('Kết quả giáo dục cả năm', c.result);
		if (c.qualities !== null) item('Phẩm chất, năng lực', c.qualities);
		absences();
	} else {
		item('Kết quả học tập', c.learning);
		item('Kết quả rèn luyện', c.conduct);
		absences();
		if (c.promotion !== null) item('Kết quả xét lên lớp', c.promotion);
		if (c.period === 'year') item('Danh hiệu', c.award ?? 'Không');
	}
	doc.font('regular').fontSize(11).text('Nhận xét của giáo viên chủ nhiệm:', left, y, { width });
	doc.font('italic').fontSize(11).text(c.comment || '……………………………………………………………………………………', left + 12, doc.y + 3, { width: width - 12 });
	y = doc.y + 20;

	// Place, date and signatures.
	doc.font('italic').fontSize(11).text(`${c.header.place}, ${vietnameseDate(c.header.date)}`, left + half, y, { width: half, align: 'center' });
	y = doc.y + 6;
	doc.font('bold').fontSize(11).text('GIÁO VIÊN CHỦ NHIỆM', left, y, { width: half, align: 'center' });
	doc.font('bold').fontSize(11).text('HIỆU TRƯỞNG', left + half, y, { width: half, align: 'center' });
	y = doc.y + 1;
	doc.font('italic').fontSize(9).text('(Ký, ghi rõ họ tên)', left, y, { width: half, align: 'center' });
	doc.font('italic').fontSize(9).text('(Ký tên, đóng dấu)', left + half, y, { width: half, align: 'center' });
	y = doc.y + 60;
	if (c.header.homeroomName) doc.font('bold').fontSize(11).text(c.header.homeroomName, left, y, { width: half, align: 'center' });
}

// ── Loading (policy first) ──────────────────────────────────────────────────────────────────────

async function headerOf(db: Executor, cls: { schoolId: string; schoolYearId: string; name: string; homeroomTeacherId: string | null }): Promise<ReportCardHeader> {
	const [row] = await db
		.select({ schoolName: schools.name, unitName: orgUnits.name, yearName: schoolYears.name })
		.from(schools)
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.innerJoin(schoolYears, eq(schoolYears.id, cls.schoolYearId))
		.where(eq(schools.id, cls.schoolId));
	const [homeroom] = cls.homeroomTeacherId ? await db.select().from(persons).where(eq(persons.id, cls.homeroomTeacherId)) : [];
	return {
		unitName: row?.unitName ?? '',
		schoolName: row?.schoolName ?? '',
		schoolYearName: row?.yearName ?? '',
		className: cls.name,
		homeroomName: homeroom ? fullName(homeroom) : '',
		place: row?.unitName ?? '',
		date: new Date()
	};
}

const cardTitle = (results: ClassResults) => (results.class.stage === 'primary' ? 'Phiếu báo kết quả giáo dục' : 'Phiếu báo kết quả học tập');

/**
 * A primary class's ratings of qualities and competencies at the end of the period (cuối HK I for
 * term 1, cuối năm otherwise), counted per pupil and level; empty for other classes. Call it after
 * classResults, which has authorised the reader.
 */
async function qualityCountsOf(db: Executor, results: ClassResults, learnerId?: string): Promise<Map<string, QualityCounts>> {
	const counts = new Map<string, QualityCounts>();
	if (results.class.stage !== 'primary') return counts;
	const point = results.period === 1 ? 2 : 4;
	const rows = await db
		.select({ learnerId: qualityAssessments.learnerId, level: qualityAssessments.level })
		.from(qualityAssessments)
		.where(and(eq(qualityAssessments.classId, results.class.id), eq(qualityAssessments.point, point), ...(learnerId ? [eq(qualityAssessments.learnerId, learnerId)] : [])));
	for (const r of rows) {
		const c = counts.get(r.learnerId) ?? { tot: 0, dat: 0, can_co_gang: 0 };
		if (r.level in c) c[r.level as QualityLevel]++;
		counts.set(r.learnerId, c);
	}
	return counts;
}

/** A learner's card for a term or the year: the class's GVCN and leaders, the learner's parents, and the learner. */
export async function learnerReportCard(db: Executor, p: Principal, q: { learnerId: string; period: Period; classId?: string }): Promise<PdfFile> {
	const [enrolment] = await db
		.select({ classId: enrolments.classId })
		.from(enrolments)
		.innerJoin(schoolYears, eq(schoolYears.id, enrolments.schoolYearId))
		.where(q.classId ? and(eq(enrolments.learnerId, q.learnerId), eq(enrolments.classId, q.classId)) : eq(enrolments.learnerId, q.learnerId))
		.orderBy(desc(schoolYears.startsOn))
		.limit(1);
	const cls = enrolment ? await classContext(db, enrolment.classId) : undefined;
	authorize(p, 'read', 'grade', cls ? { path: cls.path, personId: q.learnerId } : undefined);
	const results = await classResults(db, p, { classId: cls!.id, period: q.period, learnerId: q.learnerId });
	const row = results.rows.find((r) => r.learner.id === q.learnerId);
	if (!row) throw new NotFoundError(m.error_not_found());
	const qualities = await qualityCountsOf(db, results, q.learnerId);
	const card = reportCardOf(results, row, await headerOf(db, cls!), qualities.get(row.learner.id));
	return {
		bytes: await renderReportCards([card], `${cardTitle(results)} - ${card.learnerName}`),
		filename: `phieu-bao-diem-${asciiSlug(cls!.name)}-${asciiSlug(card.learnerName)}-${periodSlug(q.period)}.pdf`
	};
}

/** The whole class in one PDF, a page per learner in class-list order: the GVCN and the school's leaders. */
export async function classReportCards(db: Executor, p: Principal, q: { classId: string; period: Period }): Promise<PdfFile> {
	const results = await classResults(db, p, q);
	const [cls] = await db.select().from(classes).where(eq(classes.id, q.classId));
	const header = await headerOf(db, cls);
	const qualities = await qualityCountsOf(db, results);
	const cards = results.rows.map((row) => reportCardOf(results, row, header, qualities.get(row.learner.id)));
	return {
		bytes: await renderReportCards(cards, `${cardTitle(results)} - Lớp ${cls.name}`),
		filename: `phieu-bao-diem-lop-${asciiSlug(cls.name)}-${periodSlug(q.period)}.pdf`
	};
}
