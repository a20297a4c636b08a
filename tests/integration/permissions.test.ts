/**
 * The permission matrix, through the HTTP API on a real database: for every demo role
 * (DEMO_LOGINS) and every resource kind, cases that must be allowed and cases that must be denied.
 * One table per kind, one row per case. 404 = may not even know it exists, 403 = may see it but
 * not do this. Rows run in order; a row that changes something works on a throwaway record made in
 * beforeAll (or sets a value to what it already is), so no row changes what a later row sees. The
 * last test checks the matrix is complete. (That denials are logged is tested in auth/policy.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { DEMO_YEAR, startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, orgUnits, schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { guardianships, persons, roleGrants } from '#lib/server/people/schema';
import { DEMO_LOGINS } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
/** Ids by name; a row names them as `:name` (and `:me`, `:myGrant` for the acting role's own). */
const ids: Record<string, string> = {};

beforeAll(async () => {
	app = await startApp();
	for (const l of DEMO_LOGINS) as[l.username] = await app.loginAs(l.username);
	const all = await app.db.select().from(schools);
	const code = (c: string) => all.find((s) => s.code === c)!;
	const thcs = code('THCS-BINHYEN');
	const primary = code('TH-HOASUA');
	ids.thcs = thcs.id;
	ids.unitThachThat = thcs.orgUnitId;
	ids.thpt = code('THPT-SONGHONG').id;
	ids.lc = code('LC-SAOMAI').id;
	ids.primaryBaDinh = primary.id;
	ids.unitBaDinh = primary.orgUnitId;
	const yearOf = async (schoolId: string) => (await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, schoolId)))[0].id;
	ids.yearThcs = await yearOf(ids.thcs);
	ids.yearPrimary = await yearOf(ids.primaryBaDinh);
	const cls = await app.db.select().from(classes);
	const classOf = (schoolId: string, name: string) => cls.find((c) => c.schoolId === schoolId && c.name === name)!.id;
	ids.class6A1 = classOf(ids.thcs, '6A1');
	ids.class6A2 = classOf(ids.thcs, '6A2');
	ids.class7A1 = classOf(ids.thcs, '7A1');
	ids.class9A1 = classOf(ids.thcs, '9A1');
	ids.class1A = classOf(ids.primaryBaDinh, '1A');
	const inClass = (classId: string) => app.db.select().from(enrolments).where(eq(enrolments.classId, classId));
	const links = await app.db.select().from(guardianships);
	for (const l of DEMO_LOGINS) {
		ids[`${l.username}Me`] = (await (await as[l.username].get('/api/v1/me')).json()).person.id;
		ids[`${l.username}Grant`] = (await app.db.select().from(roleGrants).where(eq(roleGrants.personId, ids[`${l.username}Me`])))[0].id;
	}
	ids.child = ids.learnerMe; // the demo learner is the demo parent's child
	ids.mentor = ids.mentorMe;
	const of6A1 = await inClass(ids.class6A1);
	const other = of6A1.find((e) => e.learnerId !== ids.child && links.some((g) => g.learnerId === e.learnerId))!;
	ids.learner6A1 = other.learnerId;
	ids.enrolment6A1 = other.id;
	ids.parentOf6A1 = links.find((g) => g.learnerId === ids.learner6A1)!.guardianId;
	ids.learner6A2 = (await inClass(ids.class6A2))[0].learnerId;
	ids.learner7A1 = (await inClass(ids.class7A1))[0].learnerId;
	const person = async (values: typeof persons.$inferInsert) => (await app.db.insert(persons).values(values).returning())[0].id;
	ids.parentOf7A1 = await person({ kind: 'guardian', familyName: 'Đặng', givenName: 'Lan', schoolId: ids.thcs, path: thcs.path, phone: '0900777001' });
	await app.db.insert(guardianships).values({ guardianId: ids.parentOf7A1, learnerId: ids.learner7A1, relation: 'mother' });
	const staff = await app.db.select().from(persons).where(and(eq(persons.kind, 'staff'), eq(persons.schoolId, ids.thcs)));
	ids.staffThcs = staff[0].id;
	ids.staffPrimary = await person({ kind: 'staff', familyName: 'Vũ', givenName: 'Hoa', schoolId: ids.primaryBaDinh, path: primary.path, staffCode: 'GV-HS-001' });
	ids.subjectThcs = (await app.db.select().from(subjects).where(and(eq(subjects.schoolId, ids.thcs), eq(subjects.code, 'TOAN'))))[0].id;

	// Throwaway records, for the rows that succeed: nobody signs in as them, no other row reads them.
	ids.subjectPrimary = (await app.db.insert(subjects).values({ schoolId: ids.primaryBaDinh, code: 'TV', name: 'Tiếng Việt', assessment: 'score', periodsPerYear: 420 }).returning())[0].id;
	const [root] = await app.db.select().from(orgUnits).where(isNull(orgUnits.parentId));
	ids.unitEmpty = crypto.randomUUID();
	await app.db.insert(orgUnits).values({ id: ids.unitEmpty, parentId: root.id, kind: 'cluster', code: 'HN-EMPTY', name: 'Cụm trống', path: `${root.path}${ids.unitEmpty}/` });
	ids.newStaffThcs = await person({ kind: 'staff', familyName: 'Trịnh', givenName: 'Minh', schoolId: ids.thcs, path: thcs.path });
	ids.newStaffPrimary = await person({ kind: 'staff', familyName: 'Phan', givenName: 'Quế', schoolId: ids.primaryBaDinh, path: primary.path });
	ids.newLearnerThcs = await person({ kind: 'learner', familyName: 'Hà', givenName: 'Vy', schoolId: ids.thcs, path: thcs.path });
	ids.leavingStaff = await person({ kind: 'staff', familyName: 'Tạ', givenName: 'Nga', schoolId: ids.thcs, path: thcs.path });
	for (const n of [1, 2]) {
		const learnerId = await person({ kind: 'learner', familyName: 'Lò', givenName: `Tú ${n}`, schoolId: ids.thcs, path: thcs.path });
		ids[`leavingEnrolment${n}`] = (await app.db.insert(enrolments).values({ schoolId: ids.thcs, schoolYearId: ids.yearThcs, classId: ids.class9A1, learnerId }).returning())[0].id;
	}
	const grant = async (personId: string, role: 'teacher' | 'school_leader' | 'counsellor', school: typeof thcs) =>
		(await app.db.insert(roleGrants).values({ personId, role, scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id }).returning())[0].id;
	ids.grantTeacherThcs = await grant(ids.newStaffThcs, 'teacher', thcs);
	ids.grantLeaderThcs = await grant(ids.newStaffThcs, 'school_leader', thcs);
	ids.grantLeaderPrimary = await grant(ids.newStaffPrimary, 'school_leader', primary);
	ids.grantCounsellorPrimary = await grant(ids.newStaffPrimary, 'counsellor', primary);
});
afterAll(() => app?.close());

