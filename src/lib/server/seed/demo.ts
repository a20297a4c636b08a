/**
 * The demo Hanoi of design.md §5: the city department, two local units named for the program's
 * pilot areas (Ba Đình, urban; Thạch Thất, suburban), one school of each level including a private
 * one, a school year with two terms, classes with Vietnamese-named learners, teachers, parents,
 * and one login per role. Runs only on an empty database and never in production.
 */
import { seedSurveysDemo } from '../programs/survey-demo';
import { contactBookEntries, conversationMembers, conversations, messages } from '../messaging/schema';
import { fanOut } from '../messaging/service';
import { count, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { learningPlaces } from '../learning/place-schema';
import { clubPosts, clubs, forumCategories, forumSpaces, forumThreads, parentCommitteeMembers, parentCommittees } from '../community/schema';
import { threadSearchText } from '../community/rules';
import type { PlaceKind, PlaceLevel } from '../learning/place-rules';
import { classes, enrolments, orgUnits, schoolYears, schools, subjectGroups, subjects, terms } from '../organisations/schema';
import { accounts, guardianships, persons, roleGrants } from '../people/schema';
import { hashPassword } from '../auth/password';
import { gradeColumns, gradeEntries, teachingAssignments } from '../gradebook/schema';
import { lessonPlanEvents, lessonPlans } from '../learning/schema';
import { demoLessonPlanContent } from '../learning/content';
import type { Role, ScopeType } from '../auth/principal';
import { defaultSubjectAssessment } from '../gradebook/rules';
import { seedReportsDemo } from '../programs/report-demo';
import { seedPilotsDemo } from '../programs/pilot-demo';
import { seedNotificationsDemo } from '../notifications/demo';
import { counsellingSlots } from '../counselling/schema';
import { generateSlots } from '../counselling/rules';
import { newRoomName } from '../platform/meeting-link';
import { networkMembers, networkVetting } from '../network/schema';
import { CODE_OF_CONDUCT_VERSION, memberSearchKey, type MemberKind, type Offer } from '../network/rules';
import { fullName } from '../people/names';
import { events, meetingInvitations, meetings } from '../events/schema';

import { DEMO_LOGINS, DEMO_PASSWORD } from './logins';
import { seedDashboardDemo } from '../programs/dashboard-demo';
import { seedBudgetDemo } from '../programs/budget-demo';
import { seedTrainingDemo } from '../programs/training-demo';
export { DEMO_LOGINS, DEMO_PASSWORD };


const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Minh', 'Thanh', 'Phương'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Gia'];
const GIVEN_F = ['An', 'Ánh', 'Chi', 'Dung', 'Hà', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Trang', 'Yến'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Khoa', 'Long', 'Nam', 'Phúc', 'Tùng'];

/** Deterministic names so the demo looks the same on every machine. */
export function demoName(i: number) {
	const female = i % 2 === 0;
	return {
		familyName: FAMILY[(i * 7) % FAMILY.length],
		middleName: (female ? MIDDLE_F : MIDDLE_M)[(i * 5) % 6],
		givenName: (female ? GIVEN_F : GIVEN_M)[(i * 11) % 12],
		gender: (female ? 'female' : 'male') as 'female' | 'male'
	};
}

/**
 * The school year a demo started today belongs to: a Vietnamese year runs from early September to
 * the end of May, so from July on the demo shows the year about to begin.
 */
export function demoStartYear(today = new Date()): number {
	return today.getUTCMonth() >= 6 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}

export async function seedDemoIfEmpty(db: Database, startYear = demoStartYear()): Promise<{ created: boolean; logins: { username: string; role: string }[] }> {
	const [{ n }] = await db.select({ n: count() }).from(orgUnits);
	const logins = DEMO_LOGINS.map((l) => ({ username: l.username, role: l.label }));
	if (Number(n) > 0) return { created: false, logins };
	const hashes = await Promise.all(DEMO_LOGINS.map(() => hashPassword(DEMO_PASSWORD)));
	await db.transaction((tx) => seedDemo(tx, hashes, startYear));
	return { created: true, logins };
}

