import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { auditLog } from '#lib/server/audit/schema';
import { defaultSubjectAssessment } from '#lib/gradebook/rules/secondary-subject';

let app: TestApp;
let admin: Client, leader: Client, teacher: Client;
let schoolId: string, yearId: string, unitId: string;

beforeAll(async () => {
	app = await startApp();
	[admin, leader, teacher] = await Promise.all([app.loginAs('admin'), app.loginAs('leader'), app.loginAs('teacher')]);
	const schools = (await (await leader.get('/api/v1/schools')).json()).items;
	const school = schools.find((s: { code: string }) => s.code === 'THCS-BINHYEN');
	schoolId = school.id;
	unitId = school.orgUnitId;
	yearId = (await (await leader.get(`/api/v1/school-years?schoolId=${schoolId}`)).json()).items[0].id;
});
afterAll(() => app?.close());

describe('org units', () => {
	it('lets an administrator create, rename and delete an empty unit, each change audited', async () => {
		const root = (await (await admin.get('/api/v1/org-units')).json()).items.find((u: { parentId: string | null }) => u.parentId === null);
		const created = await admin.post('/api/v1/org-units', { parentId: root.id, kind: 'commune_ward', code: 'HN-HOANKIEM', name: 'Phường Hoàn Kiếm', historicalDistrict: 'Quận Hoàn Kiếm' });
		expect(created.status).toBe(201);
		const unit = await created.json();
		expect(unit.path).toBe(`${root.path}${unit.id}/`);
		expect((await admin.patch(`/api/v1/org-units/${unit.id}`, { name: 'Phường Hoàn Kiếm (mới)' })).status).toBe(200);
		expect((await (await admin.get(`/api/v1/org-units/${unit.id}`)).json()).name).toBe('Phường Hoàn Kiếm (mới)');
		expect((await admin.delete(`/api/v1/org-units/${unit.id}`)).status).toBe(204);
		const audits = await app.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
		expect(audits.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
		const update = audits.find((a) => a.action === 'update')!;
		expect((update.before as { name: string }).name).toBe('Phường Hoàn Kiếm');
		expect((update.after as { name: string }).name).toBe('Phường Hoàn Kiếm (mới)');
	});

	it('should fail with 409 on a duplicate code and with 409 deleting a unit that has schools', async () => {
		const root = (await (await admin.get('/api/v1/org-units')).json()).items[0];
		const dup = await admin.post('/api/v1/org-units', { parentId: root.id, kind: 'cluster', code: 'HN-BADINH', name: 'Trùng mã' });
		expect(dup.status).toBe(409);
		expect((await dup.json()).error.message).toBe('Mã HN-BADINH đã được dùng.');
		expect((await admin.delete(`/api/v1/org-units/${unitId}`)).status).toBe(409);
	});

	it('should fail with 400 naming the field when the kind is unknown', async () => {
		const res = await admin.post('/api/v1/org-units', { kind: 'district', code: 'X', name: 'X' });
		expect(res.status).toBe(400);
		expect((await res.json()).error.details.issues[0].path).toBe('kind');
	});
});

describe('schools, years, subjects, classes, enrolments', () => {
	it('lets the unit officer create a school in the unit, with level, ownership and setting', async () => {
		const unit = await app.loginAs('unit');
		const res = await unit.post('/api/v1/schools', { orgUnitId: unitId, code: 'MN-THACHTHAT', name: 'Trường Mầm non Thạch Thất', level: 'preschool', ownership: 'public', setting: 'suburban', address: 'Xã Thạch Thất' });
		expect(res.status).toBe(201);
		const school = await res.json();
		expect((await (await unit.get(`/api/v1/schools?orgUnitId=${unitId}&level=preschool`)).json()).items.map((s: { id: string }) => s.id)).toContain(school.id);
		expect((await unit.patch(`/api/v1/schools/${school.id}`, { setting: 'rural' })).status).toBe(200);
		// A patch changes only what it names: the address stays.
		expect(await (await unit.get(`/api/v1/schools/${school.id}`)).json()).toMatchObject({ setting: 'rural', address: 'Xã Thạch Thất' });
	});

	it('creates a school year with two terms splitting the year', async () => {
		const res = await leader.post('/api/v1/school-years', { schoolId, name: '2027-2028', startsOn: '2027-09-05', endsOn: '2028-05-31', term2StartsOn: '2028-01-10' });
		expect(res.status).toBe(201);
		const year = await res.json();
		expect(year.terms.map((t: { number: number; startsOn: string; endsOn: string }) => [t.number, t.startsOn, t.endsOn])).toEqual([
			[1, '2027-09-05', '2028-01-09'],
			[2, '2028-01-10', '2028-05-31']
		]);
		const bad = await leader.post('/api/v1/school-years', { schoolId, name: '2028-2029', startsOn: '2028-09-05', endsOn: '2029-05-31', term2StartsOn: '2030-01-01' });
		expect(bad.status).toBe(400);
	});

	it('gives a secondary school’s new subject TT22 Điều 5’s assessment form when none is chosen, and keeps an explicit one', async () => {
		const created = async (who: Client, school: string, body: Record<string, unknown>) => {
			const res = await who.post('/api/v1/subjects', { schoolId: school, periodsPerYear: 35, ...body });
			expect(res.status).toBe(201);
			return (await res.json()).assessment as string;
		};
		expect(await created(leader, schoolId, { code: 'GDDP', name: 'Nội dung giáo dục của địa phương' })).toBe('comment');
		expect(await created(leader, schoolId, { code: 'MT', name: 'Mĩ thuật' })).toBe('comment');
		expect(await created(leader, schoolId, { code: 'TD', name: 'Giáo dục thể chất' })).toBe('comment'); // known by its name
		expect(await created(leader, schoolId, { code: 'TRUNG', name: 'Tiếng Trung' })).toBe('score');
		expect(await created(leader, schoolId, { code: 'NTCL', name: 'Nghệ thuật', assessment: 'score' })).toBe('score');
		// At a primary school the form does not decide the columns (TT27): by score unless chosen.
		const th = (await (await admin.get('/api/v1/schools?level=primary')).json()).items[0];
		expect(await created(admin, th.id, { code: 'GDTC', name: 'Giáo dục thể chất' })).toBe('score');
	});

	it('seeds the demo school’s subjects with the same rule: Giáo dục thể chất, Nghệ thuật and Hoạt động trải nghiệm by comment', async () => {
		const seeded = (await (await leader.get(`/api/v1/subjects?schoolId=${schoolId}`)).json()).subjects as { code: string; name: string; assessment: string }[];
		const demo = seeded.filter((x) => ['TOAN', 'KHTN', 'TIN', 'CN', 'VAN', 'ANH', 'LSDL', 'GDCD', 'GDTC', 'NT', 'HDTN'].includes(x.code));
		expect(demo).toHaveLength(11);
		for (const x of demo) expect(x.assessment).toBe(defaultSubjectAssessment('lower_secondary', x.code, x.name));
		expect(demo.filter((x) => x.assessment === 'comment').map((x) => x.code).sort()).toEqual(['GDTC', 'HDTN', 'NT']);
	});

	it('creates subject groups and subjects assessed by score or by comment', async () => {
		const g = await (await leader.post('/api/v1/subject-groups', { schoolId, name: 'Tổ Nghệ thuật' })).json();
		const s = await leader.post('/api/v1/subjects', { schoolId, subjectGroupId: g.id, code: 'AMNHAC', name: 'Âm nhạc', assessment: 'comment', periodsPerYear: 35 });
		expect(s.status).toBe(201);
		const list = await (await teacher.get(`/api/v1/subjects?schoolId=${schoolId}`)).json();
		expect(list.subjects.find((x: { code: string }) => x.code === 'AMNHAC').assessment).toBe('comment');
		expect(list.groups.map((x: { name: string }) => x.name)).toContain('Tổ Nghệ thuật');
	});

	it('creates a class with a homeroom teacher, enrols a learner and lists learners in Vietnamese order', async () => {
		const staff = (await (await leader.get(`/api/v1/people?kind=staff&schoolId=${schoolId}&pageSize=100`)).json()).items;
		const res = await leader.post('/api/v1/classes', { schoolYearId: yearId, name: '8A1', grade: 8, homeroomTeacherId: staff[0].id });
		expect(res.status).toBe(201);
		const cls = await res.json();
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'create')));
		expect(audit).toHaveLength(1);

		const learner = await (await leader.post('/api/v1/people', { kind: 'learner', familyName: 'Trần', middleName: 'Thị', givenName: 'Ánh', learnerCode: 'BY-NEW-01', schoolId, dateOfBirth: '2013-03-04', gender: 'female' })).json();
		const learner2 = await (await leader.post('/api/v1/people', { kind: 'learner', familyName: 'Lê', middleName: 'Văn', givenName: 'An', learnerCode: 'BY-NEW-02', schoolId })).json();
		expect((await leader.post('/api/v1/enrolments', { classId: cls.id, learnerId: learner.id })).status).toBe(201);
		expect((await leader.post('/api/v1/enrolments', { classId: cls.id, learnerId: learner2.id })).status).toBe(201);
		const again = await leader.post('/api/v1/enrolments', { classId: cls.id, learnerId: learner.id });
		expect(again.status).toBe(409);
		const names = (await (await leader.get(`/api/v1/classes/${cls.id}/learners`)).json()).items.map((l: { givenName: string }) => l.givenName);
		expect(names).toEqual(['An', 'Ánh']);
		const enrolments = (await (await leader.get(`/api/v1/enrolments?classId=${cls.id}`)).json()).items;
		expect((await leader.delete(`/api/v1/enrolments/${enrolments[0].enrolmentId}`)).status).toBe(204);
		expect((await (await leader.get(`/api/v1/classes/${cls.id}`)).json()).name).toBe('8A1');
		expect((await leader.patch(`/api/v1/classes/${cls.id}`, { name: '8A2' })).status).toBe(200);
		const listed = (await (await leader.get(`/api/v1/classes?schoolId=${schoolId}&schoolYearId=${yearId}`)).json()).items;
		expect(listed.find((c: { id: string }) => c.id === cls.id)).toMatchObject({ name: '8A2', learnerCount: 1 });

		// Both changes are in the audit log, written with them, with the before and after states.
		const entries = (await (await leader.get('/api/v1/audit?entityType=class&limit=100')).json()).items.filter((a: { entityId: string }) => a.entityId === cls.id);
		expect(entries.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
		const [update, create] = entries;
		expect(create.before).toBeNull();
		expect(create.after).toMatchObject({ id: cls.id, name: '8A1', grade: 8 });
		expect(update.before).toMatchObject({ name: '8A1' });
		expect(update.after).toMatchObject({ name: '8A2' });
		expect(update.actorId).toBe((await (await leader.get('/api/v1/me')).json()).person.id);
	});

	it('should fail with 409 for a duplicate class name in the same year and 400 for a homeroom teacher from another school', async () => {
		expect((await leader.post('/api/v1/classes', { schoolYearId: yearId, name: '6A1', grade: 6 })).status).toBe(409);
		const otherStaff = (await (await admin.get('/api/v1/people?kind=staff&pageSize=100')).json()).items.find((p: { schoolId: string | null }) => p.schoolId && p.schoolId !== schoolId);
		const res = await leader.post('/api/v1/classes', { schoolYearId: yearId, name: '9A9', grade: 9, homeroomTeacherId: otherStaff?.id ?? '00000000-0000-4000-8000-000000000000' });
		expect(res.status).toBe(400);
	});
});

