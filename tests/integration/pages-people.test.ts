import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, ne, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools } from '#lib/server/organisations/schema';
import { accounts, guardianships, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
let admin: Client, leader: Client, teacher: Client, parent: Client;
let schoolId: string, schoolPath: string;

beforeAll(async () => {
	app = await startApp();
	[admin, leader, teacher, parent] = await Promise.all(['admin', 'leader', 'teacher', 'parent'].map((u) => app.loginAs(u)));
	const [s] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	schoolId = s.id;
	schoolPath = s.path;
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const personLinks = (html: string) => [...html.matchAll(/href="\/people\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describe('the people search page', () => {
	it('takes LIKE’s wildcards in a search literally: % and _ find nobody', async () => {
		for (const q of ['%25', '_', 'ng%25yen']) expect(personLinks(await (await leader.get(`/people?q=${q}`)).text())).toEqual([]);
	});

	it('finds the Nguyễn of the leader’s school typed without diacritics, and nobody of another school', async () => {
		const res = await leader.get('/people?q=nguyen');
		expect(res.status).toBe(200);
		const html = await res.text();
		const ids = personLinks(html);
		expect(ids.length).toBeGreaterThan(0);
		const found = await app.db.select().from(persons).where(inArray(persons.id, ids));
		expect(found.every((p) => p.familyName === 'Nguyễn' || p.middleName.includes('Nguyễn') || p.givenName === 'Nguyễn')).toBe(true);
		expect(found.every((p) => p.path.startsWith(schoolPath))).toBe(true);
		// There are Nguyễn elsewhere, and the page shows none of them.
		const elsewhere = await app.db.select().from(persons).where(and(eq(persons.familyName, 'Nguyễn'), ne(persons.schoolId, schoolId)));
		expect(elsewhere.length).toBeGreaterThan(0);
		for (const p of elsewhere) expect(ids).not.toContain(p.id);
	});

	it('matches several words without diacritics, as "nguyen van an" finds "Nguyễn Văn An"', async () => {
		const [p] = await app.db
			.insert(persons)
			.values({ kind: 'staff', familyName: 'Nguyễn', middleName: 'Văn', givenName: 'An', schoolId, path: schoolPath, staffCode: 'GV-BY-099' })
			.returning();
		const html = await (await admin.get('/people?q=nguyen+van+an')).text();
		expect(html).toContain(`href="/people/${p.id}"`);
		expect(html).toContain('Nguyễn Văn An');
	});

	it('pages the results twenty at a time and keeps the query in the page links', async () => {
		const html = await (await admin.get('/people?q=n&kind=learner')).text();
		expect(personLinks(html)).toHaveLength(20);
		expect(html).toMatch(/href="\/people\?q=n&amp;kind=learner&amp;page=2"/);
		const second = await (await admin.get('/people?q=n&kind=learner&page=2')).text();
		const overlap = personLinks(second).filter((id) => personLinks(html).includes(id));
		expect(overlap).toEqual([]);
		expect(second).toContain('Trang 2/');
	});

	it('filters by kind', async () => {
		const html = await (await leader.get('/people?kind=staff')).text();
		const found = await app.db.select().from(persons).where(inArray(persons.id, personLinks(html)));
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((p) => p.kind === 'staff')).toBe(true);
	});

	it('shows a teacher only the learners of their classes', async () => {
		const html = await (await teacher.get('/people?kind=learner')).text();
		const ids = personLinks(html);
		const [c7] = await app.db.select().from(classes).where(and(eq(classes.schoolId, schoolId), eq(classes.name, '7A1')));
		const in7A1 = await app.db.execute(sql`select learner_id from enrolments where class_id = ${c7.id}`);
		const rows = (in7A1 as unknown as { rows: { learner_id: string }[] }).rows;
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(ids).not.toContain(r.learner_id);
		expect(ids.length).toBeGreaterThan(0);
	});

	it('lets the leader add a person through the form and opens their page', async () => {
		const res = await leader.form('/people?/create', { kind: 'learner', familyName: 'Lò', middleName: 'Thị', givenName: 'Xuân', dateOfBirth: '2014-03-09', gender: 'female', schoolId, learnerCode: 'BY-2026-777' });
		expect(res.status).toBe(303);
		const [p] = await app.db.select().from(persons).where(eq(persons.learnerCode, 'BY-2026-777'));
		expect(res.headers.get('location')).toBe(`/people/${p.id}`);
		const text = textOf(await (await leader.get(`/people/${p.id}`)).text());
		expect(text).toContain('Lò Thị Xuân');
		expect(text).toContain('09/03/2014');
		expect(text).toContain('Nữ');
	});

	it('answers 400 in Vietnamese and keeps what was typed when the given name is missing', async () => {
		const res = await leader.form('/people?/create', { kind: 'staff', familyName: 'Hà', middleName: '', givenName: '', schoolId });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Vui lòng điền mục này.');
		expect(html).toMatch(/<input[^>]*name="familyName"[^>]*value="Hà"/);
	});

	it('shows no add form to a teacher and refuses their post with 403', async () => {
		expect(await (await teacher.get('/people')).text()).not.toContain('?/create');
		const res = await teacher.form('/people?/create', { kind: 'learner', familyName: 'Đinh', givenName: 'Bảo', schoolId });
		expect(res.status).toBe(403);
	});
});

describe('the person page', () => {
	const staffId = async (code: string) => (await app.db.select().from(persons).where(eq(persons.staffCode, code)))[0].id;

	it('shows the details, roles with their scopes and the account', async () => {
		const text = textOf(await (await leader.get(`/people/${await staffId('GV-BY-001')}`)).text());
		expect(text).toContain('homeroom@sen.test');
		expect(text).toContain('Giáo viên chủ nhiệm — Lớp: 6A1 — Trường THCS Bình Yên');
		expect(text).toContain('Tên đăng nhập homeroom');
	});

	it('lets the leader edit a person, and clears a field left empty', async () => {
		const id = await staffId('GV-BY-003');
		const res = await leader.form(`/people/${id}?/update`, { familyName: 'Phan', middleName: 'Thu', givenName: 'Hằng', dateOfBirth: '1985-12-01', gender: 'female', staffCode: 'GV-BY-003', email: 'hang@sen.test', phone: '' });
		expect(res.status).toBe(200);
		const [p] = await app.db.select().from(persons).where(eq(persons.id, id));
		expect(p).toMatchObject({ familyName: 'Phan', givenName: 'Hằng', dateOfBirth: '1985-12-01', email: 'hang@sen.test', phone: null });
		const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'update')));
		expect((audit.after as { givenName: string }).givenName).toBe('Hằng');
	});

	it('grants a role on a class in the leader’s school, and revokes it', async () => {
		const id = await staffId('GV-BY-002');
		const [c7] = await app.db.select().from(classes).where(and(eq(classes.schoolId, schoolId), eq(classes.name, '7A1')));
		const html = await (await leader.get(`/people/${id}`)).text();
		expect(html).toContain(`value="class:${c7.id}"`);
		// The leader may not grant city-wide roles, so neither the role nor another school is offered.
		expect(html).not.toContain('value="city_officer"');
		expect(html).not.toContain('Trường THPT Sông Hồng');

		const res = await leader.form(`/people/${id}?/grant`, { role: 'homeroom_teacher', scope: `class:${c7.id}` });
		expect(res.status).toBe(200);
		const [g] = await app.db.select().from(roleGrants).where(and(eq(roleGrants.personId, id), eq(roleGrants.role, 'homeroom_teacher')));
		expect(g.scopeId).toBe(c7.id);
		expect(textOf(await (await leader.get(`/people/${id}`)).text())).toContain('Giáo viên chủ nhiệm — Lớp: 7A1');

		expect((await leader.form(`/people/${id}?/revoke`, { grantId: g.id })).status).toBe(200);
		expect(await app.db.select().from(roleGrants).where(eq(roleGrants.id, g.id))).toHaveLength(0);
	});

	it('refuses with 403 a role the leader may not grant', async () => {
		const id = await staffId('GV-BY-002');
		const res = await leader.form(`/people/${id}?/grant`, { role: 'city_officer', scope: `school:${schoolId}` });
		expect(res.status).toBe(403);
		expect(await app.db.select().from(roleGrants).where(and(eq(roleGrants.personId, id), eq(roleGrants.role, 'city_officer')))).toHaveLength(0);
	});

	it('links a parent to a learner of the school', async () => {
		const [g] = await app.db.insert(persons).values({ kind: 'guardian', familyName: 'Vũ', middleName: 'Văn', givenName: 'Thành', schoolId, path: schoolPath }).returning();
		const [learner] = await app.db.select().from(persons).where(and(eq(persons.schoolId, schoolId), eq(persons.kind, 'learner'), like(persons.learnerCode, '%7A1%')));
		expect(await (await leader.get(`/people/${g.id}`)).text()).toContain('Liên kết với học sinh');
		const res = await leader.form(`/people/${g.id}?/link`, { learnerId: learner.id, relation: 'father' });
		expect(res.status).toBe(200);
		expect(await app.db.select().from(guardianships).where(and(eq(guardianships.guardianId, g.id), eq(guardianships.learnerId, learner.id)))).toHaveLength(1);
		expect(textOf(await (await leader.get(`/people/${learner.id}`)).text())).toContain('Vũ Văn Thành (Bố)');
	});

	it('creates a sign-in account, then sets a new password the person can sign in with', async () => {
		const [{ id }] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Mai', middleName: 'Thị', givenName: 'Hoa', schoolId, path: schoolPath, staffCode: 'CB-BY-050' }).returning();
		expect(await (await leader.get(`/people/${id}`)).text()).toContain('Chưa có tài khoản đăng nhập.');
		const created = await leader.form(`/people/${id}?/createAccount`, { username: 'tuvan.binhyen', password: 'Hoa-sen-2026' });
		expect(created.status).toBe(200);
		const [acc] = await app.db.select().from(accounts).where(eq(accounts.username, 'tuvan.binhyen'));
		expect(acc.personId).toBe(id);
		await expect(app.loginAs('tuvan.binhyen', 'Hoa-sen-2026')).resolves.toBeTruthy();

		const weak = await leader.form(`/people/${id}?/resetPassword`, { newPassword: '123' });
		expect(weak.status).toBe(400);
		expect(await weak.text()).not.toContain('value="123"');
		const reset = await leader.form(`/people/${id}?/resetPassword`, { newPassword: 'Sen-moi-2027' });
		expect(reset.status).toBe(200);
		await expect(app.loginAs('tuvan.binhyen', 'Sen-moi-2027')).resolves.toBeTruthy();
		await expect(app.loginAs('tuvan.binhyen', 'Hoa-sen-2026')).rejects.toThrow();
	});

	it('shows a parent their child but answers 404 for another learner', async () => {
		const [link] = await app.db.select().from(guardianships).where(eq(guardianships.relation, 'mother'));
		const [me] = await app.db.select().from(accounts).where(eq(accounts.username, 'parent'));
		const [own] = await app.db.select().from(guardianships).where(eq(guardianships.guardianId, me.personId));
		expect((await parent.get(`/people/${own.learnerId}`)).status).toBe(200);
		const [other] = await app.db.select().from(persons).where(and(eq(persons.kind, 'learner'), ne(persons.id, own.learnerId), ne(persons.id, link.learnerId)));
		expect((await parent.get(`/people/${other.id}`)).status).toBe(404);
	});
});

