/**
 * Training through the HTTP API on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), with the demo: `city` runs the program office, `unit` is the officer of Xã
 * Thạch Thất, `leader` leads THCS Bình Yên where `teacher`, `homeroom`, `grouphead` and
 * `counsellor` work; `parent` and `learner` are a family there. Added here: `leader2`, the leader
 * of THPT Sông Hồng (under the city directly), with one member of staff of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { files } from '#lib/server/files/schema';
import { notifications } from '#lib/server/notifications/schema';
import { trainingCourses, trainingEnrolments } from '#lib/server/programs/training-schema';
import { sendSessionReminders } from '#lib/server/programs/training-service';
import { trainingFigures, programYearPeriod } from '#lib/server/programs/training-figures';
import { coreTeacherShare } from '#lib/server/programs/training-rules';
import { periodicJobs } from '#lib/server/platform/jobs';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let thcs: typeof schools.$inferSelect;
let thpt: typeof schools.$inferSelect;
let cityUnit: typeof orgUnits.$inferSelect;
let thachThat: typeof orgUnits.$inferSelect;

beforeAll(async () => {
	app = await startApp();
	const hash = await hashPassword(DEMO_PASSWORD);
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	[cityUnit] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
	[thachThat] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT'));
	for (const u of ['city', 'unit', 'leader', 'teacher', 'homeroom', 'grouphead', 'counsellor', 'parent', 'learner']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const [l2] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: l2.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: l2.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: hash });
	const [t2] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Lê', middleName: 'Thị', givenName: 'Sông', schoolId: thpt.id, path: thpt.path }).returning();
	id.leader2 = l2.id;
	id.thptTeacher = t2.id;
	for (const u of ['city', 'unit', 'leader', 'teacher', 'grouphead', 'parent', 'learner', 'leader2']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

/** This year in Vietnam, where the program's year is counted. */
const vietnamYear = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const denied = async (res: Response, status: 400 | 403 | 404 | 409) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body.error;
};
const at = (days: number, hour = 1) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days, hour)).toISOString();
const dateIn = (days: number) => at(days).slice(0, 10);
const course = () => ({ orgUnitId: cityUnit.id, programYear: 2026, title: 'Tập huấn dạy học STEM', targetGroup: 'core_teachers', startsOn: dateIn(-3), endsOn: dateIn(1), maxScore: 10, passMark: 5, requiredShare: 0.6 });

