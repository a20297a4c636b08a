/**
 * Clubs through the HTTP API on a real database, with the demo's "CLB Khoa học – Kỹ thuật" of
 * THCS Bình Yên (advisor: `teacher`; open to learners). Added here: `classmate` (another learner
 * of 6A1), `outsider` (a learner of THPT Sông Hồng) and `leader2` (THPT Sông Hồng's leader).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { clubs } from '#lib/server/community/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let club: string;

async function account(username: string, personId: string) {
	await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
}

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	id.thcs = thcs.id;
	id.thpt = thpt.id;
	id.thachThat = thcs.orgUnitId;
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'homeroom', 'city', 'unit', 'mentor']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const [c6a1] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
	id.classmate = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1.id))).map((e) => e.learnerId).find((l) => l !== id.learner)!;
	await app.db.insert(roleGrants).values({ personId: id.classmate, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await account('classmate', id.classmate);
	const [outsider] = await app.db.insert(persons).values({ kind: 'learner', familyName: 'Lê', middleName: 'Thu', givenName: 'Hà', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: outsider.id, role: 'learner', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await account('outsider', outsider.id);
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	id.leader2 = other.id;
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await account('leader2', other.id);
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'homeroom', 'city', 'unit', 'mentor', 'classmate', 'outsider', 'leader2']) as[u] = await app.loginAs(u);
	[{ id: club }] = await app.db.select().from(clubs).where(eq(clubs.name, 'CLB Khoa học – Kỹ thuật'));
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const names = (items: { name: string }[]) => items.map((x) => x.name);
const issue = async (res: Response) => (await ok(res, 400)).error.details.issues[0].path;

describe('creating and listing clubs', () => {
	it('lists the school’s club to its learners, staff and parents, filtered by kind and level', async () => {
		for (const u of ['learner', 'parent', 'homeroom', 'unit']) expect(names((await ok(await as[u].get('/api/v1/clubs'))).items)).toContain('CLB Khoa học – Kỹ thuật');
		expect(names((await ok(await as.learner.get('/api/v1/clubs?kind=science_tech&level=school'))).items)).toEqual(['CLB Khoa học – Kỹ thuật']);
		expect((await ok(await as.learner.get('/api/v1/clubs?kind=sports'))).items).toEqual([]);
		const seen = await ok(await as.learner.get(`/api/v1/clubs/${club}`));
		expect(seen).toMatchObject({ name: 'CLB Khoa học – Kỹ thuật', level: 'school', mayJoin: true, isMember: false, mayDecide: false, requests: [], members: [] });
		expect(seen.posts.map((p: { title: string }) => p.title)).toEqual(['Chào năm học mới']);
	});

	it('keeps a school’s club within its school: another school’s learner and leader neither list nor open it, the community network has no clubs', async () => {
		expect((await ok(await as.outsider.get('/api/v1/clubs'))).items).toEqual([]);
		await ok(await as.outsider.get(`/api/v1/clubs/${club}`), 404);
		await ok(await as.outsider.post(`/api/v1/clubs/${club}/members`), 404);
		await ok(await as.leader2.get(`/api/v1/clubs/${club}`), 404);
		await ok(await as.mentor.get('/api/v1/clubs'), 403);
	});

	it('lets the school leader create a club with a staff advisor of the school, audited, with its forum space; a teacher may not', async () => {
		const made = await ok(await as.leader.post('/api/v1/clubs', { schoolId: id.thcs, kind: 'arts', name: 'CLB Mỹ thuật', advisorId: id.homeroom, openTo: ['learners', 'staff'] }), 201);
		expect(made.path).toContain(id.thcs);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'club'), eq(auditLog.entityId, made.id)));
		expect(audit.map((a) => a.action)).toEqual(['create']);
		expect((await ok(await as.homeroom.get(`/api/v1/clubs/${made.id}`))).forumSpaceId).toBeTruthy();
		await ok(await as.teacher.post('/api/v1/clubs', { schoolId: id.thcs, kind: 'arts', name: 'x', advisorId: id.teacher, openTo: ['learners'] }), 403);
		await ok(await as.leader2.post('/api/v1/clubs', { schoolId: id.thcs, kind: 'arts', name: 'x', advisorId: id.teacher, openTo: ['learners'] }), 403);
		expect(await issue(await as.leader.post('/api/v1/clubs', { schoolId: id.thcs, kind: 'arts', name: 'x', advisorId: id.leader2, openTo: ['learners'] }))).toBe('advisorId');
		expect(await issue(await as.leader.post('/api/v1/clubs', { schoolId: id.thcs, kind: 'arts', name: 'x', advisorId: id.learner, openTo: ['learners'] }))).toBe('advisorId');
		expect(await issue(await as.leader.post('/api/v1/clubs', { schoolId: id.thcs, kind: 'chess', name: 'x', advisorId: id.teacher, openTo: ['learners'] }))).toBe('kind');
	});

	it('lets the unit officer create a unit club that the learners of its schools see and may join, but not another unit’s', async () => {
		const made = await ok(await as.unit.post('/api/v1/clubs', { orgUnitId: id.thachThat, kind: 'sports', name: 'CLB Bóng đá Thạch Thất', advisorId: id.teacher, openTo: ['learners'] }), 201);
		const seen = (await ok(await as.learner.get('/api/v1/clubs?level=unit'))).items;
		expect(names(seen)).toEqual(['CLB Bóng đá Thạch Thất']);
		expect((await ok(await as.learner.get(`/api/v1/clubs/${made.id}`))).mayJoin).toBe(true);
		await ok(await as.outsider.get(`/api/v1/clubs/${made.id}`), 404);
		await ok(await as.leader.post('/api/v1/clubs', { orgUnitId: id.thachThat, kind: 'sports', name: 'x', advisorId: id.teacher, openTo: ['learners'] }), 403);
	});
});

describe('membership: request, approval, what members see', () => {
	it('takes a learner’s request, tells the advisor, and refuses a second request while it waits', async () => {
		const req = await ok(await as.learner.post(`/api/v1/clubs/${club}/members`), 201);
		expect(req).toMatchObject({ personId: id.learner, status: 'requested' });
		const told = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.kind, 'club_membership_requested')));
		expect(told).toHaveLength(1);
		expect(told[0].link).toBe(`/clubs/${club}`);
		await ok(await as.learner.post(`/api/v1/clubs/${club}/members`), 409);
		expect((await ok(await as.learner.get(`/api/v1/clubs/${club}`))).myStatus).toBe('requested');
	});

	it('refuses requests from those the club is not open to (staff, parents of a learners’ club)', async () => {
		await ok(await as.homeroom.post(`/api/v1/clubs/${club}/members`), 403);
		await ok(await as.parent.post(`/api/v1/clubs/${club}/members`), 403);
	});

	it('lets only the advisor (or the leader) decide: not the learner, not another teacher, not another school’s leader', async () => {
		await ok(await as.learner.put(`/api/v1/clubs/${club}/members/${id.learner}`, { decision: 'approved' }), 403);
		await ok(await as.homeroom.put(`/api/v1/clubs/${club}/members/${id.learner}`, { decision: 'approved' }), 403);
		await ok(await as.leader2.put(`/api/v1/clubs/${club}/members/${id.learner}`, { decision: 'approved' }), 404);
		const seen = await ok(await as.teacher.get(`/api/v1/clubs/${club}`));
		expect(seen.mayDecide).toBe(true);
		expect(seen.requests.map((r: { id: string }) => r.id)).toEqual([id.learner]);
	});

	it('approves: the learner and their parent are told, it is audited, and a second decision is refused', async () => {
		const row = await ok(await as.teacher.put(`/api/v1/clubs/${club}/members/${id.learner}`, { decision: 'approved' }));
		expect(row).toMatchObject({ status: 'approved', decidedBy: id.teacher });
		for (const who of [id.learner, id.parent]) {
			const n = await app.db.select().from(notifications).where(and(eq(notifications.personId, who), eq(notifications.kind, 'club_membership_decided')));
			expect(n.map((x) => x.title)).toEqual(['Đã được nhận vào CLB Khoa học – Kỹ thuật']);
		}
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'club'), eq(auditLog.entityId, club)));
		expect(audit.map((a) => a.action)).toEqual(['request_membership', 'approve_membership']);
		await ok(await as.teacher.put(`/api/v1/clubs/${club}/members/${id.learner}`, { decision: 'rejected' }), 409);
		expect(await issue(await as.teacher.put(`/api/v1/clubs/${club}/members/${id.classmate}`, { decision: 'approved' }))).toBe('personId');
		const seen = await ok(await as.learner.get(`/api/v1/clubs/${club}`));
		expect(seen).toMatchObject({ isMember: true, myStatus: 'approved', mayJoin: false });
		expect(seen.members.map((x: { id: string }) => x.id)).toEqual([id.learner]);
	});

	it('lets the leader reject a request; the learner may ask again later', async () => {
		await ok(await as.classmate.post(`/api/v1/clubs/${club}/members`), 201);
		await ok(await as.leader.put(`/api/v1/clubs/${club}/members/${id.classmate}`, { decision: 'rejected' }));
		expect((await ok(await as.classmate.get(`/api/v1/clubs/${club}`))).myStatus).toBe('rejected');
		await ok(await as.classmate.post(`/api/v1/clubs/${club}/members`), 201);
	});

	it('records activities and attendance by the advisor; members see them, others see only the public face', async () => {
		const act = await ok(await as.teacher.post(`/api/v1/clubs/${club}/activities`, { title: 'Lắp ráp robot', startsAt: '2026-10-08T09:00:00Z', place: 'Phòng Tin học' }), 201);
		await ok(await as.learner.post(`/api/v1/clubs/${club}/activities`, { title: 'x', startsAt: '2026-10-08T09:00:00Z' }), 403);
		expect(await ok(await as.teacher.put(`/api/v1/clubs/${club}/activities/${act.id}/attendance`, { presentIds: [id.learner] }))).toMatchObject({ present: 1, absent: 0 });
		expect(await issue(await as.teacher.put(`/api/v1/clubs/${club}/activities/${act.id}/attendance`, { presentIds: [id.classmate] }))).toBe('presentIds');
		await ok(await as.learner.put(`/api/v1/clubs/${club}/activities/${act.id}/attendance`, { presentIds: [id.learner] }), 403);
		const member = await ok(await as.learner.get(`/api/v1/clubs/${club}`));
		expect(member.activities[0]).toMatchObject({ title: 'Lắp ráp robot', attendance: [{ personId: id.learner, present: true }] });
		const outsiderView = await ok(await as.classmate.get(`/api/v1/clubs/${club}`));
		expect(outsiderView.activities).toEqual([]);
		expect(outsiderView.members).toEqual([]);
	});

	it('posts news and showcase items by the advisor (https links only); everyone along the path reads them', async () => {
		await ok(await as.teacher.post(`/api/v1/clubs/${club}/posts`, { title: 'Giải Nhì cấp thành phố', body: 'Đội robot của câu lạc bộ đạt giải Nhì.' }), 201);
		await ok(await as.learner.post(`/api/v1/clubs/${club}/posts`, { title: 'x', body: 'y' }), 403);
		await ok(await as.leader2.post(`/api/v1/clubs/${club}/posts`, { title: 'x', body: 'y' }), 404);
		expect(await issue(await as.teacher.post(`/api/v1/clubs/${club}/showcase`, { title: 'Robot', url: 'http://example.vn' }))).toBe('url');
		await ok(await as.teacher.post(`/api/v1/clubs/${club}/showcase`, { title: 'Robot nhặt rác', url: 'https://example.vn/robot' }), 201);
		const seen = await ok(await as.parent.get(`/api/v1/clubs/${club}`));
		expect(seen.posts.map((p: { title: string }) => p.title)).toEqual(['Giải Nhì cấp thành phố', 'Chào năm học mới']);
		expect(seen.showcase.map((s: { title: string }) => s.title)).toEqual(['Robot nhặt rác']);
	});

	it('adds a showcase product with a photo from the club page (multipart, without JavaScript); whoever reads the club downloads it, another school cannot', async () => {
		const fd = new FormData();
		fd.append('title', 'Ảnh robot tại cuộc thi');
		fd.append('description', 'Vòng chung kết thành phố');
		fd.append('file', new Blob([PNG]), 'robot.png');
		expect((await as.teacher.form(`/clubs/${club}?/showcase`, fd)).status).toBe(200);
		const item = (await ok(await as.learner.get(`/api/v1/clubs/${club}`))).showcase.find((s: { title: string }) => s.title === 'Ảnh robot tại cuộc thi');
		expect(item.fileId).toBeTruthy();
		const file = await as.parent.get(`/api/v1/clubs/${club}/showcase/${item.id}/file`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('image/png');
		expect(file.headers.get('content-disposition')).toContain('attachment');
		await ok(await as.outsider.get(`/api/v1/clubs/${club}/showcase/${item.id}/file`), 404);
		const byLearner = new FormData();
		byLearner.append('title', 'x');
		byLearner.append('file', new Blob([PNG]), 'x.png');
		expect(await (await as.learner.form(`/clubs/${club}?/showcase`, byLearner)).text()).toContain('Bạn không có quyền');
	});

	it('lets a member leave (kept as left, audited) and the advisor take a member off; nobody else takes a member off', async () => {
		await ok(await as.classmate.delete(`/api/v1/clubs/${club}/members/${id.learner}`), 403);
		await ok(await as.outsider.delete(`/api/v1/clubs/${club}/members/${id.learner}`), 404);
		await ok(await as.classmate.delete(`/api/v1/clubs/${club}/members/${id.classmate}`), 204);
		expect((await ok(await as.classmate.get(`/api/v1/clubs/${club}`))).myStatus).toBe('left');
		expect((await ok(await as.classmate.delete(`/api/v1/clubs/${club}/members/${id.classmate}`), 400)).error.details.issues[0].path).toBe('personId');
		await ok(await as.teacher.delete(`/api/v1/clubs/${club}/members/${id.learner}`), 204);
		const seen = await ok(await as.learner.get(`/api/v1/clubs/${club}`));
		expect(seen).toMatchObject({ isMember: false, myStatus: 'left', mayJoin: true, activities: [] });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'club'), eq(auditLog.entityId, club), eq(auditLog.action, 'leave')));
		expect(audit).toHaveLength(2);
	});
});