describe('PATCH /api/v1/school-years/{id}, /api/v1/subjects/{id}, /api/v1/subject-groups/{id}', () => {
	const auditsOf = (entityId: string) => app.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
	const leaderId = async () => (await (await leader.get('/api/v1/me')).json()).person.id;

	it('renames a school year and moves its dates; the terms follow; audited with before and after', async () => {
		const year = await (await leader.post('/api/v1/school-years', { schoolId, name: '2029-2030', startsOn: '2029-09-05', endsOn: '2030-05-31', term2StartsOn: '2030-01-14' })).json();
		const res = await leader.patch(`/api/v1/school-years/${year.id}`, { name: '2029-2030', startsOn: '2029-09-03', endsOn: '2030-05-29' });
		expect(res.status).toBe(200);
		const after = await res.json();
		expect(after.terms.map((t: { number: number; startsOn: string; endsOn: string }) => [t.number, t.startsOn, t.endsOn])).toEqual([
			[1, '2029-09-03', '2030-01-13'],
			[2, '2030-01-14', '2030-05-29']
		]);
		const moved = await (await leader.patch(`/api/v1/school-years/${year.id}`, { term2StartsOn: '2030-01-20' })).json();
		expect(moved.terms[0].endsOn).toBe('2030-01-19');
		const listed = (await (await leader.get(`/api/v1/school-years?schoolId=${schoolId}`)).json()).items.find((y: { id: string }) => y.id === year.id);
		expect(listed.terms[1].startsOn).toBe('2030-01-20');
		const audits = (await auditsOf(year.id)).filter((a) => a.action === 'update');
		expect(audits).toHaveLength(2);
		expect(audits[0]).toMatchObject({ entityType: 'school_year', actorId: await leaderId(), schoolId });
		expect(audits[0].before).toMatchObject({ startsOn: '2029-09-05', terms: [{ number: 1, startsOn: '2029-09-05' }, { number: 2, endsOn: '2030-05-31' }] });
		expect(audits[0].after).toMatchObject({ startsOn: '2029-09-03', terms: [{ number: 1, startsOn: '2029-09-03' }, { number: 2, endsOn: '2030-05-29' }] });
	});

	it('should fail with 400 for a year that ends before it starts or a term 2 outside it, and change nothing', async () => {
		const year = await (await leader.post('/api/v1/school-years', { schoolId, name: '2031-2032', startsOn: '2031-09-05', endsOn: '2032-05-31' })).json();
		const backwards = await leader.patch(`/api/v1/school-years/${year.id}`, { endsOn: '2031-08-01' });
		expect(backwards.status).toBe(400);
		expect((await backwards.json()).error.details.issues[0].path).toBe('endsOn');
		const outside = await leader.patch(`/api/v1/school-years/${year.id}`, { term2StartsOn: '2033-01-01' });
		expect(outside.status).toBe(400);
		expect((await outside.json()).error.message).toBe('Ngày bắt đầu học kỳ II phải nằm trong năm học.');
		const taken = await leader.patch(`/api/v1/school-years/${year.id}`, { name: '2029-2030' });
		expect(taken.status).toBe(409);
		expect((await auditsOf(year.id)).map((a) => a.action)).toEqual(['create']);
	});

	it('should fail with 403 for a teacher or the unit officer, who may only read the school year, and 404 for a parent', async () => {
		const unit = await app.loginAs('unit');
		const parent = await app.loginAs('parent');
		for (const who of [teacher, unit]) {
			const res = await who.patch(`/api/v1/school-years/${yearId}`, { name: '2099-2100' });
			expect(res.status).toBe(403);
			expect((await res.json()).error.code).toBe('forbidden');
		}
		expect((await parent.patch(`/api/v1/school-years/${yearId}`, { name: '2099-2100' })).status).toBe(404);
		expect((await admin.patch('/api/v1/school-years/00000000-0000-4000-8000-000000000000', { name: '2099-2100' })).status).toBe(404);
		expect((await auditsOf(yearId)).filter((a) => a.action === 'update')).toEqual([]);
	});

	it('updates a subject and renames a subject group, each audited', async () => {
		const { groups, subjects } = await (await leader.get(`/api/v1/subjects?schoolId=${schoolId}`)).json();
		const tin = subjects.find((x: { code: string }) => x.code === 'TIN');
		const other = groups.find((g: { id: string }) => g.id !== tin.subjectGroupId);
		const res = await leader.patch(`/api/v1/subjects/${tin.id}`, { name: 'Tin học (tự chọn)', periodsPerYear: 70, subjectGroupId: other.id });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ code: 'TIN', name: 'Tin học (tự chọn)', periodsPerYear: 70, subjectGroupId: other.id, assessment: 'score' });
		const [audit] = await auditsOf(tin.id);
		expect(audit).toMatchObject({ action: 'update', entityType: 'subject', actorId: await leaderId() });
		expect(audit.before).toMatchObject({ name: 'Tin học', periodsPerYear: 35 });
		expect(audit.after).toMatchObject({ name: 'Tin học (tự chọn)', periodsPerYear: 70 });

		const group = groups[0];
		const renamed = await leader.patch(`/api/v1/subject-groups/${group.id}`, { name: `${group.name} (mới)` });
		expect(renamed.status).toBe(200);
		const [gAudit] = await auditsOf(group.id);
		expect(gAudit).toMatchObject({ action: 'update', entityType: 'subject_group', before: { name: group.name }, after: { name: `${group.name} (mới)` } });
		const listed = await (await teacher.get(`/api/v1/subjects?schoolId=${schoolId}`)).json();
		expect(listed.groups.map((g: { name: string }) => g.name)).toContain(`${group.name} (mới)`);
	});

	it('keeps the assessment mode of a subject that has gradebook columns (409), and refuses a duplicate code', async () => {
		const { subjects } = await (await leader.get(`/api/v1/subjects?schoolId=${schoolId}`)).json();
		const toan = subjects.find((x: { code: string }) => x.code === 'TOAN');
		const res = await leader.patch(`/api/v1/subjects/${toan.id}`, { assessment: 'comment' });
		expect(res.status).toBe(409);
		expect((await res.json()).error.message).toBe('Môn Toán đã có cột điểm trong sổ điểm nên không thể đổi cách đánh giá.');
		const dup = await leader.patch(`/api/v1/subjects/${toan.id}`, { code: 'VAN' });
		expect(dup.status).toBe(409);
		const van = subjects.find((x: { code: string }) => x.code === 'VAN');
		expect((await leader.patch(`/api/v1/subjects/${van.id}`, { assessment: 'comment' })).status).toBe(200);
		expect(await auditsOf(toan.id)).toEqual([]);
	});

	it('should fail with 403 for a teacher changing a subject or a group, and 404 for another school’s leader scope', async () => {
		const { groups, subjects } = await (await leader.get(`/api/v1/subjects?schoolId=${schoolId}`)).json();
		const res = await teacher.patch(`/api/v1/subjects/${subjects[0].id}`, { name: 'X' });
		expect(res.status).toBe(403);
		expect((await teacher.patch(`/api/v1/subject-groups/${groups[0].id}`, { name: 'X' })).status).toBe(403);
		const parent = await app.loginAs('parent');
		expect((await parent.patch(`/api/v1/subjects/${subjects[0].id}`, { name: 'X' })).status).toBe(404);
		expect((await parent.patch(`/api/v1/subject-groups/${groups[0].id}`, { name: 'X' })).status).toBe(404);
		expect(await auditsOf(subjects[0].id)).toEqual([]);
	});
});