describe('organising a course', () => {
	it('the city office creates a course, audited; its audience follows the target group', async () => {
		const c = await ok(await as.city.post('/api/v1/training-courses', course()), 201);
		expect(c).toMatchObject({ targetGroup: 'core_teachers', audience: 'staff', path: cityUnit.path, status: 'open', requiredShare: 0.6 });
		id.course = c.id;
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_course'), eq(auditLog.entityId, c.id)))).toHaveLength(1);
	});

	it('a unit officer organises at their unit; leaders and teachers may not organise; bad dates and pass marks are refused', async () => {
		const u = await ok(await as.unit.post('/api/v1/training-courses', { ...course(), orgUnitId: thachThat.id, title: 'Tập huấn của xã' }), 201);
		id.unitCourse = u.id;
		await denied(await as.unit.post('/api/v1/training-courses', course()), 403);
		await denied(await as.leader.post('/api/v1/training-courses', course()), 403);
		await denied(await as.teacher.post('/api/v1/training-courses', course()), 403);
		const e = await denied(await as.city.post('/api/v1/training-courses', { ...course(), endsOn: dateIn(-5) }), 400);
		expect(e.details.issues[0]).toMatchObject({ path: 'endsOn', message: 'Ngày kết thúc phải sau ngày bắt đầu.' });
		await denied(await as.city.post('/api/v1/training-courses', { ...course(), passMark: 11 }), 400);
	});

	it('sessions: in person and online (a link for the organiser, never the room), trainers by name; the organiser only', async () => {
		const s1 = await ok(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: at(-3), endsAt: at(-3, 5), place: 'Trường Đại học Thủ đô Hà Nội', trainerNames: ['TS. Phạm Minh Đức'] }), 201);
		const s2 = await ok(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: at(-2), endsAt: at(-2, 5), online: true }), 201);
		expect(s2).toMatchObject({ online: true });
		expect(s2.room).toBeUndefined();
		const s3 = await ok(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: new Date(Date.now() + 20 * 3600_000).toISOString(), endsAt: new Date(Date.now() + 23 * 3600_000).toISOString(), place: 'Hội trường Sở' }), 201);
		[id.s1, id.s2, id.s3] = [s1.id, s2.id, s3.id];
		await denied(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: at(2), endsAt: at(1) , place: 'x'}), 400);
		await denied(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: at(2), endsAt: at(2, 4) }), 400);
		await denied(await as.unit.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: at(2), endsAt: at(2, 4), place: 'x' }), 403);
		const view = await ok(await as.city.get(`/api/v1/training-courses/${id.course}`));
		expect(view.sessions.map((s: { trainers: string[] }) => s.trainers)).toEqual([['TS. Phạm Minh Đức'], [], []]);
		expect(view.sessions[1].meetingLink).toMatch(/^https:\/\/meet\.jit\.si\/Sen-/);
		// A teacher who is not enrolled reads the course but gets no link.
		const t = await ok(await as.teacher.get(`/api/v1/training-courses/${id.course}`));
		expect(t.sessions[1].meetingLink).toBeNull();
		expect(t.manage).toBe(false);
	});

	it('quotas per school: the organiser sets them, all or nothing within the course’s scope', async () => {
		await ok(await as.city.put(`/api/v1/training-courses/${id.course}/quotas`, { quotas: [{ schoolId: thcs.id, places: 2 }, { schoolId: thpt.id, places: 1 }] }));
		const e = await denied(await as.unit.put(`/api/v1/training-courses/${id.unitCourse}/quotas`, { quotas: [{ schoolId: thcs.id, places: 2 }, { schoolId: thpt.id, places: 1 }] }), 400);
		expect(e.details.issues).toEqual([{ path: 'quotas.1.schoolId', message: 'Trường không thuộc phạm vi của đơn vị tổ chức.' }]);
		await denied(await as.leader.put(`/api/v1/training-courses/${id.course}/quotas`, { quotas: [{ schoolId: thcs.id, places: 9 }] }), 403);
		const q = await ok(await as.leader.get(`/api/v1/training-courses/${id.course}/quotas`));
		expect(q.items).toEqual([expect.objectContaining({ schoolId: thcs.id, places: 2, used: 0 })]);
	});
});