describe('the audit log page', () => {
	it('shows the leader’s own changes newest first, in Vietnam time, with the changed fields', async () => {
		const res = await leader.get('/audit?entityType=person');
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
		expect(text).toContain('Sửa');
		expect(text).toMatch(/Tên: .*→ Hằng/);
		const [latest] = await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'person')).orderBy(sql`${auditLog.id} desc`).limit(1);
		const vietnam = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(latest.at);
		const part = (t: string) => vietnam.find((p) => p.type === t)!.value;
		expect(text).toContain(`${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`);
	});

	it('offers an "older" link that keeps the filter and shows the next, older records', async () => {
		// More than one page (50) of class records in the leader's school.
		await app.db.insert(auditLog).values(
			Array.from({ length: 60 }, (_, i) => ({ action: 'update', entityType: 'class', entityId: crypto.randomUUID(), scopePath: schoolPath, schoolId, after: { name: `Lớp thử ${i}` } }))
		);
		const first = await (await leader.get('/audit?entityType=class')).text();
		const href = first.match(/href="(\/audit\?[^"]*)"[^>]*rel="next"/)?.[1].replace(/&amp;/g, '&');
		expect(href).toMatch(/entityType=class/);
		expect(href).toMatch(/before=\d+/);
		expect(first).toContain('Lớp thử 59');
		expect(first).not.toContain('Lớp thử 0<');
		const next = await (await leader.get(href!)).text();
		expect(next).toContain('Lớp thử 0<');
		expect(next).not.toContain('Lớp thử 59');
	});

	it('keeps other schools’ records out of a leader’s log and refuses a teacher with 403', async () => {
		const [sh] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
		await admin.form(`/schools/${sh.id}?/updateSchool`, { name: 'Trường THPT Sông Hồng', code: 'THPT-SONGHONG', level: 'upper_secondary', ownership: 'public', setting: 'urban', address: 'Địa chỉ mới ở Ba Đình' });
		expect(await (await admin.get('/audit?entityType=school')).text()).toContain('Địa chỉ mới ở Ba Đình');
		expect(await (await leader.get('/audit?entityType=school')).text()).not.toContain('Địa chỉ mới ở Ba Đình');
		expect((await teacher.get('/audit')).status).toBe(403);
	});
});
