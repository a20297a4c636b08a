/**
 * Demo periodic reports: THCS Bình Yên's monthly report for September of the demo year, submitted
 * by its leader and accepted by Xã Thạch Thất's officer (its figures snapshotted as on submission),
 * and the school's October report still a draft — so the lists, the roll-up and the exports have
 * something to show. A demo started before October of its year (over the summer, or with a
 * SEN_DEMO_YEAR still to come) takes last month and this month instead: no report is ever for a
 * period that has not begun, nor submitted or decided after `now`.
 */
import type { Executor } from '../db/client';
import { programReports } from './report-schema';
import { periodContaining, periodHasBegun, periodOf, previousPeriod, type Period } from './report-rules';
import { reportFigures } from './report-figures';

/** The demo's two months: September (accepted) and October (draft) of the demo year once October has begun, else last month and this month. */
export function demoReportPeriods(year: number, now: Date): { accepted: Period; draft: Period } {
	const october = periodOf('monthly', `${year}-10`)!;
	const draft = periodHasBegun(october, now) ? october : periodContaining('monthly', now);
	return { accepted: previousPeriod(draft), draft };
}

export async function seedReportsDemo(tx: Executor, ids: { school: { id: string; path: string }; leader: string; unitOfficer: string }, year: number, now = new Date()) {
	const { accepted: sept, draft: oct } = demoReportPeriods(year, now);
	const submittedAt = new Date(Math.min(sept.to.getTime() + 2 * 86_400_000 + 9 * 3600_000, now.getTime() - 2 * 3600_000));
	const decidedAt = new Date(Math.min(submittedAt.getTime() + 86_400_000, now.getTime() - 3600_000));
	await tx.insert(programReports).values([
		{
			template: 'monthly',
			periodKey: sept.key,
			periodFrom: sept.from,
			periodTo: sept.to,
			level: 'school',
			schoolId: ids.school.id,
			path: ids.school.path,
			status: 'accepted',
			narrative: {
				results: 'Hoàn thành nhập danh sách học sinh và phân công giảng dạy năm học mới; 100% giáo viên được cấp tài khoản Sen.',
				difficulties: 'Một số phụ huynh chưa kích hoạt tài khoản.',
				proposals: '',
				nextPlan: 'Tổ chức hướng dẫn phụ huynh sử dụng Sen trong buổi họp phụ huynh đầu năm.'
			},
			figures: await reportFigures(tx, 'monthly', { path: ids.school.path, from: sept.from, to: sept.to }),
			createdBy: ids.leader,
			submittedBy: ids.leader,
			submittedAt,
			decidedBy: ids.unitOfficer,
			decidedAt,
			decisionComment: 'Đạt yêu cầu.'
		},
		{ template: 'monthly', periodKey: oct.key, periodFrom: oct.from, periodTo: oct.to, level: 'school', schoolId: ids.school.id, path: ids.school.path, narrative: { results: '', difficulties: '', proposals: '', nextPlan: '' }, createdBy: ids.leader }
	]);
}
