import { describe, expect, it } from 'vitest';
import { asciiSlug, reportCardOf, vietnameseDate, type ReportCardHeader } from './report-card';

const header: ReportCardHeader = { unitName: 'Xã Thạch Thất', schoolName: 'Trường THCS Bình Yên', schoolYearName: '2026-2027', className: '6A1', homeroomName: 'Trần Thu Hà', place: 'Xã Thạch Thất', date: new Date('2026-11-24T18:30:00Z') };
const subjects = [
	{ id: 't', code: 'TOAN', name: 'Toán', assessment: 'score' as const },
	{ id: 'g', code: 'GDTC', name: 'Giáo dục thể chất', assessment: 'comment' as const }
];
const base = {
	learner: { id: 'l', name: 'Nguyễn Thị Ánh', learnerCode: 'HS01' },
	subjects: { t: { status: 'complete' as const, kind: 'scored' as const, average: 8.5, text: '8,5' }, g: { status: 'incomplete' as const, kind: 'comment' as const, missing: 1, text: '' as const } },
	learning: null,
	conduct: 'kha' as const,
	conductComment: 'Ngoan.',
	conductVersion: 1,
	attendance: { present: 100, late: 1, excused: 2, unexcused: 1, days: 104 }
};

describe('reportCardOf', () => {
	it('prints each subject’s text, a dash for a missing one, and the levels in Vietnamese', () => {
		const c = reportCardOf({ subjects, period: 1 }, base, header);
		expect(c.subjects).toEqual([
			{ name: 'Toán', value: '8,5' },
			{ name: 'Giáo dục thể chất', value: '—' }
		]);
		expect(c).toMatchObject({ learning: 'Chưa đủ điểm', conduct: 'Khá', absences: { excused: 2, unexcused: 1 }, comment: 'Ngoan.', promotion: null, award: null });
	});

	it('states promotion, its reasons and the title for the year', () => {
		const promoted = reportCardOf({ subjects, period: 'year' }, { ...base, learning: { level: 'tot', adjustedBecauseOf: null }, conduct: 'tot', promotion: { promoted: true, blockers: [] }, award: 'hoc_sinh_gioi' }, header);
		expect(promoted).toMatchObject({ learning: 'Tốt', promotion: 'Được lên lớp', award: 'Học sinh Giỏi' });
		const held = reportCardOf({ subjects, period: 'year' }, { ...base, promotion: { promoted: false, blockers: ['learning', 'absences'] } }, header);
		expect(held.promotion).toBe('Chưa được lên lớp (kết quả học tập, nghỉ quá 45 buổi)');
		expect(reportCardOf({ subjects, period: 'year' }, { ...base, promotion: null }, header).promotion).toBe('Chưa đủ kết quả để xét');
	});
});

describe('vietnameseDate', () => {
	it('is the day in Vietnam (UTC+7), not in UTC', () => expect(vietnameseDate(new Date('2026-11-24T18:30:00Z'))).toBe('ngày 25 tháng 11 năm 2026'));
});

describe('asciiSlug', () => {
	it('makes file names ASCII', () => {
		expect(asciiSlug('Nguyễn Thị Ánh Đào')).toBe('nguyen-thi-anh-dao');
		expect(asciiSlug('Lớp Chồi 1')).toBe('lop-choi-1');
		expect(asciiSlug('"; \\')).toBe('x');
	});
});
