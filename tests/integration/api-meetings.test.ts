/**
 * Online meetings through the HTTP API on a real database, with the demo school THCS Bình Yên:
 * `teacher` teaches 6A1 and 6A2, `homeroom` is 6A1's homeroom teacher, `learner` is in 6A1 and
 * `parent` is their mother, `leader` leads the school. Added here: `learner7a1` (a learner of a
 * class the teacher does not teach) and `leader2` (the leader of THPT Sông Hồng).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, guardianships, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { meetingAttendance, meetingInvitations } from '#lib/server/events/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let thcs: typeof schools.$inferSelect;
let c6a1: string, c7a1: string, learners6a1: string[], parents6a1: string[];

beforeAll(async () => {
	app = await startApp();
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c7a1 = cls.find((c) => c.name === '7A1')!.id;
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'leader', 'counsellor', 'admin', 'unit']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	learners6a1 = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1))).map((e) => e.learnerId);
	parents6a1 = [...new Set((await app.db.select().from(guardianships)).filter((g) => learners6a1.includes(g.learnerId)).map((g) => g.guardianId))];
	const hash = await hashPassword(DEMO_PASSWORD);
	id.learner7a1 = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c7a1)))[0].learnerId;
	await app.db.insert(roleGrants).values({ personId: id.learner7a1, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await app.db.insert(accounts).values({ personId: id.learner7a1, username: 'learner7a1', email: 'learner7a1@sen.test', passwordHash: hash });
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: other.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: hash });
	id.leader2 = other.id;
	for (const u of ['teacher', 'homeroom', 'learner', 'parent', 'leader', 'counsellor', 'admin', 'learner7a1', 'leader2', 'unit']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const denied = async (res: Response, status: 400 | 403 | 404 | 409) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body.error;
};
const later = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const meeting = (extra: Record<string, unknown>) => ({ title: 'Sinh hoạt lớp 6A1', startsAt: later(48), endsAt: later(49), ...extra });

describe('creating meetings', () => {
	it('a class’s teacher holds a class meeting: every learner of the class is invited and notified, audited; the room is not in the answer', async () => {
		const mt = await ok(await as.teacher.post('/api/v1/meetings', meeting({ forKind: 'class', classId: c6a1 })), 201);
		expect(mt).toMatchObject({ forKind: 'class', forId: c6a1, invited: learners6a1.length });
		expect(mt.room).toBeUndefined();
		id.classMeeting = mt.id;
		const invited = await app.db.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, mt.id));
		expect(invited.map((i) => i.personId).sort()).toEqual([...learners6a1].sort());
		const sent = await app.db.select().from(notifications).where(and(eq(notifications.kind, 'meeting_invitation'), eq(notifications.key, `meeting-invitation:${mt.id}`)));
		expect(sent).toHaveLength(learners6a1.length);
		expect(sent[0].link).toBe(`/meetings/${mt.id}`);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'meeting'), eq(auditLog.entityId, mt.id)))).toHaveLength(1);
	});

	it('the homeroom teacher holds a parents’ meeting: the class’s parents are invited', async () => {
		const mt = await ok(await as.homeroom.post('/api/v1/meetings', meeting({ forKind: 'parent_group', classId: c6a1, title: 'Họp phụ huynh 6A1' })), 201);
		id.parentMeeting = mt.id;
		const invited = await app.db.select().from(meetingInvitations).where(eq(meetingInvitations.meetingId, mt.id));
		expect(invited.map((i) => i.personId).sort()).toEqual([...parents6a1].sort());
		expect(invited.map((i) => i.personId)).toContain(id.parent);
	});

	it('the leader holds a training with named invitees they may see', async () => {
		const mt = await ok(await as.leader.post('/api/v1/meetings', meeting({ forKind: 'training', schoolId: thcs.id, title: 'Tập huấn chuyển đổi số', inviteeIds: [id.teacher, id.homeroom, id.leader] })), 201);
		expect(mt.invited).toBe(2); // the organiser is not their own invitee
		id.training = mt.id;
	});

	it('refuses: a class the teacher does not teach, a club by a teacher, learners and parents, another school’s leader', async () => {
		await denied(await as.teacher.post('/api/v1/meetings', meeting({ forKind: 'class', classId: c7a1 })), 403);
		await denied(await as.teacher.post('/api/v1/meetings', meeting({ forKind: 'club', schoolId: thcs.id, inviteeIds: [id.learner] })), 403);
		await denied(await as.learner.post('/api/v1/meetings', meeting({ forKind: 'class', classId: c6a1 })), 403);
		await denied(await as.parent.post('/api/v1/meetings', meeting({ forKind: 'parent_group', classId: c6a1 })), 403);
		await denied(await as.leader2.post('/api/v1/meetings', meeting({ forKind: 'staff', schoolId: thcs.id, inviteeIds: [id.teacher] })), 403);
	});

	it('refuses invitees the organiser may not see, none at all, a missing class, and an end before the start — naming the field', async () => {
		expect((await denied(await as.leader.post('/api/v1/meetings', meeting({ forKind: 'staff', schoolId: thcs.id, inviteeIds: [id.leader2] })), 400)).details.issues[0].path).toBe('inviteeIds');
		expect((await denied(await as.leader.post('/api/v1/meetings', meeting({ forKind: 'staff', schoolId: thcs.id, inviteeIds: [] })), 400)).details.issues[0].path).toBe('inviteeIds');
		expect((await denied(await as.teacher.post('/api/v1/meetings', meeting({ forKind: 'class' })), 400)).details.issues[0].path).toBe('classId');
		expect((await denied(await as.teacher.post('/api/v1/meetings', meeting({ forKind: 'class', classId: c6a1, endsAt: later(47) })), 400)).details.issues[0].path).toBe('endsAt');
	});
});

describe('who sees a meeting', () => {
	const listed = async (c: Client) => (await ok(await c.get('/api/v1/meetings'))).items.map((x: { id: string }) => x.id);

	it('the organiser and the invitees only — not the school leader, a counsellor, an administrator or another class', async () => {
		expect(await listed(as.teacher)).toContain(id.classMeeting);
		expect(await listed(as.learner)).toEqual(expect.arrayContaining([id.classMeeting]));
		expect(await listed(as.learner)).not.toContain(id.parentMeeting);
		expect(await listed(as.parent)).toContain(id.parentMeeting);
		expect(await listed(as.parent)).not.toContain(id.classMeeting);
		for (const who of ['leader', 'counsellor', 'admin', 'learner7a1']) {
			expect(await listed(as[who])).not.toContain(id.classMeeting);
			await denied(await as[who].get(`/api/v1/meetings/${id.classMeeting}`), 404);
		}
	});

	it('an invitee sees the meeting and their answer, not the others’; the organiser sees every invitation', async () => {
		const mine = await ok(await as.learner.get(`/api/v1/meetings/${id.classMeeting}`));
		expect(mine).toMatchObject({ invited: true, organiser: false, manage: false, myResponse: null, joinPath: `/meetings/${id.classMeeting}/join`, invitations: [] });
		expect(mine.meeting.room).toBeUndefined();
		const org = await ok(await as.teacher.get(`/api/v1/meetings/${id.classMeeting}`));
		expect(org.invitations).toHaveLength(learners6a1.length);
	});
});

describe('answers, joining and the attendance record', () => {
	it('an invitee accepts or declines, audited; the organiser is not an invitee', async () => {
		expect(await ok(await as.learner.put(`/api/v1/meetings/${id.classMeeting}/response`, { response: 'accepted' }))).toEqual({ response: 'accepted' });
		await denied(await as.teacher.put(`/api/v1/meetings/${id.classMeeting}/response`, { response: 'accepted' }), 403);
		await denied(await as.learner7a1.put(`/api/v1/meetings/${id.classMeeting}/response`, { response: 'accepted' }), 404);
		await denied(await as.learner.put(`/api/v1/meetings/${id.classMeeting}/response`, { response: 'maybe' }), 400);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'meeting_invitation'), eq(auditLog.entityId, id.classMeeting)))).toHaveLength(1);
	});

	it('joining through Sen records the first join time and redirects (303) to the Jitsi room; others get 404', async () => {
		const first = await as.learner.get(`/meetings/${id.classMeeting}/join`);
		expect(first.status).toBe(303);
		expect(first.headers.get('location')).toMatch(/^https:\/\/meet\.jit\.si\/Sen-[a-z2-7]{26}$/);
		const [row] = await app.db.select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, id.classMeeting), eq(meetingAttendance.personId, id.learner)));
		expect(row).toBeTruthy();
		const again = await as.learner.get(`/meetings/${id.classMeeting}/join`);
		expect(again.headers.get('location')).toBe(first.headers.get('location'));
		const [still] = await app.db.select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, id.classMeeting), eq(meetingAttendance.personId, id.learner)));
		expect(still.joinedAt).toEqual(row.joinedAt);
		expect((await as.teacher.get(`/meetings/${id.classMeeting}/join`)).status).toBe(303);
		expect((await as.learner7a1.get(`/meetings/${id.classMeeting}/join`)).status).toBe(404);
		expect((await as.leader.get(`/meetings/${id.classMeeting}/join`)).status).toBe(404);
		expect((await app.request('GET', `/meetings/${id.classMeeting}/join`)).status).toBe(303);
		expect((await app.request('GET', `/meetings/${id.classMeeting}/join`)).headers.get('location')).toMatch(/^\/login/);
	});

	it('the organiser sees who answered and who joined', async () => {
		const org = await ok(await as.teacher.get(`/api/v1/meetings/${id.classMeeting}`));
		const learnerRow = org.invitations.find((i: { personId: string }) => i.personId === id.learner);
		expect(learnerRow).toMatchObject({ response: 'accepted' });
		expect(learnerRow.joinedAt).toBeTruthy();
		expect(org.invitations.filter((i: { joinedAt: string | null }) => i.joinedAt)).toHaveLength(1);
		expect(org.attended).toBe(2); // the learner and the organiser
	});
});

describe('the calendar feed and cancelling', () => {
	it('the personal feed holds one’s meetings, not declined ones', async () => {
		expect(await (await as.learner.get('/events/calendar.ics')).text()).toContain(`UID:meeting-${id.classMeeting}@sen`);
		expect(await (await as.teacher.get('/events/calendar.ics')).text()).toContain(`UID:meeting-${id.classMeeting}@sen`);
		await ok(await as.homeroom.put(`/api/v1/meetings/${id.training}/response`, { response: 'declined' }));
		expect(await (await as.homeroom.get('/events/calendar.ics')).text()).not.toContain(`UID:meeting-${id.training}@sen`);
		expect(await (await as.teacher.get('/events/calendar.ics')).text()).toContain(`UID:meeting-${id.training}@sen`);
	});

	it('only the organiser cancels; the invitees are notified and joining is refused', async () => {
		await denied(await as.learner.post(`/api/v1/meetings/${id.classMeeting}/cancel`), 403);
		await denied(await as.leader.post(`/api/v1/meetings/${id.classMeeting}/cancel`), 404);
		expect((await ok(await as.teacher.post(`/api/v1/meetings/${id.classMeeting}/cancel`))).cancelledAt).toBeTruthy();
		const sent = await app.db.select().from(notifications).where(and(eq(notifications.kind, 'meeting_cancelled'), eq(notifications.personId, id.learner)));
		expect(sent).toHaveLength(1);
		expect((await as.learner.get(`/meetings/${id.classMeeting}/join`)).status).toBe(409);
		expect(await (await as.learner.get('/events/calendar.ics')).text()).not.toContain(`UID:meeting-${id.classMeeting}@sen`);
	});
});

describe('the pages', () => {
	it('/meetings lists the invitee’s meetings; /meetings/{id} shows the organiser the attendance; a stranger gets 404', async () => {
		expect(await (await as.parent.get('/meetings')).text()).toContain('Họp phụ huynh 6A1');
		const page = await as.homeroom.get(`/meetings/${id.parentMeeting}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('data-testid="invitations"');
		expect((await as.learner7a1.get(`/meetings/${id.parentMeeting}`)).status).toBe(404);
	});

	it('the create form: a teacher’s class meeting from the page, without JavaScript', async () => {
		const startsAt = new Date(Date.now() + 72 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 16);
		const endsAt = new Date(Date.now() + 73 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 16);
		const res = await as.teacher.form('/meetings?/create', { forKind: 'class', classId: c6a1, title: 'Ôn tập cuối kỳ', startsAt, endsAt });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
		const bad = await as.teacher.form('/meetings?/create', { forKind: 'class', classId: c6a1, title: '', startsAt, endsAt });
		expect(bad.status).toBe(400);
	});
});
