/**
 * The community network through the HTTP API on a real database, with the demo: `mentor`,
 * `alumnus` and `partner` are vetted members at the city; `city` vets there; `leader` leads
 * THCS Bình Yên (Xã Thạch Thất), where `teacher` teaches 6A1. Added here: `leader2` (THPT Sông
 * Hồng, another unit) and the people who register or are invited in the tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { notifications } from '#lib/server/notifications/schema';
import { networkMembers } from '#lib/server/network/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string, thcsPath: string, cityPath: string;
const PASSWORD = 'Gom-BatTrang-2026';

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const issues = async (res: Response) => {
	const body = await ok(res, 400);
	return (body.error.details.issues as { path: string }[]).map((i) => i.path);
};
const names = (items: { name: string }[]) => items.map((x) => x.name);
const registration = (over: Record<string, unknown> = {}) => ({
	fullName: 'Đỗ Thị Hằng',
	email: 'hang.do@gomviet.vn',
	phone: '0901234567',
	kind: 'mentor',
	organisation: 'Xưởng gốm Đỗ Hằng',
	title: 'Nghệ nhân gốm',
	offers: ['mentoring', 'talk'],
	areas: 'gốm, mỹ thuật',
	consentContact: true,
	codeOfConduct: true,
	password: PASSWORD,
	...over
});
const vetting = (over: Record<string, unknown> = {}) => ({ identityChecked: true, identityNote: 'CCCD 001', backgroundCheck: 'done', backgroundCheckedOn: '2026-11-28', codeOfConductConfirmed: true, decision: 'vetted', note: '', ...over });

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	thcsPath = thcs.path;
	cityPath = '/' + thcs.path.split('/')[1] + '/';
	[{ id: c6a1 }] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
	for (const u of ['teacher', 'mentor', 'alumnus', 'partner', 'leader', 'city']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: other.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['teacher', 'mentor', 'alumnus', 'partner', 'leader', 'leader2', 'city', 'unit', 'learner', 'parent']) as[u] = await app.loginAs(u);
	for (const u of ['mentor', 'alumnus', 'partner']) [{ id: id[`${u}Member`] }] = await app.db.select().from(networkMembers).where(eq(networkMembers.personId, id[u]));
});
afterAll(() => app?.close());

describe('registering at /network/join (public)', () => {
	it('creates a community account and a pending member at the city, with no role', async () => {
		expect(await ok(await app.request('POST', '/api/v1/network/registrations', { body: registration() }), 202)).toEqual({ received: true });
		const [mb] = await app.db.select().from(networkMembers).innerJoin(persons, eq(persons.id, networkMembers.personId)).where(eq(persons.email, 'hang.do@gomviet.vn'));
		expect(mb.network_members).toMatchObject({ status: 'pending', kind: 'mentor', path: cityPath, consentContact: true, codeOfConductVersion: expect.any(String) });
		expect(mb.persons).toMatchObject({ kind: 'community', familyName: 'Đỗ', middleName: 'Thị', givenName: 'Hằng' });
		expect(mb.network_members.codeOfConductAgreedAt).not.toBeNull();
		id.hang = mb.persons.id;
		id.hangMember = mb.network_members.id;
		expect(await app.db.select().from(roleGrants).where(eq(roleGrants.personId, id.hang))).toEqual([]);
		// The city officer, who vets at the city, is told.
		expect((await app.db.select().from(notifications).where(and(eq(notifications.personId, id.city), eq(notifications.kind, 'network_registration')))).length).toBe(1);
		as.hang = await app.loginAs('hang.do@gomviet.vn', PASSWORD);
		expect(await ok(await as.hang.get('/api/v1/network/me'))).toMatchObject({ id: id.hangMember, status: 'pending', own: true, mayVet: false });
	});

	it('answers the same for an email that already has an account (no enumeration), emailing its owner instead', async () => {
		expect(await ok(await app.request('POST', '/api/v1/network/registrations', { body: registration({ fullName: 'Ai Đó', email: 'HANG.DO@gomviet.vn' }) }), 202)).toEqual({ received: true });
		expect(await ok(await app.request('POST', '/api/v1/network/registrations', { body: registration({ fullName: 'Ai Đó', email: 'teacher@sen.test' }) }), 202)).toEqual({ received: true });
		expect((await app.db.select().from(persons).where(eq(persons.familyName, 'Ai'))).length).toBe(0);
		const mails = await app.db.select().from(outbox).where(eq(outbox.recipient, 'teacher@sen.test'));
		expect(mails.filter((x) => x.body.includes('/forgot-password')).length).toBe(1);
		// Trying again within the hour answers the same and sends nothing more.
		expect(await ok(await app.request('POST', '/api/v1/network/registrations', { body: registration({ fullName: 'Ai Đó', email: 'teacher@sen.test' }) }), 202)).toEqual({ received: true });
		expect((await app.db.select().from(outbox).where(eq(outbox.recipient, 'teacher@sen.test'))).length).toBe(mails.length);
	});

	it('should fail with 400 without the code of conduct, with a weak password or a bad email', async () => {
		expect(await issues(await app.request('POST', '/api/v1/network/registrations', { body: registration({ email: 'x1@example.vn', codeOfConduct: false }) }))).toContain('codeOfConduct');
		expect(await issues(await app.request('POST', '/api/v1/network/registrations', { body: registration({ email: 'x2@example.vn', password: 'abcdefghij' }) }))).toEqual(['password']);
		expect(await issues(await app.request('POST', '/api/v1/network/registrations', { body: registration({ email: 'not-an-email' }) }))).toEqual(['email']);
	});

	it('a pending member edits their own profile but searches nothing and sees no engagements', async () => {
		expect(await ok(await as.hang.patch(`/api/v1/network/members/${id.hangMember}`, { areas: 'gốm men lam, mỹ thuật' }))).toMatchObject({ areas: 'gốm men lam, mỹ thuật' });
		await ok(await as.hang.get('/api/v1/network/members'), 403);
		await ok(await as.hang.get('/api/v1/network/engagements'), 403);
		await ok(await as.hang.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting()), 403); // never one's own
		await ok(await as.teacher.get('/api/v1/network/me'), 404);
	});
});

describe('search by schools', () => {
	it('shows school staff the vetted, consenting members, never the pending one; by text ignoring diacritics, offer and kind', async () => {
		const all = (await ok(await as.teacher.get('/api/v1/network/members'))).items;
		expect(all.map((x: { id: string }) => x.id).sort()).toEqual([id.mentorMember, id.alumnusMember, id.partnerMember].sort());
		expect((await ok(await as.teacher.get('/api/v1/network/members?q=GOM BAT TRANG'))).items.map((x: { id: string }) => x.id)).toEqual([id.partnerMember]);
		expect((await ok(await as.teacher.get('/api/v1/network/members?offer=hosting_visit'))).items.map((x: { id: string }) => x.id)).toEqual([id.partnerMember]);
		expect((await ok(await as.teacher.get('/api/v1/network/members?kind=alumnus'))).items.map((x: { id: string }) => x.id)).toEqual([id.alumnusMember]);
		await ok(await as.teacher.get(`/api/v1/network/members/${id.hangMember}`), 404);
		await ok(await as.leader2.get(`/api/v1/network/members/${id.hangMember}`), 404);
	});

	it('shows contact details to staff within the member’s vetting path', async () => {
		const one = await ok(await as.teacher.get(`/api/v1/network/members/${id.partnerMember}`));
		expect(one.contact.email).toBe('partner@sen.test');
		expect(one.vetting).toEqual([]); // the history is the vetters'
		expect(one.mayRequest).toBe(true);
		expect((await ok(await as.city.get(`/api/v1/network/members/${id.partnerMember}`))).vetting.length).toBe(1);
	});

	it('gives learners, parents and community members no search', async () => {
		for (const u of ['learner', 'parent']) await ok(await as[u].get('/api/v1/network/members'), 403);
		// A member reads only themselves.
		expect((await ok(await as.mentor.get('/api/v1/network/members'))).items.map((x: { id: string }) => x.id)).toEqual([id.mentorMember]);
		await ok(await as.mentor.get(`/api/v1/network/members/${id.partnerMember}`), 404);
	});
});

describe('vetting', () => {
	it('only a vetter within the member’s path vets: not a teacher, not a school leader or unit officer below the city', async () => {
		await ok(await as.teacher.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting()), 404);
		await ok(await as.leader.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting()), 404);
		await ok(await as.unit.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting()), 404);
		// A teacher may read a vetted member but not vet them.
		await ok(await as.teacher.post(`/api/v1/network/members/${id.partnerMember}/suspension`, { note: 'x' }), 403);
	});

	it('should fail with 400 without the code of conduct, the identity check, or the background check’s date', async () => {
		expect(await issues(await as.city.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting({ codeOfConductConfirmed: false })))).toEqual(['codeOfConductConfirmed']);
		expect(await issues(await as.city.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting({ identityChecked: false })))).toEqual(['identityChecked']);
		expect(await issues(await as.city.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting({ backgroundCheckedOn: null })))).toEqual(['backgroundCheckedOn']);
		expect((await ok(await as.city.get(`/api/v1/network/members/${id.hangMember}`))).status).toBe('pending');
	});

	it('grants the mentor role at the city on vetting, audited, and tells the member; schools now find them', async () => {
		expect(await ok(await as.city.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting()), 201)).toMatchObject({ decision: 'vetted', status: 'vetted', decidedBy: id.city });
		const grants = await app.db.select().from(roleGrants).where(eq(roleGrants.personId, id.hang));
		expect(grants.map((g) => [g.role, g.scopeType, g.scopePath])).toEqual([['mentor', 'city', cityPath]]);
		const audit = await app.db.select().from(auditLog).where(eq(auditLog.actorId, id.city)).orderBy(desc(auditLog.id)).limit(2);
		expect(audit.map((a) => `${a.entityType}:${a.action}`).sort()).toEqual(['network_member:vet', 'role_grant:grant']);
		expect((await app.db.select().from(notifications).where(and(eq(notifications.personId, id.hang), eq(notifications.kind, 'network_vetting')))).length).toBe(1);
		expect(names((await ok(await as.teacher.get('/api/v1/network/members?q=do thi hang'))).items)).toEqual(['Đỗ Thị Hằng']);
		// Vetting again is not a transition.
		await ok(await as.city.post(`/api/v1/network/members/${id.hangMember}/vetting`, vetting()), 409);
	});

	it('hides the member from schools at once when they withdraw consent, and shows them again when they give it', async () => {
		expect(await ok(await as.hang.patch(`/api/v1/network/members/${id.hangMember}`, { consentContact: false }))).toMatchObject({ consentContact: false, consentedAt: null });
		expect(names((await ok(await as.teacher.get('/api/v1/network/members?q=do thi hang'))).items)).toEqual([]);
		await ok(await as.teacher.get(`/api/v1/network/members/${id.hangMember}`), 404);
		expect((await ok(await as.city.get(`/api/v1/network/members/${id.hangMember}`))).consentContact).toBe(false); // the vetter still sees them
		await ok(await as.hang.patch(`/api/v1/network/members/${id.hangMember}`, { consentContact: true }));
		expect(names((await ok(await as.teacher.get('/api/v1/network/members?q=do thi hang'))).items)).toEqual(['Đỗ Thị Hằng']);
		// Nobody else edits a member's profile, not even the vetter.
		await ok(await as.city.patch(`/api/v1/network/members/${id.hangMember}`, { consentContact: false }), 403);
		await ok(await as.teacher.patch(`/api/v1/network/members/${id.hangMember}`, { areas: 'x' }), 403);
	});
});

describe('invitations', () => {
	let token: string;
	it('a school leader invites by email; the one-time link registers a pending member at the school', async () => {
		await ok(await as.teacher.post('/api/v1/network/invitations', { email: 'tuan@hoptac.vn', kind: 'business' }), 403);
		expect(await ok(await as.leader.post('/api/v1/network/invitations', { email: 'tuan@hoptac.vn', kind: 'business' }), 201)).toMatchObject({ email: 'tuan@hoptac.vn', kind: 'business' });
		const [mail] = await app.db.select().from(outbox).where(eq(outbox.recipient, 'tuan@hoptac.vn'));
		token = /\/network\/invite\/([\w-]+)/.exec(mail.body)![1];
		expect(await ok(await app.request('GET', `/api/v1/network/invitations/${token}`))).toEqual({ email: 'tuan@hoptac.vn', kind: 'business' });
		const body = { fullName: 'Lê Anh Tuấn', phone: '', organisation: 'HTX Rau sạch Thạch Thất', offers: ['hosting_visit'], consentContact: true, codeOfConduct: true, password: PASSWORD };
		const done = await ok(await app.request('POST', `/api/v1/network/invitations/${token}`, { body }), 201);
		expect(done.status).toBe('pending');
		id.tuanMember = done.id;
		await ok(await app.request('POST', `/api/v1/network/invitations/${token}`, { body }), 404);
		await ok(await app.request('GET', `/api/v1/network/invitations/${token}`), 404);
		const [mb] = await app.db.select().from(networkMembers).where(eq(networkMembers.id, id.tuanMember));
		expect(mb.path).toBe(thcsPath);
	});

	it('the school leader vets them for the school (partner contact there); another school never sees them', async () => {
		await ok(await as.leader2.post(`/api/v1/network/members/${id.tuanMember}/vetting`, vetting()), 404);
		expect((await ok(await as.leader.get('/api/v1/network/members?status=pending'))).items.map((x: { id: string }) => x.id)).toEqual([id.tuanMember]);
		await ok(await as.leader.post(`/api/v1/network/members/${id.tuanMember}/vetting`, vetting({ backgroundCheck: 'not_done', backgroundCheckedOn: null })), 201);
		const [mb] = await app.db.select().from(networkMembers).where(eq(networkMembers.id, id.tuanMember));
		const grants = await app.db.select().from(roleGrants).where(eq(roleGrants.personId, mb.personId));
		expect(grants.map((g) => [g.role, g.scopeType, g.scopePath])).toEqual([['partner_contact', 'school', thcsPath]]);
		expect((await ok(await as.teacher.get('/api/v1/network/members?offer=hosting_visit'))).items.length).toBe(2);
		expect((await ok(await as.leader2.get('/api/v1/network/members?offer=hosting_visit'))).items.map((x: { id: string }) => x.id)).toEqual([id.partnerMember]);
	});
});

describe('a project’s outside mentor', () => {
	let project: { id: string }, milestone: { id: string }, team: { id: string };
	it('refuses a person who is not a vetted member, and a pending one', async () => {
		await app.request('POST', '/api/v1/network/registrations', { body: registration({ fullName: 'Phạm Chờ', email: 'cho@example.vn' }) });
		const [pending] = await app.db.select().from(persons).where(eq(persons.email, 'cho@example.vn'));
		const res = await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'x', mentorId: pending.id });
		const body = await ok(res, 400);
		expect(body.error.details.issues[0]).toMatchObject({ path: 'mentorId', message: expect.stringContaining('đã được thẩm định') });
		expect(await issues(await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'x', mentorId: id.teacher }))).toEqual(['mentorId']);
	});

	it('takes a vetted member, who then reads the project and gives feedback', async () => {
		project = await ok(await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'Men lam Bát Tràng' }), 201);
		await ok(await as.hang.get(`/api/v1/projects/${project.id}`), 404);
		expect(await ok(await as.teacher.put(`/api/v1/projects/${project.id}/mentor`, { mentorId: id.hang }))).toMatchObject({ mentorId: id.hang });
		expect((await ok(await as.hang.get(`/api/v1/projects/${project.id}`))).mentorName).toBe('Đỗ Thị Hằng');
		milestone = await ok(await as.teacher.post(`/api/v1/projects/${project.id}/milestones`, { title: 'Thử men', dueOn: '2026-12-20' }), 201);
		const [enr] = await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1)).limit(1);
		team = await ok(await as.teacher.post(`/api/v1/projects/${project.id}/teams`, { name: 'Nhóm Men', learnerIds: [enr.learnerId] }), 201);
		await ok(await as.hang.post(`/api/v1/project-teams/${team.id}/milestones/${milestone.id}/feedback`, { body: 'Thử men tro trấu.' }), 201);
		expect((await app.db.select().from(notifications).where(and(eq(notifications.personId, id.hang), eq(notifications.kind, 'network_mentor')))).length).toBe(1);
		// Only the class's teacher sets it.
		await ok(await as.hang.put(`/api/v1/projects/${project.id}/mentor`, { mentorId: id.hang }), 403);
	});

	it('offers no member who withdrew consent as a mentor, and refuses them, until they consent again', async () => {
		await ok(await as.hang.patch(`/api/v1/network/members/${id.hangMember}`, { consentContact: false }));
		expect(await issues(await as.teacher.put(`/api/v1/projects/${project.id}/mentor`, { mentorId: id.hang }))).toEqual(['mentorId']);
		await ok(await as.hang.patch(`/api/v1/network/members/${id.hangMember}`, { consentContact: true }));
		expect(await ok(await as.teacher.put(`/api/v1/projects/${project.id}/mentor`, { mentorId: id.hang }))).toMatchObject({ mentorId: id.hang });
	});

	it('a suspended member loses the role at once: no more project, and cannot be chosen again', async () => {
		await ok(await as.leader.post(`/api/v1/network/members/${id.hangMember}/suspension`, { note: 'x' }), 403); // sees them, but vets only within the school
		expect(await ok(await as.city.post(`/api/v1/network/members/${id.hangMember}/suspension`, { note: 'Phản ánh của phụ huynh, đang xác minh.' }), 201)).toMatchObject({ decision: 'suspended', status: 'suspended' });
		expect(await app.db.select().from(roleGrants).where(eq(roleGrants.personId, id.hang))).toEqual([]);
		await ok(await as.hang.get(`/api/v1/projects/${project.id}`), 404);
		await ok(await as.hang.post(`/api/v1/project-teams/${team.id}/milestones/${milestone.id}/feedback`, { body: 'x' }), 404);
		expect(await issues(await as.teacher.put(`/api/v1/projects/${project.id}/mentor`, { mentorId: id.hang }))).toEqual(['mentorId']);
		expect(await issues(await as.teacher.post('/api/v1/projects', { classId: c6a1, title: 'y', mentorId: id.hang }))).toEqual(['mentorId']);
		expect(names((await ok(await as.teacher.get('/api/v1/network/members?q=do thi hang'))).items)).toEqual([]);
		// The history keeps every decision.
		expect((await ok(await as.city.get(`/api/v1/network/members/${id.hangMember}`))).vetting.map((v: { decision: string }) => v.decision)).toEqual(['suspended', 'vetted']);
		const revoked = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'role_grant'), eq(auditLog.action, 'revoke')));
		expect(revoked.length).toBe(1);
	});

	it('takes one of two vetting decisions made at once on the same member, refusing the other', async () => {
		const [x, y] = await Promise.all([
			as.city.post(`/api/v1/network/members/${id.partnerMember}/suspension`, { note: 'Một' }),
			as.city.post(`/api/v1/network/members/${id.partnerMember}/suspension`, { note: 'Hai' })
		]);
		expect([x.status, y.status].sort()).toEqual([201, 409]);
		const history = (await ok(await as.city.get(`/api/v1/network/members/${id.partnerMember}`))).vetting.map((v: { decision: string }) => v.decision);
		expect(history.filter((d: string) => d === 'suspended')).toHaveLength(1);
	});
});

describe('requests and engagements', () => {
	let e: { id: string };
	it('a teacher asks a vetted member for one of their offers, for a class; the member is told', async () => {
		expect(await issues(await as.teacher.post('/api/v1/network/engagements', { memberId: id.mentorMember, kind: 'internship', classId: c6a1 }))).toEqual(['kind']);
		await ok(await as.teacher.post('/api/v1/network/engagements', { memberId: id.hangMember, kind: 'talk' }), 404);
		await ok(await as.learner.post('/api/v1/network/engagements', { memberId: id.mentorMember, kind: 'talk' }), 404);
		e = await ok(await as.teacher.post('/api/v1/network/engagements', { memberId: id.mentorMember, kind: 'talk', classId: c6a1, message: 'Nói chuyện về vật liệu gốm cho lớp 6A1.', proposedOn: '2026-12-15' }), 201);
		expect(e).toMatchObject({ status: 'requested', forLabel: '6A1', path: thcsPath, requestedBy: id.teacher });
		expect((await app.db.select().from(notifications).where(and(eq(notifications.personId, id.mentor), eq(notifications.kind, 'network_request')))).length).toBe(1);
	});

	it('is seen by the member, the school’s staff and leader and the officers; not by another member or another school', async () => {
		for (const u of ['mentor', 'teacher', 'leader', 'city', 'unit']) expect((await ok(await as[u].get('/api/v1/network/engagements'))).items.map((x: { id: string }) => x.id)).toEqual([e.id]);
		for (const u of ['alumnus', 'leader2']) expect((await ok(await as[u].get('/api/v1/network/engagements'))).items).toEqual([]);
		await ok(await as.alumnus.get(`/api/v1/network/engagements/${e.id}`), 404);
		await ok(await as.leader2.get(`/api/v1/network/engagements/${e.id}`), 404);
		await ok(await as.learner.get('/api/v1/network/engagements'), 403);
	});

	it('only the member answers; only the school records the outcome, after acceptance; each side is told', async () => {
		await ok(await as.teacher.post(`/api/v1/network/engagements/${e.id}/answer`, { decision: 'accepted' }), 403);
		await ok(await as.mentor.post(`/api/v1/network/engagements/${e.id}/outcome`, { status: 'done', outcome: 'x' }), 403);
		await ok(await as.teacher.post(`/api/v1/network/engagements/${e.id}/outcome`, { status: 'done', outcome: 'x' }), 409);
		expect(await ok(await as.mentor.post(`/api/v1/network/engagements/${e.id}/answer`, { decision: 'accepted', response: 'Tôi sẽ đến lúc 8 giờ.' }))).toMatchObject({ status: 'accepted' });
		expect((await app.db.select().from(notifications).where(and(eq(notifications.personId, id.teacher), eq(notifications.kind, 'network_answer')))).length).toBe(1);
		await ok(await as.mentor.post(`/api/v1/network/engagements/${e.id}/answer`, { decision: 'declined' }), 409);
		expect(await issues(await as.teacher.post(`/api/v1/network/engagements/${e.id}/outcome`, { status: 'done', outcome: '' }))).toEqual(['outcome']);
		expect(await ok(await as.teacher.post(`/api/v1/network/engagements/${e.id}/outcome`, { status: 'done', outcome: 'Các em làm thí nghiệm nung đất sét.', rating: 5 }))).toMatchObject({ status: 'done', rating: 5 });
		expect((await ok(await as.mentor.get(`/api/v1/network/engagements?memberId=${id.mentorMember}`))).items[0]).toMatchObject({ status: 'done', outcome: 'Các em làm thí nghiệm nung đất sét.', schoolName: 'Trường THCS Bình Yên' });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'engagement'), eq(auditLog.entityId, e.id)));
		expect(audit.map((a) => a.action).sort()).toEqual(['accept', 'complete', 'request']);
	});

	it('the member declines, the school cancels', async () => {
		const a = await ok(await as.leader.post('/api/v1/network/engagements', { memberId: id.alumnusMember, kind: 'mentoring', forLabel: 'CLB Tin học' }), 201);
		expect(a.forLabel).toBe('CLB Tin học');
		await ok(await as.teacher.post(`/api/v1/network/engagements/${a.id}/outcome`, { status: 'cancelled', outcome: '' }), 403); // not the requester, not the leader
		expect((await ok(await as.alumnus.post(`/api/v1/network/engagements/${a.id}/answer`, { decision: 'declined', response: 'Tháng này tôi bận.' }))).status).toBe('declined');
		const b = await ok(await as.leader.post('/api/v1/network/engagements', { memberId: id.alumnusMember, kind: 'talk' }), 201);
		expect((await ok(await as.leader.post(`/api/v1/network/engagements/${b.id}/outcome`, { status: 'cancelled', outcome: '' }))).status).toBe('cancelled');
	});
});