describe('people', () => {
	it('finds Nguyễn with q=nguyen, ignoring diacritics and case, paginated', async () => {
		const res = await admin.get('/api/v1/people?q=nguyen&pageSize=5');
		const body = await res.json();
		expect(body.total).toBeGreaterThan(5);
		expect(body.items).toHaveLength(5);
		expect(body.items.every((p: { familyName: string; middleName: string; givenName: string }) => /Nguyễn/.test(`${p.familyName} ${p.middleName} ${p.givenName}`))).toBe(true);
		const page2 = await (await admin.get('/api/v1/people?q=nguyen&pageSize=5&page=2')).json();
		expect(page2.items[0].id).not.toBe(body.items[0].id);
		const full = await (await admin.get('/api/v1/people?q=' + encodeURIComponent('NGUYEN THI'))).json();
		expect(full.items.length).toBeGreaterThan(0);
	});

	it('grants and revokes a role, links a guardian, creates an account and resets its password', async () => {
		const staffCode = 'GV-BY-NEW';
		const p = await (await leader.post('/api/v1/people', { kind: 'staff', familyName: 'Đỗ', middleName: 'Minh', givenName: 'Khoa', staffCode, schoolId, email: 'khoa@sen.test' })).json();
		const grant = await leader.post(`/api/v1/people/${p.id}/roles`, { role: 'teacher', scopeType: 'school', scopeId: schoolId });
		expect(grant.status).toBe(201);
		const cannot = await leader.post(`/api/v1/people/${p.id}/roles`, { role: 'system_admin', scopeType: 'city' });
		expect(cannot.status).toBe(403);
		const acc = await leader.post(`/api/v1/people/${p.id}/account`, { username: 'khoa.do', email: 'khoa@sen.test', password: 'giao-vien-1' });
		expect(acc.status).toBe(201);
		const khoa = await app.loginAs('khoa.do', 'giao-vien-1');
		expect((await (await khoa.get('/api/v1/me')).json()).roles[0].role).toBe('teacher');
		expect((await leader.post(`/api/v1/people/${p.id}/account/password`, { newPassword: 'mat-khau-moi-1' })).status).toBe(204);
		expect((await khoa.get('/api/v1/me')).status).toBe(401);
		await expect(app.loginAs('khoa.do', 'mat-khau-moi-1')).resolves.toBeTruthy();
		const detail = await (await leader.get(`/api/v1/people/${p.id}`)).json();
		expect(detail.account.username).toBe('khoa.do');
		expect((await leader.delete(`/api/v1/people/${p.id}/roles/${detail.grants[0].id}`)).status).toBe(204);

		const parent = await (await leader.post('/api/v1/people', { kind: 'guardian', familyName: 'Phạm', givenName: 'Hưng', schoolId, phone: '0900000001' })).json();
		const learners = (await (await leader.get(`/api/v1/people?kind=learner&schoolId=${schoolId}`)).json()).items;
		expect((await leader.post(`/api/v1/people/${parent.id}/guardianships`, { learnerId: learners[0].id, relation: 'father' })).status).toBe(201);
		const pd = await (await leader.get(`/api/v1/people/${parent.id}`)).json();
		expect(pd.children.map((c: { id: string }) => c.id)).toEqual([learners[0].id]);
		expect((await leader.patch(`/api/v1/people/${parent.id}`, { phone: '0900000002' })).status).toBe(200);
		expect((await leader.delete(`/api/v1/people/${parent.id}`)).status).toBe(204);
	});

	it('should fail with 409 on a duplicate learner code', async () => {
		const res = await leader.post('/api/v1/people', { kind: 'learner', familyName: 'A', givenName: 'B', learnerCode: 'BY-NEW-01', schoolId });
		expect(res.status).toBe(409);
	});
});