describe('enrolment by quota', () => {
	it('over the quota nothing is written and the rows beyond it are named', async () => {
		const e = await denied(await as.leader.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.teacher, id.homeroom, id.grouphead] }), 400);
		expect(e.details.issues).toHaveLength(1);
		expect(e.details.issues[0].path).toBe('personIds.2');
		expect(e.details.issues[0].message).toMatch(/vượt chỉ tiêu của trường: còn 2 chỗ$/);
		expect(await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.courseId, id.course))).toHaveLength(0);
	});

	it('the leader enrols a teacher within the quota; the trainee is notified; enrolling them again is a row error', async () => {
		const r = await ok(await as.leader.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.teacher] }), 201);
		expect(r.enrolled).toEqual([expect.objectContaining({ personId: id.teacher, schoolId: thcs.id })]);
		id.teacherEnrolment = r.enrolled[0].id;
		const n = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.kind, 'training_enrolled')));
		expect(n).toHaveLength(1);
		const again = await denied(await as.leader.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.teacher] }), 400);
		expect(again.details.issues[0].message).toMatch(/đã được ghi danh/);
	});

	it('two enrolments racing for the school’s last place: exactly one wins', async () => {
		const [a, b] = await Promise.all([
			as.leader.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.homeroom] }),
			as.leader.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.grouphead] })
		]);
		expect([a.status, b.status].sort()).toEqual([201, 400]);
		const loser = await (a.status === 400 ? a : b).json();
		expect(loser.error.details.issues[0].message).toMatch(/còn 0 chỗ$/);
		const rows = await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.course), eq(trainingEnrolments.schoolId, thcs.id)));
		expect(rows).toHaveLength(2);
		id.secondEnrolment = rows.find((r) => r.personId !== id.teacher)!.id;
		id.secondPerson = rows.find((r) => r.personId !== id.teacher)!.personId;
	});

	it('the leader of another school finds no THCS staff to enrol (404); a teacher may not enrol anyone (403)', async () => {
		await denied(await as.leader2.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.counsellor] }), 404);
		await denied(await as.teacher.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.counsellor] }), 403);
		await denied(await as.leader.post(`/api/v1/training-courses/${id.course}/enrolments`, { external: [{ fullName: 'Nguyễn Văn Sinh', email: 'sinh@dhtd.edu.vn' }] }), 404);
	});

	it('the office enrols external trainees (pedagogy students) by name and email: community persons without an account', async () => {
		const r = await ok(await as.city.post(`/api/v1/training-courses/${id.course}/enrolments`, { external: [{ fullName: 'Nguyễn Văn Sinh', email: 'sinh@dhtd.edu.vn' }] }), 201);
		const [p] = await app.db.select().from(persons).where(eq(persons.id, r.enrolled[0].personId));
		expect(p).toMatchObject({ kind: 'community', familyName: 'Nguyễn', givenName: 'Sinh', schoolId: null, path: cityUnit.path });
		expect(await app.db.select().from(accounts).where(eq(accounts.personId, p.id))).toHaveLength(0);
		id.external = r.enrolled[0].id;
	});

	it('an external trainee found again by email is enrolled at the course’s path, so its organiser sees them', async () => {
		// The same student, already a person at the city's path, on the unit's own course.
		const r = await ok(await as.unit.post(`/api/v1/training-courses/${id.unitCourse}/enrolments`, { external: [{ fullName: 'Nguyễn Văn Sinh', email: 'SINH@dhtd.edu.vn' }] }), 201);
		const [e] = await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, r.enrolled[0].id));
		expect(e).toMatchObject({ personId: (await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.external)))[0].personId, path: thachThat.path, schoolId: null });
		const list = await ok(await as.unit.get(`/api/v1/training-courses/${id.unitCourse}/enrolments`));
		expect(list.items.map((x: { id: string }) => x.id)).toEqual([e.id]);
	});

	it('the leader of THPT enrols their own staff; a unit officer sees only their unit’s schools’ enrolments, the city all', async () => {
		await ok(await as.leader2.post(`/api/v1/training-courses/${id.course}/enrolments`, { personIds: [id.thptTeacher] }), 201);
		const unit = await ok(await as.unit.get(`/api/v1/training-courses/${id.course}/enrolments`));
		expect(unit.items.map((e: { personId: string }) => e.personId).sort()).toEqual([id.teacher, id.secondPerson].sort());
		const city = await ok(await as.city.get(`/api/v1/training-courses/${id.course}/enrolments`));
		expect(city.items).toHaveLength(4);
		const leader2 = await ok(await as.leader2.get(`/api/v1/training-courses/${id.course}/enrolments`));
		expect(leader2.items.map((e: { personId: string }) => e.personId)).toEqual([id.thptTeacher]);
		const mine = await ok(await as.teacher.get(`/api/v1/training-courses/${id.course}`));
		expect(mine.enrolments.map((e: { personId: string }) => e.personId)).toEqual([id.teacher]);
		expect(mine.mine).toMatchObject({ id: id.teacherEnrolment, completed: false });
	});
});

