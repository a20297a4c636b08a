/**
 * Pilot models and publications through the HTTP API on a real database, with the demo: `city`
 * is the program office, `unit` the officer of Xã Thạch Thất (THCS Bình Yên, LC Sao Mai), `leader`
 * leads THCS Bình Yên, `teacher` teaches there, `parent` is a parent there. Added here: `leader2`,
 * the leader of THPT Sông Hồng (under the city directly).
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { outbox } from '#lib/server/platform/schema';
import { pilotMilestones, pilotModels, pilotSites } from '#lib/server/programs/pilot-schema';
import { publicationFiles, publicationReads, publications } from '#lib/server/programs/publication-schema';
import { files } from '#lib/server/files/schema';
import { pilotFigures } from '#lib/server/programs/pilot-figures';
import { sendMilestoneReminders } from '#lib/server/programs/pilot-service';
import { periodicJobs } from '#lib/server/platform/jobs';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';
import { periodOf } from '#lib/server/programs/report-rules';
import { todayInVietnam } from '#lib/format';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let thcs: typeof schools.$inferSelect;
let thpt: typeof schools.$inferSelect;
let city: typeof orgUnits.$inferSelect;
let unit: typeof orgUnits.$inferSelect;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
	app = await startApp();
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	[city] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
	[unit] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT'));
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: other.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['city', 'unit', 'leader', 'teacher', 'parent', 'learner', 'leader2']) {
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
		as[u] = await app.loginAs(u);
	}
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const denied = async (res: Response, status: 400 | 403 | 404 | 409 | 410) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body.error;
};
const audits = (entityId: string) => app.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));

describe('pilot models', () => {
	it('lists the seven demo models to program staff along the path and none to a parent', async () => {
		const { items } = await ok(await as.city.get('/api/v1/pilot-models'));
		expect(items).toHaveLength(7);
		expect(items.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['Câu lạc bộ STEM kết nối doanh nghiệp', 'Học qua di sản và làng nghề', 'Kết nối phụ huynh số']));
		expect((await ok(await as.teacher.get('/api/v1/pilot-models'))).items).toHaveLength(7);
		await denied(await as.parent.get('/api/v1/pilot-models'), 403);
	});

	it('the office creates a model, audited; a unit officer or leader may not; bad input answers in Vietnamese', async () => {
		const body = { name: 'Trường học xanh', description: 'Vườn trường và năng lượng sạch', levels: ['primary', 'lower_secondary'], components: ['people', 'context'] };
		const model = await ok(await as.city.post('/api/v1/pilot-models', body), 201);
		expect(model).toMatchObject({ name: 'Trường học xanh', path: city.path, levels: ['primary', 'lower_secondary'], components: ['people', 'context'], status: 'piloting' });
		expect((await audits(model.id)).map((a) => a.action)).toEqual(['create']);
		id.model = model.id;
		await denied(await as.unit.post('/api/v1/pilot-models', body), 403);
		await denied(await as.leader.post('/api/v1/pilot-models', body), 403);
		await denied(await as.parent.post('/api/v1/pilot-models', body), 404);
		const bad = await denied(await as.city.post('/api/v1/pilot-models', { ...body, levels: [], components: ['money'] }), 400);
		expect(bad.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['levels', 'components.0']));
		const patched = await ok(await as.city.patch(`/api/v1/pilot-models/${model.id}`, { status: 'completed' }));
		expect(patched.status).toBe('completed');
		await denied(await as.leader.patch(`/api/v1/pilot-models/${model.id}`, { status: 'draft' }), 403);
	});
});

describe('pilot sites', () => {
	it('a unit officer sees only their unit’s schools’ sites; a leader only their school’s', async () => {
		const all = (await ok(await as.city.get('/api/v1/pilot-sites'))).items;
		expect(all).toHaveLength(12);
		const mine = (await ok(await as.unit.get('/api/v1/pilot-sites'))).items as { path: string; schoolName: string }[];
		expect(mine.length).toBe(6);
		expect(mine.every((s) => s.path.startsWith(unit.path))).toBe(true);
		const leaders = (await ok(await as.leader.get(`/api/v1/pilot-sites?schoolId=${thcs.id}`))).items;
		expect(leaders).toHaveLength(4);
		expect((await ok(await as.leader.get(`/api/v1/pilot-sites?schoolId=${thpt.id}`))).items).toHaveLength(0);
		await denied(await as.parent.get('/api/v1/pilot-sites'), 403);
		await denied(await as.city.get('/api/v1/pilot-sites?schoolId=nope'), 400);
	});

	it('the office assigns a school with the program’s two phases; twice is a 409; a unit officer may not assign', async () => {
		const site = await ok(await as.city.post('/api/v1/pilot-sites', { modelId: id.model, schoolId: thcs.id, responsible: 'Cô Lan, phó hiệu trưởng' }), 201);
		expect(site).toMatchObject({ path: thcs.path, schoolId: thcs.id });
		id.site = site.id;
		const detail = await ok(await as.leader.get(`/api/v1/pilot-sites/${site.id}`));
		expect(detail.phases.map((p: { phase: string; startsOn: string; endsOn: string }) => [p.phase, p.startsOn, p.endsOn])).toEqual(
			expect.arrayContaining([
				['theory', '2024-09-01', '2024-12-31'],
				['practice', '2024-09-01', '2025-05-31']
			])
		);
		expect(detail.progress).toEqual({ done: 0, total: 0, percent: null });
		await denied(await as.city.post('/api/v1/pilot-sites', { modelId: id.model, schoolId: thcs.id }), 409);
		await denied(await as.unit.post('/api/v1/pilot-sites', { modelId: id.model, schoolId: (await app.db.select().from(schools).where(eq(schools.code, 'LC-SAOMAI')))[0].id }), 403);
		await denied(await as.city.post('/api/v1/pilot-sites', { modelId: id.model, schoolId: thpt.id, phases: [{ phase: 'theory', startsOn: '2024-12-01', endsOn: '2024-09-01' }] }), 400);
		expect((await audits(site.id)).map((a) => a.action)).toEqual(['create']);
	});

	it('404 for another school’s leader and a parent, 403 for a teacher who may read it', async () => {
		await denied(await as.leader2.get(`/api/v1/pilot-sites/${id.site}`), 404);
		await denied(await as.parent.get(`/api/v1/pilot-sites/${id.site}`), 404);
		await ok(await as.teacher.get(`/api/v1/pilot-sites/${id.site}`));
		await denied(await as.teacher.post(`/api/v1/pilot-sites/${id.site}/milestones`, { title: 'X', dueOn: '2030-01-01' }), 403);
		await denied(await as.leader2.post(`/api/v1/pilot-sites/${id.site}/milestones`, { title: 'X', dueOn: '2030-01-01' }), 404);
		await denied(await as.teacher.patch(`/api/v1/pilot-sites/${id.site}`, { responsible: 'Ai đó' }), 403);
		expect((await ok(await as.unit.patch(`/api/v1/pilot-sites/${id.site}`, { responsible: 'Thầy Minh' }))).responsible).toBe('Thầy Minh');
	});

	it('milestones: the leader adds two, marks one done; progress is done over all; late is computed', async () => {
		const a = await ok(await as.leader.post(`/api/v1/pilot-sites/${id.site}/milestones`, { title: 'Lập kế hoạch', dueOn: '2030-01-10', phase: 'theory', responsible: 'Ban giám hiệu' }), 201);
		const b = await ok(await as.leader.post(`/api/v1/pilot-sites/${id.site}/milestones`, { title: 'Báo cáo sơ kết', dueOn: '2020-01-10' }), 201);
		const done = await ok(await as.leader.patch(`/api/v1/pilot-sites/${id.site}/milestones/${a.id}`, { status: 'done' }));
		expect(done.status).toBe('done');
		const site = await ok(await as.city.get(`/api/v1/pilot-sites/${id.site}`));
		expect(site.progress).toEqual({ done: 1, total: 2, percent: 50 });
		expect(site.milestones.find((x: { id: string }) => x.id === b.id).status).toBe('late');
		await denied(await as.leader.patch(`/api/v1/pilot-sites/${id.site}/milestones/${a.id}`, { status: 'late' }), 400);
		const [row] = await app.db.select().from(pilotMilestones).where(eq(pilotMilestones.id, a.id));
		expect(row.doneAt).not.toBeNull();
		expect((await audits(a.id)).map((x) => x.action).sort()).toEqual(['create', 'update']);
		id.milestone = a.id;
		// The demo's late milestone: THPT Sông Hồng's STEM club.
		const stem = (await ok(await as.city.get('/api/v1/pilot-sites'))).items.find((s: { schoolId: string; modelName: string }) => s.schoolId === thpt.id && s.modelName.startsWith('Câu lạc bộ STEM'));
		const stemSite = await ok(await as.city.get(`/api/v1/pilot-sites/${stem.id}`));
		expect(stemSite.milestones.map((x: { status: string }) => x.status)).toEqual(expect.arrayContaining(['done', 'late', 'planned']));
	});

	it('evidence: an https link or a file through the files module; http is refused; the file is read as the site', async () => {
		const path = `/api/v1/pilot-sites/${id.site}/milestones/${id.milestone}/evidence`;
		const refused = await denied(await as.leader.post(path, { note: 'Ảnh', url: 'http://example.vn/a' }), 400);
		expect(refused.details.issues[0].message).toBe('Liên kết phải bắt đầu bằng https://');
		await denied(await as.leader.post(path, {}), 400);
		const link = await ok(await as.leader.post(path, { note: 'Biên bản họp', url: 'https://drive.example.vn/bien-ban' }), 201);
		expect(link.url).toBe('https://drive.example.vn/bien-ban');
		const fd = new FormData();
		fd.append('note', 'Ảnh hoạt động');
		fd.append('file', new Blob([PNG]), 'hoat-dong.png');
		const withFile = await ok(await app.request('POST', path, { cookie: as.leader.cookie, body: fd }), 201);
		expect(withFile.file).toMatchObject({ name: 'hoat-dong.png', contentType: 'image/png' });
		const file = await as.teacher.get(`/api/v1/pilot-sites/${id.site}/evidence/${withFile.id}/file`);
		expect(file.status).toBe(200);
		await denied(await as.leader2.get(`/api/v1/pilot-sites/${id.site}/evidence/${withFile.id}/file`), 404);
		const fd2 = new FormData();
		fd2.append('file', new Blob([PNG]), 'x.png');
		await denied(await app.request('POST', path, { cookie: as.teacher.cookie, body: fd2 }), 403);
		// Refused fields with a file: the stored bytes go too.
		const stored = () => readdirSync(app.filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
		const before = stored();
		const fd3 = new FormData();
		fd3.append('url', 'https://example.vn/' + 'a'.repeat(2100));
		fd3.append('file', new Blob([PNG]), 'dai.png');
		await denied(await app.request('POST', path, { cookie: as.leader.cookie, body: fd3 }), 400);
		expect(stored()).toBe(before);
		const site = await ok(await as.leader.get(`/api/v1/pilot-sites/${id.site}`));
		expect(site.milestones.find((x: { id: string }) => x.id === id.milestone).evidence).toHaveLength(2);
		expect((await audits(withFile.id)).map((x) => x.action)).toEqual(['create']);
	});

	it('the school view lists the school’s models with progress; another school’s leader gets 404', async () => {
		const model = await ok(await as.leader.get(`/api/v1/pilot-models/${id.model}`));
		expect(model.sites).toHaveLength(1);
		expect(model.sites[0].progress.percent).toBe(50);
		expect((await ok(await as.leader2.get(`/api/v1/pilot-models/${id.model}`))).sites).toHaveLength(0);
		await denied(await as.parent.get(`/api/v1/pilot-models/${id.model}`), 404);
	});

	it('reminds the school’s leaders once of a milestone due within a week, as the periodic job', async () => {
		const soon = new Date(Date.now() + 3 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
		const ms = await ok(await as.leader.post(`/api/v1/pilot-sites/${id.site}/milestones`, { title: 'Nộp kế hoạch tháng', dueOn: soon }), 201);
		expect(periodicJobs.map((j) => j.name)).toContain('pilot-milestone-reminders');
		await sendMilestoneReminders(app.db);
		const sent = await app.db.select().from(notifications).where(eq(notifications.key, `pilot-milestone-due:${ms.id}`));
		const leaders = await app.db.selectDistinct({ id: roleGrants.personId }).from(roleGrants).where(and(eq(roleGrants.role, 'school_leader'), eq(roleGrants.schoolId, thcs.id)));
		expect(sent.map((n) => n.personId).sort()).toEqual(leaders.map((l) => l.id).sort());
		expect(sent[0]).toMatchObject({ kind: 'pilot_milestone_due', title: 'Sắp đến hạn: Nộp kế hoạch tháng' });
		expect((await sendMilestoneReminders(app.db)).sent).toBe(0);
		await ok(await as.leader.patch(`/api/v1/pilot-sites/${id.site}/milestones/${ms.id}`, { status: 'done' }));
	});

	it('the figures equal the data over the city and over the unit', async () => {
		const now = new Date();
		const period = { from: new Date(now.getTime() - 365 * 86_400_000), to: new Date(now.getTime() + 86_400_000) };
		for (const path of [city.path, unit.path]) {
			const figs = Object.fromEntries((await pilotFigures(app.db, { path, ...period })).map((f) => [f.key, f.value]));
			const sites = await app.db.select().from(pilotSites).where(like(pilotSites.path, path + '%'));
			const ms = await app.db.select().from(pilotMilestones).where(like(pilotMilestones.path, path + '%'));
			expect(figs['pilots.sites']).toBe(sites.length);
			expect(figs['pilots.models']).toBe(new Set(sites.map((s) => s.modelId)).size);
			expect(figs['pilots.schools']).toBe(new Set(sites.map((s) => s.schoolId)).size);
			const inPeriod = (d: Date | null) => !!d && d >= period.from && d < period.to;
			expect(figs['pilots.milestones.done']).toBe(ms.filter((x) => x.status === 'done' && inPeriod(x.doneAt)).length);
			const day = (d: Date) => todayInVietnam(d);
			expect(figs['pilots.milestones.due']).toBe(ms.filter((x) => x.dueOn >= day(period.from) && x.dueOn < day(period.to)).length);
			expect(figs['pilots.progress']).toBe(Math.floor((ms.filter((x) => x.status === 'done').length * 100) / ms.length));
		}
		const figs = await pilotFigures(app.db, { path: unit.path, ...period });
		expect(figs.find((f) => f.key === 'pilots.schools')!.value).toBe(2);
		expect((await app.db.select().from(pilotModels)).length).toBe(8);
	});

	it('milestones due in a month are those due on its Vietnamese days, the first and the last included', async () => {
		const sept = periodOf('monthly', '2024-09')!;
		const [site] = await app.db.select().from(pilotSites).where(eq(pilotSites.schoolId, thcs.id));
		const base = { siteId: site.id, schoolId: thcs.id, path: thcs.path, title: 'Mốc biên' };
		const added = await app.db
			.insert(pilotMilestones)
			.values(['2024-09-01', '2024-09-30', '2024-10-01'].map((dueOn) => ({ ...base, dueOn })))
			.returning();
		try {
			const ms = await app.db.select().from(pilotMilestones).where(like(pilotMilestones.path, unit.path + '%'));
			const due = (await pilotFigures(app.db, { path: unit.path, from: sept.from, to: sept.to })).find((f) => f.key === 'pilots.milestones.due')!.value;
			expect(due).toBe(ms.filter((x) => x.dueOn >= '2024-09-01' && x.dueOn <= '2024-09-30').length);
		} finally {
			await app.db.delete(pilotMilestones).where(inArray(pilotMilestones.id, added.map((x) => x.id)));
		}
	});
});

describe('publications', () => {
	const titles = (items: { title: string }[]) => items.map((x) => x.title);
	it('each reader sees their audience’s: a parent the parents’ announcement and everyone’s, never the leaders’ guidance', async () => {
		const parent = titles((await ok(await as.parent.get('/api/v1/publications'))).items);
		expect(parent).toEqual(expect.arrayContaining(['Mời phụ huynh tham gia khảo sát về hệ sinh thái học tập', 'Mục tiêu của chương trình: ít nhất 07 mô hình tại 25 trường']));
		expect(parent).not.toContain('Hướng dẫn ghi nhận minh chứng mốc thí điểm');
		const teacher = titles((await ok(await as.teacher.get('/api/v1/publications'))).items);
		expect(teacher).not.toContain('Hướng dẫn ghi nhận minh chứng mốc thí điểm');
		expect(teacher).not.toContain('Mời phụ huynh tham gia khảo sát về hệ sinh thái học tập');
		expect(titles((await ok(await as.leader.get('/api/v1/publications'))).items)).toContain('Hướng dẫn ghi nhận minh chứng mốc thí điểm');
		expect((await ok(await as.city.get('/api/v1/publications'))).items).toHaveLength(4);
	});

	it('the office publishes to parents: audited, the audience notified at once, reads tracked once each', async () => {
		const pub = await ok(await as.city.post('/api/v1/publications', { kind: 'announcement', title: 'Lịch họp phụ huynh toàn thành phố', body: 'Thứ bảy tuần sau.', audience: 'parents' }), 201);
		expect(pub).toMatchObject({ path: city.path, audience: 'parents', public: false });
		expect((await audits(pub.id)).map((a) => a.action)).toEqual(['create']);
		const notified = await app.db.select().from(notifications).where(eq(notifications.key, `publication:${pub.id}`));
		const parents = await app.db.selectDistinct({ id: roleGrants.personId }).from(roleGrants).where(and(eq(roleGrants.role, 'parent'), like(roleGrants.scopePath, city.path + '%')));
		expect(notified.length).toBe(parents.length);
		expect(notified.map((n) => n.kind)).toContain('publication_published');
		let stats = await ok(await as.city.get(`/api/v1/publications/${pub.id}/reads`));
		expect(stats).toMatchObject({ read: 0, audience: parents.length });
		expect(stats.unread).toHaveLength(parents.length);
		const opened = await ok(await as.parent.get(`/api/v1/publications/${pub.id}`));
		expect(opened.stats).toBeNull();
		await ok(await as.parent.get(`/api/v1/publications/${pub.id}`));
		expect(await app.db.select().from(publicationReads).where(eq(publicationReads.publicationId, pub.id))).toHaveLength(1);
		stats = await ok(await as.city.get(`/api/v1/publications/${pub.id}/reads`));
		expect(stats).toMatchObject({ read: 1, audience: parents.length });
		expect(stats.unread.map((u: { id: string }) => u.id)).not.toContain(id.parent);
		expect((await ok(await as.parent.get('/api/v1/publications'))).items.find((x: { id: string }) => x.id === pub.id).read).toBe(true);
		// The office opening it is not counted: it is not in the parents' audience.
		await ok(await as.city.get(`/api/v1/publications/${pub.id}`));
		expect((await ok(await as.city.get(`/api/v1/publications/${pub.id}/reads`))).read).toBe(1);
		await denied(await as.parent.get(`/api/v1/publications/${pub.id}/reads`), 403);
		await denied(await as.teacher.get(`/api/v1/publications/${pub.id}`), 404);
	});

	it('news for everyone: the publisher, who lands on it, is neither in “Đã đọc X/Y” nor notified', async () => {
		const pub = await ok(await as.city.post('/api/v1/publications', { kind: 'news', title: 'Tin cho mọi người', audience: 'everyone' }), 201);
		await ok(await as.city.get(`/api/v1/publications/${pub.id}`));
		const [{ n }] = await app.db
			.select({ n: sql<number>`count(distinct ${roleGrants.personId})::int` })
			.from(roleGrants)
			.where(and(like(roleGrants.scopePath, city.path + '%'), sql`${roleGrants.personId} <> ${id.city}`));
		const stats = await ok(await as.city.get(`/api/v1/publications/${pub.id}/reads`));
		expect(stats).toMatchObject({ read: 0, audience: n });
		expect(stats.unread.map((u: { id: string }) => u.id)).not.toContain(id.city);
		const notified = await app.db.select().from(notifications).where(eq(notifications.key, `publication:${pub.id}`));
		expect(notified).toHaveLength(n);
	});

	it('a unit officer publishes to their unit’s lower-secondary staff; a school elsewhere never sees it', async () => {
		const pub = await ok(await as.unit.post('/api/v1/publications', { orgUnitId: unit.id, kind: 'guidance', title: 'Hướng dẫn dạy học STEM cấp THCS', audience: 'staff', levels: ['lower_secondary'] }), 201);
		expect(pub.path).toBe(unit.path);
		await ok(await as.teacher.get(`/api/v1/publications/${pub.id}`));
		await ok(await as.leader.get(`/api/v1/publications/${pub.id}`));
		await denied(await as.leader2.get(`/api/v1/publications/${pub.id}`), 404);
		await denied(await as.parent.get(`/api/v1/publications/${pub.id}`), 404);
		// A teacher of the multi-level LC Sao Mai who is a parent at THCS Bình Yên: staff, but not at a lower-secondary school.
		const [sm] = await app.db.select().from(schools).where(eq(schools.code, 'LC-SAOMAI'));
		const [both] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Lê', middleName: 'Thị', givenName: 'Hai Vai', schoolId: sm.id, path: sm.path }).returning();
		await app.db.insert(roleGrants).values([
			{ personId: both.id, role: 'teacher', scopeType: 'school', scopeId: sm.id, scopePath: sm.path, schoolId: sm.id },
			{ personId: both.id, role: 'parent', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id }
		]);
		await app.db.insert(accounts).values({ personId: both.id, username: 'haivai', email: 'haivai@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
		const haivai = await app.loginAs('haivai');
		await denied(await haivai.get(`/api/v1/publications/${pub.id}`), 404);
		expect(titles((await ok(await haivai.get('/api/v1/publications'))).items)).not.toContain('Hướng dẫn dạy học STEM cấp THCS');
		const stats = await ok(await as.unit.get(`/api/v1/publications/${pub.id}/reads`));
		const [{ n }] = await app.db
			.select({ n: sql<number>`count(distinct ${roleGrants.personId})::int` })
			.from(roleGrants)
			.innerJoin(schools, eq(schools.id, roleGrants.schoolId))
			.where(and(like(roleGrants.scopePath, unit.path + '%'), sql`${roleGrants.role} in ('teacher','homeroom_teacher','subject_group_head','counsellor','school_leader')`, eq(schools.level, 'lower_secondary')));
		expect(stats).toMatchObject({ read: 2, audience: n });
	});

	it('refuses: a leader publishing (403), a unit officer publishing from the city (400), guidance made public (400), an http link (400)', async () => {
		const body = { kind: 'news', title: 'Tin', audience: 'everyone' };
		await denied(await as.leader.post('/api/v1/publications', body), 403);
		await denied(await as.parent.post('/api/v1/publications', { ...body, orgUnitId: city.id }), 403);
		await denied(await as.unit.post('/api/v1/publications', { ...body, orgUnitId: city.id }), 400);
		const pub = await denied(await as.city.post('/api/v1/publications', { ...body, kind: 'guidance', public: true }), 400);
		expect(pub.details.issues[0].path).toBe('public');
		await denied(await as.city.post('/api/v1/publications', { ...body, attachmentUrl: 'http://x.vn/a.pdf' }), 400);
	});

	it('the office corrects the title, body and link: edited time set, audited with before and after, nobody notified again; the audience stays as sent', async () => {
		const pub = await ok(await as.city.post('/api/v1/publications', { kind: 'announcement', title: 'Lịch tập huấn phụ huynh', body: 'Thứ bảy, 8 giờ.', audience: 'parents' }), 201);
		const notices = async () => (await app.db.select().from(notifications).where(eq(notifications.key, `publication:${pub.id}`))).length;
		const sent = await notices();
		expect(pub.editedAt).toBeNull();
		const edited = await ok(await as.city.patch(`/api/v1/publications/${pub.id}`, { title: 'Lịch tập huấn phụ huynh (đính chính)', body: 'Chủ nhật, 8 giờ.', attachmentUrl: 'https://sogd.hanoi.gov.vn/lich.pdf' }));
		expect(edited).toMatchObject({ title: 'Lịch tập huấn phụ huynh (đính chính)', body: 'Chủ nhật, 8 giờ.', attachmentUrl: 'https://sogd.hanoi.gov.vn/lich.pdf', audience: 'parents', withdrawnAt: null });
		expect(edited.editedAt).not.toBeNull();
		const trail = await audits(pub.id);
		expect(trail.map((a) => a.action)).toEqual(['create', 'update']);
		expect(trail[1]).toMatchObject({ actorId: id.city, before: expect.objectContaining({ title: 'Lịch tập huấn phụ huynh', body: 'Thứ bảy, 8 giờ.', attachmentUrl: null }), after: expect.objectContaining({ title: 'Lịch tập huấn phụ huynh (đính chính)', body: 'Chủ nhật, 8 giờ.' }) });
		expect(await notices()).toBe(sent);
		const read = await ok(await as.parent.get(`/api/v1/publications/${pub.id}`));
		expect(read).toMatchObject({ title: 'Lịch tập huấn phụ huynh (đính chính)', editedAt: edited.editedAt });
		// Only the link removed: the rest kept.
		expect(await ok(await as.city.patch(`/api/v1/publications/${pub.id}`, { attachmentUrl: null }))).toMatchObject({ attachmentUrl: null, body: 'Chủ nhật, 8 giờ.' });
		// The audience, kind and levels are fixed once sent (withdraw and publish anew); nothing to correct, an http link: 400.
		const fixed = await denied(await as.city.patch(`/api/v1/publications/${pub.id}`, { title: 'Mới', audience: 'everyone' }), 400);
		expect(fixed.details.issues[0].message).toBe('Không sửa được audience sau khi đã gửi: muốn gửi cho đối tượng khác, hãy thu hồi rồi phát hành mới.');
		expect((await denied(await as.city.patch(`/api/v1/publications/${pub.id}`, {}), 400)).details.issues[0].message).toMatch(/ít nhất một nội dung/);
		expect((await denied(await as.city.patch(`/api/v1/publications/${pub.id}`, { attachmentUrl: 'http://x.vn/a.pdf' }), 400)).details.issues[0].path).toBe('attachmentUrl');
		expect((await app.db.select().from(publications).where(eq(publications.id, pub.id)))[0]).toMatchObject({ audience: 'parents', title: 'Lịch tập huấn phụ huynh (đính chính)' });
		expect((await audits(pub.id)).map((a) => a.action)).toEqual(['create', 'update', 'update']);
	});

	it('only those who may publish it correct or withdraw it: a reader who is not its office 403, anyone else 404', async () => {
		const pub = await ok(await as.city.post('/api/v1/publications', { kind: 'news', title: 'Tin của Sở', audience: 'everyone' }), 201);
		const unitPub = await ok(await as.unit.post('/api/v1/publications', { orgUnitId: unit.id, kind: 'announcement', title: 'Thông báo của xã', audience: 'leaders' }), 201);
		// The unit's officer, a leader and a parent read the city's news for everyone, but did not publish it.
		for (const who of ['unit', 'leader', 'parent']) {
			await denied(await as[who].patch(`/api/v1/publications/${pub.id}`, { title: 'Sửa trộm' }), 403);
			await denied(await as[who].post(`/api/v1/publications/${pub.id}/withdrawal`, {}), 403);
		}
		// Another school's leader does not even see the unit's announcement; its teacher is not its audience.
		await denied(await as.leader2.patch(`/api/v1/publications/${unitPub.id}`, { title: 'Sửa trộm' }), 404);
		await denied(await as.teacher.post(`/api/v1/publications/${unitPub.id}/withdrawal`, {}), 404);
		await denied(await as.leader.patch(`/api/v1/publications/${unitPub.id}`, { title: 'Sửa trộm' }), 403);
		// The city office over the unit may, as it may publish there.
		expect(await ok(await as.city.patch(`/api/v1/publications/${unitPub.id}`, { body: 'Bổ sung của Sở.' }))).toMatchObject({ body: 'Bổ sung của Sở.' });
		expect(await ok(await as.unit.patch(`/api/v1/publications/${unitPub.id}`, { title: 'Thông báo của xã (sửa)' }))).toMatchObject({ title: 'Thông báo của xã (sửa)' });
		expect((await app.db.select().from(publications).where(eq(publications.id, pub.id)))[0]).toMatchObject({ title: 'Tin của Sở', editedAt: null, withdrawnAt: null });
	});

	it('withdrawn (audited, with a reason): gone from the audience’s lists and the public page, its old link says so (410), reads stop; the office keeps it, marked, and cannot withdraw or correct it again (409)', async () => {
		const pub = await ok(await as.city.post('/api/v1/publications', { kind: 'news', title: 'Ngày hội sáng tạo toàn thành phố', body: 'Ngày 20/12.', audience: 'everyone', public: true }), 201);
		await ok(await as.parent.get(`/api/v1/publications/${pub.id}`));
		// Corrected first: the public page shows when.
		await ok(await as.city.patch(`/api/v1/publications/${pub.id}`, { body: 'Ngày 21/12.' }));
		const item = await app.request('GET', `/program/${pub.id}`);
		expect(item.status).toBe(200);
		const html = await item.text();
		expect(html).toContain('Ngày 21/12.');
		expect(html).toMatch(/Đã sửa lúc \d/);
		expect(titles((await ok(await as.parent.get('/api/v1/publications'))).items)).toContain('Ngày hội sáng tạo toàn thành phố');
		await denied(await as.city.post(`/api/v1/publications/${pub.id}/withdrawal`, { reason: 'x'.repeat(1001) }), 400);
		// The announcement's notices carry the body's first lines; one email copy is still waiting (quiet hours).
		const notices = () => app.db.select().from(notifications).where(eq(notifications.key, `publication:${pub.id}`));
		const announced = await notices();
		expect(announced.length).toBeGreaterThan(1);
		expect(announced.every((n) => n.body === 'Ngày 20/12.')).toBe(true);
		const held = await app.db.insert(outbox).values({ channel: 'email', recipient: 'cho@example.vn', subject: announced[0].title, body: 'Ngày 20/12.', key: `notification:${announced[0].id}:held`, notBefore: new Date(Date.now() + 3600_000) }).returning();
		const sentCopy = await app.db.insert(outbox).values({ channel: 'email', recipient: 'da-gui@example.vn', subject: announced[0].title, body: 'Ngày 20/12.', key: `notification:${announced[0].id}:sent`, sentAt: new Date() }).returning();
		const gone = await ok(await as.city.post(`/api/v1/publications/${pub.id}/withdrawal`, { reason: 'Đổi ngày tổ chức' }));
		// The notices now say it was withdrawn (the link leads to that page), none shows the content; the held copy is not sent.
		const taken = await notices();
		expect(taken.map((n) => n.id).sort()).toEqual(announced.map((n) => n.id).sort());
		for (const n of taken) expect(n, n.personId).toMatchObject({ title: 'Đã thu hồi — Ngày hội sáng tạo toàn thành phố', body: 'Đơn vị phát hành đã thu hồi mục này nên nội dung không còn được hiển thị.', link: `/programs/publications/${pub.id}` });
		expect(await app.db.select().from(outbox).where(eq(outbox.id, held[0].id))).toEqual([]);
		expect(await app.db.select().from(outbox).where(eq(outbox.id, sentCopy[0].id))).toHaveLength(1);
		await app.db.delete(outbox).where(eq(outbox.id, sentCopy[0].id));
		expect(gone).toMatchObject({ id: pub.id, withdrawalReason: 'Đổi ngày tổ chức' });
		expect(gone.withdrawnAt).not.toBeNull();
		const trail = await audits(pub.id);
		expect(trail.map((a) => a.action)).toEqual(['create', 'update', 'withdraw']);
		expect(trail[2]).toMatchObject({ actorId: id.city, before: expect.objectContaining({ withdrawnAt: null }), after: expect.objectContaining({ withdrawalReason: 'Đổi ngày tổ chức' }) });
		// The audience: not listed, the old link answers 410 with what happened and no read is recorded.
		for (const who of ['parent', 'teacher', 'learner', 'leader2']) expect(titles((await ok(await as[who].get('/api/v1/publications'))).items), who).not.toContain('Ngày hội sáng tạo toàn thành phố');
		const e = await denied(await as.parent.get(`/api/v1/publications/${pub.id}`), 410);
		expect(e).toMatchObject({ code: 'gone', message: 'Thông báo đã được thu hồi', details: { title: 'Ngày hội sáng tạo toàn thành phố', reason: 'Đổi ngày tổ chức' } });
		await denied(await as.teacher.get(`/api/v1/publications/${pub.id}`), 410);
		expect((await app.db.select().from(publicationReads).where(eq(publicationReads.publicationId, pub.id))).map((r) => r.personId)).toEqual([id.parent]);
		// The public page: 404, and not listed.
		expect((await app.request('GET', `/program/${pub.id}`)).status).toBe(404);
		expect(await (await app.request('GET', '/program')).text()).not.toContain('Ngày hội sáng tạo toàn thành phố');
		// The office keeps it, marked withdrawn, with the reads frozen.
		expect((await ok(await as.city.get('/api/v1/publications'))).items.find((x: { id: string }) => x.id === pub.id)).toMatchObject({ withdrawalReason: 'Đổi ngày tổ chức' });
		expect((await ok(await as.city.get(`/api/v1/publications/${pub.id}`))).withdrawnAt).not.toBeNull();
		expect((await ok(await as.city.get(`/api/v1/publications/${pub.id}/reads`))).read).toBe(1);
		expect((await denied(await as.city.post(`/api/v1/publications/${pub.id}/withdrawal`, {}), 409)).message).toBe('Mục này đã được thu hồi nên không sửa hay thu hồi lại được.');
		await denied(await as.city.patch(`/api/v1/publications/${pub.id}`, { title: 'Sửa sau khi thu hồi' }), 409);
		expect((await audits(pub.id)).map((a) => a.action)).toEqual(['create', 'update', 'withdraw']);
	});

	it('documents: the office uploads them (a correction, audited, no new notice); its audience downloads them, nobody else; a public one’s from /program without sign-in; withdrawn, they go too', async () => {
		const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const upload = (who: string, pubId: string, parts: [Uint8Array, string, string][]) => {
			const fd = new FormData();
			for (const [bytes, type, name] of parts) fd.append('file', new Blob([bytes as BlobPart], { type }), name);
			return app.request('POST', `/api/v1/publications/${pubId}/files`, { cookie: as[who].cookie, body: fd });
		};
		const fileCount = async () => (await app.db.select({ n: sql<number>`count(*)::int` }).from(files))[0].n;
		const guide = await ok(await as.city.post('/api/v1/publications', { kind: 'guidance', title: 'Hướng dẫn lập kế hoạch STEM', audience: 'leaders' }), 201);
		const notices = async () => (await app.db.select().from(notifications).where(eq(notifications.key, `publication:${guide.id}`))).length;
		const noticed = await notices();
		const added = await ok(await upload('city', guide.id, [[PDF, 'application/pdf', 'Hướng dẫn STEM.pdf'], [PNG, 'image/png', 'so-do.png']]), 201);
		expect(added.files.map((f: { name: string }) => f.name)).toEqual(['Hướng dẫn STEM.pdf', 'so-do.png']);
		expect(added.editedAt).not.toBeNull();
		expect((await audits(guide.id)).map((a) => a.action)).toEqual(['create', 'update']);
		expect(await notices()).toBe(noticed);
		// A leader of the audience sees and downloads them; a parent (not the audience) gets 404.
		const opened = await ok(await as.leader.get(`/api/v1/publications/${guide.id}`));
		const pdf = opened.files.find((f: { name: string }) => f.name === 'Hướng dẫn STEM.pdf');
		const res = await as.leader.get(`/api/v1/publications/${guide.id}/files/${pdf.id}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/pdf');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
		await denied(await as.parent.get(`/api/v1/publications/${guide.id}/files/${pdf.id}`), 404);
		// Another publication's id with this file: 404 (a document belongs to its publication only).
		const other = await ok(await as.city.post('/api/v1/publications', { kind: 'guidance', title: 'Hướng dẫn khác', audience: 'leaders' }), 201);
		await denied(await as.leader.get(`/api/v1/publications/${other.id}/files/${pdf.id}`), 404);
		// A reader who is not the office may not add (403), nor may a text file be one (415): nothing is kept.
		const before = await fileCount();
		await denied(await upload('leader', guide.id, [[PDF, 'application/pdf', 'x.pdf']]), 403);
		expect((await upload('city', guide.id, [[new TextEncoder().encode('chỉ là chữ'), 'text/plain', 'ghi-chu.exe']])).status).toBe(415);
		expect(await fileCount()).toBe(before);
		expect(await app.db.select().from(publicationFiles).where(eq(publicationFiles.publicationId, guide.id))).toHaveLength(2);
		// A wrong document is taken off by the office (a correction, audited; the file is gone), by nobody else.
		const png = opened.files.find((f: { name: string }) => f.name === 'so-do.png');
		await denied(await as.leader.delete(`/api/v1/publications/${guide.id}/files/${png.id}`), 403);
		await denied(await as.city.delete(`/api/v1/publications/${other.id}/files/${png.id}`), 404);
		const left = await ok(await as.city.delete(`/api/v1/publications/${guide.id}/files/${png.id}`));
		expect(left.files.map((f: { name: string }) => f.name)).toEqual(['Hướng dẫn STEM.pdf']);
		expect(await app.db.select().from(files).where(eq(files.id, png.id))).toHaveLength(0);
		expect(await app.db.select().from(publicationFiles).where(eq(publicationFiles.publicationId, guide.id))).toHaveLength(1);
		await denied(await as.leader.get(`/api/v1/publications/${guide.id}/files/${png.id}`), 404);
		expect((await audits(guide.id)).map((a) => a.action)).toEqual(['create', 'update', 'update']);
		// Public news: its document is on /program without sign-in; the guidance's is not.
		const news = await ok(await as.city.post('/api/v1/publications', { kind: 'news', title: 'Tài liệu ngày hội STEM', audience: 'everyone', public: true }), 201);
		const [doc] = (await ok(await upload('city', news.id, [[PDF, 'application/pdf', 'Chương trình ngày hội.pdf']]), 201)).files;
		expect(await (await app.request('GET', `/program/${news.id}`)).text()).toContain(`/program/${news.id}/files/${doc.id}`);
		expect((await app.request('GET', `/program/${news.id}/files/${doc.id}`)).status).toBe(200);
		expect((await app.request('GET', `/program/${guide.id}/files/${pdf.id}`)).status).toBe(404);
		expect((await app.request('GET', `/program/${news.id}/files/${pdf.id}`)).status).toBe(404);
		// Withdrawn: the audience gets 410 for its documents, the public page 404; adding more is 409.
		await ok(await as.city.post(`/api/v1/publications/${news.id}/withdrawal`, {}));
		await denied(await as.parent.get(`/api/v1/publications/${news.id}/files/${doc.id}`), 410);
		expect((await app.request('GET', `/program/${news.id}/files/${doc.id}`)).status).toBe(404);
		expect((await as.city.get(`/api/v1/publications/${news.id}/files/${doc.id}`)).status).toBe(200);
		await denied(await upload('city', news.id, [[PDF, 'application/pdf', 'muộn.pdf']]), 409);
	});

	it('a city-wide publication reaches an audience beyond PostgreSQL’s 65,535 parameters, each person once', async () => {
		// 66,000 more parents of LC Sao Mai, written in two statements.
		const [sm] = await app.db.select().from(schools).where(eq(schools.code, 'LC-SAOMAI'));
		await app.db.execute(sql`insert into persons (kind, family_name, middle_name, given_name, school_id, path)
			select 'guardian', 'Tải', 'Thị', 'Phụ huynh ' || g, ${sm.id}::uuid, ${sm.path} from generate_series(1, 66000) g`);
		await app.db.execute(sql`insert into role_grants (person_id, role, scope_type, scope_id, scope_path, school_id)
			select id, 'parent', 'school', ${sm.id}::uuid, ${sm.path}, ${sm.id}::uuid from persons where family_name = 'Tải'`);
		const pub = await ok(await as.city.post('/api/v1/publications', { kind: 'announcement', title: 'Thư gửi phụ huynh toàn thành phố', audience: 'parents' }), 201);
		const [{ n }] = await app.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(eq(notifications.key, `publication:${pub.id}`));
		const [{ parents }] = await app.db
			.select({ parents: sql<number>`count(distinct ${roleGrants.personId})::int` })
			.from(roleGrants)
			.where(and(eq(roleGrants.role, 'parent'), like(roleGrants.scopePath, city.path + '%')));
		expect(parents).toBeGreaterThan(66_000);
		expect(n).toBe(parents);
		expect((await ok(await as.city.get(`/api/v1/publications/${pub.id}/reads`))).audience).toBe(parents);
	}, 180_000);

	it('the public page lists the values and public news without sign-in, and nothing else', async () => {
		const res = await app.request('GET', '/program');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Mục tiêu của chương trình: ít nhất 07 mô hình tại 25 trường');
		expect(html).toContain('Khởi động giai đoạn thử nghiệm thực tế tại Ba Đình và Thạch Thất');
		expect(html).not.toContain('Hướng dẫn ghi nhận minh chứng mốc thí điểm');
		expect(html).not.toContain('Mời phụ huynh tham gia khảo sát');
		expect(html).not.toContain('Lịch họp phụ huynh toàn thành phố');
		const all = await app.db.select().from(publications);
		for (const p of all) {
			const r = await app.request('GET', `/program/${p.id}`);
			expect(r.status, p.title).toBe(p.public && !p.withdrawnAt ? 200 : 404);
		}
		// Not public: a news item the office did not mark public.
		const hidden = await ok(await as.city.post('/api/v1/publications', { kind: 'news', title: 'Tin nội bộ', audience: 'staff' }), 201);
		expect((await app.request('GET', `/program/${hidden.id}`)).status).toBe(404);
		expect(await (await app.request('GET', '/program')).text()).not.toContain('Tin nội bộ');
	});
});