describe('setting a password for someone', () => {
	it('should fail with 403 for one’s own account, which needs the current password', async () => {
		const me = (await (await leader.get('/api/v1/me')).json()).person.id;
		const res = await leader.post(`/api/v1/people/${me}/account/password`, { newPassword: 'mat-khau-moi-2' });
		expect(res.status).toBe(403);
		await expect(app.loginAs('leader')).resolves.toBeTruthy();
	});

	it('should fail with 404 for a person without an account and for a teacher, who cannot see accounts', async () => {
		const p = await (await leader.post('/api/v1/people', { kind: 'guardian', familyName: 'Hồ', givenName: 'Mai', schoolId })).json();
		const res = await leader.post(`/api/v1/people/${p.id}/account/password`, { newPassword: 'mat-khau-moi-2' });
		expect(res.status).toBe(404);
		expect((await res.json()).error.message).toBe('Người này chưa có tài khoản đăng nhập.');
		// A teacher sees the leader as a colleague but not their account.
		const leaderId = (await (await leader.get('/api/v1/me')).json()).person.id;
		expect((await teacher.post(`/api/v1/people/${leaderId}/account/password`, { newPassword: 'mat-khau-moi-2' })).status).toBe(404);
		await expect(app.loginAs('leader')).resolves.toBeTruthy();
	});
});

