/**
 * Demo periodic reports: THCS Bình Yên's monthly report for September of the demo year, submitted
 * by its leader and accepted by Xã Thạch Thất's officer (its figures snapshotted as on submission),
 * and the school's October report still a draft — so the lists, the roll-up and the exports have
 * something to show.
 */
import type { Executor } from '../db/client';
import { programReports } from './report-schema';
import { periodOf } from './report-rules';
import { reportFigures } from './report-figures';

export async function seedReportsDemo(tx: Executor, ids: { school: { id: string; path: string }; leader: string; unitOfficer: string }, year: number) {
	const sept = periodOf('monthly', `${year}-09`)!;
	const oct = periodOf('monthly', `${year}-10`)!;
	const submittedAt = new Date(Date.UTC(year, 9, 3, 2));
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
			decidedAt: new Date(submittedAt.getTime() + 86_400_000),
			decisionComment: 'Đạt yêu cầu.'
		},
		{ template: 'monthly', periodKey: oct.key, periodFrom: oct.from, periodTo: oct.to, level: 'school', schoolId: ids.school.id, path: ids.school.path, narrative: { results: '', difficulties: '', proposals: '', nextPlan: '' }, createdBy: ids.leader }
	]);
}
