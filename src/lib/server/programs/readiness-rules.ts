/**
 * The IT-readiness survey (khảo sát mức độ sẵn sàng CNTT trước khi triển khai sổ điểm điện tử):
 * its template and the index computed from a school's submitted answers. docs/decisions/011.
 *
 * Index 0–100 = 100 × (0.30·staff + 0.25·connectivity + 0.25·devices + 0.15·classrooms + 0.05·systems),
 * each component in [0, 1], every ratio capped at 1 (a school cannot make up for missing internet
 * with extra tablets beyond the target):
 * - staff      = 0.5·(teachers with basic IT skills / teachers) + 0.3·(teachers with an IT
 *                certificate / teachers) + 0.2·(self-assessed skill − 1)/(points − 1)
 * - connectivity = 0 without internet; else 0.2 + 0.4·min(bandwidth / 100 Mbps, 1) + 0.4·(Wi-Fi
 *                coverage of classrooms % / 100)
 * - devices    = 0.5·min(((learner computers + tablets) / learners) / 0.1, 1)   (target 1 per 10 learners)
 *              + 0.5·min(teacher computers / teachers, 1)                      (target 1 per teacher)
 * - classrooms = min(classrooms with a projector or smart board / classrooms, 1)
 * - systems    = 0.4·(has a server, on premises or in the cloud) + 0.2 for each of gradebook, LMS,
 *                school-management software in use (at most 0.6)
 * Missing or zero denominators count as 0 for that ratio. Rounded to one decimal.
 *
 * Ready for the e-gradebook (sẵn sàng triển khai sổ điểm điện tử): index ≥ 60 AND the school has
 * internet AND at least one computer per teacher.
 */
import type { Answers, SurveyDefinition } from './survey-rules';

export const IT_READINESS_TEMPLATE = 'it_readiness';
export const READY_INDEX = 60;
export const WEIGHTS = { staff: 0.3, connectivity: 0.25, devices: 0.25, classrooms: 0.15, systems: 0.05 } as const;
export const BANDWIDTH_TARGET_MBPS = 100;
export const LEARNER_DEVICE_TARGET = 0.1;
const SKILL_POINTS = 5;

/** The template's question ids the index reads; an officer may add questions but the template keeps these. */
export const Q = {
	teachers: 'teachers_total',
	basicIt: 'teachers_basic_it',
	certified: 'teachers_it_certificate',
	skill: 'staff_skill_self',
	internet: 'internet_type',
	bandwidth: 'bandwidth_mbps',
	wifi: 'wifi_coverage_pct',
	learners: 'learners_total',
	learnerComputers: 'computers_learners',
	teacherComputers: 'computers_teachers',
	tablets: 'tablets',
	classrooms: 'classrooms_total',
	equipped: 'classrooms_equipped',
	server: 'server',
	software: 'software'
} as const;

/** The template (Vietnamese, as schools read it); `Tạo từ mẫu` copies it into a new draft. */
export function itReadinessDefinition(): SurveyDefinition {
	const int = (id: string, label: string, unit: string, max = 100_000, required = true) => ({ id, label, help: '', required, type: 'number' as const, min: 0, max, integer: true, unit });
	return {
		sections: [
			{
				id: 'staff',
				title: 'Năng lực CNTT của đội ngũ',
				description: '',
				questions: [
					int(Q.teachers, 'Tổng số giáo viên', 'người', 5000),
					int(Q.basicIt, 'Số giáo viên đạt chuẩn kỹ năng sử dụng CNTT cơ bản', 'người', 5000),
					int(Q.certified, 'Số giáo viên có chứng chỉ ứng dụng CNTT', 'người', 5000),
					{ id: Q.skill, label: 'Giáo viên tự đánh giá kỹ năng CNTT (trung bình)', help: '', required: true, type: 'scale' as const, points: SKILL_POINTS, minLabel: 'Rất hạn chế', maxLabel: 'Thành thạo' }
				]
			},
			{
				id: 'connectivity',
				title: 'Kết nối Internet',
				description: '',
				questions: [
					{ id: Q.internet, label: 'Loại kết nối Internet chính', help: '', required: true, type: 'choice' as const, options: [{ value: 'fiber', label: 'Cáp quang (FTTH)' }, { value: 'adsl', label: 'ADSL' }, { value: 'mobile', label: '4G/5G' }, { value: 'none', label: 'Chưa có Internet' }] },
					{ id: Q.bandwidth, label: 'Băng thông', help: '', required: true, type: 'number' as const, min: 0, max: 10_000, integer: false, unit: 'Mbps' },
					{ id: Q.wifi, label: 'Tỉ lệ phòng học có Wi-Fi', help: '', required: true, type: 'number' as const, min: 0, max: 100, integer: false, unit: '%' }
				]
			},
			{
				id: 'devices',
				title: 'Thiết bị',
				description: '',
				questions: [
					int(Q.learners, 'Tổng số học sinh', 'học sinh', 20_000),
					int(Q.learnerComputers, 'Số máy tính dành cho học sinh', 'máy'),
					int(Q.teacherComputers, 'Số máy tính dành cho giáo viên', 'máy'),
					int(Q.tablets, 'Số máy tính bảng', 'máy')
				]
			},
			{
				id: 'classrooms',
				title: 'Phòng học',
				description: '',
				questions: [int(Q.classrooms, 'Tổng số phòng học', 'phòng', 1000), int(Q.equipped, 'Số phòng học có máy chiếu hoặc bảng tương tác', 'phòng', 1000)]
			},
			{
				id: 'systems',
				title: 'Máy chủ và phần mềm',
				description: '',
				questions: [
					{ id: Q.server, label: 'Máy chủ của trường', help: '', required: true, type: 'choice' as const, options: [{ value: 'none', label: 'Không có' }, { value: 'on_premise', label: 'Có, đặt tại trường' }, { value: 'cloud', label: 'Có, thuê dịch vụ đám mây' }] },
					{
						id: Q.software,
						label: 'Phần mềm đang sử dụng',
						help: '',
						required: true,
						type: 'multiple' as const,
						options: [{ value: 'gradebook', label: 'Sổ điểm điện tử (của nhà cung cấp)' }, { value: 'lms', label: 'Hệ thống quản lý học tập (LMS)' }, { value: 'school_management', label: 'Phần mềm quản lý nhà trường' }, { value: 'zalo', label: 'Zalo' }, { value: 'none', label: 'Chưa sử dụng' }]
					}
				]
			}
		]
	};
}