describe('conflicts', () => {
	it('answers 409 for a duplicate school code, subject code, school year, username and role', async () => {
		const dupSchool = await admin.post('/api/v1/schools', { orgUnitId: unitId, code: 'THCS-BINHYEN', name: 'Trùng', level: 'lower_secondary', ownership: 'public', setting: 'rural' });
		expect(dupSchool.status).toBe(409);
		expect((await dupSchool.json()).error.code).toBe('conflict');
		expect((await leader.post('/api/v1/subjects', { schoolId, code: 'TOAN', name: 'Toán 2' })).status).toBe(409);
		expect((await leader.post('/api/v1/school-years', { schoolId, name: '2026-2027', startsOn: '2026-09-05', endsOn: '2027-05-31' })).status).toBe(409);
		const staff = await (await leader.post('/api/v1/people', { kind: 'staff', familyName: 'Ngô', givenName: 'Tâm', staffCode: 'GV-BY-409', schoolId })).json();
		expect((await leader.post(`/api/v1/people/${staff.id}/account`, { username: 'teacher', password: 'mat-khau-9' })).status).toBe(409);
		const grant = { role: 'teacher', scopeType: 'school', scopeId: schoolId };
		expect((await leader.post(`/api/v1/people/${staff.id}/roles`, grant)).status).toBe(201);
		expect((await leader.post(`/api/v1/people/${staff.id}/roles`, grant)).status).toBe(409);
		expect((await leader.post('/api/v1/people', { kind: 'staff', familyName: 'Ngô', givenName: 'Tâm', staffCode: 'GV-BY-409', schoolId })).status).toBe(409);
		expect((await leader.patch(`/api/v1/schools/${schoolId}`, { code: 'LC-SAOMAI' })).status).toBe(409);
	});
});