// ── How a row sends its request ──────────────────────────────────────────────────────────────

type Send = ((c: Client, role: string) => Promise<Response>) & { seesNothing?: boolean };
/** Replaces `:name` in strings (deeply) by the id of that name, `:me` by the acting role's person. */
function fill<T>(v: T, role: string): T {
	if (typeof v === 'string')
		return v.replace(/:(\w+)/g, (_, name: string) => {
			const key = name === 'me' ? `${role}Me` : name === 'myGrant' ? `${role}Grant` : name;
			if (!(key in ids)) throw new Error(`no id named ${name}`);
			return ids[key];
		}) as T;
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, role)])) as T;
	return v;
}
const GET = (url: string): Send => (c, r) => c.get(fill(url, r));
const POST = (url: string, body: object = {}): Send => (c, r) => c.post(fill(url, r), fill(body, r));
const PATCH = (url: string, body: object): Send => (c, r) => c.patch(fill(url, r), fill(body, r));
const DELETE = (url: string): Send => (c, r) => c.delete(fill(url, r));
/** A read that answers 200, with a check on what it shows. */
const SEES = (url: string, check: (body: any, role: string) => void, seesNothing = false): Send =>
	Object.assign(
		async (c: Client, r: string) => {
			const res = await c.get(fill(url, r));
			if (res.ok) check(await res.clone().json(), r);
			return res;
		},
		{ seesNothing }
	);
/** A list the role may ask for, and that holds nothing for them: a denial by scope. */
const EMPTY = (url: string) => SEES(url, (b) => expect(b.items).toEqual([]), true);
/** A record the role reads, with one part of it withheld (null): a denial of that part. */
const WITHHELD = (url: string, field: string) => SEES(url, (b) => expect(b[field]).toBeNull(), true);
const OWN_ROLES = SEES('/api/v1/me', (b, r) => expect(b.roles.map((g: { role: string }) => g.role)).toContain(DEMO_LOGINS.find((l) => l.username === r)!.role));
const OWN_ACCOUNT = SEES('/api/v1/people/:me', (b, r) => expect(b.account?.username).toBe(r));

type Case = [role: string, what: string, status: number, send: Send];
const SCHOOL_STAFF = ['grouphead', 'homeroom', 'teacher', 'counsellor'];
const FAMILY = ['parent', 'learner'];
const COMMUNITY = ['mentor', 'alumnus', 'partner'];
/** The same cases for several roles. */
const each = (roles: string[], cases: [what: string, status: number, send: Send][]): Case[] => roles.flatMap((r) => cases.map(([what, status, send]): Case => [r, what, status, send]));

