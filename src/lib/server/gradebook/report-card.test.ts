import { describe, expect, it } from 'vitest';
import { asciiSlug, reportCardOf, vietnameseDate, type ReportCard, type ReportCardHeader } from './report-card';

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

const secondary = (c: ReportCard) => {
	if (c.kind !== 'secondary') throw new Error(`expected the secondary card, got ${c.kind}`);
	return c;
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
		const held = secondary(reportCardOf({ subjects, period: 'year' }, { ...base, promotion: { promoted: false, blockers: ['learning', 'absences'] } }, header));
		expect(held.promotion).toBe('Chưa được lên lớp (kết quả học tập, nghỉ quá 45 buổi)');
		expect(secondary(reportCardOf({ subjects, period: 'year' }, { ...base, promotion: null }, header)).promotion).toBe('Chưa đủ kết quả để xét');
	});
});

describe('reportCardOf for a primary class (TT27)', () => {
	const primarySubjects = [
		{ id: 'tv', code: 'S0', name: 'Tiếng Việt', assessment: 'score' as const },
		{ id: 'dd', code: 'S1', name: 'Đạo đức', assessment: 'score' as const },
		{ id: 'kh', code: 'S2', name: 'Khoa học', assessment: 'score' as const }
	];
	const pupil = {
		...base,
		conduct: null,
		primarySubjects: { tv: { level: 'T', test: 9 }, dd: { level: 'H', test: null }, kh: { level: null, test: null } }
	};
	const primary = (c: ReportCard) => {
		if (c.kind !== 'primary') throw new Error(`expected the primary card, got ${c.kind}`);
		return c;
	};

	it('prints each subject’s level in words (Điều 7) and its test score where there is one, and no result for a term', () => {
		const c = primary(reportCardOf({ subjects: primarySubjects, period: 1 }, pupil, header));
		expect(c.subjects).toEqual([
			{ name: 'Tiếng Việt', level: 'Hoàn thành tốt', test: '9' },
			{ name: 'Đạo đức', level: 'Hoàn thành', test: '' },
			{ name: 'Khoa học', level: '—', test: '' }
		]);
		expect(c).toMatchObject({ result: null, qualities: null, comment: 'Ngoan.', absences: { excused: 2, unexcused: 1 } });
		expect(c).not.toHaveProperty('conduct');
	});

	it('states the year’s result (Điều 9), “Chưa đủ kết quả” while incomplete, and counts the ratings of qualities', () => {
		const done = primary(reportCardOf({ subjects: primarySubjects, period: 'year' }, { ...pupil, primaryResult: { status: 'complete', result: 'htxs' } }, header, { tot: 12, dat: 3, can_co_gang: 0 }));
		expect(done.result).toBe('Hoàn thành xuất sắc');
		expect(done.qualities).toBe('Tốt 12, Đạt 3, Cần cố gắng 0');
		expect(primary(reportCardOf({ subjects: primarySubjects, period: 'year' }, { ...pupil, primaryResult: { status: 'complete', result: 'cht' } }, header)).result).toBe('Chưa hoàn thành');
		const open = primary(reportCardOf({ subjects: primarySubjects, period: 'year' }, { ...pupil, primaryResult: { status: 'incomplete', missingLevels: ['Khoa học'], missingTests: [], missingQualities: [] } }, header));
		expect(open.result).toBe('Chưa đủ kết quả');
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