describe('validation', () => {
	const bad = '00000000-0000-4000-8000-00000000000'; // one digit short: not a UUID
	const none = '00000000-0000-4000-8000-000000000000'; // a UUID of nobody
	// {unit}, {school}, {year}, {bad} and {none} stand for ids filled in when the test runs.
	type Case = [method: 'get' | 'post' | 'patch' | 'delete', path: string, body: unknown, field: string];
	const cases: Case[] = [
		['get', '/api/v1/org-units/{bad}', undefined, 'id'],
		['patch', '/api/v1/org-units/{unit}', { kind: 'district' }, 'kind'],
		['delete', '/api/v1/org-units/{bad}', undefined, 'id'],
		['get', '/api/v1/schools?level=university', undefined, 'level'],
		['post', '/api/v1/schools', { orgUnitId: '{unit}', code: 'X', name: 'X', level: 'primary', ownership: 'public', setting: 'mountain' }, 'setting'],
		['get', '/api/v1/schools/{bad}', undefined, 'id'],
		['patch', '/api/v1/schools/{school}', { name: '' }, 'name'],
		['get', '/api/v1/school-years', undefined, 'schoolId'],
		['post', '/api/v1/school-years', { schoolId: '{school}', name: '2030', startsOn: '2030-09-05', endsOn: '2031-05-31' }, 'name'],
		['post', '/api/v1/school-years', { schoolId: '{school}', name: '2030-2031', startsOn: '2031-09-05', endsOn: '2030-05-31' }, 'endsOn'],
		['get', '/api/v1/subjects?schoolId=x', undefined, 'schoolId'],
		['post', '/api/v1/subjects', { schoolId: '{school}', code: 'MT', name: 'Mĩ thuật', assessment: 'letter' }, 'assessment'],
		['post', '/api/v1/subject-groups', { schoolId: '{school}', name: ' ' }, 'name'],
		['get', '/api/v1/classes?schoolYearId=2026', undefined, 'schoolYearId'],
		['post', '/api/v1/classes', { schoolYearId: '{year}', name: '13A1', grade: 13 }, 'grade'],
		['get', '/api/v1/classes/{bad}', undefined, 'id'],
		['patch', '/api/v1/classes/{bad}', { name: '6A9' }, 'id'],
		['get', '/api/v1/classes/{bad}/learners', undefined, 'id'],
		['get', '/api/v1/enrolments', undefined, 'classId'],
		['post', '/api/v1/enrolments', { classId: '{bad}', learnerId: '{bad}' }, 'classId'],
		['delete', '/api/v1/enrolments/{bad}', undefined, 'id'],
		['get', '/api/v1/people?pageSize=1000', undefined, 'pageSize'],
		['get', '/api/v1/people?kind=teacher', undefined, 'kind'],
		['post', '/api/v1/people', { kind: 'learner', familyName: 'Lê', givenName: '', schoolId: '{school}' }, 'givenName'],
		['get', '/api/v1/people/{bad}', undefined, 'id'],
		['patch', '/api/v1/people/{bad}', { phone: '0' }, 'id'],
		['patch', '/api/v1/people/{none}', { email: 'not-an-email' }, 'email'],
		['delete', '/api/v1/people/{bad}', undefined, 'id'],
		['post', '/api/v1/people/{bad}/roles', { role: 'principal', scopeType: 'school' }, 'role'],
		['delete', '/api/v1/people/{bad}/roles/{bad}', undefined, 'id'],
		['post', '/api/v1/people/{bad}/guardianships', { relation: 'father' }, 'learnerId'],
		['post', '/api/v1/people/{bad}/account', { username: 'a b', password: 'mat-khau-1' }, 'username'],
		['post', '/api/v1/people/{bad}/account/password', {}, 'newPassword'],
		['get', '/api/v1/audit?limit=500', undefined, 'limit'],
		['get', '/api/v1/audit?before=abc', undefined, 'before']
	];
	const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => (({ unit: unitId, school: schoolId, year: yearId, bad, none }) as Record<string, string>)[k] ?? k);
	it.each(cases)('should fail with 400 on %s %s naming the field %s', async (method, path, body, field) => {
		const res = method === 'get' || method === 'delete' ? await admin[method](fill(path)) : await admin[method](fill(path), JSON.parse(fill(JSON.stringify(body))));
		expect(res.status).toBe(400);
		const { error } = await res.json();
		expect(error.code).toBe('validation_failed');
		expect(error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
	});

	it('should fail with 400 when the body is not JSON', async () => {
		const res = await app.request('POST', '/api/v1/org-units', { cookie: admin.cookie, body: new URLSearchParams('not json'), headers: { 'content-type': 'application/json' } });
		expect(res.status).toBe(400);
		expect((await res.json()).error).toMatchObject({ code: 'validation_failed', message: 'Nội dung gửi lên không phải JSON hợp lệ.' });
	});

	it('should fail with 401 when nobody is signed in', async () => {
		expect((await app.request('GET', '/api/v1/schools')).status).toBe(401);
		expect((await app.request('POST', '/api/v1/classes', { body: { schoolYearId: yearId, name: '6A9', grade: 6 } })).status).toBe(401);
	});
});

describe('audit log', () => {
	it('shows the leader the changes of their school, newest first, with a cursor', async () => {
		const body = await (await leader.get('/api/v1/audit?limit=3')).json();
		expect(body.items).toHaveLength(3);
		expect(body.items[0].id).toBeGreaterThan(body.items[1].id);
		const next = await (await leader.get(`/api/v1/audit?limit=3&before=${body.next}`)).json();
		expect(next.items[0].id).toBeLessThan(body.items[2].id);
	});

	it('is closed to teachers and parents', async () => {
		expect((await teacher.get('/api/v1/audit')).status).toBe(403);
		expect((await (await app.loginAs('parent')).get('/api/v1/audit')).status).toBe(403);
	});
});
