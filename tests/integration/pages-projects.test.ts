/**
 * The learning-place and project pages as a browser without JavaScript uses them, on the demo
 * school THCS Bình Yên: `teacher` teaches 6A1, `learner` is in 6A1, `parent` is their mother.
 * Added here: `classmate` (another learner of 6A1) and `learner6a2` (a learner of 6A2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools, subjects } from '#lib/server/organisations/schema';
import { accounts, roleGrants } from '#lib/server/people/schema';
import { learningPlaces } from '#lib/server/learning/place-schema';
import { projects } from '#lib/server/learning/project-schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string, toan: string, thpt: { id: string; path: string };

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	[{ id: toan }] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN')));
	for (const u of ['teacher', 'learner', 'parent', 'mentor', 'city']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	id.classmate = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1))).map((e) => e.learnerId).find((l) => l !== id.learner)!;
	[{ learnerId: id.learner6a2 }] = await app.db.select().from(enrolments).where(eq(enrolments.classId, cls.find((c) => c.name === '6A2')!.id));
	for (const u of ['classmate', 'learner6a2']) {
		await app.db.insert(roleGrants).values({ personId: id[u], role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
		await app.db.insert(accounts).values({ personId: id[u], username: u, email: `${u}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
	}
	for (const u of ['teacher', 'learner', 'parent', 'mentor', 'classmate', 'learner6a2']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return res.text();
};

describe('the learning places page', () => {
	it('draws every visible place with coordinates on the SVG map as a link, beside the table', async () => {
		const html = await page(as.learner, '/places');
		const start = html.indexOf('data-testid="place-map"');
		const svg = html.slice(start, html.indexOf('</svg>', start));
		const links = [...svg.matchAll(/href="\/places\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
		const visible = await app.db.select().from(learningPlaces);
		expect(links).toHaveLength(6);
		expect(new Set(links)).toEqual(new Set(visible.map((p) => p.id)));
		// Positions lie inside the 640 × 400 drawing.
		for (const [, x, y] of svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)) {
			expect(Number(x)).toBeGreaterThanOrEqual(0);
			expect(Number(x)).toBeLessThanOrEqual(640);
			expect(Number(y)).toBeLessThanOrEqual(400);
		}
		expect(textOf(html)).toContain('Chùa Tây Phương');
	});

	it('searches without diacritics and by kind, with the map following the results', async () => {
		const text = textOf(await page(as.teacher, '/places?q=duong+lam&kind=&level='));
		expect(text).toContain('Làng cổ Đường Lâm');
		expect(text).not.toContain('Văn Miếu');
		expect(textOf(await page(as.teacher, '/places?kind=nature'))).toContain('Vườn quốc gia Ba Vì');
		expect(textOf(await page(as.teacher, '/places?q=khong+co+dau+ca'))).toContain('Không có địa điểm nào phù hợp.');
	});

	it('adds a place from the form, and says which coordinate is wrong and how to fix it', async () => {
		const bad = await as.teacher.form('/places?/create', { name: 'Đình làng Chàng Sơn', kind: 'heritage', latitude: '210,9', longitude: '105,6' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Vĩ độ phải từ −90 đến 90');
		const fd = new FormData();
		for (const [k, v] of Object.entries({ name: 'Đình làng Chàng Sơn', kind: 'heritage', latitude: '21,0196', longitude: '105,5919', learning: 'Nghề mộc' })) fd.append(k, v);
		fd.append('levels', 'primary');
		fd.append('levels', 'lower_secondary');
		const res = await as.teacher.form('/places?/create', fd);
		expect(res.status).toBe(303);
		const where = res.headers.get('location')!;
		const detail = textOf(await page(as.teacher, where));
		expect(detail).toContain('Đình làng Chàng Sơn');
		expect(detail).toContain('Tiểu học, THCS');
		expect(detail).toContain('21.0196, 105.5919');
	});

	it('answers 404 for another school’s place', async () => {
		const [theirs] = await app.db.insert(learningPlaces).values({ schoolId: thpt.id, path: thpt.path, name: 'Vườn sinh học Sông Hồng', kind: 'nature', createdBy: id.city }).returning();
		await page(as.teacher, `/places/${theirs.id}`, 404);
		expect(textOf(await page(as.teacher, '/places'))).not.toContain('Vườn sinh học Sông Hồng');
	});

	it('links a place to a lesson from the lesson’s page and shows it there', async () => {
		const lesson = await (await as.teacher.post('/api/v1/lessons', { subjectId: toan, grade: 6, title: 'Đo đạc ở Văn Miếu' })).json();
		const [vanMieu] = await app.db.select().from(learningPlaces).where(eq(learningPlaces.name, 'Văn Miếu – Quốc Tử Giám'));
		expect((await as.teacher.form(`/lessons/${lesson.id}?/linkPlace`, { placeId: vanMieu.id })).status).toBe(200);
		const html = await page(as.teacher, `/lessons/${lesson.id}`);
		expect(html).toContain(`href="/places/${vanMieu.id}"`);
		expect(textOf(await page(as.teacher, `/places/${vanMieu.id}`))).toContain('Đo đạc ở Văn Miếu');
		expect((await as.teacher.form(`/lessons/${lesson.id}?/unlinkPlace`, { placeId: vanMieu.id })).status).toBe(200);
		expect(textOf(await page(as.teacher, `/lessons/${lesson.id}`))).toContain('Bài giảng chưa gắn với địa điểm nào.');
	});
});

describe('the project pages', () => {
	it('a teacher creates a project, a team and a milestone; the team posts evidence, the teacher reviews; others see only what they may', async () => {
		const [batTrang] = await app.db.select().from(learningPlaces).where(eq(learningPlaces.name, 'Làng gốm Bát Tràng'));
		const created = await as.teacher.form('/projects?/create', { classId: c6a1, title: 'Gốm quê em', drivingQuestion: 'Vì sao gốm Bát Tràng bền?', placeId: batTrang.id, mentorId: id.mentor });
		expect(created.status).toBe(303);
		const path = created.headers.get('location')!;
		const [project] = await app.db.select().from(projects).where(eq(projects.title, 'Gốm quê em'));
		expect(path).toBe(`/projects/${project.id}`);

		const team = new FormData();
		team.append('name', 'Nhóm Men lam');
		team.append('learnerIds', id.learner);
		expect((await as.teacher.form(`${path}?/addTeam`, team)).status).toBe(200);
		const other = new FormData();
		other.append('name', 'Nhóm Đất sét');
		other.append('learnerIds', id.classmate);
		expect((await as.teacher.form(`${path}?/addTeam`, other)).status).toBe(200);
		expect((await as.teacher.form(`${path}?/addMilestone`, { title: 'Phỏng vấn nghệ nhân', dueOn: '2026-10-20' })).status).toBe(200);
		const noDate = await as.teacher.form(`${path}?/addMilestone`, { title: 'Không hạn' });
		expect(noDate.status).toBe(400);

		const learnerPage = await page(as.learner, path);
		const [, teamId, milestoneId] = learnerPage.match(/action="\?\/evidence&(?:amp;)?teamId=([0-9a-f-]{36})&(?:amp;)?milestoneId=([0-9a-f-]{36})"/)!;
		const evidence = `${path}?/evidence&teamId=${teamId}&milestoneId=${milestoneId}`;
		expect(textOf(learnerPage)).toContain('Chưa bắt đầu');
		const http = await as.learner.form(evidence, { text: 'Ảnh', url: 'http://example.vn' });
		expect(http.status).toBe(400);
		expect(textOf(await http.text())).toContain('Đường dẫn phải bắt đầu bằng https://');
		expect((await as.learner.form(evidence, { text: 'Chúng em đã gặp nghệ nhân.', url: 'https://example.vn/phong-van' })).status).toBe(200);
		// A photo as evidence: stored, then downloadable by the team and its teacher, not by another team.
		const photo = new FormData();
		photo.set('text', 'Ảnh sản phẩm');
		photo.set('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'san-pham.png', { type: 'image/png' }));
		expect((await as.learner.form(evidence, photo)).status).toBe(200);
		const withFile = await page(as.learner, path);
		const fileUrl = withFile.match(/href="(\/api\/v1\/project-teams\/[0-9a-f-]{36}\/evidence\/[0-9a-f-]{36}\/file)"/)![1];
		const got = await as.teacher.get(fileUrl);
		expect(got.status).toBe(200);
		expect(got.headers.get('content-type')).toBe('image/png');
		expect((await as.classmate.get(fileUrl)).status).toBe(404);
		const html = new FormData();
		html.set('file', new File([new TextEncoder().encode('<html><script>x</script>')], 'a.html', { type: 'text/html' }));
		expect((await as.learner.form(evidence, html)).status).toBe(415);
		expect(textOf(await page(as.learner, path))).toContain('Đã nộp');

		const teacherPage = textOf(await page(as.teacher, path));
		expect(teacherPage).toContain('Nhóm Men lam');
		expect(teacherPage).toContain('Nhóm Đất sét');
		expect((await as.teacher.form(`${path}?/feedback`, { teamId, milestoneId, body: 'Rất tốt, thêm ảnh sản phẩm.' })).status).toBe(200);
		const after = textOf(await page(as.learner, path));
		expect(after).toContain('Rất tốt, thêm ảnh sản phẩm.');
		expect(after).toContain('Đã nhận xét');
		expect(after).not.toContain('Nhóm Đất sét');

		const parentPage = await page(as.parent, path);
		expect(textOf(parentPage)).toContain('Chúng em đã gặp nghệ nhân.');
		expect(parentPage).not.toContain('action="?/evidence"');
		const classmatePage = textOf(await page(as.classmate, path));
		expect(classmatePage).toContain('Nhóm Đất sét');
		expect(classmatePage).not.toContain('Chúng em đã gặp nghệ nhân.');
		await page(as.learner6a2, path, 404);
		expect(textOf(await page(as.mentor, '/projects'))).toContain('Gốm quê em');
		expect(textOf(await page(as.learner6a2, '/projects'))).not.toContain('Gốm quê em');
	});
});

describe('editing a learning place', () => {
	it('lets the group head who added the school’s place correct it from its page, keeps the levels, and gives a parent no form', async () => {
		const [place] = await app.db.select().from(learningPlaces).where(eq(learningPlaces.name, 'Chùa Tây Phương'));
		const head = await app.loginAs('grouphead');
		const page = await (await head.get(`/places/${place.id}`)).text();
		expect(page).toContain('action="?/update"');
		expect(page).toMatch(/value="21,0205"/);
		const fd = new FormData();
		for (const [k, v] of Object.entries({ name: 'Chùa Tây Phương', kind: 'heritage', wardId: place.wardId!, address: 'Núi Câu Lậu, xã Thạch Thất', latitude: '21,0206', longitude: '105,5662', contact: '', learning: place.learning })) fd.set(k, v);
		fd.append('levels', 'lower_secondary');
		fd.append('levels', 'upper_secondary');
		const res = await head.form(`/places/${place.id}?/update`, fd);
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã lưu thông tin địa điểm.');
		const [after] = await app.db.select().from(learningPlaces).where(eq(learningPlaces.id, place.id));
		expect(after).toMatchObject({ address: 'Núi Câu Lậu, xã Thạch Thất', latitude: 21.0206, levels: ['lower_secondary', 'upper_secondary'] });
		const bad = new FormData();
		for (const [k, v] of Object.entries({ name: 'Chùa Tây Phương', kind: 'heritage', latitude: '210', longitude: '105' })) bad.set(k, v);
		expect((await head.form(`/places/${place.id}?/update`, bad)).status).toBe(400);
		expect(await (await as.parent.get(`/places/${place.id}`)).text()).not.toContain('action="?/update"');
		expect((await as.parent.form(`/places/${place.id}?/update`, fd)).status).toBe(403);
	});
});
