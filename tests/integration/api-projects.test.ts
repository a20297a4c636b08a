/**
 * Learning places and projects through the HTTP API on a real database, with the demo school
 * THCS Bình Yên: `teacher` teaches 6A1 and 6A2, `learner` is in 6A1 and `parent` is their mother,
 * `mentor` and `alumnus` are of the city's community network. Added here: `classmate` (another
 * learner of 6A1), `learner6a2` (a learner of 6A2) and `leader2` (the leader of THPT Sông Hồng).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools, subjects } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string, c6a2: string, toan: string, learners6a1: string[], learners6a2: string[];

async function account(username: string, personId: string) {
	await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
}

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	[{ id: toan }] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN')));
	for (const u of ['teacher', 'learner', 'parent', 'mentor', 'alumnus', 'leader', 'homeroom']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	learners6a1 = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1))).map((e) => e.learnerId).filter((l) => l !== id.learner);
	learners6a2 = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a2))).map((e) => e.learnerId);
	id.classmate = learners6a1[0];
	id.learner6a2 = learners6a2[0];
	for (const u of ['classmate', 'learner6a2']) {
		await app.db.insert(roleGrants).values({ personId: id[u], role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
		await account(u, id[u]);
	}
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await account('leader2', other.id);
	for (const u of ['teacher', 'learner', 'parent', 'mentor', 'alumnus', 'leader', 'homeroom', 'classmate', 'learner6a2', 'leader2']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const names = (items: { name: string }[]) => items.map((x) => x.name);

describe('learning places', () => {
	it('finds the seeded Hanoi places by name without diacritics, and filters by kind and level', async () => {
		expect(names((await ok(await as.teacher.get('/api/v1/places?q=bat trang'))).items)).toEqual(['Làng gốm Bát Tràng']);
		expect(names((await ok(await as.learner.get('/api/v1/places?q=VAN MIEU'))).items)).toEqual(['Văn Miếu – Quốc Tử Giám']);
		expect(names((await ok(await as.teacher.get('/api/v1/places?kind=museum'))).items)).toEqual(['Bảo tàng Dân tộc học Việt Nam']);
		const preschool = names((await ok(await as.teacher.get('/api/v1/places?level=preschool'))).items);
		expect(preschool).toContain('Làng gốm Bát Tràng');
		expect(preschool).not.toContain('Vườn quốc gia Ba Vì');
	});

	it('lets a teacher add a place for the school, audited, with its ward and levels', async () => {
		const place = await ok(
			await as.teacher.post('/api/v1/places', { name: 'Làng nghề mây tre đan Phú Vinh', kind: 'craft_village', address: 'Phú Nghĩa, Hà Nội', latitude: 20.9386, longitude: 105.6547, contact: '0900 000 000', learning: 'Đan mây tre', levels: ['primary', 'lower_secondary', 'primary'] }),
			201
		);
		expect(place.levels).toEqual(['primary', 'lower_secondary']);
		const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
		expect(place.path).toBe(thcs.path);
		expect(names((await ok(await as.parent.get('/api/v1/places?q=phu vinh'))).items)).toEqual(['Làng nghề mây tre đan Phú Vinh']);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'learning_place'), eq(auditLog.entityId, place.id)));
		expect(audit.map((a) => a.action)).toEqual(['create']);
	});

	it('should fail with 400 naming the field when a coordinate is out of range or only one is given', async () => {
		const base = { name: 'Sai toạ độ', kind: 'other' };
		const lat = await ok(await as.teacher.post('/api/v1/places', { ...base, latitude: 95, longitude: 105 }), 400);
		expect(lat.error.details.issues).toEqual([{ path: 'latitude', message: 'Vĩ độ phải từ −90 đến 90 (độ thập phân, ví dụ 21,0277).' }]);
		const lon = await ok(await as.teacher.post('/api/v1/places', { ...base, latitude: 21, longitude: 181 }), 400);
		expect(lon.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['longitude']);
		const one = await ok(await as.teacher.post('/api/v1/places', { ...base, latitude: 21 }), 400);
		expect(one.error.details.issues).toEqual([{ path: 'longitude', message: 'Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.' }]);
	});

	it('keeps a school’s place within the school: another school neither lists nor opens it, and learners cannot add places', async () => {
		const theirs = await ok(await as.leader2.post('/api/v1/places', { name: 'Phòng thí nghiệm Sông Hồng', kind: 'other', latitude: 21.03, longitude: 105.84 }), 201);
		expect(names((await ok(await as.teacher.get('/api/v1/places?q=song hong'))).items)).toEqual([]);
		await ok(await as.teacher.get(`/api/v1/places/${theirs.id}`), 404);
		const seen = names((await ok(await as.leader2.get('/api/v1/places'))).items);
		expect(seen).toContain('Văn Miếu – Quốc Tử Giám');
		expect(seen).not.toContain('Chùa Tây Phương');
		expect(names((await ok(await as.learner.get('/api/v1/places?q=tay phuong'))).items)).toEqual(['Chùa Tây Phương']);
		await ok(await as.learner.post('/api/v1/places', { name: 'x', kind: 'other' }), 403);
		await ok(await as.teacher.put(`/api/v1/places/${theirs.id}`, { name: 'x', kind: 'other' }), 404);
	});

	it('links a place to the author’s lesson and shows it there', async () => {
		const [vanMieu] = (await ok(await as.teacher.get('/api/v1/places?q=van mieu'))).items;
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Số La Mã trên bia Tiến sĩ' }), 201);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/places`, { placeId: vanMieu.id }), 201);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/places`, { placeId: vanMieu.id }), 201);
		expect(names((await ok(await as.teacher.get(`/api/v1/lessons/${lesson.id}/places`))).items)).toEqual(['Văn Miếu – Quốc Tử Giám']);
		expect((await ok(await as.teacher.get(`/api/v1/places/${vanMieu.id}`))).lessons).toEqual([{ id: lesson.id, title: 'Số La Mã trên bia Tiến sĩ' }]);
		await ok(await as.homeroom.post(`/api/v1/lessons/${lesson.id}/places`, { placeId: vanMieu.id }), 403);
		await ok(await as.teacher.delete(`/api/v1/lessons/${lesson.id}/places/${vanMieu.id}`), 204);
		expect((await ok(await as.teacher.get(`/api/v1/lessons/${lesson.id}/places`))).items).toEqual([]);
	});
});

describe('projects', () => {
	let project: { id: string }, teamA: { id: string }, teamB: { id: string }, milestone: { id: string }, other: { id: string };

	beforeAll(async () => {
		const [batTrang] = (await ok(await as.teacher.get('/api/v1/places?q=bat trang'))).items;
		project = await ok(await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'Gốm Bát Tràng', drivingQuestion: 'Làm sao để một chiếc bát gốm không nứt khi nung?', placeId: batTrang.id, mentorId: id.mentor }), 201);
		teamA = await ok(await as.teacher.post(`/api/v1/projects/${project.id}/teams`, { name: 'Nhóm Men lam', learnerIds: [id.learner, learners6a1[1]] }), 201);
		teamB = await ok(await as.teacher.post(`/api/v1/projects/${project.id}/teams`, { name: 'Nhóm Đất sét', learnerIds: [id.classmate, learners6a1[2]] }), 201);
		milestone = await ok(await as.teacher.post(`/api/v1/projects/${project.id}/milestones`, { title: 'Tìm hiểu quy trình làm gốm', dueOn: '2026-10-15' }), 201);
		other = await ok(await as.teacher.post('/api/v1/projects', { classId: c6a2, title: 'Nước sạch ở Thạch Thất' }), 201);
		await ok(await as.teacher.post(`/api/v1/projects/${other.id}/teams`, { name: 'Nhóm 1', learnerIds: [id.learner6a2] }), 201);
	});

	it('goes from evidence to feedback: the team posts, the teacher is emailed, reviews, and the team sees it', async () => {
		const ev = await ok(await as.learner.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/evidence`, { text: 'Chúng em phỏng vấn nghệ nhân.', url: 'https://example.vn/anh-lo-nung' }), 201);
		expect(ev.fileId).toBeNull();
		let team = await ok(await as.learner.get(`/api/v1/project-teams/${teamA.id}`));
		expect(team.milestones.map((m: { status: string }) => m.status)).toEqual(['submitted']);
		const mails = await app.db.select().from(outbox).where(eq(outbox.recipient, 'teacher@sen.test'));
		expect(mails.some((m) => m.subject.includes('Gốm Bát Tràng') && m.subject.includes('Nhóm Men lam'))).toBe(true);
		await ok(await as.teacher.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/feedback`, { body: 'Tốt, thêm ảnh lò nung.' }), 201);
		team = await ok(await as.learner.get(`/api/v1/project-teams/${teamA.id}`));
		expect(team.milestones[0].status).toBe('reviewed');
		expect(team.milestones[0].feedback.map((f: { body: string }) => f.body)).toEqual(['Tốt, thêm ảnh lò nung.']);
		await ok(await as.learner.put(`/api/v1/project-teams/${teamA.id}/final-product`, { text: 'Bộ bát men lam', url: 'https://example.vn/san-pham' }));
		expect((await ok(await as.teacher.get(`/api/v1/project-teams/${teamA.id}`))).finalProduct).toBe('Bộ bát men lam');
	});

	it('shows a learner their own team only: another team’s evidence is 404, even to post', async () => {
		await ok(await as.classmate.get(`/api/v1/project-teams/${teamA.id}`), 404);
		await ok(await as.classmate.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/evidence`, { text: 'x' }), 404);
		const seen = await ok(await as.classmate.get(`/api/v1/projects/${project.id}`));
		expect(seen.drivingQuestion).toBe('Làm sao để một chiếc bát gốm không nứt khi nung?');
		expect(names(seen.teams)).toEqual(['Nhóm Đất sét']);
		expect(seen.teams[0].milestones[0].status).toBe('not_started');
	});

	it('answers 404 to a learner of another class, and lists them only their own class’s project', async () => {
		await ok(await as.learner6a2.get(`/api/v1/projects/${project.id}`), 404);
		expect((await ok(await as.learner6a2.get('/api/v1/projects'))).items.map((p: { id: string }) => p.id)).toEqual([other.id]);
	});

	it('shows a parent only their child’s team, read-only', async () => {
		const seen = await ok(await as.parent.get(`/api/v1/projects/${project.id}`));
		expect(names(seen.teams)).toEqual(['Nhóm Men lam']);
		expect(seen.teams[0].mayPost).toBe(false);
		await ok(await as.parent.get(`/api/v1/project-teams/${teamB.id}`), 404);
		await ok(await as.parent.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/evidence`, { text: 'x' }), 403);
		await ok(await as.parent.get(`/api/v1/projects/${other.id}`), 404);
	});

	it('shows the outside mentor only the projects they mentor, where they may comment but not post', async () => {
		expect((await ok(await as.mentor.get('/api/v1/projects'))).items.map((p: { id: string }) => p.id)).toEqual([project.id]);
		await ok(await as.mentor.get(`/api/v1/projects/${other.id}`), 404);
		const fb = await ok(await as.mentor.post(`/api/v1/project-teams/${teamB.id}/milestones/${milestone.id}/feedback`, { body: 'Hãy thử đất sét Bát Tràng.' }), 201);
		expect(fb.authorId).toBe(id.mentor);
		const team = await ok(await as.classmate.get(`/api/v1/project-teams/${teamB.id}`));
		expect(team.milestones[0].feedback[0]).toMatchObject({ body: 'Hãy thử đất sét Bát Tràng.', byMentor: true });
		await ok(await as.mentor.post(`/api/v1/project-teams/${teamB.id}/milestones/${milestone.id}/evidence`, { text: 'x' }), 403);
		await ok(await as.alumnus.get(`/api/v1/projects/${project.id}`), 404);
		expect((await ok(await as.alumnus.get('/api/v1/projects'))).items).toEqual([]);
	});

	it('lets the class’s teachers and the school leader see every team, never another school’s leader; teachers do not post evidence', async () => {
		expect(names((await ok(await as.leader.get(`/api/v1/projects/${project.id}`))).teams)).toEqual(['Nhóm Đất sét', 'Nhóm Men lam']);
		expect(names((await ok(await as.homeroom.get(`/api/v1/projects/${project.id}`))).teams)).toHaveLength(2);
		await ok(await as.leader2.get(`/api/v1/projects/${project.id}`), 404);
		await ok(await as.teacher.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/evidence`, { text: 'x' }), 403);
		await ok(await as.learner.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/feedback`, { body: 'x' }), 403);
		await ok(await as.learner.post(`/api/v1/projects/${project.id}/milestones`, { title: 'x', dueOn: '2026-11-01' }), 403);
	});

	it('should fail with 400 naming the field for a learner of another class, a learner in two teams, an http link, empty evidence or a mentor who is not one', async () => {
		const issue = async (res: Response) => (await ok(res, 400)).error.details.issues[0].path;
		expect(await issue(await as.teacher.post(`/api/v1/projects/${project.id}/teams`, { name: 'Lạc lớp', learnerIds: [learners6a2[1]] }))).toBe('learnerIds');
		expect(await issue(await as.teacher.post(`/api/v1/projects/${project.id}/teams`, { name: 'Hai nhóm', learnerIds: [id.learner] }))).toBe('learnerIds');
		expect(await issue(await as.learner.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/evidence`, { text: 'x', url: 'http://example.vn' }))).toBe('url');
		expect(await issue(await as.learner.post(`/api/v1/project-teams/${teamA.id}/milestones/${milestone.id}/evidence`, { text: '' }))).toBe('text');
		expect(await issue(await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'x', mentorId: id.homeroom }))).toBe('mentorId');
		expect(await issue(await as.learner.post(`/api/v1/project-teams/${teamA.id}/milestones/${other.id}/evidence`, { text: 'x' }))).toBe('milestoneId');
	});
});