const PW = 'Sen-matrix-2026';
const THIS_YEAR = `${DEMO_YEAR}-${DEMO_YEAR + 1}`;
const NEXT_YEAR = { name: `${DEMO_YEAR + 1}-${DEMO_YEAR + 2}`, startsOn: `${DEMO_YEAR + 1}-09-05`, endsOn: `${DEMO_YEAR + 2}-05-31` };
const LATER_YEAR = { name: `${DEMO_YEAR + 2}-${DEMO_YEAR + 3}`, startsOn: `${DEMO_YEAR + 2}-09-05`, endsOn: `${DEMO_YEAR + 3}-05-31` };
const newUnit = (parentId: string, code: string) => POST('/api/v1/org-units', { parentId, kind: 'cluster', code, name: `Cụm ${code}` });
const newSchool = (orgUnitId: string, code: string) => POST('/api/v1/schools', { orgUnitId, code, name: `Trường ${code}`, level: 'primary', ownership: 'public', setting: 'urban' });
const yearsOf = (school: string) => GET(`/api/v1/school-years?schoolId=${school}`);
const newYear = (schoolId: string, year = LATER_YEAR) => POST('/api/v1/school-years', { schoolId, ...year });
const renameYear = (year: string) => PATCH(`/api/v1/school-years/${year}`, { name: THIS_YEAR });
const subjectsOf = (school: string) => GET(`/api/v1/subjects?schoolId=${school}`);
const newSubject = (schoolId: string, code: string) => POST('/api/v1/subjects', { schoolId, code, name: `Môn ${code}` });
const newGroup = (schoolId: string, name: string) => POST('/api/v1/subject-groups', { schoolId, name });
const editSubject = (subject: string) => PATCH(`/api/v1/subjects/${subject}`, { periodsPerYear: 140 });
const newClass = (schoolYearId: string, name: string) => POST('/api/v1/classes', { schoolYearId, name, grade: Number(name.match(/\d+/)![0]) });
const enrolmentsOf = (cls: string) => GET(`/api/v1/enrolments?classId=${cls}`);
const enrol = (classId: string, learnerId: string) => POST('/api/v1/enrolments', { classId, learnerId });
const newPerson = (kind: string, schoolId: string, extra: object = {}) => POST('/api/v1/people', { kind, familyName: 'Lê', givenName: 'Mới', schoolId, ...extra });
const grantTo = (person: string, role: string, scopeType: string, scopeId?: string) => POST(`/api/v1/people/${person}/roles`, { role, scopeType, scopeId });
const revoke = (person: string, grant: string) => DELETE(`/api/v1/people/${person}/roles/${grant}`);
const openAccount = (person: string, username: string) => POST(`/api/v1/people/${person}/account`, { username, password: PW });
const resetPassword = (person: string) => POST(`/api/v1/people/${person}/account/password`, { newPassword: `${PW}-new` });
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


// ── The matrix: one table per kind ───────────────────────────────────────────────────────────