describe('attendance, scores, completion and certificates', () => {
	it('the attendance sheet is the organiser’s and all or nothing', async () => {
		await denied(await as.leader.put(`/api/v1/training-courses/${id.course}/sessions/${id.s1}/attendance`, { rows: [{ enrolmentId: id.teacherEnrolment, attended: true }] }), 403);
		const e = await denied(await as.city.put(`/api/v1/training-courses/${id.course}/sessions/${id.s1}/attendance`, { rows: [{ enrolmentId: id.teacherEnrolment, attended: true }, { enrolmentId: id.course, attended: true }] }), 400);
		expect(e.details.issues).toEqual([{ path: 'rows.1.enrolmentId', message: 'Người này không ghi danh khóa bồi dưỡng.' }]);
		const view = await ok(await as.city.get(`/api/v1/training-courses/${id.course}`));
		expect(view.enrolments.every((x: { attended: object }) => Object.keys(x.attended).length === 0)).toBe(true);
		// The same trainee twice on one sheet is a row error, not a server error.
		const twice = await denied(await as.city.put(`/api/v1/training-courses/${id.course}/sessions/${id.s1}/attendance`, { rows: [{ enrolmentId: id.teacherEnrolment, attended: true }, { enrolmentId: id.teacherEnrolment, attended: false }] }), 400);
		expect(twice.details.issues).toEqual([{ path: 'rows.1.enrolmentId', message: 'Người này được chọn hai lần.' }]);
		for (const s of [id.s1, id.s2]) await ok(await as.city.put(`/api/v1/training-courses/${id.course}/sessions/${s}/attendance`, { rows: [{ enrolmentId: id.teacherEnrolment, attended: true }, { enrolmentId: id.secondEnrolment, attended: s === id.s1 }] }));
	});

	it('attendance alone is not completion while the course has a pass mark; the certificate is refused until then', async () => {
		const view = await ok(await as.teacher.get(`/api/v1/training-courses/${id.course}`));
		expect(view.mine.completed).toBe(false);
		const e = await denied(await as.teacher.get(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}/certificate`), 409);
		expect(e.message).toBe('Học viên chưa hoàn thành khóa bồi dưỡng nên chưa có giấy chứng nhận.');
	});

	it('scores on the course’s scale, all or nothing; a passing post score completes those who attended enough', async () => {
		const e = await denied(await as.city.put(`/api/v1/training-courses/${id.course}/scores`, { rows: [{ enrolmentId: id.teacherEnrolment, postScore: 8 }, { enrolmentId: id.secondEnrolment, postScore: 10.5 }, { enrolmentId: id.external, preScore: 7.25 }] }), 400);
		expect(e.details.issues.map((i: { path: string }) => i.path)).toEqual(['rows.1.postScore', 'rows.2.preScore']);
		await denied(await as.leader.put(`/api/v1/training-courses/${id.course}/scores`, { rows: [{ enrolmentId: id.teacherEnrolment, postScore: 8 }] }), 403);
		await ok(await as.city.put(`/api/v1/training-courses/${id.course}/scores`, { rows: [{ enrolmentId: id.teacherEnrolment, preScore: 5, postScore: 8 }, { enrolmentId: id.secondEnrolment, postScore: 9 }] }));
		const rows = await app.db.select().from(trainingEnrolments).where(inArray(trainingEnrolments.id, [id.teacherEnrolment, id.secondEnrolment]));
		// 2 of 3 sessions at 60 % and 8 ≥ 5: complete; 1 of 3: not, whatever the score.
		expect(rows.find((r) => r.id === id.teacherEnrolment)!.completedAt).not.toBeNull();
		expect(rows.find((r) => r.id === id.secondEnrolment)!.completedAt).toBeNull();
	});

	it('the trainee downloads their own certificate: a PDF with their name, the course and its code', async () => {
		const res = await as.teacher.get(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}/certificate`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const bytes = new Uint8Array(await res.arrayBuffer());
		const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
		const [teacher] = await app.db.select().from(persons).where(eq(persons.id, id.teacher));
		const [row] = await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.teacherEnrolment));
		const flat = (text as string).replace(/\s+/g, ' ');
		expect(flat).toContain(`${teacher.familyName} ${teacher.middleName} ${teacher.givenName}`.replace(/\s+/g, ' '));
		expect(flat).toContain('GIẤY CHỨNG NHẬN');
		expect(flat).toContain('Tập huấn dạy học STEM');
		expect(flat).toContain('Sở Giáo dục và Đào tạo Hà Nội');
		expect(flat).toContain(row.verificationCode);
	});

	it('the organiser downloads anyone’s certificate; the leader may read the enrolment but not download it (403); another trainee gets 404', async () => {
		expect((await as.city.get(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}/certificate`)).status).toBe(200);
		await denied(await as.leader.get(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}/certificate`), 403);
		await denied(await as.grouphead.get(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}/certificate`), 404);
		await denied(await as.leader2.get(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}/certificate`), 404);
	});

	it('removing a session recomputes completion (the one who attended both of the two left stays complete)', async () => {
		await ok(await as.city.delete(`/api/v1/training-courses/${id.course}/sessions/${id.s3}`));
		const [row] = await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.secondEnrolment));
		// 1 of 2 at 60 % needs 2: still not complete.
		expect(row.completedAt).toBeNull();
		id.s3 = (await ok(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: new Date(Date.now() + 20 * 3600_000).toISOString(), endsAt: new Date(Date.now() + 23 * 3600_000).toISOString(), place: 'Hội trường Sở' }), 201)).id;
	});

	it('the leader withdraws an enrolment of their school (audited); the leader of another school cannot (404)', async () => {
		await denied(await as.leader2.delete(`/api/v1/training-courses/${id.course}/enrolments/${id.secondEnrolment}`), 404);
		await ok(await as.leader.delete(`/api/v1/training-courses/${id.course}/enrolments/${id.secondEnrolment}`));
		expect(await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.secondEnrolment))).toHaveLength(0);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_enrolment'), eq(auditLog.action, 'delete')))).toHaveLength(1);
	});

	it('a completed enrolment cannot be withdrawn, by the leader nor the office (409, in Vietnamese); its certificate still verifies', async () => {
		const [before] = await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.teacherEnrolment));
		expect(before.completedAt).not.toBeNull();
		const e = await denied(await as.leader.delete(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}`), 409);
		expect(e.message).toBe('Không thể rút tên người đã hoàn thành khóa bồi dưỡng: kết quả và giấy chứng nhận của họ được giữ nguyên.');
		await denied(await as.city.delete(`/api/v1/training-courses/${id.course}/enrolments/${id.teacherEnrolment}`), 409);
		const [after] = await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.teacherEnrolment));
		expect(after).toEqual(before);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, id.teacherEnrolment), eq(auditLog.action, 'delete')))).toHaveLength(0);
		const verify = await app.request('GET', `/programs/training/verify?code=${before.verificationCode}`);
		expect(verify.status).toBe(200);
		expect(await verify.text()).toContain('Giấy chứng nhận hợp lệ.');
	});
});

describe('a completion stands', () => {
	it('sessions added after it do not take it back; correcting the trainee’s own attendance does', async () => {
		const done = async () => (await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id.teacherEnrolment)))[0];
		const first = await done();
		expect(first.completedAt).not.toBeNull();
		// Two more sessions a month ahead: 2 attended of 5 is below the 60 % the course asks for.
		const later = [];
		for (const days of [30, 31]) later.push((await ok(await as.city.post(`/api/v1/training-courses/${id.course}/sessions`, { startsAt: new Date(Date.now() + days * 86_400_000).toISOString(), endsAt: new Date(Date.now() + days * 86_400_000 + 3 * 3600_000).toISOString(), place: 'Hội trường Sở' }), 201)).id);
		expect((await done()).completedAt).toEqual(first.completedAt);
		const verify = await app.request('GET', `/programs/training/verify?code=${first.verificationCode}`);
		expect(await verify.text()).toContain('Giấy chứng nhận hợp lệ.');
		// The organiser corrects this trainee's sheet of the first session: now 1 of 5, not complete.
		await ok(await as.city.put(`/api/v1/training-courses/${id.course}/sessions/${id.s1}/attendance`, { rows: [{ enrolmentId: id.teacherEnrolment, attended: false }] }));
		expect((await done()).completedAt).toBeNull();
		// Put right again, and the later sessions removed: complete as before.
		await ok(await as.city.put(`/api/v1/training-courses/${id.course}/sessions/${id.s1}/attendance`, { rows: [{ enrolmentId: id.teacherEnrolment, attended: true }] }));
		for (const s of later) await ok(await as.city.delete(`/api/v1/training-courses/${id.course}/sessions/${s}`));
		expect((await done()).completedAt).not.toBeNull();
	});
});

describe('feedback, reminders and online materials', () => {
	it('a trainee gives feedback once the course has begun (one each, replaced when given again); someone not enrolled may not', async () => {
		await ok(await as.teacher.post(`/api/v1/training-courses/${id.course}/feedback`, { usefulness: 4, applicability: 3, comment: 'Bổ ích' }), 201);
		await ok(await as.teacher.post(`/api/v1/training-courses/${id.course}/feedback`, { usefulness: 5, applicability: 4, comment: '' }), 201);
		const view = await ok(await as.city.get(`/api/v1/training-courses/${id.course}`));
		expect(view.feedback.received).toEqual([expect.objectContaining({ usefulness: 5, applicability: 4 })]);
		const e = await denied(await as.grouphead.post(`/api/v1/training-courses/${id.course}/feedback`, { usefulness: 5, applicability: 5 }), 409);
		expect(e.message).toMatch(/góp ý/);
		await denied(await as.teacher.post(`/api/v1/training-courses/${id.course}/feedback`, { usefulness: 6, applicability: 5 }), 400);
	});

	it('the reminder job tells the trainees of a session within 24 hours, once', async () => {
		expect(periodicJobs.map((j) => j.name)).toContain('training-reminders');
		const first = await sendSessionReminders(app.db);
		expect(first.sent).toBeGreaterThanOrEqual(2);
		const n = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.kind, 'training_reminder')));
		// This file's course and the demo's core-teacher course both meet tomorrow.
		expect(n.filter((x) => x.link === `/programs/training/${id.course}`)).toHaveLength(1);
		expect((await sendSessionReminders(app.db)).sent).toBe(0);
	});

	it('parents read the online materials for parents along their path and give feedback; learners and staff courses stay apart', async () => {
		const parent = await ok(await as.parent.get('/api/v1/training-courses'));
		const titles = parent.items.map((c: { title: string }) => c.title);
		expect(titles).toContain('Đồng hành cùng con học tập trong môi trường số');
		expect(titles).not.toContain('Tập huấn dạy học STEM');
		const materials = parent.items.find((c: { targetGroup: string }) => c.targetGroup === 'parents');
		expect(materials.materials.length).toBeGreaterThan(0);
		await ok(await as.parent.post(`/api/v1/training-courses/${materials.id}/feedback`, { usefulness: 4, applicability: 4, comment: 'Cảm ơn' }), 201);
		await denied(await as.parent.get(`/api/v1/training-courses/${id.course}`), 404);
		await denied(await as.learner.get(`/api/v1/training-courses/${materials.id}`), 404);
		await denied(await as.city.post(`/api/v1/training-courses/${materials.id}/enrolments`, { personIds: [id.teacher] }), 409);
	});

	it('documents: the organiser uploads them (audited; refused to anyone else before a byte is kept); the course’s readers download them, nobody else', async () => {
		const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const upload = (who: string, courseId: string, names: string[]) => {
			const fd = new FormData();
			for (const name of names) fd.append('file', new Blob([PDF as BlobPart], { type: 'application/pdf' }), name);
			return app.request('POST', `/api/v1/training-courses/${courseId}/files`, { cookie: as[who].cookie, body: fd });
		};
		const materials = (await ok(await as.parent.get('/api/v1/training-courses'))).items.find((c: { targetGroup: string }) => c.targetGroup === 'parents');
		const added = await ok(await upload('city', materials.id, ['Cẩm nang phụ huynh.pdf', 'An toàn trên mạng.pdf']), 201);
		expect(added.files.map((f: { name: string }) => f.name)).toEqual(['An toàn trên mạng.pdf', 'Cẩm nang phụ huynh.pdf']);
		expect((await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, materials.id), eq(auditLog.action, 'update')))).some((a) => JSON.stringify(a.after).includes('filesAdded'))).toBe(true);
		// A parent of the audience sees and downloads them; a learner, outside it, gets 404.
		const view = await ok(await as.parent.get(`/api/v1/training-courses/${materials.id}`));
		const doc = view.documents.find((f: { name: string }) => f.name === 'Cẩm nang phụ huynh.pdf');
		const res = await as.parent.get(`/api/v1/training-courses/${materials.id}/files/${doc.id}`);
		expect(res.status).toBe(200);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
		await denied(await as.learner.get(`/api/v1/training-courses/${materials.id}/files/${doc.id}`), 404);
		// The document belongs to its course only; a parent may not add one, a leader neither.
		await denied(await as.city.get(`/api/v1/training-courses/${id.course}/files/${doc.id}`), 404);
		const before = (await app.db.select({ id: files.id }).from(files)).length;
		await denied(await upload('parent', materials.id, ['x.pdf']), 403);
		await denied(await upload('leader', id.course, ['x.pdf']), 403);
		expect((await app.db.select({ id: files.id }).from(files)).length).toBe(before);
		// The organiser takes one off (audited; the file is gone); the parent may not.
		const other = view.documents.find((f: { name: string }) => f.name === 'An toàn trên mạng.pdf');
		await denied(await as.parent.delete(`/api/v1/training-courses/${materials.id}/files/${other.id}`), 403);
		expect((await ok(await as.city.delete(`/api/v1/training-courses/${materials.id}/files/${other.id}`))).files.map((f: { name: string }) => f.name)).toEqual(['Cẩm nang phụ huynh.pdf']);
		expect(await app.db.select().from(files).where(eq(files.id, other.id))).toHaveLength(0);
		await denied(await as.parent.get(`/api/v1/training-courses/${materials.id}/files/${other.id}`), 404);
		// The materials page lists them for the parent.
		expect(await (await as.parent.get('/programs/training/materials')).text()).toContain(`/api/v1/training-courses/${materials.id}/files/${doc.id}`);
	});
});

describe('targets and figures', () => {
	it('the board counts completed trainees live against the targets (the demo’s and this file’s)', async () => {
		const board = await ok(await as.city.get('/api/v1/training-targets?programYear=' + vietnamYear()));
		const row = (k: string) => board.rows.find((r: { key: string }) => r.key === k);
		expect(row('managers')).toMatchObject({ completed: 1, target: 50 });
		// The demo's two core teachers and this file's teacher.
		expect(row('core_teachers')).toMatchObject({ completed: 3, target: 150, percent: 2 });
		expect(row('core_teacher_share').target).toBe(5);
		expect(row('core_teacher_share').completed).toBeGreaterThan(0);
		const unitBoard = await ok(await as.unit.get('/api/v1/training-targets'));
		expect(unitBoard.path).toBe(thachThat.path);
		await denied(await as.parent.get('/api/v1/training-targets'), 403);
	});

	it('the office edits the targets of its scope (audited); a unit may set its own, a leader may not', async () => {
		const year = vietnamYear();
		const r = await ok(await as.city.put('/api/v1/training-targets', { programYear: year, targets: [{ key: 'managers', value: 60 }] }));
		expect(r.targets.managers).toBe(60);
		const u = await ok(await as.unit.put('/api/v1/training-targets', { programYear: year, targets: [{ key: 'managers', value: 10 }] }));
		expect(u).toMatchObject({ path: thachThat.path, targets: expect.objectContaining({ managers: 10, core_teachers: 150 }) });
		expect((await ok(await as.city.get('/api/v1/training-targets'))).rows.find((x: { key: string }) => x.key === 'managers').target).toBe(60);
		await denied(await as.leader.put('/api/v1/training-targets', { programYear: year, targets: [{ key: 'managers', value: 1 }] }), 403);
	});

	it('the report figures equal the data: per target group, the share and the feedback', async () => {
		const year = vietnamYear();
		const period = programYearPeriod(year);
		for (const path of [cityUnit.path, thachThat.path, thcs.path, thpt.path]) {
			const figures = await trainingFigures(app.db, { path, ...period });
			const value = (k: string) => figures.find((f) => f.key === k)?.value;
			const all = await app.db.select({ e: trainingEnrolments, group: trainingCourses.targetGroup }).from(trainingEnrolments).innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrolments.courseId));
			const inScope = all.filter((r) => r.e.path.startsWith(path));
			const inPeriod = (d: Date | null) => !!d && d >= period.from && d < period.to;
			for (const g of ['managers', 'core_teachers', 'pedagogy_students']) {
				expect(value(`training.${g}.enrolled`), `${g} enrolled at ${path}`).toBe(inScope.filter((r) => r.group === g && inPeriod(r.e.enrolledAt)).length);
				expect(value(`training.${g}.completed`), `${g} completed at ${path}`).toBe(inScope.filter((r) => r.group === g && inPeriod(r.e.completedAt)).length);
			}
			const teacherRoles = await app.db.select({ personId: roleGrants.personId }).from(roleGrants).innerJoin(persons, eq(persons.id, roleGrants.personId)).where(and(inArray(roleGrants.role, ['teacher', 'homeroom_teacher', 'subject_group_head']), eq(persons.kind, 'staff')));
			const teacherIds = new Set(teacherRoles.map((t) => t.personId));
			// The share's people: the teachers whose current school is in the scope; of them, those trained as core teachers anywhere.
			const teachersInScope = (await app.db.select({ id: persons.id, path: persons.path }).from(persons).where(inArray(persons.id, [...teacherIds]))).filter((t) => t.path.startsWith(path));
			const trained = new Set(all.filter((r) => r.group === 'core_teachers' && inPeriod(r.e.completedAt)).map((r) => r.e.personId));
			expect(value('training.core_teacher_share'), `share at ${path}`).toBe(coreTeacherShare(teachersInScope.filter((t) => trained.has(t.id)).length, teachersInScope.length));
		}
		const city = await trainingFigures(app.db, { path: cityUnit.path, ...period });
		// The demo's parent gave 5/4, then here 4/4 (replacing it); the teacher 5/4 → (4 + 4.5) / 2.
		expect(city.find((f) => f.key === 'training.feedback_average')!.value).toBe(4.25);
		expect(city.find((f) => f.key === 'training.sessions_held')!.value).toBeGreaterThanOrEqual(5);
		expect(city.find((f) => f.key === 'training.managers.completed')!.target).toBe(60);
	});

	it('the core-teacher share counts the same teachers on both sides: one trained at a school who moved to another counts at the new one only, so never above 100 %', async () => {
		const period = programYearPeriod(vietnamYear());
		const school = async (code: string, name: string) => {
			const sid = crypto.randomUUID();
			return (await app.db.insert(schools).values({ id: sid, orgUnitId: thachThat.id, code, name, level: 'lower_secondary', ownership: 'public', setting: 'rural', path: `${thachThat.path}${sid}/` }).returning())[0];
		};
		const [doi, suoi] = [await school('THCS-DOI', 'THCS Đồi'), await school('THCS-SUOI', 'THCS Suối')];
		// Both teachers of THCS Đồi complete the core-teacher course there; then one moves to THCS Suối.
		const [stays, moves] = await app.db
			.insert(persons)
			.values(['Ở Lại', 'Chuyển Đi'].map((givenName) => ({ kind: 'staff' as const, familyName: 'Nguyễn', middleName: 'Văn', givenName, schoolId: doi.id, path: doi.path })))
			.returning();
		await app.db.insert(roleGrants).values([stays, moves].map((t) => ({ personId: t.id, role: 'teacher' as const, scopeType: 'school' as const, scopeId: doi.id, scopePath: doi.path, schoolId: doi.id })));
		await app.db.insert(trainingEnrolments).values(
			[stays, moves].map((t) => ({ courseId: id.course, personId: t.id, schoolId: doi.id, path: doi.path, enrolledBy: id.city, completedAt: new Date(), verificationCode: crypto.randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase() }))
		);
		const share = async (path: string) => (await trainingFigures(app.db, { path, ...period })).find((f) => f.key === 'training.core_teacher_share')!.value;
		expect(await share(doi.path)).toBe(100);
		expect(await share(suoi.path)).toBeNull();
		await app.db.update(persons).set({ schoolId: suoi.id, path: suoi.path }).where(eq(persons.id, moves.id));
		await app.db.update(roleGrants).set({ scopeId: suoi.id, scopePath: suoi.path, schoolId: suoi.id }).where(eq(roleGrants.personId, moves.id));
		// Counted by the enrolment's path, THCS Đồi would have 2 trained of 1 teacher (200 %) and THCS Suối 0 of 1.
		expect(await share(doi.path)).toBe(100);
		expect(await share(suoi.path)).toBe(100);
		const unitShare = await share(thachThat.path);
		expect(unitShare).not.toBeNull();
		expect(unitShare!).toBeLessThanOrEqual(100);
	});

	it('the routes are in the OpenAPI document', async () => {
		const doc = await ok(await app.request('GET', '/api/v1/openapi.json'));
		for (const p of ['/training-courses', '/training-courses/{id}/enrolments', '/training-courses/{id}/sessions/{sessionId}/attendance', '/training-courses/{id}/enrolments/{enrolmentId}/certificate', '/training-targets']) expect(Object.keys(doc.paths)).toContain(`/api/v1${p}`);
	});
});