async function seedDemo(tx: Executor, hashes: string[], y: number) {
	const unit = async (name: string, code: string, kind: 'department' | 'commune_ward', parentPath: string, parentId: string | null, historicalDistrict: string | null) => {
		const id = crypto.randomUUID();
		const path = `${parentPath}${id}/`;
		await tx.insert(orgUnits).values({ id, name, code, kind, parentId, path, historicalDistrict });
		return { id, path };
	};
	const city = await unit('Sở Giáo dục và Đào tạo Hà Nội', 'HN', 'department', '/', null, null);
	const baDinh = await unit('Phường Ba Đình', 'HN-BADINH', 'commune_ward', city.path, city.id, 'Quận Ba Đình');
	const thachThat = await unit('Xã Thạch Thất', 'HN-THACHTHAT', 'commune_ward', city.path, city.id, 'Huyện Thạch Thất');

	type Level = 'preschool' | 'primary' | 'lower_secondary' | 'upper_secondary' | 'multi_level';
	const school = async (u: { id: string; path: string }, code: string, name: string, level: Level, ownership: 'public' | 'private', setting: 'urban' | 'suburban', address: string) => {
		const id = crypto.randomUUID();
		const path = `${u.path}${id}/`;
		await tx.insert(schools).values({ id, orgUnitId: u.id, code, name, level, ownership, setting, address, path });
		const [year] = await tx.insert(schoolYears).values({ schoolId: id, name: `${y}-${y + 1}`, startsOn: `${y}-09-05`, endsOn: `${y + 1}-05-31` }).returning();
		await tx.insert(terms).values([
			{ schoolId: id, schoolYearId: year.id, number: 1, startsOn: `${y}-09-05`, endsOn: `${y + 1}-01-10` },
			{ schoolId: id, schoolYearId: year.id, number: 2, startsOn: `${y + 1}-01-11`, endsOn: `${y + 1}-05-31` }
		]);
		return { id, path, yearId: year.id, level };
	};
	const mn = await school(baDinh, 'MN-HOASEN', 'Trường Mầm non Hoa Sen', 'preschool', 'public', 'urban', '12 phố Đội Cấn, phường Ba Đình, Hà Nội');
	const th = await school(baDinh, 'TH-HOASUA', 'Trường Tiểu học Hoa Sữa', 'primary', 'public', 'urban', '25 phố Kim Mã, phường Ba Đình, Hà Nội');
	const thcs = await school(thachThat, 'THCS-BINHYEN', 'Trường THCS Bình Yên', 'lower_secondary', 'public', 'suburban', 'Thôn 3, xã Thạch Thất, Hà Nội');
	const thpt = await school(city, 'THPT-SONGHONG', 'Trường THPT Sông Hồng', 'upper_secondary', 'public', 'urban', '8 phố Phan Đình Phùng, phường Ba Đình, Hà Nội');
	const lc = await school(thachThat, 'LC-SAOMAI', 'Trường Liên cấp Sao Mai (tư thục)', 'multi_level', 'private', 'suburban', 'Khu đô thị Hòa Lạc, xã Thạch Thất, Hà Nội');

	// Subject groups and subjects of the lower-secondary school (Circular 22: some by comment).
	const group = async (s: typeof thcs, name: string) => {
		const id = crypto.randomUUID();
		await tx.insert(subjectGroups).values({ id, schoolId: s.id, name, path: `${s.path}${id}/` });
		return { id, path: `${s.path}${id}/` };
	};
	const khtn = await group(thcs, 'Tổ Khoa học tự nhiên');
	const xh = await group(thcs, 'Tổ Khoa học xã hội');
	// The assessment form comes from the same TT22 Điều 5 rule as a subject created in the app.
	const subject = (groupId: string, code: string, name: string, periodsPerYear: number) => ({
		schoolId: thcs.id,
		subjectGroupId: groupId,
		code,
		name,
		assessment: defaultSubjectAssessment(thcs.level, code, name),
		periodsPerYear
	});
	const thcsSubjects = await tx.insert(subjects).values([
		subject(khtn.id, 'TOAN', 'Toán', 140),
		subject(khtn.id, 'KHTN', 'Khoa học tự nhiên', 140),
		subject(khtn.id, 'TIN', 'Tin học', 35),
		subject(khtn.id, 'CN', 'Công nghệ', 35),
		subject(xh.id, 'VAN', 'Ngữ văn', 140),
		subject(xh.id, 'ANH', 'Tiếng Anh', 105),
		subject(xh.id, 'LSDL', 'Lịch sử và Địa lí', 105),
		subject(xh.id, 'GDCD', 'Giáo dục công dân', 35),
		subject(xh.id, 'GDTC', 'Giáo dục thể chất', 70),
		subject(xh.id, 'NT', 'Nghệ thuật', 70),
		subject(xh.id, 'HDTN', 'Hoạt động trải nghiệm, hướng nghiệp', 105)
	]).returning();

	let seq = 0;
	const person = async (kind: 'learner' | 'staff' | 'guardian' | 'community', s: { id: string; path: string } | null, extra: Partial<typeof persons.$inferInsert> = {}, path?: string) => {
		const n = demoName(seq++);
		const [row] = await tx
			.insert(persons)
			.values({ kind, ...n, schoolId: s?.id ?? null, path: path ?? s?.path ?? city.path, ...extra })
			.returning();
		return row;
	};

	// Classes with learners; learners get codes like the Ministry's database (school code + number).
	const classesMade: Record<string, { id: string; path: string; learners: string[] }> = {};
	const makeClass = async (s: typeof thcs, name: string, grade: number, size: number, homeroomTeacherId: string | null = null) => {
		const id = crypto.randomUUID();
		const path = `${s.path}${id}/`;
		await tx.insert(classes).values({ id, schoolId: s.id, schoolYearId: s.yearId, name, grade, homeroomTeacherId, path });
		const learners: string[] = [];
		for (let i = 0; i < size; i++) {
			const birthYear = y - 6 - grade;
			const l = await person('learner', s, { learnerCode: `${s.id.slice(0, 4).toUpperCase()}${name.replace(/\W/g, '')}${String(i + 1).padStart(2, '0')}`, dateOfBirth: `${birthYear}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}` });
			await tx.insert(enrolments).values({ schoolId: s.id, schoolYearId: s.yearId, classId: id, learnerId: l.id });
			learners.push(l.id);
		}
		classesMade[`${s.id}:${name}`] = { id, path, learners };
		return classesMade[`${s.id}:${name}`];
	};

	const staff = async (s: typeof thcs, code: string, extra: Partial<typeof persons.$inferInsert> = {}) => person('staff', s, { staffCode: code, ...extra });
	const homeroomT = await staff(thcs, 'GV-BY-001', { email: 'homeroom@sen.test', phone: '0912000001' });
	const mathT = await staff(thcs, 'GV-BY-002', { email: 'teacher@sen.test' });
	const headT = await staff(thcs, 'GV-BY-003');
	const leaderP = await staff(thcs, 'CB-BY-001', { email: 'leader@sen.test' });
	const counsellorP = await staff(thcs, 'CB-BY-002');
	const c6a1 = await makeClass(thcs, '6A1', 6, 12, homeroomT.id);
	const c6a2 = await makeClass(thcs, '6A2', 6, 10);
	await makeClass(thcs, '7A1', 7, 10);
	await makeClass(thcs, '9A1', 9, 8);
	await makeClass(th, '1A', 1, 8);
	await makeClass(th, '5A', 5, 8);
	await makeClass(mn, 'Lớp Chồi 1', 0, 8);
	await makeClass(thpt, '10A1', 10, 10);
	await makeClass(lc, '3A', 3, 6);
	await makeClass(lc, '8A', 8, 6);

	// A parent of the first learner of 6A1, who is also the demo learner.
	const learnerId = c6a1.learners[0];
	const parentP = await person('guardian', thcs, { phone: '0987000002', email: 'parent@sen.test' });
	await tx.insert(guardianships).values({ guardianId: parentP.id, learnerId, relation: 'mother' });
	for (let i = 1; i < 6; i++) {
		const g = await person('guardian', thcs, { phone: `09870001${String(i).padStart(2, '0')}` });
		await tx.insert(guardianships).values({ guardianId: g.id, learnerId: c6a1.learners[i], relation: i % 2 ? 'father' : 'mother' });
	}

	const cityOfficer = await person('staff', null, { email: 'city@sen.test' }, city.path);
	const unitOfficer = await person('staff', null, { email: 'unit@sen.test' }, thachThat.path);
	const admin = await person('staff', null, {}, city.path);
	const mentor = await person('community', null, {}, city.path);
	const alumnus = await person('community', null, {}, city.path);
	const partner = await person('community', null, {}, city.path);

	const grant = (personId: string, role: Role, scopeType: ScopeType, scopeId: string | null, scopePath: string, schoolId: string | null = null) =>
		tx.insert(roleGrants).values({ personId, role, scopeType, scopeId, scopePath, schoolId });
	await grant(admin.id, 'system_admin', 'city', null, city.path);
	await grant(cityOfficer.id, 'city_officer', 'city', city.id, city.path);
	await grant(unitOfficer.id, 'unit_officer', 'org_unit', thachThat.id, thachThat.path);
	await grant(leaderP.id, 'school_leader', 'school', thcs.id, thcs.path, thcs.id);
	await grant(headT.id, 'teacher', 'school', thcs.id, thcs.path, thcs.id);
	await grant(headT.id, 'subject_group_head', 'subject_group', khtn.id, khtn.path, thcs.id);
	await grant(headT.id, 'teacher', 'class', c6a2.id, c6a2.path, thcs.id);
	await grant(homeroomT.id, 'teacher', 'school', thcs.id, thcs.path, thcs.id);
	await grant(homeroomT.id, 'homeroom_teacher', 'class', c6a1.id, c6a1.path, thcs.id);
	await grant(homeroomT.id, 'teacher', 'class', c6a1.id, c6a1.path, thcs.id);
	await grant(mathT.id, 'teacher', 'school', thcs.id, thcs.path, thcs.id);
	await grant(mathT.id, 'teacher', 'class', c6a1.id, c6a1.path, thcs.id);
	await grant(mathT.id, 'teacher', 'class', c6a2.id, c6a2.path, thcs.id);
	await grant(counsellorP.id, 'counsellor', 'school', thcs.id, thcs.path, thcs.id);
	await grant(parentP.id, 'parent', 'learner', learnerId, thcs.path, thcs.id);
	await grant(learnerId, 'learner', 'school', thcs.id, thcs.path, thcs.id);
	await grant(mentor.id, 'mentor', 'city', city.id, city.path);
	await grant(alumnus.id, 'alumnus', 'city', city.id, city.path);
	await grant(partner.id, 'partner_contact', 'city', city.id, city.path);

	// The city's community network: the three community logins, vetted by the city officer (their
	// roles above are what vetting grants), consenting to be contacted by schools.
	const networkMember = async (who: typeof mentor, kind: MemberKind, organisation: string, title: string, offers: Offer[], areas: string) => {
		const profile = { organisation, title, bio: '', areas };
		const [mb] = await tx
			.insert(networkMembers)
			.values({ personId: who.id, kind, ...profile, offers, consentContact: true, consentedAt: new Date(), codeOfConductVersion: CODE_OF_CONDUCT_VERSION, codeOfConductAgreedAt: new Date(), status: 'vetted', path: city.path, searchText: memberSearchKey(fullName(who), profile) })
			.returning();
		await tx.insert(networkVetting).values({ memberId: mb.id, identityChecked: true, identityNote: 'CCCD', backgroundCheck: 'done', backgroundCheckedOn: `${y}-08-20`, codeOfConductConfirmed: true, decision: 'vetted', path: city.path, decidedBy: cityOfficer.id });
	};
	await networkMember(mentor, 'mentor', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Kỹ sư vật liệu', ['talk', 'mentoring', 'judging'], 'khoa học vật liệu, gốm sứ, STEM');
	await networkMember(alumnus, 'alumnus', 'Cựu học sinh THCS Bình Yên', 'Lập trình viên', ['talk', 'mentoring'], 'tin học, lập trình');
	await networkMember(partner, 'business', 'Hợp tác xã Gốm Bát Tràng', 'Nghệ nhân', ['hosting_visit', 'internship', 'talk'], 'gốm, nghề truyền thống, mỹ thuật');

	// Phân công giảng dạy and a first few Toán scores of 6A1 (term 1), so the gradebook has something to show.
	const subjectId = (code: string) => thcsSubjects.find((x) => x.code === code)!.id;
	const assign = (classId: string, path: string, code: string, teacherId: string) =>
		tx.insert(teachingAssignments).values({ schoolId: thcs.id, schoolYearId: thcs.yearId, classId, subjectId: subjectId(code), teacherId, path });
	await assign(c6a1.id, c6a1.path, 'TOAN', mathT.id);
	await assign(c6a2.id, c6a2.path, 'TOAN', mathT.id);
	await assign(c6a1.id, c6a1.path, 'VAN', homeroomT.id);
	await assign(c6a1.id, c6a1.path, 'KHTN', headT.id);
	await assign(c6a2.id, c6a2.path, 'KHTN', headT.id);
	const [tx1, gk] = await tx
		.insert(gradeColumns)
		.values(
			(['regular', 'midterm'] as const).map((kind) => ({ schoolId: thcs.id, classId: c6a1.id, subjectId: subjectId('TOAN'), term: 1, kind, valueType: 'score' as const, slot: 1, path: c6a1.path }))
		)
		.returning();
	const demoScore = (i: number, base: number) => base + ((i * 7) % 25);
	await tx.insert(gradeEntries).values(
		c6a1.learners.flatMap((learnerId, i) => [
			{ schoolId: thcs.id, columnId: tx1.id, learnerId, scoreTenths: demoScore(i, 70), updatedBy: mathT.id },
			{ schoolId: thcs.id, columnId: gk.id, learnerId, scoreTenths: demoScore(i + 3, 60), updatedBy: mathT.id }
		])
	);

	// Kế hoạch bài dạy of Toán 6: one approved (teacher → group head → leader), one waiting for the
	// group head, and a shared draft the colleagues may copy.
	const plan = async (title: string, week: number, status: 'draft' | 'submitted' | 'approved', shared: boolean, steps: [from: 'draft' | 'submitted' | 'group_approved' | null, to: 'draft' | 'submitted' | 'group_approved' | 'approved', actor: string, comment: string][]) => {
		const [row] = await tx
			.insert(lessonPlans)
			.values({ schoolId: thcs.id, schoolYearId: thcs.yearId, path: khtn.path, subjectGroupId: khtn.id, authorId: mathT.id, subjectId: subjectId('TOAN'), grade: 6, title, week, periods: 2, status, shared, version: steps.length, content: demoLessonPlanContent(title) })
			.returning();
		for (const [fromStatus, toStatus, actorId, comment] of steps) await tx.insert(lessonPlanEvents).values({ planId: row.id, schoolId: thcs.id, fromStatus, toStatus, actorId, comment });
	};
	await plan('Tập hợp. Phần tử của tập hợp', 1, 'approved', true, [
		[null, 'draft', mathT.id, ''],
		['draft', 'submitted', mathT.id, ''],
		['submitted', 'group_approved', headT.id, 'Hoạt động luyện tập phù hợp với học sinh lớp 6.'],
		['group_approved', 'approved', leaderP.id, '']
	]);
	await plan('Phép cộng và phép trừ số tự nhiên', 3, 'submitted', false, [
		[null, 'draft', mathT.id, ''],
		['draft', 'submitted', mathT.id, '']
	]);
	await plan('Lũy thừa với số mũ tự nhiên', 4, 'draft', true, [[null, 'draft', mathT.id, '']]);

	// Learning places (địa điểm học tập trải nghiệm) with their approximate coordinates: the
	// department's for every school, and one Thạch Thất pagoda added by THCS Bình Yên for itself.
	const cityPlace = (name: string, kind: PlaceKind, address: string, latitude: number, longitude: number, learning: string, levels: PlaceLevel[], contact = '') =>
		({ schoolId: null, path: city.path, name, kind, address, latitude, longitude, learning, levels, contact, createdBy: cityOfficer.id });
	await tx.insert(learningPlaces).values([
		cityPlace('Văn Miếu – Quốc Tử Giám', 'heritage', '58 phố Quốc Tử Giám, Hà Nội', 21.0293, 105.8355, 'Trường đại học đầu tiên của Việt Nam (1076), bia Tiến sĩ, truyền thống hiếu học.', ['primary', 'lower_secondary', 'upper_secondary'], '024 3845 2917'),
		cityPlace('Làng gốm Bát Tràng', 'craft_village', 'Xã Bát Tràng, Hà Nội', 20.976, 105.913, 'Nghề gốm truyền thống: làm đất, tạo hình trên bàn xoay, vẽ men, nung.', ['preschool', 'primary', 'lower_secondary']),
		cityPlace('Bảo tàng Dân tộc học Việt Nam', 'museum', 'Đường Nguyễn Văn Huyên, Hà Nội', 21.0405, 105.7985, 'Văn hoá 54 dân tộc Việt Nam; nhà truyền thống ngoài trời.', ['primary', 'lower_secondary', 'upper_secondary'], '024 3756 2193'),
		cityPlace('Làng cổ Đường Lâm', 'local_culture', 'Đường Lâm, Sơn Tây, Hà Nội', 21.1583, 105.4722, 'Làng Việt cổ vùng đồi trung du: nhà đá ong, đình Mông Phụ, nghề làm tương và chè lam.', ['primary', 'lower_secondary', 'upper_secondary']),
		cityPlace('Vườn quốc gia Ba Vì', 'nature', 'Xã Ba Vì, Hà Nội', 21.08, 105.37, 'Hệ sinh thái rừng nhiệt đới núi thấp, đa dạng sinh học, bảo tồn.', ['lower_secondary', 'upper_secondary'])
	]);
	await tx.insert(learningPlaces).values({ schoolId: thcs.id, path: thcs.path, name: 'Chùa Tây Phương', kind: 'heritage', wardId: thachThat.id, address: 'Núi Tây Phương, xã Thạch Thất, Hà Nội', latitude: 21.0205, longitude: 105.5662, learning: 'Kiến trúc chùa cổ, 18 pho tượng La Hán bằng gỗ mít.', levels: ['lower_secondary'], createdBy: headT.id });

	// Tư vấn học đường: the counsellor's free slots over the next days — three online on the first
	// school day ahead (14:00, 30 minutes each) and two in person the day after.
	const day = (ahead: number) => new Date(Date.now() + 7 * 3600_000 + ahead * 86_400_000).toISOString().slice(0, 10);
	await tx.insert(counsellingSlots).values([
		...generateSlots({ date: day(1), time: '14:00', minutes: 30, count: 3 }).map((x) => ({ ...x, schoolId: thcs.id, path: thcs.path, counsellorId: counsellorP.id, mode: 'online' as const, place: '', room: newRoomName() })),
		...generateSlots({ date: day(2), time: '09:00', minutes: 45, count: 2, gapMinutes: 15 }).map((x) => ({ ...x, schoolId: thcs.id, path: thcs.path, counsellorId: counsellorP.id, mode: 'in_person' as const, place: 'Phòng tư vấn tâm lý, tầng 2 nhà A' }))
	]);
	// Liên lạc: the homeroom teacher's announcement to 6A1's parents and a contact-book note for the demo learner.
	const [announcement] = await tx
		.insert(conversations)
		.values({ schoolId: thcs.id, path: c6a1.path, kind: 'class_announcement', classId: c6a1.id, title: 'Họp phụ huynh đầu năm', repliesAllowed: true, createdBy: homeroomT.id })
		.returning();
	await tx.insert(conversationMembers).values({ conversationId: announcement.id, personId: homeroomT.id, role: 'owner', lastReadAt: new Date() });
	await fanOut(tx, announcement.id, c6a1.id, homeroomT.id);
	await tx.insert(messages).values({ conversationId: announcement.id, authorId: homeroomT.id, body: 'Kính mời quý phụ huynh lớp 6A1 dự họp phụ huynh đầu năm lúc 8 giờ sáng Chủ nhật tại phòng 6A1.' });
	await tx.insert(contactBookEntries).values({ schoolId: thcs.id, classId: c6a1.id, learnerId, path: c6a1.path, authorId: homeroomT.id, kind: 'weekly', on: `${y}-09-18`, body: 'Tuần đầu em đi học đúng giờ, hăng hái phát biểu. Gia đình nhắc em chuẩn bị đủ sách vở.' });
	// Community: a science club of THCS Bình Yên run by the Toán teacher, the city's teachers'
	// forum with a first thread, and the parent committee of 6A1 chaired by the demo parent.
	const [club] = await tx
		.insert(clubs)
		.values({ schoolId: thcs.id, path: thcs.path, kind: 'science_tech', name: 'CLB Khoa học – Kỹ thuật', description: 'Chế tạo mô hình, lập trình robot, chuẩn bị cuộc thi Khoa học kỹ thuật cấp thành phố. Sinh hoạt chiều thứ Năm hằng tuần.', advisorId: mathT.id, openTo: ['learners'], createdBy: leaderP.id })
		.returning();
	await tx.insert(forumSpaces).values({ path: club.path, schoolId: thcs.id, kind: 'club', clubId: club.id, name: club.name });
	await tx.insert(clubPosts).values({ clubId: club.id, authorId: mathT.id, title: 'Chào năm học mới', body: 'Câu lạc bộ nhận thành viên mới: các em đăng ký trên Sen, thầy cô sẽ duyệt.' });
	const [cityForum] = await tx.insert(forumSpaces).values({ path: city.path, schoolId: null, kind: 'city_teachers', name: 'Diễn đàn giáo viên Hà Nội' }).returning();
	const [mathCategory] = await tx.insert(forumCategories).values({ spaceId: cityForum.id, name: 'Toán THCS', position: 0 }).returning();
	const threadTitle = 'Dạy phân số lớp 6 bằng hình ảnh';
	const threadBody = 'Chia sẻ cách dùng hình tròn và thanh sô-cô-la để giới thiệu phân số và phân số bằng nhau.';
	await tx.insert(forumThreads).values({ spaceId: cityForum.id, categoryId: mathCategory.id, authorId: mathT.id, title: threadTitle, body: threadBody, searchText: threadSearchText(threadTitle, threadBody) });
	await tx.insert(forumSpaces).values({ path: thcs.path, schoolId: thcs.id, kind: 'school', name: 'Phòng giáo viên THCS Bình Yên' });
	const [committee] = await tx.insert(parentCommittees).values({ schoolId: thcs.id, classId: c6a1.id, path: c6a1.path, name: 'Ban đại diện CMHS lớp 6A1' }).returning();
	await tx.insert(parentCommitteeMembers).values({ committeeId: committee.id, personId: parentP.id, role: 'chair' });
	await tx.insert(forumSpaces).values({ path: committee.path, schoolId: thcs.id, kind: 'committee', committeeId: committee.id, name: committee.name });
	// Events and meetings: a parents' talk in two weeks, and 6A1's parents' meeting online next week
	// (9:00 in Vietnam = 02:00 UTC).
	const at = (days: number, hourUtc: number) => {
		const d = new Date();
		return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hourUtc));
	};
	await tx.insert(events).values({ schoolId: thcs.id, path: thcs.path, kind: 'talk', title: 'Tọa đàm: Đồng hành cùng con tuổi dậy thì', description: 'Chuyên gia tâm lý học đường trao đổi với cha mẹ học sinh khối 6 và 7.', startsAt: at(14, 1), endsAt: at(14, 3), venue: 'Hội trường trường THCS Bình Yên', capacity: 80, audience: 'parents', createdBy: leaderP.id });
	const [parentsMeeting] = await tx
		.insert(meetings)
		.values({ schoolId: thcs.id, path: c6a1.path, forKind: 'parent_group', forId: c6a1.id, title: 'Họp phụ huynh lớp 6A1 (trực tuyến)', description: 'Trao đổi kết quả giữa học kỳ I và kế hoạch ôn tập.', startsAt: at(7, 12), endsAt: at(7, 13), room: newRoomName(), createdBy: homeroomT.id })
		.returning();
	const parents6a1 = await tx.selectDistinct({ id: guardianships.guardianId }).from(guardianships).where(inArray(guardianships.learnerId, c6a1.learners));
	await tx.insert(meetingInvitations).values(parents6a1.map((g) => ({ meetingId: parentsMeeting.id, personId: g.id })));

	const owner: Record<string, string> = {
		admin: admin.id,
		city: cityOfficer.id,
		unit: unitOfficer.id,
		leader: leaderP.id,
		grouphead: headT.id,
		homeroom: homeroomT.id,
		teacher: mathT.id,
		counsellor: counsellorP.id,
		parent: parentP.id,
		learner: learnerId,
		mentor: mentor.id,
		alumnus: alumnus.id,
		partner: partner.id
	};
	await tx.insert(accounts).values(
		DEMO_LOGINS.map((l, i) => ({ personId: owner[l.username], username: l.username, email: `${l.username}@sen.test`, passwordHash: hashes[i] }))
	);
	await seedNotificationsDemo(tx, { parent: parentP.id, teacher: mathT.id }, y);
	await seedDashboardDemo(tx);
	await seedReportsDemo(tx, { school: thcs, leader: leaderP.id, unitOfficer: unitOfficer.id }, y);
	await seedBudgetDemo(tx, { cityPath: city.path, officerId: cityOfficer.id });
	await seedTrainingDemo(tx, { city, schools: [mn, th, thcs, thpt, lc], cityOfficer: cityOfficer.id, leader: { id: leaderP.id, path: leaderP.path, schoolId: thcs.id }, teachers: [homeroomT, mathT, headT].map((t) => ({ id: t.id, path: t.path, schoolId: thcs.id })), parent: { id: parentP.id, path: parentP.path }, year: y });
	await seedSurveysDemo(tx, { city, officerId: cityOfficer.id, schools: { mn, th, thcs, thpt, lc } });
	await seedPilotsDemo(tx, owner);
}
