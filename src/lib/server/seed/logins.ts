/**
 * The demo's logins and their password, on their own so that what only needs them (the browser
 * tests, the start-up banner) does not load the whole seed and every module it writes to.
 */
import type { Role } from '../auth/principal';

export const DEMO_PASSWORD = 'sen-demo';

/** One login per role, printed at start; every password is DEMO_PASSWORD. */
export const DEMO_LOGINS: { username: string; role: Role; label: string }[] = [
	{ username: 'admin', role: 'system_admin', label: 'Quản trị hệ thống / System administrator' },
	{ username: 'city', role: 'city_officer', label: 'Cán bộ Sở / City program officer' },
	{ username: 'unit', role: 'unit_officer', label: 'Cán bộ xã Thạch Thất / Management-unit officer' },
	{ username: 'leader', role: 'school_leader', label: 'Hiệu trưởng THCS / School leader' },
	{ username: 'grouphead', role: 'subject_group_head', label: 'Tổ trưởng KHTN / Subject-group head' },
	{ username: 'homeroom', role: 'homeroom_teacher', label: 'GVCN 6A1 / Homeroom teacher' },
	{ username: 'teacher', role: 'teacher', label: 'Giáo viên Toán / Teacher' },
	{ username: 'counsellor', role: 'counsellor', label: 'Tư vấn học đường / Counsellor' },
	{ username: 'parent', role: 'parent', label: 'Phụ huynh / Parent' },
	{ username: 'learner', role: 'learner', label: 'Học sinh 6A1 / Learner' },
	{ username: 'mentor', role: 'mentor', label: 'Cố vấn / Mentor' },
	{ username: 'alumnus', role: 'alumnus', label: 'Cựu học sinh / Alumnus' },
	{ username: 'partner', role: 'partner_contact', label: 'Đối tác doanh nghiệp / Partner contact' }
];
