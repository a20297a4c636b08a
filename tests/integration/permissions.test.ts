/**
 * The permission matrix, through the HTTP API on a real database: for each demo role and each
 * resource kind (org unit, school, class, learner, staff, enrolment, audit), cases that must be
 * allowed and cases that must be denied. One row per case. 404 = may not even know it exists,
 * 403 = may see it but not do this. (That denials are logged is tested in auth/policy.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools, schoolYears } from '#lib/server/organisations/schema';
import { guardianships, persons } from '#lib/server/people/schema';
import { DEMO_LOGINS } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
type Id =
	| 'unitThachThat'
	| 'unitBaDinh'
	| 'thcs'
	| 'thpt'
	| 'primaryBaDinh'
	| 'yearThcs'
	| 'class6A1'
	| 'class7A1'
	| 'class1A'
	| 'child'
	| 'learner6A1'
	| 'learner7A1'
	| 'parentOf6A1'
	| 'parentOf7A1'
	| 'staffThcs'
	| 'staffPrimary'
	| 'enrolment6A1'
	| 'mentor';
const ids = {} as Record<Id, string>;

beforeAll(async () => {
	app = await startApp();
	for (const l of DEMO_LOGINS) as[l.username] = await app.loginAs(l.username);
	const all = await app.db.select().from(schools);
	const code = (c: string) => all.find((s) => s.code === c)!;
	ids.thcs = code('THCS-BINHYEN').id;
	ids.unitThachThat = code('THCS-BINHYEN').orgUnitId;
	ids.thpt = code('THPT-SONGHONG').id;
	ids.primaryBaDinh = code('TH-HOASUA').id;
	ids.unitBaDinh = code('TH-HOASUA').orgUnitId;
	ids.yearThcs = (await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, ids.thcs)))[0].id;
	const cls = await app.db.select().from(classes);
	ids.class6A1 = cls.find((c) => c.schoolId === ids.thcs && c.name === '6A1')!.id;
	ids.class7A1 = cls.find((c) => c.schoolId === ids.thcs && c.name === '7A1')!.id;
	ids.class1A = cls.find((c) => c.schoolId === ids.primaryBaDinh && c.name === '1A')!.id;
	const inClass = (classId: string) => app.db.select().from(enrolments).where(eq(enrolments.classId, classId));
	const links = await app.db.select().from(guardianships);
	ids.child = (await (await as.parent.get('/api/v1/me')).json()).children[0]; // also the demo learner
	const of6A1 = await inClass(ids.class6A1);
	const other = of6A1.find((e) => e.learnerId !== ids.child && links.some((g) => g.learnerId === e.learnerId))!;
	ids.learner6A1 = other.learnerId;
	ids.enrolment6A1 = other.id;
	ids.parentOf6A1 = links.find((g) => g.learnerId === ids.learner6A1)!.guardianId;
	ids.learner7A1 = (await inClass(ids.class7A1))[0].learnerId;
	const thcsPath = code('THCS-BINHYEN').path;
	ids.parentOf7A1 = (await app.db.insert(persons).values({ kind: 'guardian', familyName: 'Đặng', givenName: 'Lan', schoolId: ids.thcs, path: thcsPath, phone: '0900777001' }).returning())[0].id;
	await app.db.insert(guardianships).values({ guardianId: ids.parentOf7A1, learnerId: ids.learner7A1, relation: 'mother' });
	const staff = await app.db.select().from(persons).where(and(eq(persons.kind, 'staff'), eq(persons.schoolId, ids.thcs)));
	ids.staffThcs = staff[0].id;
	ids.staffPrimary = (await app.db.insert(persons).values({ kind: 'staff', familyName: 'Vũ', givenName: 'Hoa', schoolId: ids.primaryBaDinh, path: code('TH-HOASUA').path, staffCode: 'GV-HS-001' }).returning())[0].id;
	ids.mentor = (await (await as.mentor.get('/api/v1/me')).json()).person.id;
});
afterAll(() => app?.close());

const unit = (id: Id) => () => `/api/v1/org-units/${ids[id]}`;
const school = (id: Id) => () => `/api/v1/schools/${ids[id]}`;
const cls = (id: Id) => () => `/api/v1/classes/${ids[id]}`;
const person = (id: Id) => () => `/api/v1/people/${ids[id]}`;
const enrolmentsOf = (id: Id) => () => `/api/v1/enrolments?classId=${ids[id]}`;
const audit = () => '/api/v1/audit';

type Row = [role: string, what: string, status: number, path: () => string];
const reads: Row[] = [
	// system administrator: everything
	['admin', 'org unit Phường Ba Đình', 200, unit('unitBaDinh')],
	['admin', 'school Tiểu học Hoa Sữa', 200, school('primaryBaDinh')],
	['admin', 'class 1A of Hoa Sữa', 200, cls('class1A')],
	['admin', 'a learner of 7A1', 200, person('learner7A1')],
	['admin', 'a teacher of Hoa Sữa', 200, person('staffPrimary')],
	['admin', 'the enrolments of 7A1', 200, enrolmentsOf('class7A1')],
	['admin', 'the audit log', 200, audit],
	// city officer: the tree, schools, classes and colleagues; never individual learners or families
	['city', 'org unit Phường Ba Đình', 200, unit('unitBaDinh')],
	['city', 'school THPT Sông Hồng (under the department)', 200, school('thpt')],
	['city', 'class 7A1', 200, cls('class7A1')],
	['city', 'a learner of 6A1', 404, person('learner6A1')],
	['city', 'a parent of 6A1', 404, person('parentOf6A1')],
	['city', 'a teacher of THCS Bình Yên', 200, person('staffThcs')],
	['city', 'the enrolments of 7A1', 404, enrolmentsOf('class7A1')],
	['city', 'the audit log', 200, audit],
	// unit officer of Xã Thạch Thất: its schools and staff; not Ba Đình, not the THPT, not learners
	['unit', 'org unit Xã Thạch Thất', 200, unit('unitThachThat')],
	['unit', 'org unit Phường Ba Đình', 404, unit('unitBaDinh')],
	['unit', 'school THCS Bình Yên', 200, school('thcs')],
	['unit', 'school Tiểu học Hoa Sữa (Ba Đình)', 404, school('primaryBaDinh')],
	['unit', 'school THPT Sông Hồng (under the department)', 404, school('thpt')],
	['unit', 'class 7A1', 200, cls('class7A1')],
	['unit', 'class 1A of Hoa Sữa', 404, cls('class1A')],
	['unit', 'a learner of 6A1', 404, person('learner6A1')],
	['unit', 'a parent of 6A1', 404, person('parentOf6A1')],
	['unit', 'a teacher of THCS Bình Yên', 200, person('staffThcs')],
	['unit', 'a teacher of Hoa Sữa', 404, person('staffPrimary')],
	['unit', 'the enrolments of 6A1', 404, enrolmentsOf('class6A1')],
	['unit', 'the audit log', 200, audit],
	// school leader of THCS Bình Yên: the whole school and nothing else
	['leader', 'org unit Phường Ba Đình', 404, unit('unitBaDinh')],
	['leader', 'school THCS Bình Yên', 200, school('thcs')],
	['leader', 'school Tiểu học Hoa Sữa', 404, school('primaryBaDinh')],
	['leader', 'class 7A1', 200, cls('class7A1')],
	['leader', 'class 1A of Hoa Sữa', 404, cls('class1A')],
	['leader', 'a learner of 7A1', 200, person('learner7A1')],
	['leader', 'a parent of 7A1', 200, person('parentOf7A1')],
	['leader', 'a teacher of THCS Bình Yên', 200, person('staffThcs')],
	['leader', 'a teacher of Hoa Sữa', 404, person('staffPrimary')],
	['leader', 'the enrolments of 7A1', 200, enrolmentsOf('class7A1')],
	['leader', 'the enrolments of 1A of Hoa Sữa', 404, enrolmentsOf('class1A')],
	['leader', 'the audit log', 200, audit],
	// teacher of 6A1 and 6A2: the school's structure and colleagues; learners and parents of their classes only
	['teacher', 'org unit Xã Thạch Thất', 404, unit('unitThachThat')],
	['teacher', 'school THCS Bình Yên', 200, school('thcs')],
	['teacher', 'school Tiểu học Hoa Sữa', 404, school('primaryBaDinh')],
	['teacher', 'class 6A1', 200, cls('class6A1')],
	['teacher', 'a learner of 6A1', 200, person('learner6A1')],
	['teacher', 'a parent of 6A1', 200, person('parentOf6A1')],
	['teacher', 'a learner of 7A1', 404, person('learner7A1')],
	['teacher', 'a parent of 7A1', 404, person('parentOf7A1')],
	['teacher', 'a colleague', 200, person('staffThcs')],
	['teacher', 'a teacher of Hoa Sữa', 404, person('staffPrimary')],
	['teacher', 'the enrolments of 6A1', 200, enrolmentsOf('class6A1')],
	['teacher', 'the class list of 6A1', 200, () => `/api/v1/classes/${ids.class6A1}/learners`],
	['teacher', 'the enrolments of 7A1', 404, enrolmentsOf('class7A1')],
	['teacher', 'the class list of 7A1', 404, () => `/api/v1/classes/${ids.class7A1}/learners`],
	['teacher', 'the audit log', 403, audit],
	['homeroom', 'a learner of 6A1', 200, person('learner6A1')],
	['homeroom', 'a learner of 7A1', 404, person('learner7A1')],
	['grouphead', 'a learner of 6A1 (not their class)', 404, person('learner6A1')],
	['grouphead', 'the enrolments of 6A1 (not their class)', 404, enrolmentsOf('class6A1')],
	['counsellor', 'a learner of 7A1', 200, person('learner7A1')],
	['counsellor', 'the audit log', 403, audit],
	// parent: their own child and the child's school
	['parent', 'their child', 200, person('child')],
	['parent', 'another learner of the same class', 404, person('learner6A1')],
	['parent', 'a teacher', 404, person('staffThcs')],
	['parent', 'their child’s school', 200, school('thcs')],
	['parent', 'another school', 404, school('primaryBaDinh')],
	['parent', 'their child’s class', 404, cls('class6A1')],
	['parent', 'the enrolments of their child’s class', 404, enrolmentsOf('class6A1')],
	['parent', 'org unit Xã Thạch Thất', 404, unit('unitThachThat')],
	['parent', 'the audit log', 403, audit],
	// learner: themselves and their school
	['learner', 'themselves', 200, person('child')],
	['learner', 'a classmate', 404, person('learner6A1')],
	['learner', 'their school', 200, school('thcs')],
	['learner', 'the audit log', 403, audit],
	// community (mentor, alumnus, partner): only themselves
	['mentor', 'themselves', 200, person('mentor')],
	['mentor', 'a learner', 404, person('learner6A1')],
	['mentor', 'a teacher', 404, person('staffThcs')],
	['mentor', 'a school', 404, school('thcs')],
	['mentor', 'a class', 404, cls('class6A1')],
	['mentor', 'an org unit', 404, unit('unitThachThat')],
	['mentor', 'the audit log', 403, audit],
	['partner', 'a teacher', 404, person('staffThcs')],
	['alumnus', 'a school', 404, school('thcs')]
];

describe('reading one record', () => {
	it.each(reads)('%s → %s answers %i', async (role, _what, status, path) => {
		const res = await as[role].get(path());
		expect(res.status).toBe(status);
		if (status >= 400) expect((await res.json()).error.code).toBe(status === 404 ? 'not_found' : 'forbidden');
	});
});

describe('lists stay inside the scope', () => {
	const list = async (role: string, path: string): Promise<{ id: string; kind?: string; entityId?: string; scopePath?: string }[]> => {
		const res = await as[role].get(path);
		expect(res.status).toBe(200);
		return (await res.json()).items;
	};
	const idsOf = async (role: string, path: string) => (await list(role, path)).map((x) => x.id);

	it('a teacher’s search finds learners and parents of their classes, not of other classes', async () => {
		const found = await idsOf('teacher', '/api/v1/people?pageSize=100');
		expect(found).toEqual(expect.arrayContaining([ids.learner6A1, ids.parentOf6A1, ids.staffThcs]));
		expect(found).not.toContain(ids.learner7A1);
		expect(found).not.toContain(ids.parentOf7A1);
	});
	it('a parent’s search finds their child and themselves only', async () => {
		const found = await idsOf('parent', '/api/v1/people?pageSize=100');
		expect(found).toContain(ids.child);
		expect(found).toHaveLength(2);
	});
	it('a mentor’s search finds only themselves', async () => {
		expect(await idsOf('mentor', '/api/v1/people?pageSize=100')).toEqual([ids.mentor]);
	});
	it('the unit officer’s search finds staff of the unit, no learners, no parents, nobody of Ba Đình', async () => {
		const found = await list('unit', '/api/v1/people?pageSize=100');
		expect(found.map((p) => p.id)).toContain(ids.staffThcs);
		expect(found.map((p) => p.id)).not.toContain(ids.staffPrimary);
		expect(found.every((p) => p.kind === 'staff' || p.kind === 'community')).toBe(true);
	});
	it('the city officer’s search returns no learners and no parents', async () => {
		expect(await idsOf('city', '/api/v1/people?kind=learner')).toEqual([]);
		expect(await idsOf('city', '/api/v1/people?kind=guardian')).toEqual([]);
		expect(await idsOf('city', '/api/v1/people?kind=staff&pageSize=100')).toContain(ids.staffPrimary);
	});
	it('the unit officer lists the unit’s schools and classes only; the city lists all five schools', async () => {
		const schoolIds = await idsOf('unit', '/api/v1/schools');
		expect(schoolIds).toContain(ids.thcs);
		expect(schoolIds).not.toContain(ids.primaryBaDinh);
		expect(schoolIds).not.toContain(ids.thpt);
		const classIds = await idsOf('unit', '/api/v1/classes');
		expect(classIds).toContain(ids.class7A1);
		expect(classIds).not.toContain(ids.class1A);
		expect(await idsOf('city', '/api/v1/schools')).toHaveLength(5);
	});
	it('the unit officer lists its own unit, not Ba Đình', async () => {
		const unitIds = await idsOf('unit', '/api/v1/org-units');
		expect(unitIds).toEqual([ids.unitThachThat]);
	});
	it('a mentor sees no school, no class and no unit', async () => {
		expect(await idsOf('mentor', '/api/v1/schools')).toEqual([]);
		expect(await idsOf('mentor', '/api/v1/classes')).toEqual([]);
		expect(await idsOf('mentor', '/api/v1/org-units')).toEqual([]);
	});
	it('the leader’s audit log holds the changes of their school and none of another school', async () => {
		const [thcs] = await app.db.select().from(schools).where(eq(schools.id, ids.thcs));
		expect((await as.leader.patch(`/api/v1/schools/${ids.thcs}`, { address: 'Thôn Bình Yên, xã Thạch Thất' })).status).toBe(200);
		expect((await as.admin.patch(`/api/v1/schools/${ids.primaryBaDinh}`, { address: '25 Kim Mã, Ba Đình' })).status).toBe(200);
		const entries = await list('leader', '/api/v1/audit?entityType=school&limit=100');
		expect(entries.map((e) => e.entityId)).toContain(ids.thcs);
		expect(entries.map((e) => e.entityId)).not.toContain(ids.primaryBaDinh);
		expect(entries.every((e) => e.scopePath!.startsWith(thcs.path))).toBe(true);
		expect((await list('admin', '/api/v1/audit?entityType=school&limit=100')).map((e) => e.entityId)).toContain(ids.primaryBaDinh);
	});
});

type WriteRow = [role: string, what: string, status: number, send: (c: Client) => Promise<Response>];
const writes: WriteRow[] = [
	// teachers read the school but change nothing in it
	['teacher', 'creates a class in their school', 403, (c) => c.post('/api/v1/classes', { schoolYearId: ids.yearThcs, name: '6A9', grade: 6 })],
	['teacher', 'edits their school', 403, (c) => c.patch(`/api/v1/schools/${ids.thcs}`, { address: 'X' })],
	['teacher', 'edits class 6A1', 403, (c) => c.patch(`/api/v1/classes/${ids.class6A1}`, { name: '6A9' })],
	['teacher', 'edits a learner of their class', 403, (c) => c.patch(`/api/v1/people/${ids.learner6A1}`, { phone: '0' })],
	['teacher', 'enrols a learner in their class', 403, (c) => c.post('/api/v1/enrolments', { classId: ids.class6A1, learnerId: ids.learner7A1 })],
	['teacher', 'removes an enrolment of their class', 403, (c) => c.delete(`/api/v1/enrolments/${ids.enrolment6A1}`)],
	['teacher', 'grants a colleague school leader', 403, (c) => c.post(`/api/v1/people/${ids.staffThcs}/roles`, { role: 'school_leader', scopeType: 'school', scopeId: ids.thcs })],
	['teacher', 'creates an org unit', 403, (c) => c.post('/api/v1/org-units', { parentId: ids.unitThachThat, kind: 'cluster', code: 'C0', name: 'Cụm 0' })],
	// parents and the community change nothing
	['parent', 'edits their child', 403, (c) => c.patch(`/api/v1/people/${ids.child}`, { phone: '0' })],
	['parent', 'edits their child’s school', 403, (c) => c.patch(`/api/v1/schools/${ids.thcs}`, { address: 'X' })],
	['mentor', 'creates a person', 403, (c) => c.post('/api/v1/people', { kind: 'learner', familyName: 'A', givenName: 'B', schoolId: ids.thcs })],
	['mentor', 'edits a school', 404, (c) => c.patch(`/api/v1/schools/${ids.thcs}`, { address: 'X' })],
	// the school leader: their school only
	['leader', 'edits their school', 200, (c) => c.patch(`/api/v1/schools/${ids.thcs}`, { address: 'Xã Thạch Thất, Hà Nội' })],
	['leader', 'edits a school of Ba Đình', 404, (c) => c.patch(`/api/v1/schools/${ids.primaryBaDinh}`, { address: 'X' })],
	['leader', 'edits a learner of their school', 200, (c) => c.patch(`/api/v1/people/${ids.learner7A1}`, { phone: '0911111111' })],
	['leader', 'edits a teacher of Ba Đình', 404, (c) => c.patch(`/api/v1/people/${ids.staffPrimary}`, { phone: '0' })],
	['leader', 'creates a class in their school', 201, (c) => c.post('/api/v1/classes', { schoolYearId: ids.yearThcs, name: '9A2', grade: 9 })],
	['leader', 'creates a school', 403, (c) => c.post('/api/v1/schools', { orgUnitId: ids.unitThachThat, code: 'X1', name: 'X', level: 'primary', ownership: 'public', setting: 'urban' })],
	['leader', 'edits their org unit', 404, (c) => c.patch(`/api/v1/org-units/${ids.unitThachThat}`, { name: 'X' })],
	['leader', 'enrols a learner of another school', 404, (c) => c.post('/api/v1/enrolments', { classId: ids.class1A, learnerId: ids.learner7A1 })],
	// the unit officer: the unit's schools, nothing inside them
	['unit', 'edits a school of the unit', 200, (c) => c.patch(`/api/v1/schools/${ids.thcs}`, { setting: 'suburban' })],
	['unit', 'edits a school of Ba Đình', 404, (c) => c.patch(`/api/v1/schools/${ids.primaryBaDinh}`, { setting: 'suburban' })],
	['unit', 'edits a teacher of the unit', 403, (c) => c.patch(`/api/v1/people/${ids.staffThcs}`, { phone: '0' })],
	['unit', 'creates a class in a school of the unit', 403, (c) => c.post('/api/v1/classes', { schoolYearId: ids.yearThcs, name: '9A3', grade: 9 })],
	['unit', 'creates an org unit', 403, (c) => c.post('/api/v1/org-units', { parentId: ids.unitThachThat, kind: 'cluster', code: 'C1', name: 'Cụm 1' })],
	// the city officer: the tree and schools, not the people in them
	['city', 'creates an org unit', 201, (c) => c.post('/api/v1/org-units', { parentId: ids.unitBaDinh, kind: 'cluster', code: 'C2', name: 'Cụm 2' })],
	['city', 'edits THPT Sông Hồng', 200, (c) => c.patch(`/api/v1/schools/${ids.thpt}`, { address: '8 phố Phan Đình Phùng, Hà Nội' })],
	['city', 'deletes an org unit', 403, (c) => c.delete(`/api/v1/org-units/${ids.unitBaDinh}`)],
	['city', 'edits a learner', 404, (c) => c.patch(`/api/v1/people/${ids.learner6A1}`, { phone: '0' })],
	['city', 'edits a teacher', 403, (c) => c.patch(`/api/v1/people/${ids.staffThcs}`, { phone: '0' })],
	// the administrator
	['admin', 'creates a school anywhere', 201, (c) => c.post('/api/v1/schools', { orgUnitId: ids.unitBaDinh, code: 'MN-BADINH-2', name: 'Trường Mầm non Ba Đình 2', level: 'preschool', ownership: 'public', setting: 'urban' })]
];

describe('writing', () => {
	it.each(writes)('%s %s → %i', async (role, _what, status, send) => {
		const res = await send(as[role]);
		expect(res.status).toBe(status);
		if (status === 403) expect((await res.json()).error).toEqual({ code: 'forbidden', message: expect.stringMatching(/^Bạn không (có )?(quyền|được)/) });
	});
});