const matrix: Record<string, Case[]> = {
	'org units': [
		// the administrator: everything; what stops them is a rule of the data, not of permission
		['admin', 'reads Phường Ba Đình', 200, GET('/api/v1/org-units/:unitBaDinh')],
		['admin', 'creates a cluster under Ba Đình', 201, newUnit(':unitBaDinh', 'C-ADMIN')],
		['admin', 'deletes an empty unit', 204, DELETE('/api/v1/org-units/:unitEmpty')],
		['admin', 'deletes Phường Ba Đình, which still holds schools', 409, DELETE('/api/v1/org-units/:unitBaDinh')],
		// the city: the whole tree, but deletes nothing
		['city', 'reads Phường Ba Đình', 200, GET('/api/v1/org-units/:unitBaDinh')],
		['city', 'creates a cluster under Ba Đình', 201, newUnit(':unitBaDinh', 'C2')],
		['city', 'edits Xã Thạch Thất', 200, PATCH('/api/v1/org-units/:unitThachThat', { historicalDistrict: 'Huyện Thạch Thất' })],
		['city', 'deletes an org unit', 403, DELETE('/api/v1/org-units/:unitBaDinh')],
		// the unit officer reads its own unit and changes nothing in the tree
		['unit', 'reads Xã Thạch Thất', 200, GET('/api/v1/org-units/:unitThachThat')],
		['unit', 'reads Phường Ba Đình', 404, GET('/api/v1/org-units/:unitBaDinh')],
		['unit', 'edits its own unit', 403, PATCH('/api/v1/org-units/:unitThachThat', { name: 'X' })],
		['unit', 'creates an org unit', 403, newUnit(':unitThachThat', 'C1')],
		// everyone in a school, and the community: no unit at all (no unit lies inside a school)
		...each(['leader', ...SCHOOL_STAFF, ...FAMILY, ...COMMUNITY], [
			['lists org units', 200, EMPTY('/api/v1/org-units')],
			['reads Xã Thạch Thất', 404, GET('/api/v1/org-units/:unitThachThat')],
			['edits Xã Thạch Thất', 404, PATCH('/api/v1/org-units/:unitThachThat', { name: 'X' })],
			['creates an org unit', 403, newUnit(':unitThachThat', 'C0')]
		])
	],

	schools: [
		['admin', 'reads Tiểu học Hoa Sữa', 200, GET('/api/v1/schools/:primaryBaDinh')],
		['admin', 'creates a school anywhere', 201, newSchool(':unitBaDinh', 'MN-BADINH-2')],
		['admin', 'creates a school whose code is taken', 409, newSchool(':unitBaDinh', 'THCS-BINHYEN')],
		['city', 'reads THPT Sông Hồng (under the department)', 200, GET('/api/v1/schools/:thpt')],
		['city', 'edits THPT Sông Hồng', 200, PATCH('/api/v1/schools/:thpt', { address: '8 phố Phan Đình Phùng, Hà Nội' })],
		['city', 'creates a school under Ba Đình', 201, newSchool(':unitBaDinh', 'TH-BADINH-2')],
		['city', 'deletes a school (nobody can: the API has no such route)', 405, DELETE('/api/v1/schools/:primaryBaDinh')],
		['unit', 'reads THCS Bình Yên', 200, GET('/api/v1/schools/:thcs')],
		['unit', 'edits a school of the unit', 200, PATCH('/api/v1/schools/:thcs', { setting: 'suburban' })],
		['unit', 'creates a school in the unit', 201, newSchool(':unitThachThat', 'TH-TT-2')],
		['unit', 'reads Tiểu học Hoa Sữa (Ba Đình)', 404, GET('/api/v1/schools/:primaryBaDinh')],
		['unit', 'reads THPT Sông Hồng (under the department)', 404, GET('/api/v1/schools/:thpt')],
		['unit', 'edits a school of Ba Đình', 404, PATCH('/api/v1/schools/:primaryBaDinh', { setting: 'suburban' })],
		['unit', 'creates a school in Ba Đình', 403, newSchool(':unitBaDinh', 'TH-BD-3')],
		['leader', 'reads their school', 200, GET('/api/v1/schools/:thcs')],
		['leader', 'edits their school', 200, PATCH('/api/v1/schools/:thcs', { address: 'Xã Thạch Thất, Hà Nội' })],
		['leader', 'reads Tiểu học Hoa Sữa', 404, GET('/api/v1/schools/:primaryBaDinh')],
		['leader', 'edits a school of Ba Đình', 404, PATCH('/api/v1/schools/:primaryBaDinh', { address: 'X' })],
		['leader', 'creates a school', 403, newSchool(':unitThachThat', 'X1')],
		...each([...SCHOOL_STAFF, ...FAMILY], [
			['reads their school', 200, GET('/api/v1/schools/:thcs')],
			['edits their school', 403, PATCH('/api/v1/schools/:thcs', { address: 'X' })],
			['reads another school', 404, GET('/api/v1/schools/:primaryBaDinh')]
		]),
		...each(COMMUNITY, [
			['lists schools', 200, EMPTY('/api/v1/schools')],
			['reads a school', 404, GET('/api/v1/schools/:thcs')],
			['edits a school', 404, PATCH('/api/v1/schools/:thcs', { address: 'X' })]
		])
	],

	'school years': [
		['admin', 'lists the years of Hoa Sữa', 200, yearsOf(':primaryBaDinh')],
		['admin', 'creates a year at Hoa Sữa', 201, newYear(':primaryBaDinh', NEXT_YEAR)],
		['admin', 'creates a year that already exists', 409, newYear(':thcs', { name: THIS_YEAR, startsOn: `${DEMO_YEAR}-09-05`, endsOn: `${DEMO_YEAR + 1}-05-31` })],
		['city', 'lists the years of THCS Bình Yên', 200, yearsOf(':thcs')],
		['city', 'creates a year', 403, newYear(':thcs')],
		['city', 'renames a year', 403, renameYear(':yearThcs')],
		['unit', 'lists the years of THCS Bình Yên', 200, yearsOf(':thcs')],
		['unit', 'lists the years of Hoa Sữa (Ba Đình)', 404, yearsOf(':primaryBaDinh')],
		['unit', 'creates a year', 403, newYear(':thcs')],
		['unit', 'renames a year', 403, renameYear(':yearThcs')],
		['leader', 'lists the years of their school', 200, yearsOf(':thcs')],
		['leader', 'creates a year', 201, newYear(':thcs', NEXT_YEAR)],
		['leader', 'renames a year (to its own name)', 200, renameYear(':yearThcs')],
		['leader', 'lists the years of Hoa Sữa', 404, yearsOf(':primaryBaDinh')],
		['leader', 'creates a year at Hoa Sữa', 404, newYear(':primaryBaDinh')],
		['leader', 'renames a year of Hoa Sữa', 404, renameYear(':yearPrimary')],
		...each(SCHOOL_STAFF, [
			['lists the years of their school', 200, yearsOf(':thcs')],
			['creates a year', 403, newYear(':thcs')],
			['renames a year', 403, renameYear(':yearThcs')],
			['lists the years of another school', 404, yearsOf(':primaryBaDinh')]
		]),
		// Parents and learners see the years with their school (the list follows the school, and
		// their gradebook pages need it), though policy.ts grants them no school_year as such:
		// a year's own route answers them 404.
		...each(FAMILY, [
			['lists the years of their school', 200, yearsOf(':thcs')],
			['creates a year', 403, newYear(':thcs')],
			['renames a year', 404, renameYear(':yearThcs')]
		]),
		...each(COMMUNITY, [
			['lists the years of a school', 404, yearsOf(':thcs')],
			['creates a year', 404, newYear(':thcs')],
			['renames a year', 404, renameYear(':yearThcs')]
		])
	],

	'subjects and subject groups': [
		['admin', 'lists the subjects of THCS Bình Yên', 200, subjectsOf(':thcs')],
		['admin', 'creates a subject at Hoa Sữa', 201, newSubject(':primaryBaDinh', 'TOAN')],
		['admin', 'creates a subject group at Hoa Sữa', 201, newGroup(':primaryBaDinh', 'Tổ 1')],
		['admin', 'creates a subject whose code is taken', 409, newSubject(':thcs', 'TOAN')],
		['city', 'lists the subjects of THCS Bình Yên', 200, subjectsOf(':thcs')],
		['city', 'creates a subject', 403, newSubject(':thcs', 'X')],
		['city', 'edits Toán', 403, editSubject(':subjectThcs')],
		['unit', 'lists the subjects of THCS Bình Yên', 200, subjectsOf(':thcs')],
		['unit', 'lists the subjects of Hoa Sữa (Ba Đình)', 404, subjectsOf(':primaryBaDinh')],
		['unit', 'creates a subject group', 403, newGroup(':thcs', 'Tổ X')],
		['unit', 'edits Toán', 403, editSubject(':subjectThcs')],
		['leader', 'lists the subjects of their school', 200, subjectsOf(':thcs')],
		['leader', 'creates a subject', 201, newSubject(':thcs', 'STEM')],
		['leader', 'creates a subject group', 201, newGroup(':thcs', 'Tổ Nghệ thuật')],
		['leader', 'edits Toán (to its own periods)', 200, editSubject(':subjectThcs')],
		['leader', 'lists the subjects of Hoa Sữa', 404, subjectsOf(':primaryBaDinh')],
		['leader', 'creates a subject at Hoa Sữa', 404, newSubject(':primaryBaDinh', 'X')],
		['leader', 'edits a subject of Hoa Sữa', 404, editSubject(':subjectPrimary')],
		// the subject-group head included: they review lesson plans, the leader sets the subjects
		...each(SCHOOL_STAFF, [
			['lists the subjects of their school', 200, subjectsOf(':thcs')],
			['creates a subject', 403, newSubject(':thcs', 'X')],
			['creates a subject group', 403, newGroup(':thcs', 'Tổ X')],
			['edits Toán', 403, editSubject(':subjectThcs')]
		]),
		// as with school years: the list follows the school, a subject's own route does not
		...each(FAMILY, [
			['lists the subjects of their school', 200, subjectsOf(':thcs')],
			['creates a subject', 403, newSubject(':thcs', 'X')],
			['edits Toán', 404, editSubject(':subjectThcs')]
		]),
		...each(COMMUNITY, [
			['lists the subjects of a school', 404, subjectsOf(':thcs')],
			['creates a subject group', 404, newGroup(':thcs', 'Tổ X')],
			['edits Toán', 404, editSubject(':subjectThcs')]
		])
	],

	classes: [
		['admin', 'reads 1A of Hoa Sữa', 200, GET('/api/v1/classes/:class1A')],
		['admin', 'creates a class at Hoa Sữa', 201, newClass(':yearPrimary', '1B')],
		['admin', 'creates a class whose name is taken', 409, newClass(':yearThcs', '6A1')],
		['city', 'reads 7A1', 200, GET('/api/v1/classes/:class7A1')],
		['city', 'creates a class', 403, newClass(':yearThcs', '9A4')],
		['city', 'edits 7A1', 403, PATCH('/api/v1/classes/:class7A1', { name: '7A9' })],
		['unit', 'reads 7A1', 200, GET('/api/v1/classes/:class7A1')],
		['unit', 'reads 1A of Hoa Sữa', 404, GET('/api/v1/classes/:class1A')],
		['unit', 'creates a class in a school of the unit', 403, newClass(':yearThcs', '9A3')],
		['unit', 'edits 7A1', 403, PATCH('/api/v1/classes/:class7A1', { name: '7A9' })],
		['leader', 'reads 7A1', 200, GET('/api/v1/classes/:class7A1')],
		['leader', 'creates a class in their school', 201, newClass(':yearThcs', '9A2')],
		['leader', 'edits 7A1 (to its own name)', 200, PATCH('/api/v1/classes/:class7A1', { name: '7A1' })],
		['leader', 'reads 1A of Hoa Sữa', 404, GET('/api/v1/classes/:class1A')],
		['leader', 'creates a class at Hoa Sữa', 404, newClass(':yearPrimary', '1C')],
		['teacher', 'reads 6A1, their class', 200, GET('/api/v1/classes/:class6A1')],
		['teacher', 'reads 7A1, a class of their school', 200, GET('/api/v1/classes/:class7A1')],
		['teacher', 'creates a class in their school', 403, newClass(':yearThcs', '6A9')],
		['teacher', 'edits 6A1', 403, PATCH('/api/v1/classes/:class6A1', { name: '6A9' })],
		['homeroom', 'reads 6A1, their class', 200, GET('/api/v1/classes/:class6A1')],
		['homeroom', 'edits their own class', 403, PATCH('/api/v1/classes/:class6A1', { name: '6A9' })],
		['homeroom', 'reads 1A of Hoa Sữa', 404, GET('/api/v1/classes/:class1A')],
		['grouphead', 'reads 6A2, their class', 200, GET('/api/v1/classes/:class6A2')],
		['grouphead', 'edits 6A2', 403, PATCH('/api/v1/classes/:class6A2', { name: '6A9' })],
		['grouphead', 'reads 1A of Hoa Sữa', 404, GET('/api/v1/classes/:class1A')],
		['counsellor', 'reads 7A1', 200, GET('/api/v1/classes/:class7A1')],
		['counsellor', 'creates a class', 403, newClass(':yearThcs', '6A9')],
		['counsellor', 'reads 1A of Hoa Sữa', 404, GET('/api/v1/classes/:class1A')],
		// parents and learners see the school, not its classes
		...each(FAMILY, [
			['lists classes', 200, EMPTY('/api/v1/classes')],
			['reads 6A1, the child’s (their own) class', 404, GET('/api/v1/classes/:class6A1')],
			['creates a class in their school', 403, newClass(':yearThcs', '6A9')]
		]),
		...each(COMMUNITY, [
			['lists classes', 200, EMPTY('/api/v1/classes')],
			['reads a class', 404, GET('/api/v1/classes/:class6A1')],
			['creates a class', 404, newClass(':yearThcs', '6A9')]
		])
	],

	enrolments: [
		['admin', 'lists the enrolments of 7A1', 200, enrolmentsOf(':class7A1')],
		['admin', 'removes an enrolment', 204, DELETE('/api/v1/enrolments/:leavingEnrolment1')],
		['admin', 'enrols a learner already in a class this year', 409, enrol(':class7A1', ':learner6A1')],
		['city', 'lists the enrolments of 7A1', 404, enrolmentsOf(':class7A1')],
		['city', 'enrols a learner', 403, enrol(':class7A1', ':newLearnerThcs')],
		['unit', 'lists the enrolments of 6A1', 404, enrolmentsOf(':class6A1')],
		['unit', 'enrols a learner', 403, enrol(':class7A1', ':newLearnerThcs')],
		['leader', 'lists the enrolments of 7A1', 200, enrolmentsOf(':class7A1')],
		['leader', 'enrols a new learner in 7A1', 201, enrol(':class7A1', ':newLearnerThcs')],
		['leader', 'removes an enrolment', 204, DELETE('/api/v1/enrolments/:leavingEnrolment2')],
		['leader', 'lists the enrolments of 1A of Hoa Sữa', 404, enrolmentsOf(':class1A')],
		['leader', 'enrols a learner of another school', 404, enrol(':class1A', ':learner7A1')],
		['teacher', 'lists the enrolments of 6A1', 200, enrolmentsOf(':class6A1')],
		['teacher', 'reads the class list of 6A1', 200, GET('/api/v1/classes/:class6A1/learners')],
		['teacher', 'lists the enrolments of 7A1', 404, enrolmentsOf(':class7A1')],
		['teacher', 'reads the class list of 7A1', 404, GET('/api/v1/classes/:class7A1/learners')],
		['teacher', 'enrols a learner in their class', 403, enrol(':class6A1', ':learner7A1')],
		['teacher', 'removes an enrolment of their class', 403, DELETE('/api/v1/enrolments/:enrolment6A1')],
		['homeroom', 'lists the enrolments of 6A1, their class', 200, enrolmentsOf(':class6A1')],
		['homeroom', 'lists the enrolments of 7A1', 404, enrolmentsOf(':class7A1')],
		['homeroom', 'enrols a learner in their class', 403, enrol(':class6A1', ':learner7A1')],
		['homeroom', 'removes an enrolment of their class', 403, DELETE('/api/v1/enrolments/:enrolment6A1')],
		['grouphead', 'lists the enrolments of 6A2, their class', 200, enrolmentsOf(':class6A2')],
		['grouphead', 'lists the enrolments of 6A1 (not their class)', 404, enrolmentsOf(':class6A1')],
		['grouphead', 'enrols a learner in their class', 403, enrol(':class6A2', ':learner7A1')],
		// the counsellor reads every learner of the school, but holds no class
		['counsellor', 'lists the enrolments of 7A1', 404, enrolmentsOf(':class7A1')],
		['counsellor', 'enrols a learner', 403, enrol(':class7A1', ':newLearnerThcs')],
		['counsellor', 'removes an enrolment', 404, DELETE('/api/v1/enrolments/:enrolment6A1')],
		...each([...FAMILY, ...COMMUNITY], [
			['lists the enrolments of 6A1', 404, enrolmentsOf(':class6A1')],
			['enrols a learner in 6A1', 404, enrol(':class6A1', ':newLearnerThcs')],
			['removes an enrolment', 404, DELETE('/api/v1/enrolments/:enrolment6A1')]
		])
	],

	people: [
		['admin', 'reads a learner of 7A1', 200, GET('/api/v1/people/:learner7A1')],
		['admin', 'reads a teacher of Hoa Sữa', 200, GET('/api/v1/people/:staffPrimary')],
		['admin', 'creates a teacher at Hoa Sữa', 201, newPerson('staff', ':primaryBaDinh', { staffCode: 'GV-HS-002' })],
		['admin', 'creates a teacher whose staff code is taken', 409, newPerson('staff', ':primaryBaDinh', { staffCode: 'GV-HS-001' })],
		// the officers: colleagues, never learners nor families
		...each(['city', 'unit'], [
			['reads a teacher of THCS Bình Yên', 200, GET('/api/v1/people/:staffThcs')],
			['reads a learner of 6A1', 404, GET('/api/v1/people/:learner6A1')],
			['reads a parent of 6A1', 404, GET('/api/v1/people/:parentOf6A1')],
			['edits a teacher', 403, PATCH('/api/v1/people/:staffThcs', { phone: '0' })],
			['edits a learner', 404, PATCH('/api/v1/people/:learner6A1', { phone: '0' })],
			['creates a teacher', 403, newPerson('staff', ':thcs')]
		]),
		['city', 'reads a teacher of Hoa Sữa', 200, GET('/api/v1/people/:staffPrimary')],
		['unit', 'reads a teacher of Hoa Sữa (Ba Đình)', 404, GET('/api/v1/people/:staffPrimary')],
		// the school leader: everyone of the school
		['leader', 'reads a learner of 7A1', 200, GET('/api/v1/people/:learner7A1')],
		['leader', 'reads a parent of 7A1', 200, GET('/api/v1/people/:parentOf7A1')],
		['leader', 'reads a teacher', 200, GET('/api/v1/people/:staffThcs')],
		['leader', 'edits a learner', 200, PATCH('/api/v1/people/:learner7A1', { phone: '0911111111' })],
		['leader', 'creates a learner', 201, newPerson('learner', ':thcs')],
		['leader', 'deletes a leaving colleague', 204, DELETE('/api/v1/people/:leavingStaff')],
		['leader', 'reads a teacher of Hoa Sữa', 404, GET('/api/v1/people/:staffPrimary')],
		['leader', 'edits a teacher of Hoa Sữa', 404, PATCH('/api/v1/people/:staffPrimary', { phone: '0' })],
		['leader', 'creates a person at Hoa Sữa', 403, newPerson('staff', ':primaryBaDinh')],
		// teachers: colleagues, and the learners and parents of their classes only; they change no one
		['teacher', 'reads a learner of 6A1', 200, GET('/api/v1/people/:learner6A1')],
		['teacher', 'reads a parent of 6A1', 200, GET('/api/v1/people/:parentOf6A1')],
		['teacher', 'reads a colleague', 200, GET('/api/v1/people/:staffThcs')],
		['teacher', 'reads a learner of 7A1', 404, GET('/api/v1/people/:learner7A1')],
		['teacher', 'reads a parent of 7A1', 404, GET('/api/v1/people/:parentOf7A1')],
		['teacher', 'reads a teacher of Hoa Sữa', 404, GET('/api/v1/people/:staffPrimary')],
		['teacher', 'edits a learner of their class', 403, PATCH('/api/v1/people/:learner6A1', { phone: '0' })],
		['teacher', 'deletes a colleague', 403, DELETE('/api/v1/people/:staffThcs')],
		['homeroom', 'reads a learner of 6A1, their class', 200, GET('/api/v1/people/:learner6A1')],
		['homeroom', 'reads a parent of 6A1', 200, GET('/api/v1/people/:parentOf6A1')],
		['homeroom', 'reads a learner of 7A1', 404, GET('/api/v1/people/:learner7A1')],
		['homeroom', 'edits a learner of their class', 403, PATCH('/api/v1/people/:learner6A1', { phone: '0' })],
		['homeroom', 'creates a learner', 403, newPerson('learner', ':thcs')],
		['grouphead', 'reads a learner of 6A2, their class', 200, GET('/api/v1/people/:learner6A2')],
		['grouphead', 'reads a colleague', 200, GET('/api/v1/people/:staffThcs')],
		['grouphead', 'reads a learner of 6A1 (not their class)', 404, GET('/api/v1/people/:learner6A1')],
		['grouphead', 'edits a colleague', 403, PATCH('/api/v1/people/:staffThcs', { phone: '0' })],
		['counsellor', 'reads a learner of 7A1', 200, GET('/api/v1/people/:learner7A1')],
		['counsellor', 'reads a parent of 7A1', 200, GET('/api/v1/people/:parentOf7A1')],
		['counsellor', 'reads a teacher of Hoa Sữa', 404, GET('/api/v1/people/:staffPrimary')],
		['counsellor', 'edits a learner', 403, PATCH('/api/v1/people/:learner7A1', { phone: '0' })],
		['counsellor', 'creates a learner', 403, newPerson('learner', ':thcs')],
		// families: themselves and the children; the community: themselves
		['parent', 'reads their child', 200, GET('/api/v1/people/:child')],
		['parent', 'reads another learner of the same class', 404, GET('/api/v1/people/:learner6A1')],
		['parent', 'reads a teacher', 404, GET('/api/v1/people/:staffThcs')],
		['parent', 'edits their child', 403, PATCH('/api/v1/people/:child', { phone: '0' })],
		['learner', 'reads a classmate', 404, GET('/api/v1/people/:learner6A1')],
		['learner', 'reads their parent', 404, GET('/api/v1/people/:parentMe')],
		...each([...FAMILY, ...COMMUNITY], [
			['reads themselves', 200, GET('/api/v1/people/:me')],
			['edits themselves', 403, PATCH('/api/v1/people/:me', { phone: '0' })],
			['creates a person', 403, newPerson('learner', ':thcs')]
		]),
		...each(COMMUNITY, [
			['reads a learner', 404, GET('/api/v1/people/:learner6A1')],
			['reads a teacher', 404, GET('/api/v1/people/:staffThcs')]
		])
	],

	'role grants': [
		// everyone reads their own roles
		...DEMO_LOGINS.map((l): Case => [l.username, 'reads their own roles', 200, OWN_ROLES]),
		// only the administrator, the officers and the leader grant, and only what is theirs to give
		...each(SCHOOL_STAFF, [
			['grants a colleague teacher of 7A1', 403, grantTo(':newStaffThcs', 'teacher', 'class', ':class7A1')],
			['revokes a colleague’s role', 403, revoke(':newStaffThcs', ':grantTeacherThcs')],
			['revokes their own role', 403, revoke(':me', ':myGrant')]
		]),
		['parent', 'makes themselves the parent of a classmate', 403, grantTo(':me', 'parent', 'learner', ':learner6A1')],
		['learner', 'makes themselves a school leader', 403, grantTo(':me', 'school_leader', 'school', ':thcs')],
		...each(FAMILY, [['revokes their own role', 403, revoke(':me', ':myGrant')]]),
		...each(COMMUNITY, [
			['makes themselves a city officer', 403, grantTo(':me', 'city_officer', 'city')],
			['grants a learner a role', 404, grantTo(':learner6A1', 'mentor', 'city')],
			['revokes their own role', 403, revoke(':me', ':myGrant')]
		]),
		['leader', 'grants a colleague teacher of 7A1', 201, grantTo(':newStaffThcs', 'teacher', 'class', ':class7A1')],
		['leader', 'revokes a colleague’s teacher role', 204, revoke(':newStaffThcs', ':grantTeacherThcs')],
		['leader', 'grants school leader of THPT Sông Hồng', 403, grantTo(':newStaffThcs', 'school_leader', 'school', ':thpt')],
		['leader', 'grants unit officer', 403, grantTo(':newStaffThcs', 'unit_officer', 'org_unit', ':unitThachThat')],
		['leader', 'grants a role to a teacher of Hoa Sữa', 404, grantTo(':staffPrimary', 'teacher', 'school', ':thcs')],
		['unit', 'grants school leader of Liên cấp Sao Mai (in the unit)', 201, grantTo(':newStaffThcs', 'school_leader', 'school', ':lc')],
		['unit', 'revokes school leader of THCS Bình Yên', 204, revoke(':newStaffThcs', ':grantLeaderThcs')],
		['unit', 'grants school leader of a school of Ba Đình', 403, grantTo(':newStaffThcs', 'school_leader', 'school', ':primaryBaDinh')],
		['unit', 'grants a teacher role', 403, grantTo(':newStaffThcs', 'teacher', 'school', ':thcs')],
		['unit', 'revokes a role of someone in Ba Đình', 404, revoke(':newStaffPrimary', ':grantLeaderPrimary')],
		['city', 'grants school leader of THPT Sông Hồng', 201, grantTo(':newStaffPrimary', 'school_leader', 'school', ':thpt')],
		['city', 'revokes school leader of Hoa Sữa', 204, revoke(':newStaffPrimary', ':grantLeaderPrimary')],
		['city', 'grants a teacher role (not the city’s to give)', 403, grantTo(':newStaffPrimary', 'teacher', 'school', ':primaryBaDinh')],
		['city', 'grants a role to a learner (whom it may not see)', 404, grantTo(':learner6A1', 'mentor', 'city')],
		['admin', 'grants a teacher role at Hoa Sữa', 201, grantTo(':newStaffPrimary', 'teacher', 'school', ':primaryBaDinh')],
		['admin', 'revokes a counsellor role', 204, revoke(':newStaffPrimary', ':grantCounsellorPrimary')],
		['admin', 'grants a role the person already holds', 409, grantTo(':teacherMe', 'teacher', 'school', ':thcs')]
	],

	accounts: [
		// everyone reads their own account
		...DEMO_LOGINS.map((l): Case => [l.username, 'reads their own account', 200, OWN_ACCOUNT]),
		['admin', 'opens an account for a teacher of Hoa Sữa', 201, openAccount(':newStaffPrimary', 'phan.que')],
		['admin', 'resets their own password through the administrators’ route', 403, resetPassword(':me')],
		['leader', 'reads a colleague’s account', 200, SEES('/api/v1/people/:teacherMe', (b) => expect(b.account.username).toBe('teacher'))],
		['leader', 'opens an account for a colleague', 201, openAccount(':newStaffThcs', 'trinh.minh')],
		['leader', 'resets that colleague’s password', 204, resetPassword(':newStaffThcs')],
		['leader', 'opens an account for a teacher of Hoa Sữa', 404, openAccount(':staffPrimary', 'vu.hoa')],
		['leader', 'resets their own password through the leaders’ route', 403, resetPassword(':me')],
		// whoever reads a person but not their account sees the record without it
		...each(['city', 'unit', ...SCHOOL_STAFF], [
			['sees no account on a colleague’s record', 200, WITHHELD('/api/v1/people/:leaderMe', 'account')],
			['opens an account for a colleague', 404, openAccount(':leaderMe', 'x.colleague')],
			['resets a colleague’s password', 404, resetPassword(':leaderMe')]
		]),
		['parent', 'sees no account on their child’s record', 200, WITHHELD('/api/v1/people/:child', 'account')],
		['parent', 'opens an account for their child', 404, openAccount(':child', 'x.child')],
		...each(['learner', ...COMMUNITY], [
			['opens an account for a learner', 404, openAccount(':learner6A1', 'x.learner')],
			['resets someone’s password', 404, resetPassword(':parentMe')]
		])
	],

	audit: [
		...each(['admin', 'city', 'unit', 'leader'], [
			['reads the audit log', 200, GET('/api/v1/audit')],
			['writes into the audit log (nobody can)', 405, POST('/api/v1/audit', { action: 'x' })]
		]),
		...each([...SCHOOL_STAFF, ...FAMILY, ...COMMUNITY], [['reads the audit log', 403, GET('/api/v1/audit')]])
	]
};

