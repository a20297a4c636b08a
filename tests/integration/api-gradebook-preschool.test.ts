/**
 * Preschool development assessment through the HTTP API: the demo's Mầm non Hoa Sen, group
 * "Lớp Chồi 1", indicators per domain, observations reached / not yet / not observed with notes,
 * and each child's summary per domain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools } from '#lib/server/organisations/schema';

let app: TestApp;
let admin: Client, gv: Client;
let schoolId: string, groupId: string;
const ind: Record<string, string> = {};

beforeAll(async () => {
	app = await startApp();
	admin = await app.loginAs('admin');
	const [school] = await app.db.select().from(schools).where(eq(schools.code, 'MN-HOASEN'));
	schoolId = school.id;
	[{ id: groupId }] = await app.db.select().from(classes).where(eq(classes.name, 'Lớp Chồi 1'));
	const person = await (await admin.post('/api/v1/people', { kind: 'staff', familyName: 'Phạm', middleName: 'Thị', givenName: 'Mai', schoolId, staffCode: 'GV-MN-001' })).json();
	for (const [role, scopeType, scopeId] of [['teacher', 'school', schoolId], ['homeroom_teacher', 'class', groupId]])
		expect((await admin.post(`/api/v1/people/${person.id}/roles`, { role, scopeType, scopeId })).status).toBe(201);
	expect((await admin.post(`/api/v1/people/${person.id}/account`, { username: 'gv-hoasen', password: 'mat-khau-1' })).status).toBe(201);
	gv = await app.loginAs('gv-hoasen', 'mat-khau-1');
});
afterAll(() => app?.close());

describe('development indicators', () => {
	it('are listed per school and checked against the stage’s domains', async () => {
		for (const [code, domain, description] of [
			['TC1', 'the_chat', 'Bật xa tối thiểu 50 cm'],
			['NN1', 'ngon_ngu', 'Kể lại được truyện đã nghe'],
			['NT1', 'nhan_thuc', 'Đếm được đến 10']
		]) {
			const res = await admin.post('/api/v1/gradebook/development-indicators', { schoolId, stage: 'mau_giao', domain, code, description });
			expect(res.status).toBe(201);
			ind[code] = (await res.json()).id;
		}
		const bad = await admin.post('/api/v1/gradebook/development-indicators', { schoolId, stage: 'mau_giao', domain: 'tinh_cam_ky_nang_xa_hoi_tham_mi', code: 'X1', description: 'x' });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.message).toBe('Lĩnh vực phát triển không phù hợp với độ tuổi đã chọn.');
		expect((await admin.post('/api/v1/gradebook/development-indicators', { schoolId, stage: 'mau_giao', domain: 'the_chat', code: 'TC1', description: 'again' })).status).toBe(409);
		expect((await gv.post('/api/v1/gradebook/development-indicators', { schoolId, stage: 'mau_giao', domain: 'the_chat', code: 'TC9', description: 'x' })).status).toBe(403);
		const list = await (await gv.get(`/api/v1/gradebook/development-indicators?schoolId=${schoolId}`)).json();
		expect(list.items.map((i: { code: string }) => i.code)).toEqual(['NN1', 'NT1', 'TC1']);
	});
});

describe('observations', () => {
	it('are recorded by the group’s teacher and summarised per domain', async () => {
		const before = await (await gv.get(`/api/v1/gradebook/development?classId=${groupId}&period=2026-12`)).json();
		const child = before.rows[0].learner.id;
		const res = await gv.put('/api/v1/gradebook/development', {
			classId: groupId,
			period: '2026-12',
			rows: [
				{ learnerId: child, indicatorId: ind.TC1, reached: true, note: '', version: 0 },
				{ learnerId: child, indicatorId: ind.NN1, reached: false, note: 'Cần khuyến khích kể chuyện', version: 0 }
			]
		});
		expect(res.status).toBe(200);
		const after = await (await gv.get(`/api/v1/gradebook/development?classId=${groupId}&period=2026-12`)).json();
		const row = after.rows.find((r: { learner: { id: string } }) => r.learner.id === child);
		const byDomain = Object.fromEntries(row.summary.map((s: { domain: string }) => [s.domain, s]));
		expect(byDomain.the_chat).toMatchObject({ total: 1, reached: 1, notYet: 0 });
		expect(byDomain.ngon_ngu).toMatchObject({ total: 1, reached: 0, notYet: 1, notYetIndicators: ['Kể lại được truyện đã nghe'] });
		expect(byDomain.nhan_thuc).toMatchObject({ total: 1, notObserved: 1 });
		expect(row.results.find((r: { indicatorId: string }) => r.indicatorId === ind.NN1)).toMatchObject({ reached: false, note: 'Cần khuyến khích kể chuyện', version: 1 });
	});

	it('refuses a stale version, an unknown indicator, a scored class and other people', async () => {
		const child = (await (await gv.get(`/api/v1/gradebook/development?classId=${groupId}&period=2026-12`)).json()).rows[0].learner.id;
		expect((await gv.put('/api/v1/gradebook/development', { classId: groupId, period: '2026-12', rows: [{ learnerId: child, indicatorId: ind.TC1, reached: false, note: '', version: 0 }] })).status).toBe(409);
		const unknown = await gv.put('/api/v1/gradebook/development', { classId: groupId, period: '2026-12', rows: [{ learnerId: child, indicatorId: crypto.randomUUID(), reached: true, note: '', version: 0 }] });
		expect(unknown.status).toBe(400);
		const [c6a1] = await app.db.select().from(classes).where(eq(classes.name, '6A1'));
		const homeroom = await app.loginAs('homeroom');
		expect((await homeroom.put('/api/v1/gradebook/development', { classId: c6a1.id, period: '2026-12', rows: [{ learnerId: child, indicatorId: ind.TC1, reached: true, note: '', version: 0 }] })).status).toBe(400);
		expect((await homeroom.get(`/api/v1/gradebook/development?classId=${groupId}&period=2026-12`)).status).toBe(404);
		const parent = await app.loginAs('parent');
		expect((await parent.get(`/api/v1/gradebook/development?classId=${groupId}&period=2026-12`)).status).toBe(404);
	});
});
