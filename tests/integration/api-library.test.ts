/**
 * The content library through the HTTP API and its pages, with the demo: `teacher` teaches Toán at
 * THCS Bình Yên (Xã Thạch Thất); `homeroom` is a colleague there; `leader2` (made here) leads a school
 * in Phường Ba Đình; `unit` is the officer of Xã Thạch Thất; `learner` is a learner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { orgUnits, schools, subjects } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { lessons, questions } from '#lib/server/learning/lesson-schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
let toan: string;

beforeAll(async () => {
	app = await startApp();
	const [baDinh] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-BADINH'));
	const [other] = await app.db.select().from(schools).where(eq(schools.orgUnitId, baDinh.id));
	const [p] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Lê', middleName: 'Thị', givenName: 'Khác', schoolId: other.id, path: other.path }).returning();
	await app.db.insert(roleGrants).values({ personId: p.id, role: 'school_leader', scopeType: 'school', scopeId: other.id, scopePath: other.path, schoolId: other.id });
	await app.db.insert(accounts).values({ personId: p.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['teacher', 'homeroom', 'leader2', 'unit', 'learner', 'grouphead']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: toan }] = (await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id))).filter((s) => s.code === 'TOAN');
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const titles = async (who: Client, q = '') => ((await ok(await who.get(`/api/v1/library${q}`))).items as { title: string }[]).map((i) => i.title);

describe('the content library', () => {
	it('shares an item in the school, the unit or the city, each seen only there', async () => {
		await ok(await as.teacher.post('/api/v1/library', { title: 'Phiếu học tập Bát Tràng', url: 'https://example.org/bat-trang.pdf', reach: 'school', contexts: ['craft_village'], modes: ['practice'], levels: ['lower_secondary'], grades: [6], subject: 'Toán' }), 201);
		await ok(await as.teacher.post('/api/v1/library', { title: 'Tham quan Văn Miếu', url: 'https://example.org/van-mieu', reach: 'city', contexts: ['heritage_site'], modes: ['project'] }), 201);
		await ok(await as.unit.post('/api/v1/library', { title: 'Hướng dẫn của xã', url: 'https://example.org/xa', reach: 'school' }), 201);
		expect(await titles(as.homeroom)).toEqual(expect.arrayContaining(['Phiếu học tập Bát Tràng', 'Tham quan Văn Miếu', 'Hướng dẫn của xã']));
		// Another unit's school: only what is shared with the whole city.
		const far = await titles(as.leader2);
		expect(far).toContain('Tham quan Văn Miếu');
		expect(far).not.toContain('Phiếu học tập Bát Tràng');
		expect(far).not.toContain('Hướng dẫn của xã');
		// The unit officer sees what the unit's schools share.
		expect(await titles(as.unit)).toContain('Phiếu học tập Bát Tràng');
		expect((await as.learner.get('/api/v1/library')).status).toBe(403);
	});

	it('finds items by words without diacritics and by context and mode', async () => {
		expect(await titles(as.homeroom, '?q=bat trang')).toEqual(['Phiếu học tập Bát Tràng']);
		expect(await titles(as.homeroom, '?q=%25')).toEqual([]);
		expect(await titles(as.homeroom, '?context=heritage_site')).toEqual(['Tham quan Văn Miếu']);
		expect(await titles(as.homeroom, '?mode=practice&level=lower_secondary&grade=6')).toEqual(['Phiếu học tập Bát Tràng']);
		expect((await as.homeroom.get('/api/v1/library?context=moon')).status).toBe(400);
	});

	it('takes ratings from readers (one each, changeable, never the author’s) and sorts by them', async () => {
		const [item] = (await ok(await as.homeroom.get('/api/v1/library?q=van mieu'))).items;
		await ok(await as.homeroom.put(`/api/v1/library/${item.id}/ratings`, { stars: 3 }));
		const after = await ok(await as.grouphead.put(`/api/v1/library/${item.id}/ratings`, { stars: 5, comment: 'Rất hữu ích' }));
		expect(after).toMatchObject({ rating: 4, ratings: 2 });
		expect((await ok(await as.homeroom.put(`/api/v1/library/${item.id}/ratings`, { stars: 5 }))).rating).toBe(5);
		expect((await as.teacher.put(`/api/v1/library/${item.id}/ratings`, { stars: 5 })).status).toBe(400);
		expect((await as.homeroom.put(`/api/v1/library/${item.id}/ratings`, { stars: 6 })).status).toBe(400);
		expect((await titles(as.homeroom, '?sort=rating'))[0]).toBe('Tham quan Văn Miếu');
	});

	it('reuses a lesson: a copy in the reuser’s school with its quiz and questions, and counts it', async () => {
		const q = await ok(await as.teacher.post('/api/v1/questions', { subjectId: toan, stem: 'Phân số nào bằng 1/2?', topic: 'Phân số', body: { kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '1/3' }], correct: 'a' } }), 201);
		const lesson = await ok(await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Phân số bằng nhau' }), 201);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'text', body: 'Đọc' }), 201);
		await ok(await as.teacher.post(`/api/v1/lessons/${lesson.id}/quizzes`, { title: 'Kiểm tra', questionIds: [q.id] }), 201);
		// Only one's own lesson can be published.
		expect((await as.homeroom.post('/api/v1/library', { title: 'Không phải của tôi', lessonId: lesson.id })).status).toBe(400);
		const item = await ok(await as.teacher.post('/api/v1/library', { title: 'Phân số bằng nhau (bài giảng)', lessonId: lesson.id, reach: 'unit' }), 201);
		const { lessonId } = await ok(await as.grouphead.post(`/api/v1/library/${item.id}/reuse`));
		const [copy] = await app.db.select().from(lessons).where(eq(lessons.id, lessonId));
		const [gh] = await app.db.select().from(accounts).where(eq(accounts.username, 'grouphead'));
		expect(copy).toMatchObject({ authorId: gh.personId, title: 'Phân số bằng nhau', subjectId: toan });
		expect(copy.blocks.map((b) => b.kind)).toEqual(['text', 'quiz']);
		const mine = await app.db.select().from(questions).where(eq(questions.authorId, gh.personId));
		expect(mine.map((x) => x.stem)).toEqual(['Phân số nào bằng 1/2?']);
		expect((await ok(await as.grouphead.get(`/api/v1/library/${item.id}`))).reuseCount).toBe(1);
		// The copy is the reuser's to edit.
		await ok(await as.grouphead.post(`/api/v1/lessons/${lessonId}/blocks`, { kind: 'text', body: 'Thêm' }), 201);
	});

	it('lets only the author withdraw an item', async () => {
		const item = await ok(await as.teacher.post('/api/v1/library', { title: 'Tạm thời', url: 'https://example.org/x' }), 201);
		expect((await as.homeroom.delete(`/api/v1/library/${item.id}`)).status).toBe(403);
		await ok(await as.teacher.delete(`/api/v1/library/${item.id}`), 204);
		expect((await as.teacher.get(`/api/v1/library/${item.id}`)).status).toBe(404);
	});

	it('refuses an item with neither an https address nor a lesson, in Vietnamese', async () => {
		const res = await ok(await as.teacher.post('/api/v1/library', { title: 'Không có gì' }), 400);
		expect(res.error.message).toBe('Hãy ghi địa chỉ (https) của học liệu hoặc chọn một bài giảng của bạn.');
		expect((await as.teacher.post('/api/v1/library', { title: 'x', url: 'http://example.org' })).status).toBe(400);
	});
});

describe('the library pages', () => {
	it('publishes from the form with its tags, shows it in the list, and takes a rating', async () => {
		const fd = new FormData();
		fd.set('title', 'Làng lụa Vạn Phúc');
		fd.set('url', 'https://example.org/van-phuc');
		fd.set('reach', 'school');
		fd.append('contexts', 'craft_village');
		fd.append('modes', 'practice');
		fd.set('grades', '6, 7');
		const res = await as.teacher.form('/library?/publish', fd);
		expect(res.status).toBe(303);
		const path = res.headers.get('location')!.split('?')[0];
		const list = await (await as.homeroom.get('/library?q=van phuc')).text();
		expect(list).toContain('Làng lụa Vạn Phúc');
		expect(list).toContain('Làng nghề');
		expect((await as.homeroom.form(`${path}?/rate`, { stars: '4', comment: 'Tốt' })).status).toBe(200);
		const page = await (await as.homeroom.get(path)).text();
		expect(page.replace(/<[^>]+>/g, ' ')).toMatch(/4 ★ \(1\)/);
	});
});