describe.each(Object.entries(matrix))('%s', (_kind, cases) => {
	it.each(cases)('%s %s → %i', async (role, _what, status, send) => {
		const res = await send(as[role], role);
		expect(res.status).toBe(status);
		if (status === 403 || status === 404) expect((await res.json()).error.code).toBe(status === 404 ? 'not_found' : 'forbidden');
	});
});

/** Role and kind where the policy gives the role no right at all, so there is no allowed case to write. */
const NO_RIGHT: Record<string, string[]> = {
	'org units': ['leader', ...SCHOOL_STAFF, ...FAMILY, ...COMMUNITY], // the leader's org_unit rule is `within` the school, where no unit lies
	schools: COMMUNITY,
	'school years': COMMUNITY,
	'subjects and subject groups': COMMUNITY,
	classes: [...FAMILY, ...COMMUNITY],
	enrolments: ['city', 'unit', 'counsellor', ...FAMILY, ...COMMUNITY],
	audit: [...SCHOOL_STAFF, ...FAMILY, ...COMMUNITY]
};

it('the matrix is complete: every role has a denied case for every kind, and an allowed one unless the policy gives it nothing there', () => {
	for (const [kind, cases] of Object.entries(matrix))
		for (const { username } of DEMO_LOGINS) {
			const mine = cases.filter(([role]) => role === username);
			const allowed = mine.some(([, , status, send]) => status < 300 && !send.seesNothing);
			const denied = mine.some(([, , status, send]) => status >= 400 || send.seesNothing);
			expect({ kind, username, allowed, denied }).toEqual({ kind, username, allowed: !NO_RIGHT[kind]?.includes(username), denied: true });
		}
});

