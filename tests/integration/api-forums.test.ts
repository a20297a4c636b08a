/**
 * Forums and parent committees through the HTTP API (and the committee page's forms) on a real
 * database, with the demo's city teachers' forum (category "Toán THCS", a thread on fractions),
 * THCS Bình Yên's staff space, the science club's space and 6A1's parent committee chaired by
 * `parent`. Added here: `leader2` (THPT Sông Hồng's leader), `parent6a2` (a parent of a 6A2
 * learner), `parent6a1` (another parent of 6A1) and `classmate` (a learner of 6A1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, guardianships, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { clubMembers, clubs, forumSpaces, parentCommittees } from '#lib/server/community/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const space: Record<string, string> = {};

async function account(username: string, personId: string) {
	await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
}

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	id.thcs = thcs.id;
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'homeroom', 'city', 'unit', 'mentor', 'grouphead']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	const inClass = async (name: string) => (await app.db.select().from(enrolments).where(eq(enrolments.classId, cls.find((c) => c.name === name)!.id))).map((e) => e.learnerId);
	const of6a1 = await inClass('6A1');
	const links = await app.db.select().from(guardianships);
	const guardianOf6a1 = links.find((g) => g.learnerId !== id.learner && of6a1.includes(g.learnerId))!;
	id.parent6a1 = guardianOf6a1.guardianId;
	await app.db.insert(roleGrants).values({ personId: id.parent6a1, role: 'parent', scopeType: 'learner', scopeId: guardianOf6a1.learnerId, scopePath: thcs.path, schoolId: thcs.id });
	await account('parent6a1', id.parent6a1);
	const learner6a2 = (await inClass('6A2'))[0];
	const [p6a2] = await app.db.insert(persons).values({ kind: 'guardian', familyName: 'Đặng', givenName: 'Lan', schoolId: thcs.id, path: thcs.path }).returning();
	id.parent6a2 = p6a2.id;
	await app.db.insert(guardianships).values({ guardianId: p6a2.id, learnerId: learner6a2, relation: 'mother' });
	await app.db.insert(roleGrants).values({ personId: p6a2.id, role: 'parent', scopeType: 'learner', scopeId: learner6a2, scopePath: thcs.path, schoolId: thcs.id });
	await account('parent6a2', p6a2.id);
	id.classmate = of6a1.find((l) => l !== id.learner)!;
	await app.db.insert(roleGrants).values({ personId: id.classmate, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await account('classmate', id.classmate);
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await account('leader2', other.id);
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'homeroom', 'city', 'unit', 'mentor', 'grouphead', 'parent6a1', 'parent6a2', 'classmate', 'leader2']) as[u] = await app.loginAs(u);
	const spaces = await app.db.select().from(forumSpaces);
	space.city = spaces.find((s) => s.kind === 'city_teachers')!.id;
	space.school = spaces.find((s) => s.kind === 'school')!.id;
	space.club = spaces.find((s) => s.kind === 'club')!.id;
	space.committee = spaces.find((s) => s.kind === 'committee')!.id;
	[{ id: id.committee }] = await app.db.select().from(parentCommittees);
	[{ id: id.club }] = await app.db.select().from(clubs);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const spaceIds = async (c: Client) => (await ok(await c.get('/api/v1/forums'))).items.map((s: { id: string }) => s.id).sort();
const titles = (items: { title: string }[]) => items.map((x) => x.title);

describe('who sees which forum', () => {
	it('shows teachers the city’s and their school’s staff spaces (the advisor also the club’s); never to learners, parents or the community network', async () => {
		expect(await spaceIds(as.teacher)).toEqual([space.city, space.school, space.club].sort());
		expect(await spaceIds(as.grouphead)).toEqual([space.city, space.school].sort());
		expect(await spaceIds(as.leader2)).toEqual([space.city]);
		expect(await spaceIds(as.unit)).toEqual([space.city, space.school].sort());
		expect(await spaceIds(as.learner)).toEqual([]);
		expect(await spaceIds(as.parent)).toEqual([space.committee]);
		await ok(await as.learner.get(`/api/v1/forums/${space.city}`), 404);
		await ok(await as.parent.get(`/api/v1/forums/${space.school}`), 404);
		await ok(await as.leader2.get(`/api/v1/forums/${space.school}`), 404);
		await ok(await as.mentor.get('/api/v1/forums'), 403);
		await ok(await as.mentor.get(`/api/v1/forums/${space.city}`), 404);
	});

	it('opens a club’s space to its approved members only', async () => {
		await ok(await as.learner.get(`/api/v1/forums/${space.club}`), 404);
		await app.db.insert(clubMembers).values({ clubId: id.club, personId: id.learner, status: 'approved' });
		const seen = await ok(await as.learner.get(`/api/v1/forums/${space.club}`));
		expect(seen).toMatchObject({ kind: 'club', mayPost: true, isModerator: false });
		await ok(await as.learner.post(`/api/v1/forums/${space.club}/threads`, { title: 'Mạch đèn LED', body: 'Em cần điện trở bao nhiêu ôm?' }), 201);
		await ok(await as.classmate.post(`/api/v1/forums/${space.club}/threads`, { title: 'x', body: 'y' }), 404);
		expect((await ok(await as.teacher.get(`/api/v1/forums/${space.club}`))).isModerator).toBe(true);
	});
});

describe('threads, replies and search', () => {
	let thread: string;

	it('finds the fractions thread ignoring case and diacritics, and by category', async () => {
		const hit = await ok(await as.grouphead.get(`/api/v1/forums/${space.city}?q=phan so`));
		expect(titles(hit.threads)).toEqual(['Dạy phân số lớp 6 bằng hình ảnh']);
		expect(titles((await ok(await as.leader2.get(`/api/v1/forums/${space.city}?q=PHÂN%20SỐ`))).threads)).toEqual(['Dạy phân số lớp 6 bằng hình ảnh']);
		expect((await ok(await as.grouphead.get(`/api/v1/forums/${space.city}?q=hoa hoc`))).threads).toEqual([]);
		expect(titles((await ok(await as.grouphead.get(`/api/v1/forums/${space.city}?categoryId=${hit.categories[0].id}`))).threads)).toHaveLength(1);
		thread = hit.threads[0].id;
	});

	it('lets any teacher of the city start a thread and reply; the author is notified; learners cannot post', async () => {
		const made = await ok(await as.leader2.post(`/api/v1/forums/${space.city}/threads`, { title: 'Đề kiểm tra giữa kỳ Toán 10', body: 'Xin góp ý ma trận đề.' }), 201);
		expect(made.searchText).toBe('de kiem tra giua ky toan 10 xin gop y ma tran de.');
		const reply = await ok(await as.grouphead.post(`/api/v1/forum-threads/${thread}/posts`, { body: 'Cảm ơn thầy, em dùng thử với lớp 6A2.' }), 201);
		const told = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.kind, 'forum_reply')));
		expect(told.map((n) => n.key)).toEqual([`forum-post:${reply.id}`]);
		const seen = await ok(await as.teacher.get(`/api/v1/forum-threads/${thread}`));
		expect(seen.posts.map((p: { body: string }) => p.body)).toEqual(['Cảm ơn thầy, em dùng thử với lớp 6A2.']);
		await ok(await as.learner.post(`/api/v1/forums/${space.city}/threads`, { title: 'x', body: 'y' }), 404);
		await ok(await as.learner.post(`/api/v1/forum-threads/${thread}/posts`, { body: 'y' }), 404);
		expect((await ok(await as.leader2.post(`/api/v1/forums/${space.city}/threads`, { title: 'x', body: 'y', categoryId: crypto.randomUUID() }), 400)).error.details.issues[0].path).toBe('categoryId');
	});

	it('lets the city officer moderate the city forum: pin, lock, hide — audited; a teacher may not', async () => {
		await ok(await as.teacher.patch(`/api/v1/forum-threads/${thread}`, { pinned: true }), 403);
		await ok(await as.city.post(`/api/v1/forums/${space.city}/categories`, { name: 'Ngữ văn THCS' }), 201);
		await ok(await as.teacher.post(`/api/v1/forums/${space.city}/categories`, { name: 'x' }), 403);
		expect(await ok(await as.city.patch(`/api/v1/forum-threads/${thread}`, { pinned: true, locked: true }))).toMatchObject({ pinned: true, locked: true });
		expect((await ok(await as.grouphead.get(`/api/v1/forums/${space.city}`))).threads[0]).toMatchObject({ id: thread, pinned: true });
		await ok(await as.grouphead.post(`/api/v1/forum-threads/${thread}/posts`, { body: 'Thêm một ý.' }), 409);
		await ok(await as.city.post(`/api/v1/forum-threads/${thread}/posts`, { body: 'Chủ đề đã đủ ý, xin khoá lại.' }), 201);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'forum_thread'), eq(auditLog.entityId, thread)));
		expect(audit.map((a) => a.action)).toEqual(['moderate_thread']);
	});

	it('makes a hidden reply and a hidden thread invisible to everyone but moderators', async () => {
		const seen = await ok(await as.city.get(`/api/v1/forum-threads/${thread}`));
		const first = seen.posts[0].id;
		await ok(await as.teacher.patch(`/api/v1/forum-posts/${first}`, { hidden: true }), 403);
		await ok(await as.city.patch(`/api/v1/forum-posts/${first}`, { hidden: true }));
		expect((await ok(await as.teacher.get(`/api/v1/forum-threads/${thread}`))).posts.map((p: { id: string }) => p.id)).not.toContain(first);
		expect((await ok(await as.city.get(`/api/v1/forum-threads/${thread}`))).posts[0]).toMatchObject({ id: first, hidden: true });
		await ok(await as.teacher.patch(`/api/v1/forum-posts/${first}`, { hidden: false }), 404);
		await ok(await as.city.patch(`/api/v1/forum-threads/${thread}`, { hidden: true }));
		await ok(await as.teacher.get(`/api/v1/forum-threads/${thread}`), 404);
		expect((await ok(await as.teacher.get(`/api/v1/forums/${space.city}`))).threads.map((t: { id: string }) => t.id)).not.toContain(thread);
		expect((await ok(await as.city.get(`/api/v1/forums/${space.city}`))).threads.map((t: { id: string }) => t.id)).toContain(thread);
	});

	it('lets a school leader open a staff space for their school and the city officer one for the city; not a teacher', async () => {
		await ok(await as.leader.post('/api/v1/forums', { kind: 'school', schoolId: id.thcs, name: 'Tổ Toán trao đổi' }), 201);
		await ok(await as.teacher.post('/api/v1/forums', { kind: 'school', schoolId: id.thcs, name: 'x' }), 403);
		await ok(await as.leader2.post('/api/v1/forums', { kind: 'school', schoolId: id.thcs, name: 'x' }), 403);
		const [root] = await app.db.select({ id: schools.orgUnitId }).from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
		await ok(await as.city.post('/api/v1/forums', { kind: 'city_teachers', orgUnitId: root.id, name: 'Giáo viên chủ nhiệm Hà Nội' }), 201);
	});
});

describe('parent committees', () => {
	it('shows the 6A1 committee to its parents and homeroom teacher, not to another class’s parents', async () => {
		for (const u of ['parent', 'parent6a1', 'homeroom', 'leader']) expect((await as[u].get(`/committees/${id.committee}`)).status).toBe(200);
		expect((await as.parent6a2.get(`/committees/${id.committee}`)).status).toBe(404);
		expect(await (await as.parent6a2.get('/committees')).text()).not.toContain('Ban đại diện CMHS lớp 6A1');
		expect(await (await as.parent6a1.get('/committees')).text()).toContain('Ban đại diện CMHS lớp 6A1');
		await ok(await as.parent6a2.get(`/api/v1/forums/${space.committee}`), 404);
	});

	it('lets a parent of the class post in its discussion, moderated by the chair and the homeroom teacher; not a parent of another class', async () => {
		const t = await ok(await as.parent6a1.post(`/api/v1/forums/${space.committee}/threads`, { title: 'Quỹ lớp học kỳ I', body: 'Đề xuất mức đóng góp tự nguyện.' }), 201);
		await ok(await as.parent6a2.post(`/api/v1/forums/${space.committee}/threads`, { title: 'x', body: 'y' }), 404);
		await ok(await as.parent6a2.post(`/api/v1/forum-threads/${t.id}/posts`, { body: 'y' }), 404);
		await ok(await as.parent6a1.patch(`/api/v1/forum-threads/${t.id}`, { pinned: true }), 403);
		await ok(await as.parent.patch(`/api/v1/forum-threads/${t.id}`, { pinned: true }));
		await ok(await as.homeroom.patch(`/api/v1/forum-threads/${t.id}`, { locked: true }));
		await ok(await as.teacher.get(`/api/v1/forum-threads/${t.id}`), 404);
	});

	it('lets the chair announce to every parent of the class (notified), not an ordinary parent', async () => {
		const res = await as.parent.form(`/committees/${id.committee}?/announce`, { title: 'Họp phụ huynh', body: 'Họp lúc 8 giờ sáng Chủ nhật tại phòng 6A1.' });
		expect(res.status).toBe(200);
		const told = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.parent6a1), eq(notifications.kind, 'committee_announcement')));
		expect(told.map((n) => n.title)).toEqual(['Ban đại diện CMHS lớp 6A1: Họp phụ huynh']);
		const denied = await as.parent6a1.form(`/committees/${id.committee}?/announce`, { title: 'x', body: 'y' });
		expect(await denied.text()).toContain('Bạn không có quyền');
		expect((await app.db.select().from(notifications).where(eq(notifications.kind, 'committee_announcement'))).every((n) => n.personId !== id.parent6a2)).toBe(true);
	});

	it('lets the homeroom teacher name a parent of the class to the committee, never a parent of another class', async () => {
		const named = await as.homeroom.form(`/committees/${id.committee}?/member`, { personId: id.parent6a1, role: 'vice_chair' });
		expect(named.status).toBe(200);
		const page = await (await as.parent.get(`/committees/${id.committee}`)).text();
		expect(page).toContain('Phó trưởng ban');
		const wrong = await as.homeroom.form(`/committees/${id.committee}?/member`, { personId: id.parent6a2, role: 'member' });
		expect(await wrong.text()).toContain('không phải cha mẹ học sinh');
		const byParent = await as.parent.form(`/committees/${id.committee}?/member`, { personId: id.parent6a1, role: 'chair' });
		expect(await byParent.text()).toContain('Bạn không có quyền');
	});
});
