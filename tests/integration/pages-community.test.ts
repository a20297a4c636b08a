/**
 * The club, forum and committee pages as a browser without JavaScript uses them, on the demo:
 * `leader` leads THCS Bình Yên, `teacher` advises its science club, `learner` is in 6A1 and
 * `parent` (their mother) chairs 6A1's parent committee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { accounts } from '#lib/server/people/schema';
import { clubActivities, clubs, forumSpaces, forumThreads } from '#lib/server/community/schema';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
	app = await startApp();
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'homeroom', 'mentor']) {
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
		as[u] = await app.loginAs(u);
	}
	[{ id: id.club }] = await app.db.select().from(clubs);
	id.city = (await app.db.select().from(forumSpaces)).find((s) => s.kind === 'city_teachers')!.id;
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return textOf(await res.text());
};

describe('the community hub', () => {
	it('links clubs, forums and committees for whoever may use them; the community network sees none of them', async () => {
		const links = async (c: Client) => [...(await (await c.get('/community')).text()).matchAll(/href="(\/(?:clubs|forums|committees))"/g)].map((m) => m[1]);
		expect(await links(as.parent)).toEqual(['/clubs', '/forums', '/committees']);
		expect(await links(as.teacher)).toEqual(['/clubs', '/forums']);
		expect(await links(as.mentor)).toEqual([]);
		await page(as.mentor, '/clubs', 403);
		await page(as.mentor, '/forums', 403);
	});
});

describe('the club pages', () => {
	it('lets the leader create a club from the form and shows why a missing advisor is refused', async () => {
		const bad = await as.leader.form('/clubs?/create', { place: `school:${(await app.db.select().from(clubs))[0].schoolId}`, kind: 'sports', name: 'CLB Cầu lông', openTo: 'learners' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Giáo viên phụ trách: Vui lòng điền mục này.');
		const ok = await as.leader.form('/clubs?/create', { place: `school:${(await app.db.select().from(clubs))[0].schoolId}`, kind: 'sports', name: 'CLB Cầu lông', advisorId: id.homeroom, openTo: 'learners' });
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toMatch(/^\/clubs\/[0-9a-f-]{36}$/);
		expect(await page(as.learner, '/clubs?kind=sports')).toContain('CLB Cầu lông');
		expect(await page(as.teacher, '/clubs')).not.toContain('Câu lạc bộ mới');
	});

	it('records an activity typed in Vietnam time and shows the join button only to those who may ask', async () => {
		const res = await as.teacher.form(`/clubs/${id.club}?/activity`, { title: 'Thả tên lửa nước', startsAt: '2026-10-15T15:30', place: 'Sân trường' });
		expect(res.status).toBe(200);
		const [act] = await app.db.select().from(clubActivities).where(eq(clubActivities.clubId, id.club));
		expect(act.startsAt.toISOString()).toBe('2026-10-15T08:30:00.000Z');
		expect(await page(as.learner, `/clubs/${id.club}`)).toContain('Xin tham gia');
		const parentView = await page(as.parent, `/clubs/${id.club}`);
		expect(parentView).not.toContain('Xin tham gia');
		expect(parentView).toContain('Chào năm học mới');
	});
});

describe('the forum pages', () => {
	it('searches the city forum without diacritics and posts a thread from the form', async () => {
		expect(await page(as.teacher, `/forums/${id.city}?q=phan+so`)).toContain('Dạy phân số lớp 6 bằng hình ảnh');
		expect(await page(as.teacher, `/forums/${id.city}?q=hinh+hoc`)).toContain('Không tìm thấy chủ đề phù hợp.');
		const res = await as.teacher.form(`/forums/${id.city}?/thread`, { title: 'Ôn tập hình học', body: 'Góc và đường thẳng song song.' });
		expect(res.status).toBe(303);
		const [t] = await app.db.select().from(forumThreads).where(eq(forumThreads.title, 'Ôn tập hình học'));
		expect(res.headers.get('location')).toBe(`/forums/threads/${t.id}`);
		const thread = await page(as.teacher, `/forums/threads/${t.id}`);
		expect(thread).toContain('Góc và đường thẳng song song.');
		expect(thread).not.toContain('Điều hành');
		await page(as.learner, `/forums/${id.city}`, 404);
		await page(as.learner, `/forums/threads/${t.id}`, 404);
	});
});

describe('the committee pages', () => {
	it('lists 6A1’s committee for its chair with the announcement form and the discussion link', async () => {
		const list = await page(as.parent, '/committees');
		expect(list).toContain('Ban đại diện CMHS lớp 6A1');
		const [c] = await app.db.select().from(forumSpaces).where(eq(forumSpaces.kind, 'committee'));
		const detail = await page(as.parent, `/committees/${c.committeeId}`);
		expect(detail).toContain('Trưởng ban');
		expect(detail).toContain('Gửi thông báo');
		expect(detail).toContain('Thảo luận của cha mẹ học sinh');
		expect(await (await as.homeroom.get(`/committees/${c.committeeId}`)).text()).toContain('aria-label="Cử thành viên"');
		expect(await (await as.parent.get(`/committees/${c.committeeId}`)).text()).not.toContain('aria-label="Cử thành viên"');
	});
});