const num = (a: Answers, k: string) => (typeof a[k] === 'number' && Number.isFinite(a[k]) ? (a[k] as number) : 0);
const clamp = (x: number) => Math.max(0, Math.min(1, x));
const ratio = (a: number, b: number) => (b > 0 ? clamp(a / b) : 0);

export interface ReadinessComponents {
	staff: number;
	connectivity: number;
	devices: number;
	classrooms: number;
	systems: number;
}

export function readinessComponents(a: Answers): ReadinessComponents {
	const teachers = num(a, Q.teachers);
	const skill = num(a, Q.skill);
	const staff = 0.5 * ratio(num(a, Q.basicIt), teachers) + 0.3 * ratio(num(a, Q.certified), teachers) + 0.2 * (skill >= 1 ? clamp((skill - 1) / (SKILL_POINTS - 1)) : 0);
	const online = typeof a[Q.internet] === 'string' && a[Q.internet] !== 'none';
	const connectivity = online ? 0.2 + 0.4 * clamp(num(a, Q.bandwidth) / BANDWIDTH_TARGET_MBPS) + 0.4 * clamp(num(a, Q.wifi) / 100) : 0;
	const learners = num(a, Q.learners);
	const perLearner = learners > 0 ? (num(a, Q.learnerComputers) + num(a, Q.tablets)) / learners : 0;
	const devices = 0.5 * clamp(perLearner / LEARNER_DEVICE_TARGET) + 0.5 * ratio(num(a, Q.teacherComputers), teachers);
	const classrooms = ratio(num(a, Q.equipped), num(a, Q.classrooms));
	const software = Array.isArray(a[Q.software]) ? (a[Q.software] as string[]) : [];
	const server = typeof a[Q.server] === 'string' && a[Q.server] !== 'none';
	const systems = (server ? 0.4 : 0) + 0.2 * ['gradebook', 'lms', 'school_management'].filter((s) => software.includes(s)).length;
	return { staff, connectivity, devices, classrooms, systems: clamp(systems) };
}

/** The IT-readiness index 0–100 with one decimal (formula above). */
export function readinessIndex(a: Answers): number {
	const c = readinessComponents(a);
	const x = WEIGHTS.staff * c.staff + WEIGHTS.connectivity * c.connectivity + WEIGHTS.devices * c.devices + WEIGHTS.classrooms * c.classrooms + WEIGHTS.systems * c.systems;
	return Math.round(x * 1000) / 10;
}

/** Ready for the e-gradebook: index ≥ 60, internet present, at least one computer per teacher. */
export function readyForGradebook(a: Answers, index = readinessIndex(a)): boolean {
	const teachers = num(a, Q.teachers);
	const online = typeof a[Q.internet] === 'string' && a[Q.internet] !== 'none';
	return index >= READY_INDEX && online && teachers > 0 && num(a, Q.teacherComputers) >= teachers;
}
