/**
 * Demo surveys: the IT-readiness survey sent by the city to every demo school, open for two
 * more weeks — three schools submitted (different indices, one not ready), THCS Bình Yên holds a
 * draft (the demo leader can finish it), Sao Mai has not started.
 */
import type { Executor } from '../db/client';
import { surveyResponses, surveys } from './survey-schema';
import { IT_READINESS_TEMPLATE, itReadinessDefinition, readinessIndex, readyForGradebook } from './readiness-rules';

type School = { id: string; path: string };

export async function seedSurveysDemo(tx: Executor, d: { city: { id: string; path: string }; officerId: string; schools: { mn: School; th: School; thcs: School; thpt: School; lc: School } }, now = new Date()) {
	const day = 86_400_000;
	const [s] = await tx
		.insert(surveys)
		.values({
			orgUnitId: d.city.id,
			path: d.city.path,
			title: 'Khảo sát mức độ sẵn sàng CNTT trước khi triển khai sổ điểm điện tử',
			description: 'Thực hiện kế hoạch của Thành phố: các trường báo cáo năng lực CNTT của đội ngũ, kết nối Internet, thiết bị, phòng học, máy chủ và phần mềm.',
			template: IT_READINESS_TEMPLATE,
			definition: itReadinessDefinition(),
			target: { kind: 'schools', schoolIds: Object.values(d.schools).map((x) => x.id) },
			opensAt: new Date(now.getTime() - 14 * day),
			closesAt: new Date(now.getTime() + 14 * day),
			status: 'sent',
			sentAt: new Date(now.getTime() - 14 * day),
			version: 2,
			createdBy: d.officerId
		})
		.returning();
	const submitted = (answers: Record<string, unknown>, daysAgo: number) => {
		const index = readinessIndex(answers);
		return { status: 'submitted' as const, answers, version: 3, updatedAt: new Date(now.getTime() - daysAgo * day), submittedAt: new Date(now.getTime() - daysAgo * day), readinessIndex: index, ready: readyForGradebook(answers, index) };
	};
	const urbanPrimary = { teachers_total: 48, teachers_basic_it: 46, teachers_it_certificate: 30, staff_skill_self: 4, internet_type: 'fiber', bandwidth_mbps: 150, wifi_coverage_pct: 90, learners_total: 1250, computers_learners: 70, computers_teachers: 50, tablets: 40, classrooms_total: 32, classrooms_equipped: 28, server: 'cloud', software: ['gradebook', 'school_management', 'zalo'] };
	const preschool = { teachers_total: 30, teachers_basic_it: 24, teachers_it_certificate: 10, staff_skill_self: 3, internet_type: 'fiber', bandwidth_mbps: 80, wifi_coverage_pct: 60, learners_total: 420, computers_learners: 6, computers_teachers: 18, tablets: 12, classrooms_total: 16, classrooms_equipped: 6, server: 'none', software: ['school_management', 'zalo'] };
	const upper = { teachers_total: 85, teachers_basic_it: 85, teachers_it_certificate: 70, staff_skill_self: 4, internet_type: 'fiber', bandwidth_mbps: 300, wifi_coverage_pct: 100, learners_total: 1800, computers_learners: 150, computers_teachers: 90, tablets: 0, classrooms_total: 45, classrooms_equipped: 45, server: 'on_premise', software: ['gradebook', 'lms', 'school_management'] };
	await tx.insert(surveyResponses).values([
		{ surveyId: s.id, schoolId: d.schools.th.id, path: d.schools.th.path, ...submitted(urbanPrimary, 5) },
		{ surveyId: s.id, schoolId: d.schools.mn.id, path: d.schools.mn.path, ...submitted(preschool, 3) },
		{ surveyId: s.id, schoolId: d.schools.thpt.id, path: d.schools.thpt.path, ...submitted(upper, 7) },
		{ surveyId: s.id, schoolId: d.schools.thcs.id, path: d.schools.thcs.path, status: 'draft', answers: { teachers_total: 42, teachers_basic_it: 30, internet_type: 'mobile', bandwidth_mbps: 40 }, version: 2, updatedAt: new Date(now.getTime() - 2 * day) },
		{ surveyId: s.id, schoolId: d.schools.lc.id, path: d.schools.lc.path }
	]);
	return s;
}
