/**
 * Lesson plans (kế hoạch bài dạy, Công văn 5512 Phụ lục IV) through the HTTP API on a real
 * database, with the demo school THCS Bình Yên: `teacher` teaches Toán (Tổ Khoa học tự nhiên),
 * `grouphead` heads that group, `homeroom` teaches Ngữ văn (the other group), `leader` leads the
 * school; `leader2` (made here) leads THPT Sông Hồng.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { schools, schoolYears, subjectGroups, subjects } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { lessonPlanEvents } from '#lib/server/learning/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let yearId: string, toan: string, van: string, khtnPath: string;

const activity = (n: number) => ({ title: `Hoạt động ${n}`, goal: 'Mục tiêu', content: 'Nội dung', product: 'Sản phẩm', organisation: 'Chuyển giao → thực hiện → báo cáo → kết luận' });
const fullContent = () => ({
	objectives: { knowledge: 'Nhận biết phân số', competencies: 'Tư duy và lập luận toán học', qualities: 'Chăm chỉ, trung thực' },
	materials: 'Phiếu học tập, máy chiếu',
	activities: [activity(1), activity(2), activity(3), activity(4)]
});

type Plan = { id: string; status: string; version: number; path: string; authorId: string; shared: boolean; copiedFromId: string | null; content: ReturnType<typeof fullContent> };

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	[{ id: yearId }] = await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, thcs.id));
	const subs = await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id));
	toan = subs.find((s) => s.code === 'TOAN')!.id;
	van = subs.find((s) => s.code === 'VAN')!.id;
	[{ path: khtnPath }] = await app.db.select().from(subjectGroups).where(eq(subjectGroups.id, subs.find((s) => s.code === 'TOAN')!.subjectGroupId!));
	// A leader of another school.
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: other.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['teacher', 'grouphead', 'homeroom', 'leader', 'leader2']) {
		as[u] = await app.loginAs(u);
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	}
});
afterAll(() => app?.close());

const create = async (who: Client, over: Record<string, unknown> = {}): Promise<Plan> => {
	const res = await who.post('/api/v1/lesson-plans', { schoolYearId: yearId, subjectId: toan, grade: 6, title: 'Phân số', week: 3, content: fullContent(), ...over });
	expect(res.status).toBe(201);
	return res.json();
};
const act = (who: Client, planId: string, action: string, comment?: string) => who.post(`/api/v1/lesson-plans/${planId}/transitions`, { action, ...(comment === undefined ? {} : { comment }) });
const expectStatus = async (res: Response, status: number, planStatus?: string) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	if (planStatus) expect(body.status).toBe(planStatus);
	return body;
};
const outboxTo = (recipient: string) => app.db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(asc(outbox.createdAt));

describe('the review: teacher → subject-group head → school leader', () => {
	it('creates a draft in the subject group of Toán, version 1, with a creation event and an audit record', async () => {
		const plan = await create(as.teacher);
		expect(plan).toMatchObject({ status: 'draft', version: 1, path: khtnPath, authorId: id.teacher, shared: false });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'lesson_plan'), eq(auditLog.entityId, plan.id)));
		expect(audit.map((a) => a.action)).toEqual(['create']);
	});

	it('goes submitted → group_approved → approved, telling the next person each time, with events in order and audit records', async () => {
		const plan = await create(as.teacher, { title: 'Số nguyên' });
		const before = { head: (await outboxTo('grouphead@sen.test')).length, leader: (await outboxTo('leader@sen.test')).length, author: (await outboxTo('teacher@sen.test')).length };

		await expectStatus(await act(as.teacher, plan.id, 'submit'), 200, 'submitted');
		const toHead = await outboxTo('grouphead@sen.test');
		expect(toHead).toHaveLength(before.head + 1);
		expect(toHead.at(-1)!.subject).toContain('Số nguyên');

		await expectStatus(await act(as.grouphead, plan.id, 'approve', 'Tốt'), 200, 'group_approved');
		expect(await outboxTo('leader@sen.test')).toHaveLength(before.leader + 1);

		const done = await expectStatus(await act(as.leader, plan.id, 'approve'), 200, 'approved');
		expect(done.version).toBe(4);
		expect(await outboxTo('teacher@sen.test')).toHaveLength(before.author + 1);

		const detail = await expectStatus(await as.teacher.get(`/api/v1/lesson-plans/${plan.id}`), 200, 'approved');
		expect(detail.events.map((e: { fromStatus: string | null; toStatus: string; actorId: string }) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
			[null, 'draft', id.teacher],
			['draft', 'submitted', id.teacher],
			['submitted', 'group_approved', id.grouphead],
			['group_approved', 'approved', id.leader]
		]);
		expect(detail.events[2].comment).toBe('Tốt');
		expect(detail).toMatchObject({ canEdit: false, actions: [] });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'lesson_plan'), eq(auditLog.entityId, plan.id))).orderBy(asc(auditLog.id));
		expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'approve', 'approve']);
		expect(audit.every((a) => a.schoolId === detail.schoolId && a.scopePath === khtnPath)).toBe(true);
	});

	it('lets the group head return a plan with a comment (required), the author fix and resubmit it, and the leader return it too', async () => {
		const plan = await create(as.teacher, { title: 'Góc' });
		await expectStatus(await act(as.teacher, plan.id, 'submit'), 200, 'submitted');
		const noComment = await expectStatus(await act(as.grouphead, plan.id, 'return', '  '), 400);
		expect(noComment.error.details.issues[0].path).toBe('comment');

		await expectStatus(await act(as.grouphead, plan.id, 'return', 'Bổ sung sản phẩm của hoạt động 3'), 200, 'returned');
		const mail = (await outboxTo('teacher@sen.test')).at(-1)!;
		expect(mail.body).toContain('Bổ sung sản phẩm của hoạt động 3');

		const view = await (await as.teacher.get(`/api/v1/lesson-plans/${plan.id}`)).json();
		expect(view).toMatchObject({ canEdit: true, actions: ['submit'] });
		const edited = await expectStatus(await as.teacher.patch(`/api/v1/lesson-plans/${plan.id}`, { version: view.version, title: 'Góc (sửa)' }), 200, 'returned');
		await expectStatus(await act(as.teacher, plan.id, 'submit'), 200, 'submitted');
		await expectStatus(await act(as.grouphead, plan.id, 'approve'), 200, 'group_approved');
		await expectStatus(await act(as.leader, plan.id, 'return', 'Chưa khớp phân phối chương trình'), 200, 'returned');
		const events = await app.db.select().from(lessonPlanEvents).where(eq(lessonPlanEvents.planId, plan.id)).orderBy(asc(lessonPlanEvents.id));
		expect(events.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'returned', 'submitted', 'group_approved', 'returned']);
		expect(edited.version).toBe(view.version + 1);
	});
});

describe('invalid transitions and permissions', () => {
	it('should fail with 403 when the caller may act on the plan but the step is not theirs', async () => {
		const plan = await create(as.teacher);
		await expectStatus(await act(as.grouphead, plan.id, 'submit'), 403);
		await expectStatus(await act(as.teacher, plan.id, 'submit'), 200, 'submitted');
		await expectStatus(await act(as.teacher, plan.id, 'approve'), 403);
		await expectStatus(await act(as.leader, plan.id, 'approve'), 403); // the group head first
	});

	it('should fail with 409 when the action is impossible from the current status', async () => {
		const plan = await create(as.teacher);
		await expectStatus(await act(as.leader, plan.id, 'approve'), 409);
		await expectStatus(await act(as.grouphead, plan.id, 'return', 'x'), 409);
		await expectStatus(await act(as.teacher, plan.id, 'submit'), 200, 'submitted');
		await expectStatus(await act(as.teacher, plan.id, 'submit'), 409);
		await expectStatus(await as.teacher.patch(`/api/v1/lesson-plans/${plan.id}`, { version: 2, title: 'x' }), 409);
	});

	it('should fail with 400 listing the empty parts when an incomplete plan is submitted', async () => {
		const plan = await create(as.teacher, { content: undefined });
		const body = await expectStatus(await act(as.teacher, plan.id, 'submit'), 400);
		expect(body.error.details.issues).toHaveLength(20);
		expect(body.error.details.issues.map((i: { path: string }) => i.path)).toContain('content.activities.0.goal');
	});

	it('should fail with 400 for content outside the 5512 frame', async () => {
		const res = await as.teacher.post('/api/v1/lesson-plans', { schoolYearId: yearId, subjectId: toan, grade: 6, title: 'x', content: { ...fullContent(), activities: [activity(1)] } });
		const body = await expectStatus(res, 400);
		expect(JSON.stringify(body.error.details)).toContain('activities');
	});

	it('should fail with 404 for another school’s leader, who also lists nothing', async () => {
		const plan = await create(as.teacher);
		await act(as.teacher, plan.id, 'submit');
		await expectStatus(await as.leader2.get(`/api/v1/lesson-plans/${plan.id}`), 404);
		await expectStatus(await act(as.leader2, plan.id, 'return', 'x'), 404);
		expect((await (await as.leader2.get('/api/v1/lesson-plans')).json()).items).toEqual([]);
	});

	it('should fail with 404 for a colleague outside the group when the plan is not shared, and 403 when they edit a shared one', async () => {
		const plan = await create(as.teacher);
		await expectStatus(await as.homeroom.get(`/api/v1/lesson-plans/${plan.id}`), 404);
		await expectStatus(await act(as.homeroom, plan.id, 'submit'), 404);
		const shared = await expectStatus(await as.teacher.patch(`/api/v1/lesson-plans/${plan.id}`, { version: 1, shared: true }), 200);
		await expectStatus(await as.homeroom.get(`/api/v1/lesson-plans/${plan.id}`), 200);
		await expectStatus(await as.homeroom.patch(`/api/v1/lesson-plans/${plan.id}`, { version: shared.version, title: 'x' }), 403);
		await expectStatus(await act(as.homeroom, plan.id, 'submit'), 403);
	});

	it('should fail with 409 and the current plan when an edit names a stale version', async () => {
		const plan = await create(as.teacher);
		await expectStatus(await as.teacher.patch(`/api/v1/lesson-plans/${plan.id}`, { version: 1, title: 'Lần 1' }), 200);
		const stale = await expectStatus(await as.teacher.patch(`/api/v1/lesson-plans/${plan.id}`, { version: 1, title: 'Lần 2' }), 409);
		expect(stale.error.details.current).toMatchObject({ version: 2, title: 'Lần 1' });
	});

	it('keeps the events append-only', async () => {
		await expect(app.db.execute(sql`update lesson_plan_events set comment = 'x'`)).rejects.toThrow();
		await expect(app.db.execute(sql`delete from lesson_plan_events`)).rejects.toThrow();
	});
});

describe('copying', () => {
	it('copies a colleague’s shared plan into the caller’s new draft, and one’s own earlier plan', async () => {
		const source = await create(as.teacher, { title: 'Tỉ số', shared: true });
		await act(as.teacher, source.id, 'submit');
		const copy = await expectStatus(await as.homeroom.post(`/api/v1/lesson-plans/${source.id}/copy`, {}), 201, 'draft');
		expect(copy).toMatchObject({ authorId: id.homeroom, copiedFromId: source.id, shared: false, version: 1, path: khtnPath, content: fullContent() });
		await expectStatus(await as.homeroom.patch(`/api/v1/lesson-plans/${copy.id}`, { version: 1, title: 'Tỉ số (của tôi)' }), 200);

		const own = await expectStatus(await as.teacher.post(`/api/v1/lesson-plans/${source.id}/copy`, { title: 'Tỉ số — năm sau' }), 201, 'draft');
		expect(own).toMatchObject({ authorId: id.teacher, copiedFromId: source.id, title: 'Tỉ số — năm sau' });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'lesson_plan'), eq(auditLog.entityId, own.id)));
		expect(audit.map((a) => a.action)).toEqual(['copy']);
	});

	it('should fail with 403 when the group head copies a colleague’s plan that is not shared', async () => {
		const source = await create(as.teacher);
		await expectStatus(await as.grouphead.post(`/api/v1/lesson-plans/${source.id}/copy`, {}), 403);
	});
});

describe('lists', () => {
	it('shows a teacher their own and the school’s shared plans, the group head their group’s, the leader the school’s', async () => {
		const vanPlan = await create(as.homeroom, { subjectId: van, title: 'Truyện cổ tích' });
		type Item = { id: string; authorId: string; shared: boolean; path: string; authorName: string; subjectName: string };
		const list = async (who: Client, q = ''): Promise<{ items: Item[] }> => (await who.get(`/api/v1/lesson-plans${q}`)).json();
		const teacher = (await list(as.teacher)).items;
		expect(teacher.length).toBeGreaterThan(0);
		expect(teacher.every((p) => p.authorId === id.teacher || p.shared)).toBe(true);
		expect(teacher.some((p) => p.id === vanPlan.id)).toBe(false);

		const head = (await list(as.grouphead)).items;
		expect(head.every((p) => p.path === khtnPath || p.shared)).toBe(true);
		expect(head.some((p) => p.id === vanPlan.id)).toBe(false);
		expect(head.some((p) => p.authorId === id.teacher && !p.shared)).toBe(true);

		const leader = (await list(as.leader)).items;
		expect(leader.some((p) => p.id === vanPlan.id)).toBe(true);
		expect(leader.length).toBeGreaterThan(head.length);
		expect(leader[0]).toMatchObject({ authorName: expect.any(String), subjectName: expect.any(String) });

		// The seeded approved plan and the one approved above, both by the math teacher.
		const approved = (await list(as.leader, `?status=approved&authorId=${id.teacher}`)).items as (Item & { status: string })[];
		expect(approved.length).toBeGreaterThanOrEqual(2);
		expect(approved.every((p) => p.authorId === id.teacher && p.status === 'approved')).toBe(true);
		expect((await list(as.leader, `?status=approved&authorId=${id.homeroom}`)).items).toEqual([]);
	});
});
