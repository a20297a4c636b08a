import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, orgUnits, schoolYears, schools, subjectGroups, subjects, terms } from '#lib/server/organisations/schema';
import { persons } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
let admin: Client, unit: Client, leader: Client, teacher: Client;
let schoolId: string, otherSchoolId: string, yearId: string;
const classId = async (name: string) => (await app.db.select().from(classes).where(and(eq(classes.schoolId, schoolId), eq(classes.name, name))))[0]?.id;

beforeAll(async () => {
	app = await startApp();
	[admin, unit, leader, teacher] = await Promise.all(['admin', 'unit', 'leader', 'teacher'].map((u) => app.loginAs(u)));
	const all = await app.db.select().from(schools);
	schoolId = all.find((s) => s.code === 'THCS-BINHYEN')!.id;
	otherSchoolId = all.find((s) => s.code === 'TH-HOASUA')!.id;
	yearId = (await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, schoolId)))[0].id;
});
afterAll(() => app?.close());

/** The visible text of a page, tags removed, for matching sentences. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

describe('the organisation tree page', () => {
	it('shows a unit officer their commune with its kind, former district and schools, and nothing outside it', async () => {
		const res = await unit.get('/org');
		expect(res.status).toBe(200);
		const text = textOf(await res.text());
		expect(text).toContain('Xã Thạch Thất');
		expect(text).toContain('Xã/phường');
		expect(text).toContain('trước đây thuộc Huyện Thạch Thất');
		expect(text).toMatch(/Trường THCS Bình Yên Trung học cơ sở Công lập Ngoại thành/);
		expect(text).toMatch(/Trường Liên cấp Sao Mai \(tư thục\) Liên cấp Tư thục/);
		expect(text).not.toContain('Trường Mầm non Hoa Sen');
		expect(text).not.toContain('Phường Ba Đình');
		// A unit officer may add schools but not units.
		expect(text).toContain('Thêm trường');
		expect(text).not.toContain('Thêm đơn vị');
	});

	it('nests the whole tree for an administrator: department, then communes and wards, then schools', async () => {
		const html = await (await admin.get('/org')).text();
		const at = (s: string) => html.indexOf(s);
		expect(at('Sở Giáo dục và Đào tạo Hà Nội')).toBeGreaterThan(-1);
		expect(at('Sở Giáo dục và Đào tạo Hà Nội')).toBeLessThan(at('Phường Ba Đình'));
		expect(at('Phường Ba Đình')).toBeLessThan(at('Trường Mầm non Hoa Sen'));
		expect(html).toContain('Sở GD&amp;ĐT');
		expect(html).toContain('Thêm đơn vị');
	});

	it('lets an administrator add a unit, rename it and delete it while it is empty', async () => {
		const [root] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
		const created = await admin.form('/org?/createUnit', { name: 'Cụm trường Tây Hồ', code: 'HN-CUM-TAYHO', kind: 'cluster', parentId: root.id, historicalDistrict: 'Quận Tây Hồ' });
		expect(created.status).toBe(303);
		const [row] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-CUM-TAYHO'));
		expect(created.headers.get('location')).toBe(`/org/units/${row.id}`);
		expect(row.kind).toBe('cluster');

		const page = textOf(await (await admin.get(`/org/units/${row.id}`)).text());
		expect(page).toContain('Cụm trường');
		expect(page).toContain('trước đây thuộc Quận Tây Hồ');
		expect(page).toContain('Xoá đơn vị');

		const renamed = await admin.form(`/org/units/${row.id}?/update`, { name: 'Cụm trường Tây Hồ mới', code: 'HN-CUM-TAYHO', kind: 'cluster', historicalDistrict: '' });
		expect(renamed.status).toBe(200);
		const [after] = await app.db.select().from(orgUnits).where(eq(orgUnits.id, row.id));
		expect(after.name).toBe('Cụm trường Tây Hồ mới');
		expect(after.historicalDistrict).toBeNull();

		const deleted = await admin.form(`/org/units/${row.id}?/delete`, {});
		expect(deleted.status).toBe(303);
		expect(await app.db.select().from(orgUnits).where(eq(orgUnits.id, row.id))).toHaveLength(0);
	});

	it('offers no delete for a unit with schools, and refuses it with 409 if posted anyway', async () => {
		const [thachThat] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT'));
		expect(await (await admin.get(`/org/units/${thachThat.id}`)).text()).not.toContain('Xoá đơn vị');
		const res = await admin.form(`/org/units/${thachThat.id}?/delete`, {});
		expect(res.status).toBe(409);
		expect(await app.db.select().from(orgUnits).where(eq(orgUnits.id, thachThat.id))).toHaveLength(1);
	});

	it('keeps the typed values and marks the field when a new school has no name', async () => {
		const [thachThat] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT'));
		const res = await unit.form('/org?/createSchool', { name: '', code: 'TH-MOI', orgUnitId: thachThat.id, level: 'primary', ownership: 'public', setting: 'rural', address: 'Thôn 5' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Vui lòng điền mục này.');
		expect(html).toMatch(/id="school-name-error"/);
		expect(html).toMatch(/<input[^>]*name="code"[^>]*value="TH-MOI"/);
		expect(await app.db.select().from(schools).where(eq(schools.code, 'TH-MOI'))).toHaveLength(0);
	});
});

describe('the school page', () => {
	it('shows the leader the classes of the year with homeroom teachers and learner counts, the terms and the subjects', async () => {
		const res = await leader.get(`/schools/${schoolId}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		for (const name of ['6A1', '6A2', '7A1', '9A1']) expect(html).toContain(`>${name}</a>`);
		const [c6a1] = await app.db.select().from(classes).where(eq(classes.id, await classId('6A1')));
		const [homeroom] = await app.db.select().from(persons).where(eq(persons.id, c6a1.homeroomTeacherId!));
		expect(text).toMatch(new RegExp(`6A1 6 ${homeroom.familyName} ${homeroom.middleName} ${homeroom.givenName} 12`));
		expect(text).toContain('Học kỳ 1: 05/09/2026 – 10/01/2027');
		expect(text).toContain('Học kỳ 2: 11/01/2027 – 31/05/2027');
		expect(text).toContain('Tổ Khoa học tự nhiên');
		expect(text).toContain('Giáo dục thể chất');
		expect(text).toContain('Đánh giá bằng nhận xét');
		expect(text).toContain('Thêm lớp');
	});

	it('lets the leader add a class through the form, with a homeroom teacher from the school staff', async () => {
		const staff = await app.db.select().from(persons).where(and(eq(persons.schoolId, schoolId), eq(persons.kind, 'staff')));
		const teacherId = staff.find((s) => s.staffCode === 'GV-BY-002')!.id;
		const res = await leader.form(`/schools/${schoolId}?/createClass`, { schoolYearId: yearId, name: '8A1', grade: '8', homeroomTeacherId: teacherId });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Đã thêm lớp 8A1.');
		const [row] = await app.db.select().from(classes).where(and(eq(classes.schoolId, schoolId), eq(classes.name, '8A1')));
		expect(row).toMatchObject({ grade: 8, homeroomTeacherId: teacherId, schoolYearId: yearId });
		expect(await (await leader.get(`/schools/${schoolId}`)).text()).toContain(`href="/classes/${row.id}"`);
		const [audit] = await app.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
		expect(audit.action).toBe('create');
	});

	it('answers 400 with the Vietnamese message when the class name is empty, keeping the grade typed', async () => {
		const res = await leader.form(`/schools/${schoolId}?/createClass`, { schoolYearId: yearId, name: '', grade: '7' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
		expect(html).toContain('Vui lòng điền mục này.');
		expect(html).toMatch(/id="class-name"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="class-name"/);
		expect(html).toMatch(/<input[^>]*name="grade"[^>]*value="7"/);
	});

	it('answers 409 with the reason when the class name is already taken that year', async () => {
		const res = await leader.form(`/schools/${schoolId}?/createClass`, { schoolYearId: yearId, name: '6A1', grade: '6' });
		expect(res.status).toBe(409);
		expect(textOf(await res.text())).toContain('6A1');
		expect((await app.db.select().from(classes).where(and(eq(classes.schoolId, schoolId), eq(classes.name, '6A1'))))).toHaveLength(1);
	});

	it('adds a school year with its two terms, a subject group and a subject', async () => {
		const year = await leader.form(`/schools/${schoolId}?/createYear`, { name: '2027-2028', startsOn: '2027-09-05', endsOn: '2028-05-31', term2StartsOn: '2028-01-15' });
		expect(year.status).toBe(200);
		const [y] = await app.db.select().from(schoolYears).where(and(eq(schoolYears.schoolId, schoolId), eq(schoolYears.name, '2027-2028')));
		const t = await app.db.select().from(terms).where(eq(terms.schoolYearId, y.id));
		expect(t.map((x) => [x.number, x.startsOn, x.endsOn]).sort()).toEqual([
			[1, '2027-09-05', '2028-01-14'],
			[2, '2028-01-15', '2028-05-31']
		]);
		// The new year's page lists no classes yet; the current year stays the default.
		expect(textOf(await (await leader.get(`/schools/${schoolId}?year=${y.id}`)).text())).toContain('Chưa có lớp nào trong năm học này.');
		expect(textOf(await (await leader.get(`/schools/${schoolId}`)).text())).toContain('Các lớp năm học 2026-2027');

		expect((await leader.form(`/schools/${schoolId}?/createGroup`, { name: 'Tổ Ngoại ngữ' })).status).toBe(200);
		const [group] = await app.db.select().from(subjectGroups).where(and(eq(subjectGroups.schoolId, schoolId), eq(subjectGroups.name, 'Tổ Ngoại ngữ')));
		const subject = await leader.form(`/schools/${schoolId}?/createSubject`, { name: 'Tiếng Trung', code: 'TRUNG', subjectGroupId: group.id, assessment: 'score', periodsPerYear: '105' });
		expect(subject.status).toBe(200);
		const [s] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, schoolId), eq(subjects.code, 'TRUNG')));
		expect(s).toMatchObject({ name: 'Tiếng Trung', subjectGroupId: group.id, periodsPerYear: 105 });
		expect(textOf(await (await leader.get(`/schools/${schoolId}`)).text())).toMatch(/Tổ Ngoại ngữ Tiếng Trung/);
	});

	it('answers 404 to a teacher opening another school, and to an id that is not one', async () => {
		expect((await teacher.get(`/schools/${otherSchoolId}`)).status).toBe(404);
		expect((await teacher.get('/schools/not-a-uuid')).status).toBe(404);
		expect((await leader.get(`/schools/${otherSchoolId}`)).status).toBe(404);
	});

	it('shows a teacher their own school without the forms to change it, and refuses the form with 403', async () => {
		const html = await (await teacher.get(`/schools/${schoolId}`)).text();
		expect(html).toContain('6A1');
		expect(html).not.toContain('?/createClass');
		expect(html).not.toContain('?/updateSchool');
		const res = await teacher.form(`/schools/${schoolId}?/createClass`, { schoolYearId: yearId, name: '6A9', grade: '6' });
		expect(res.status).toBe(403);
		expect(await classId('6A9')).toBeUndefined();
	});

	it('lets the leader edit the school and shows the change', async () => {
		const res = await leader.form(`/schools/${schoolId}?/updateSchool`, { name: 'Trường THCS Bình Yên', code: 'THCS-BINHYEN', level: 'lower_secondary', ownership: 'public', setting: 'rural', address: 'Thôn 4, xã Thạch Thất, Hà Nội' });
		expect(res.status).toBe(200);
		const [s] = await app.db.select().from(schools).where(eq(schools.id, schoolId));
		expect(s).toMatchObject({ setting: 'rural', address: 'Thôn 4, xã Thạch Thất, Hà Nội' });
		expect(textOf(await (await leader.get(`/schools/${schoolId}`)).text())).toContain('Nông thôn');
	});
});

describe('the class page', () => {
	it('lists the learners in Vietnamese order (given name, then family name) with codes and dd/mm/yyyy birthdays', async () => {
		const id = await classId('6A1');
		const html = await (await leader.get(`/classes/${id}`)).text();
		const learners = await app.db.select({ p: persons }).from(enrolments).innerJoin(persons, eq(persons.id, enrolments.learnerId)).where(eq(enrolments.classId, id));
		const collator = new Intl.Collator('vi', { sensitivity: 'base' });
		const expected = learners
			.map((l) => l.p)
			.sort((a, b) => collator.compare(a.givenName, b.givenName) || collator.compare(a.familyName, b.familyName) || collator.compare(a.middleName, b.middleName));
		const positions = expected.map((p) => html.indexOf(`>${p.familyName} ${p.middleName} ${p.givenName}</a>`));
		expect(positions.every((x) => x > -1)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		const first = expected[0];
		const [y, mo, d] = first.dateOfBirth!.split('-');
		expect(html).toContain(`${d}/${mo}/${y}`);
		expect(html).toContain(first.learnerCode!);
	});

	it('enrols a learner of the school who has no class yet, and removes an enrolment', async () => {
		const id = await classId('7A1');
		const [learner] = await app.db
			.insert(persons)
			.values({ kind: 'learner', familyName: 'Trịnh', middleName: 'Minh', givenName: 'Khôi', schoolId, path: (await app.db.select().from(schools).where(eq(schools.id, schoolId)))[0].path, learnerCode: 'BY-NEW-01' })
			.returning();
		const page = await (await leader.get(`/classes/${id}`)).text();
		expect(page).toContain('Trịnh Minh Khôi (BY-NEW-01)');

		const res = await leader.form(`/classes/${id}?/enrol`, { learnerId: learner.id });
		expect(res.status).toBe(200);
		const [row] = await app.db.select().from(enrolments).where(eq(enrolments.learnerId, learner.id));
		expect(row.classId).toBe(id);
		expect(await (await leader.get(`/classes/${id}`)).text()).toContain('>Trịnh Minh Khôi</a>');

		const removed = await leader.form(`/classes/${id}?/unenrol`, { enrolmentId: row.id });
		expect(removed.status).toBe(200);
		expect(await app.db.select().from(enrolments).where(eq(enrolments.learnerId, learner.id))).toHaveLength(0);
	});

	it('refuses to enrol a learner of another school with the field message', async () => {
		const [other] = await app.db.select().from(persons).where(and(eq(persons.schoolId, otherSchoolId), eq(persons.kind, 'learner')));
		const res = await leader.form(`/classes/${await classId('7A1')}?/enrol`, { learnerId: other.id });
		expect([400, 404]).toContain(res.status);
		expect(await app.db.select().from(enrolments).where(and(eq(enrolments.learnerId, other.id), eq(enrolments.classId, await classId('7A1'))))).toHaveLength(0);
	});

	it('lets the leader rename a class and change its homeroom teacher', async () => {
		const id = await classId('9A1');
		const [t] = await app.db.select().from(persons).where(eq(persons.staffCode, 'GV-BY-003'));
		const res = await leader.form(`/classes/${id}?/update`, { name: '9A1', grade: '9', homeroomTeacherId: t.id });
		expect(res.status).toBe(200);
		const [c] = await app.db.select().from(classes).where(eq(classes.id, id));
		expect(c.homeroomTeacherId).toBe(t.id);
		expect(textOf(await (await leader.get(`/classes/${id}`)).text())).toContain(`${t.familyName} ${t.middleName} ${t.givenName}`);
	});

	it('shows a teacher their class without the enrol and edit forms, and hides other classes with 404', async () => {
		const html = await (await teacher.get(`/classes/${await classId('6A1')}`)).text();
		expect(html).toContain('Danh sách học sinh lớp 6A1');
		expect(html).not.toContain('?/enrol');
		expect(html).not.toContain('?/update');
		const [otherClass] = await app.db.select().from(classes).where(eq(classes.schoolId, otherSchoolId));
		expect((await teacher.get(`/classes/${otherClass.id}`)).status).toBe(404);
	});
});
