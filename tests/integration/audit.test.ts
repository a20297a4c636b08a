import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { auditLog } from '#lib/server/audit/schema';
import { accounts, roleGrants } from '#lib/server/people/schema';

// Every change to people, roles and accounts writes its audit record — who, what, before, after —
// in the transaction of the change: a change that fails leaves no record, and a record that cannot
// be written undoes the change.
let app: TestApp;
let leader: Client;
let leaderId: string, schoolId: string;
beforeAll(async () => {
	app = await startApp();
	leader = await app.loginAs('leader');
	leaderId = (await (await leader.get('/api/v1/me')).json()).person.id;
	schoolId = (await (await leader.get('/api/v1/schools')).json()).items.find((s: { code: string }) => s.code === 'THCS-BINHYEN').id;
});
afterAll(() => app?.close());

const auditsOf = (entityId: string) => app.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
const countAudits = async () => (await app.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
const newStaff = async (code: string) =>
	(await (await leader.post('/api/v1/people', { kind: 'staff', familyName: 'Vũ', middleName: 'Thu', givenName: 'Hà', staffCode: code, schoolId })).json()) as { id: string };

describe('audit records written through the API', () => {
	it('granting and revoking a role: who, the action, the grant after and before', async () => {
		const person = await newStaff('GV-AUDIT-1');
		const granted = await leader.post(`/api/v1/people/${person.id}/roles`, { role: 'teacher', scopeType: 'school', scopeId: schoolId });
		expect(granted.status).toBe(201);
		const grant = await granted.json();
		expect((await leader.delete(`/api/v1/people/${person.id}/roles/${grant.id}`)).status).toBe(204);
		const [g, r] = await auditsOf(grant.id);
		expect(g).toMatchObject({ action: 'grant', entityType: 'role_grant', actorId: leaderId, schoolId, scopePath: expect.stringContaining(`/${schoolId}/`), before: null, after: { id: grant.id, personId: person.id, role: 'teacher', scopeType: 'school' } });
		expect(r).toMatchObject({ action: 'revoke', entityType: 'role_grant', actorId: leaderId, before: { id: grant.id, role: 'teacher' }, after: null });
		// The API shows the leader the same records.
		const listed = (await (await leader.get('/api/v1/audit?entityType=role_grant&limit=100')).json()).items.filter((a: { entityId: string }) => a.entityId === grant.id);
		expect(listed.map((a: { action: string }) => a.action)).toEqual(['revoke', 'grant']);
	});

	it('linking a guardian: the guardian, the learner and the relation', async () => {
		const guardian = await (await leader.post('/api/v1/people', { kind: 'guardian', familyName: 'Ngô', givenName: 'Bình', schoolId })).json();
		const learner = (await (await leader.get(`/api/v1/people?kind=learner&schoolId=${schoolId}`)).json()).items[0];
		expect((await leader.post(`/api/v1/people/${guardian.id}/guardianships`, { learnerId: learner.id, relation: 'father' })).status).toBe(201);
		const link = (await auditsOf(guardian.id)).find((a) => a.action === 'link_guardian');
		expect(link).toMatchObject({ actorId: leaderId, entityType: 'person', schoolId, after: { guardianId: guardian.id, learnerId: learner.id, relation: 'father' } });
	});

	it('creating an account: the username and email, never the password hash', async () => {
		const person = await newStaff('GV-AUDIT-2');
		const res = await leader.post(`/api/v1/people/${person.id}/account`, { username: 'ha.vu', email: 'ha.vu@sen.test', password: 'giao-vien-2026' });
		expect(res.status).toBe(201);
		const account = await res.json();
		const [a] = await auditsOf(account.id);
		expect(a).toMatchObject({ action: 'create', entityType: 'account', actorId: leaderId, before: null, after: { id: account.id, username: 'ha.vu', email: 'ha.vu@sen.test' } });
		expect(JSON.stringify(a.after)).not.toMatch(/argon2|passwordHash/);
	});
});

describe('a failed change writes no audit record', () => {
	it('a refused, a conflicting and an invalid change leave the audit log as it was', async () => {
		const person = await newStaff('GV-AUDIT-3');
		await leader.post(`/api/v1/people/${person.id}/roles`, { role: 'teacher', scopeType: 'school', scopeId: schoolId });
		const before = await countAudits();
		expect((await leader.post(`/api/v1/people/${person.id}/roles`, { role: 'system_admin', scopeType: 'city' })).status).toBe(403);
		expect((await leader.post(`/api/v1/people/${person.id}/roles`, { role: 'teacher', scopeType: 'school', scopeId: schoolId })).status).toBe(409);
		expect((await leader.post(`/api/v1/people/${person.id}/account`, { username: 'leader', password: 'giao-vien-2026' })).status).toBe(409);
		expect((await leader.post(`/api/v1/people/${person.id}/account`, { username: 'x', password: 'short' })).status).toBe(400);
		const teacher = await app.loginAs('teacher');
		expect((await teacher.post(`/api/v1/people/${person.id}/roles`, { role: 'teacher', scopeType: 'school', scopeId: schoolId })).status).toBe(403);
		expect(await countAudits()).toBe(before);
	});

	it('rolls back together: when the audit record cannot be written, the change is undone too', async () => {
		const person = await newStaff('GV-AUDIT-4');
		// Make writing the audit record of a grant fail, after the grant row itself was inserted.
		await app.db.execute(sql.raw(`create function audit_fail() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`));
		await app.db.execute(sql.raw(`create trigger audit_fail before insert on audit_log for each row when (new.action in ('grant', 'create')) execute function audit_fail()`));
		try {
			const grant = await leader.post(`/api/v1/people/${person.id}/roles`, { role: 'counsellor', scopeType: 'school', scopeId: schoolId });
			expect(grant.status).toBe(500);
			expect((await grant.json()).error.code).toBe('internal');
			const account = await leader.post(`/api/v1/people/${person.id}/account`, { username: 'rollback.test', password: 'giao-vien-2026' });
			expect(account.status).toBe(500);
		} finally {
			await app.db.execute(sql.raw('drop trigger audit_fail on audit_log'));
			await app.db.execute(sql.raw('drop function audit_fail()'));
		}
		expect(await app.db.select().from(roleGrants).where(and(eq(roleGrants.personId, person.id), eq(roleGrants.role, 'counsellor')))).toEqual([]);
		expect(await app.db.select().from(accounts).where(eq(accounts.personId, person.id))).toEqual([]);
		// With the audit log back, the same change goes through, record and all.
		const again = await leader.post(`/api/v1/people/${person.id}/roles`, { role: 'counsellor', scopeType: 'school', scopeId: schoolId });
		expect(again.status).toBe(201);
		expect(await auditsOf((await again.json()).id)).toHaveLength(1);
	});
});
