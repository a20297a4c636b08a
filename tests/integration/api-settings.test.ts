/**
 * Scoped settings through the HTTP API on a real database. The demo tree:
 *   Sở (city) → Xã Thạch Thất (unit) → THCS Bình Yên, Liên cấp Sao Mai
 *             → Phường Ba Đình (unit) → Tiểu học Hoa Sữa, …
 *             → THPT Sông Hồng (managed by the department directly)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { countingDatabase } from '../helpers/db';
import { classes, orgUnits, schools } from '#lib/server/organisations/schema';
import { auditLog } from '#lib/server/audit/schema';
import { settings } from '#lib/server/settings/schema';
import { getSetting, getSettingAtEach } from '#lib/server/settings/service';
import { rows as rawRows } from '#lib/server/db/client';

let app: TestApp;
const as: Record<string, Client> = {};
let thcs: typeof schools.$inferSelect, primaryBaDinh: string, thpt: string, saoMai: string, thachThat: string, baDinh: string, city: string;

beforeAll(async () => {
	app = await startApp();
	for (const u of ['admin', 'city', 'unit', 'leader', 'teacher', 'parent', 'learner', 'mentor']) as[u] = await app.loginAs(u);
	const all = await app.db.select().from(schools);
	const code = (c: string) => all.find((s) => s.code === c)!;
	thcs = code('THCS-BINHYEN');
	primaryBaDinh = code('TH-HOASUA').id;
	thpt = code('THPT-SONGHONG').id;
	saoMai = code('LC-SAOMAI').id;
	thachThat = thcs.orgUnitId;
	baDinh = code('TH-HOASUA').orgUnitId;
	city = (await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN')))[0].id;
});
afterAll(() => app?.close());

type Item = { key: string; value: unknown; source: { level: string; path: string | null }; own: { value: unknown; updatedBy: string | null } | null; inherited: { value: unknown; source: { level: string } }; label: string };
async function effective(who: Client, scope: string, key: string): Promise<Item> {
	const res = await who.get(`/api/v1/settings?scope=${scope}`);
	expect(res.status).toBe(200);
	return (await res.json()).items.find((i: Item) => i.key === key);
}
const put = (who: Client, key: string, scope: string, value: unknown) => who.put(`/api/v1/settings/${key}`, { scope, value });

describe('reading settings', () => {
	it('lists every setting a school may set, with its default, label and no value of its own', async () => {
		const res = await as.leader.get(`/api/v1/settings?scope=${thcs.id}`);
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.scope).toMatchObject({ level: 'school', id: thcs.id, name: 'Trường THCS Bình Yên', path: thcs.path });
		expect(body.items.map((i: Item) => i.key).sort()).toEqual(['gradebook.fewerThanSixScoredSubjects', 'gradebook.missedWithoutForceMajeure', 'gradebook.regularCountCommentSubjects', 'gradebook.scoreVisibility', 'messaging.quietHours', 'messaging.retentionDays']);
		const quiet = body.items.find((i: Item) => i.key === 'messaging.quietHours');
		expect(quiet).toMatchObject({ value: { start: '21:00', end: '06:30' }, source: { level: 'default', path: null }, own: null, label: 'Giờ yên lặng của tin nhắn', levels: ['city', 'unit', 'school'] });
	});

	it('offers the city-only import limit at the city, named "city"', async () => {
		const body = await (await as.city.get('/api/v1/settings?scope=city')).json();
		expect(body.scope).toMatchObject({ level: 'city', id: city });
		expect(body.items.find((i: Item) => i.key === 'imports.maxRows')).toMatchObject({ value: 10000, source: { level: 'default' } });
		expect((await as.unit.get(`/api/v1/settings?scope=${thachThat}`)).status).toBe(200);
		const unitBody = await (await as.unit.get(`/api/v1/settings?scope=${thachThat}`)).json();
		expect(unitBody.scope.level).toBe('unit');
		expect(unitBody.items.map((i: Item) => i.key)).not.toContain('imports.maxRows');
	});

	it('should fail with 400 on a scope that is neither city nor an id, and 404 on an unknown id', async () => {
		expect((await as.admin.get('/api/v1/settings?scope=hanoi')).status).toBe(400);
		expect((await as.admin.get('/api/v1/settings')).status).toBe(400);
		const res = await as.admin.get(`/api/v1/settings?scope=${crypto.randomUUID()}`);
		expect(res.status).toBe(404);
		expect((await res.json()).error.message).toBe('Không tìm thấy phạm vi đã chọn (mã trường, mã đơn vị hoặc city).');
	});

	it('should fail with 401 without a session', async () => {
		expect((await app.request('GET', `/api/v1/settings?scope=${thcs.id}`)).status).toBe(401);
		expect((await app.request('PUT', '/api/v1/settings/gradebook.scoreVisibility', { body: { scope: thcs.id, value: 'immediate' } })).status).toBe(401);
	});
});

describe('inheritance', () => {
	const KEY = 'gradebook.scoreVisibility';

	it('takes the nearest value up the path: school over unit over city, else the default', async () => {
		expect((await put(as.city, KEY, 'city', 'after_publish')).status).toBe(200);
		// Stored as a JSON string, not a string of JSON, so SQL can read it too.
		expect(await rawRows(app.db, sql`select jsonb_typeof(value) as type, value #>> '{}' as text from settings where key = ${KEY}`)).toEqual([{ type: 'string', text: 'after_publish' }]);
		expect(await effective(as.leader, thcs.id, KEY)).toMatchObject({ value: 'after_publish', source: { level: 'city' }, own: null });
		expect(await effective(as.admin, thpt, KEY)).toMatchObject({ value: 'after_publish', source: { level: 'city' } });

		expect((await put(as.unit, KEY, thachThat, 'immediate')).status).toBe(200);
		expect(await effective(as.leader, thcs.id, KEY)).toMatchObject({ value: 'immediate', source: { level: 'unit' }, inherited: { value: 'immediate', source: { level: 'unit' } } });
		expect(await effective(as.admin, saoMai, KEY)).toMatchObject({ value: 'immediate', source: { level: 'unit' } });
		// Another unit's schools and a school under the city directly keep the city's value.
		expect(await effective(as.admin, primaryBaDinh, KEY)).toMatchObject({ value: 'after_publish', source: { level: 'city' } });
		expect(await effective(as.admin, thpt, KEY)).toMatchObject({ value: 'after_publish', source: { level: 'city' } });

		const own = await put(as.leader, KEY, thcs.id, 'after_publish');
		expect(own.status).toBe(200);
		expect(await own.json()).toMatchObject({ key: KEY, value: 'after_publish', source: { level: 'school', path: thcs.path }, own: { value: 'after_publish' }, inherited: { value: 'immediate', source: { level: 'unit' } } });
		expect(await effective(as.admin, saoMai, KEY)).toMatchObject({ value: 'immediate' });

		// Other modules read the effective value at any path, a class's included.
		const [c6a1] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
		await expect(getSetting(app.db, c6a1.path, KEY)).resolves.toBe('after_publish');
		await expect(getSetting(app.db, thcs.path, 'messaging.quietHours')).resolves.toEqual({ start: '21:00', end: '06:30' });
		// …and at many paths at once, in one query, each path by its own chain (a fan-out over schools).
		const pathOf = async (schoolId: string) => (await app.db.select({ path: schools.path }).from(schools).where(eq(schools.id, schoolId)))[0].path;
		const [saoMaiPath, hoaSuaPath, thptPath] = [await pathOf(saoMai), await pathOf(primaryBaDinh), await pathOf(thpt)];
		const counting = await countingDatabase(app.handle);
		const atEach = await getSettingAtEach(counting.db, [c6a1.path, saoMaiPath, hoaSuaPath, thptPath, c6a1.path], KEY);
		expect([...atEach.entries()]).toEqual([
			[c6a1.path, 'after_publish'], // the school's own
			[saoMaiPath, 'immediate'], // the unit's
			[hoaSuaPath, 'after_publish'], // the city's
			[thptPath, 'after_publish']
		]);
		expect(counting.queries()).toBe(1);

		expect((await as.leader.delete(`/api/v1/settings/${KEY}?scope=${thcs.id}`)).status).toBe(204);
		expect(await effective(as.leader, thcs.id, KEY)).toMatchObject({ value: 'immediate', source: { level: 'unit' }, own: null });
		await expect(getSetting(app.db, c6a1.path, KEY)).resolves.toBe('immediate');

		expect((await as.unit.delete(`/api/v1/settings/${KEY}?scope=${thachThat}`)).status).toBe(204);
		expect(await effective(as.leader, thcs.id, KEY)).toMatchObject({ value: 'after_publish', source: { level: 'city' } });
		expect((await as.city.delete(`/api/v1/settings/${KEY}?scope=city`)).status).toBe(204);
		expect(await effective(as.leader, thcs.id, KEY)).toMatchObject({ value: 'immediate', source: { level: 'default' } });
	});
});

describe('refusals', () => {
	it('should fail with 400 and a Vietnamese message naming an unknown key', async () => {
		const res = await put(as.admin, 'gradebook.roundingMode', thcs.id, 'half_up');
		expect(res.status).toBe(400);
		const { error } = await res.json();
		expect(error.code).toBe('validation_failed');
		expect(error.message).toBe('Không có cài đặt “gradebook.roundingMode”. Hãy kiểm tra lại tên cài đặt.');
		expect(error.details.issues).toEqual([{ path: 'key', message: error.message }]);
		expect((await as.admin.delete(`/api/v1/settings/nope?scope=${thcs.id}`)).status).toBe(400);
	});

	it('answers in English to an English-speaking caller', async () => {
		const res = await app.request('PUT', '/api/v1/settings/nope', { cookie: `${as.admin.cookie}; PARAGLIDE_LOCALE=en`, body: { scope: thcs.id, value: 1 } });
		expect((await res.json()).error.message).toBe('There is no setting “nope”. Check the setting’s name.');
	});

	it('should fail with 400 naming the field when the value is invalid, and store nothing', async () => {
		const res = await put(as.leader, 'gradebook.regularCountCommentSubjects', thcs.id, 7);
		expect(res.status).toBe(400);
		const { error } = await res.json();
		expect(error.message).toBe('Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
		expect(error.details.issues).toEqual([{ path: 'value', message: 'Hãy nhập một số nguyên từ 1 đến 4.' }]);

		const quiet = await put(as.leader, 'messaging.quietHours', thcs.id, { start: '22:00', end: '25:00' });
		expect(quiet.status).toBe(400);
		expect((await quiet.json()).error.details.issues).toEqual([{ path: 'value.end', message: 'Hãy nhập giờ theo dạng HH:MM (24 giờ), ví dụ 21:00.' }]);
		expect((await put(as.leader, 'messaging.quietHours', thcs.id, undefined)).status).toBe(400);
		expect(await app.db.select().from(settings).where(eq(settings.scopePath, thcs.path))).toEqual([]);
	});

	it('should fail with 400 setting the city-only import limit on a school or a unit', async () => {
		const res = await put(as.admin, 'imports.maxRows', thcs.id, 1000);
		expect(res.status).toBe(400);
		expect((await res.json()).error.message).toBe('Cài đặt “Số dòng tối đa mỗi lần nhập danh sách” không đặt được ở cấp trường; chỉ đặt được ở cấp: Sở GD&ĐT.');
		expect((await put(as.admin, 'imports.maxRows', thachThat, 1000)).status).toBe(400);
		expect((await put(as.admin, 'imports.maxRows', 'city', 1000)).status).toBe(200);
		await expect(getSetting(app.db, thcs.path, 'imports.maxRows')).resolves.toBe(1000);
	});

	it('should fail with 400 on a body that is not JSON', async () => {
		const res = await app.request('PUT', '/api/v1/settings/gradebook.scoreVisibility', { cookie: as.admin.cookie, body: undefined, headers: { 'content-type': 'application/json' } });
		expect(res.status).toBe(400);
	});
});

describe('who may change settings', () => {
	const KEY = 'gradebook.regularCountCommentSubjects';
	// [who, scope, expected status of PUT]: 404 = may not even see the scope's settings, 403 = may see, not change.
	const matrix: [who: string, scope: () => string, status: number][] = [
		['leader', () => thcs.id, 200],
		['leader', () => primaryBaDinh, 404],
		['leader', () => saoMai, 404],
		['leader', () => thachThat, 404],
		['teacher', () => thcs.id, 403],
		['parent', () => thcs.id, 403],
		['learner', () => thcs.id, 403],
		['teacher', () => primaryBaDinh, 404],
		['mentor', () => thcs.id, 404],
		['unit', () => thachThat, 200],
		['unit', () => saoMai, 200],
		['unit', () => thcs.id, 200],
		['unit', () => primaryBaDinh, 404],
		['unit', () => baDinh, 404],
		['unit', () => 'city', 404],
		['city', () => 'city', 200],
		['city', () => baDinh, 200],
		['city', () => thpt, 200],
		['admin', () => primaryBaDinh, 200]
	];
	it.each(matrix)('%s setting a value at %s → %i', async (who, scope, status) => {
		const res = await put(as[who], KEY, scope(), 3);
		expect(res.status).toBe(status);
		if (status !== 200) expect((await res.json()).error.code).toBe(status === 403 ? 'forbidden' : 'not_found');
		const del = await as[who].delete(`/api/v1/settings/${KEY}?scope=${scope()}`);
		expect(del.status).toBe(status === 200 ? 204 : status);
	});

	it('lets everyone who reads the school read its settings, and no one else', async () => {
		for (const who of ['leader', 'teacher', 'parent', 'learner', 'unit', 'city', 'admin']) expect((await as[who].get(`/api/v1/settings?scope=${thcs.id}`)).status, who).toBe(200);
		expect((await as.mentor.get(`/api/v1/settings?scope=${thcs.id}`)).status).toBe(404);
		expect((await as.teacher.get(`/api/v1/settings?scope=${primaryBaDinh}`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/settings?scope=city`)).status).toBe(404);
	});
});

describe('audit', () => {
	const KEY = 'messaging.quietHours';
	const audits = () => app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'setting'), eq(auditLog.entityId, `${thcs.id}:${KEY}`)));

	it('records create, update and delete with the value before and after, the actor and the school', async () => {
		const leaderId = (await (await as.leader.get('/api/v1/me')).json()).person.id;
		expect((await put(as.leader, KEY, thcs.id, { start: '22:00', end: '06:00' })).status).toBe(200);
		expect(await rawRows(app.db, sql`select value ->> 'start' as start from settings where key = ${KEY} and scope_path = ${thcs.path}`)).toEqual([{ start: '22:00' }]);
		expect((await put(as.leader, KEY, thcs.id, { start: '20:30', end: '06:00' })).status).toBe(200);
		expect((await as.leader.delete(`/api/v1/settings/${KEY}?scope=${thcs.id}`)).status).toBe(204);

		const rows = (await audits()).sort((a, b) => a.id - b.id);
		expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
		for (const r of rows) expect(r).toMatchObject({ actorId: leaderId, schoolId: thcs.id, scopePath: thcs.path });
		const [create, update, del] = rows as { before: { value: unknown } | null; after: { value: unknown; updatedBy: string } | null }[];
		expect(create.before).toBeNull();
		expect(create.after).toMatchObject({ key: KEY, scopePath: thcs.path, value: { start: '22:00', end: '06:00' }, updatedBy: leaderId });
		expect(update.before!.value).toEqual({ start: '22:00', end: '06:00' });
		expect(update.after!.value).toEqual({ start: '20:30', end: '06:00' });
		expect(del.before!.value).toEqual({ start: '20:30', end: '06:00' });
		expect(del.after).toBeNull();
	});

	it('writes nothing, audit included, when clearing a value that is not set or refusing a change', async () => {
		const before = (await audits()).length;
		expect((await as.leader.delete(`/api/v1/settings/${KEY}?scope=${thcs.id}`)).status).toBe(204);
		expect((await put(as.teacher, KEY, thcs.id, { start: '22:00', end: '06:00' })).status).toBe(403);
		expect((await put(as.leader, KEY, thcs.id, { start: '22:00', end: '22:00' })).status).toBe(400);
		expect(await audits()).toHaveLength(before);
	});

	it('shows setting changes in the school leader’s audit log', async () => {
		const res = await as.leader.get('/api/v1/audit?entityType=setting');
		expect(res.status).toBe(200);
		expect((await res.json()).items.some((a: { entityId: string }) => a.entityId === `${thcs.id}:${KEY}`)).toBe(true);
	});
});
