/**
 * School counselling (tư vấn học đường) through the HTTP API and pages on a real database, with the
 * demo school THCS Bình Yên: `learner` (6A1) and `parent` (her mother), `counsellor`, `leader`,
 * `homeroom` (6A1's homeroom teacher) and `admin`. Added here: `classmate` (another learner of
 * 6A1), `counsellor2` (a second counsellor of the school, added after the first cases, so not
 * assigned to them) and `farcounsellor` (a counsellor of THPT Sông Hồng).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { enrolments, classes, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { counsellingCases } from '#lib/server/counselling/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let thcs: typeof schools.$inferSelect;
let thpt: typeof schools.$inferSelect;

async function account(username: string, personId: string) {
	await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
}
async function counsellorAt(username: string, school: typeof schools.$inferSelect) {
	const [c] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Phạm', middleName: 'Thu', givenName: username === 'counsellor2' ? 'Hằng' : 'Trang', schoolId: school.id, path: school.path }).returning();
	await app.db.insert(roleGrants).values({ personId: c.id, role: 'counsellor', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id });
	await account(username, c.id);
	id[username] = c.id;
	as[username] = await app.loginAs(username);
}

beforeAll(async () => {
	app = await startApp();
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	const users = ['learner', 'parent', 'counsellor', 'leader', 'homeroom', 'teacher', 'admin'];
	for (const u of users) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const [c6a1] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
	id.classmate = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1.id))).map((e) => e.learnerId).find((l) => l !== id.learner)!;
	await app.db.insert(roleGrants).values({ personId: id.classmate, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await account('classmate', id.classmate);
	for (const u of [...users, 'classmate']) as[u] = await app.loginAs(u);
	await counsellorAt('farcounsellor', thpt);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const status = async (res: Response) => (await res.body?.cancel(), res.status);
const nameOf = async (personId: string) => {
	const [p] = await app.db.select().from(persons).where(eq(persons.id, personId));
	return [p.familyName, p.middleName, p.givenName].filter(Boolean).join(' ');
};
const reads = (caseId: string) => app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'counselling_case'), eq(auditLog.entityId, caseId), eq(auditLog.action, 'read')));
/** "yyyy-mm-dd" and "hh:mm" in Vietnam, `minutes` from now. */
const vietnamIn = (minutes: number) => {
	const iso = new Date(Date.now() + 7 * 3600_000 + minutes * 60_000).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

let learnersCase: string;
let parentsCase: string;
const SECRET = 'Em bị bạn cùng lớp trêu chọc suốt tuần';

describe('a learner asks a counsellor', () => {
	it('creates the case for every counsellor of the school, who is told only that there is a new request', async () => {
		const c = await ok(await as.learner.post('/api/v1/counselling/cases', { category: 'relationships', subject: 'Chuyện với bạn cùng lớp', message: SECRET }), 201);
		learnersCase = c.id;
		expect(c).toMatchObject({ status: 'open', anonymous: false, counsellorIds: [id.counsellor] });
		const notes = await app.db.select().from(notifications).where(eq(notifications.key, `counselling_case:${c.id}`));
		expect(notes.map((n) => [n.personId, n.title, n.body])).toEqual([[id.counsellor, 'Có yêu cầu tư vấn mới', '']]);
		const [created] = await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'create')));
		expect(created.actorId).toBe(id.learner);
		expect(JSON.stringify(created.after)).not.toContain('bạn cùng lớp');
	});

	it('should fail with 400 naming the field when the category is unknown or the message is empty', async () => {
		const res = await ok(await as.learner.post('/api/v1/counselling/cases', { category: 'gossip', subject: 'x', message: ' ' }), 400);
		expect(res.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['category', 'message']);
	});

	it('lets the requester read her own case and conversation, each read audited', async () => {
		const before = (await reads(learnersCase)).length;
		const c = await ok(await as.learner.get(`/api/v1/counselling/cases/${learnersCase}`));
		expect(c).toMatchObject({ subject: 'Chuyện với bạn cùng lớp', mine: true, mayReply: true, moves: ['closed'] });
		const msgs = await ok(await as.learner.get(`/api/v1/counselling/cases/${learnersCase}/messages`));
		expect(msgs.items.map((x: { body: string }) => x.body)).toEqual([SECRET]);
		const after = await reads(learnersCase);
		expect(after.length).toBe(before + 2);
		expect(after.slice(-2).map((a) => [a.actorId, (a.after as { what: string }).what])).toEqual([
			[id.learner, 'case'],
			[id.learner, 'messages']
		]);
		expect((await ok(await as.learner.get('/api/v1/counselling/cases'))).items.map((x: { id: string }) => x.id)).toEqual([learnersCase]);
	});

	it('lets the assigned counsellor read (audited) and reply; the reply moves it in progress and tells the learner without the text', async () => {
		const before = (await reads(learnersCase)).length;
		const c = await ok(await as.counsellor.get(`/api/v1/counselling/cases/${learnersCase}`));
		expect(c.requester.name).toBe(await nameOf(id.learner));
		expect(c.moves).toEqual(['in_progress', 'closed']);
		const [last] = (await reads(learnersCase)).slice(before);
		expect(last.actorId).toBe(id.counsellor);
		const reply = await ok(await as.counsellor.post(`/api/v1/counselling/cases/${learnersCase}/messages`, { body: 'Cô nghe em. Chiều thứ Năm em gặp cô nhé.' }), 201);
		expect(reply.caseStatus).toBe('in_progress');
		const [note] = await app.db.select().from(notifications).where(eq(notifications.key, `counselling_message:${reply.id}`));
		expect([note.personId, note.title, note.body]).toEqual([id.learner, 'Có phản hồi mới trong yêu cầu tư vấn', '']);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, learnersCase), eq(auditLog.action, 'message')));
		expect(JSON.stringify(audit.map((a) => a.after))).not.toContain('thứ Năm');
	});

	it('keeps the content from a counsellor who is not assigned, the leader, the homeroom teacher, a teacher, the mother, a classmate and the administrator (404)', async () => {
		await counsellorAt('counsellor2', thcs);
		for (const u of ['counsellor2', 'leader', 'homeroom', 'teacher', 'parent', 'classmate', 'admin', 'farcounsellor']) {
			expect(await status(await as[u].get(`/api/v1/counselling/cases/${learnersCase}`)), u).toBe(404);
			expect(await status(await as[u].get(`/api/v1/counselling/cases/${learnersCase}/messages`)), u).toBe(404);
			expect(await status(await as[u].post(`/api/v1/counselling/cases/${learnersCase}/messages`, { body: 'xin chào' })), u).toBe(404);
			expect(await status(await as[u].patch(`/api/v1/counselling/cases/${learnersCase}`, { status: 'closed' })), u).toBe(404);
		}
		expect((await ok(await as.counsellor2.get('/api/v1/counselling/cases'))).items).toEqual([]);
		expect((await ok(await as.parent.get('/api/v1/counselling/cases'))).items).toEqual([]);
		for (const u of ['leader', 'homeroom', 'teacher', 'admin']) expect(await status(await as[u].get('/api/v1/counselling/cases')), u).toBe(403);
	});

	it('shows the leader the queue without content and lets them assign a counsellor, who may then read it', async () => {
		const q = await ok(await as.leader.get('/api/v1/counselling/queue'));
		const row = q.items.find((x: { id: string }) => x.id === learnersCase);
		expect(row).toMatchObject({ category: 'relationships', status: 'in_progress', anonymous: false, requesterName: await nameOf(id.learner), counsellors: [{ id: id.counsellor }] });
		expect(JSON.stringify(q)).not.toContain('bạn cùng lớp');
		for (const u of ['homeroom', 'teacher', 'learner', 'admin']) expect(await status(await as[u].get('/api/v1/counselling/queue')), u).toBe(403);
		expect(await status(await as.homeroom.post(`/api/v1/counselling/cases/${learnersCase}/counsellors`, { counsellorId: id.counsellor2 }))).toBe(404);
		expect(await status(await as.leader.post(`/api/v1/counselling/cases/${learnersCase}/counsellors`, { counsellorId: id.teacher }))).toBe(400);
		expect(await status(await as.leader.post(`/api/v1/counselling/cases/${learnersCase}/counsellors`, { counsellorId: id.farcounsellor }))).toBe(400);
		await ok(await as.leader.post(`/api/v1/counselling/cases/${learnersCase}/counsellors`, { counsellorId: id.counsellor2 }), 201);
		expect(await status(await as.leader.get(`/api/v1/counselling/cases/${learnersCase}`))).toBe(404);
		expect((await ok(await as.counsellor2.get(`/api/v1/counselling/cases/${learnersCase}/messages`))).items).toHaveLength(2);
		const [note] = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.counsellor2), eq(notifications.key, `counselling_case:${learnersCase}`)));
		expect(note.title).toBe('Có yêu cầu tư vấn mới');
	});

	it('lets the requester only close the case; a closed case takes no more replies', async () => {
		expect(await status(await as.learner.patch(`/api/v1/counselling/cases/${learnersCase}`, { status: 'open' }))).toBe(403);
		expect((await ok(await as.learner.patch(`/api/v1/counselling/cases/${learnersCase}`, { status: 'closed' }))).status).toBe('closed');
		const res = await ok(await as.counsellor.post(`/api/v1/counselling/cases/${learnersCase}/messages`, { body: 'Thêm' }), 409);
		expect(res.error.message).toBe('Yêu cầu này đã đóng; hãy gửi yêu cầu mới nếu cần.');
		expect((await ok(await as.counsellor.patch(`/api/v1/counselling/cases/${learnersCase}`, { status: 'in_progress' }))).status).toBe('in_progress');
	});
});

describe('an anonymous request', () => {
	it('hides the parent from the leader’s queue and from the audit log, but not from the counsellor', async () => {
		const c = await ok(await as.parent.post('/api/v1/counselling/cases', { category: 'emotions', subject: 'Con hay khóc', message: 'Dạo này con tôi hay khóc khi đi học về.', anonymous: true }), 201);
		parentsCase = c.id;
		const [row] = await app.db.select().from(counsellingCases).where(eq(counsellingCases.id, c.id));
		expect([row.requesterId, row.learnerId]).toEqual([id.parent, id.learner]);
		await ok(await as.parent.get(`/api/v1/counselling/cases/${c.id}`));
		await ok(await as.parent.post(`/api/v1/counselling/cases/${c.id}/messages`, { body: 'Cảm ơn cô.' }), 201);

		const q = await ok(await as.leader.get('/api/v1/counselling/queue'));
		expect(q.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ anonymous: true, requesterName: null, category: 'emotions' });
		const parentName = await nameOf(id.parent);
		const learnerName = await nameOf(id.learner);
		const caseRows = JSON.stringify(q.items.filter((x: { id: string }) => x.id === c.id));
		for (const leak of [parentName, learnerName, id.parent, id.learner, 'khóc']) expect(caseRows).not.toContain(leak);

		const audit = await app.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
		expect(audit.map((a) => a.action).sort()).toEqual(['create', 'message', 'read']);
		expect(audit.every((a) => a.actorId === null)).toBe(true);
		const leaderAudit = JSON.stringify((await ok(await as.leader.get('/api/v1/audit?entityType=counselling_case&limit=100'))).items.filter((a: { entityId: string }) => a.entityId === c.id));
		expect(leaderAudit).toContain(c.id);
		for (const leak of [id.parent, id.learner, 'khóc', 'Cảm ơn cô']) expect(leaderAudit).not.toContain(leak);

		const seen = await ok(await as.counsellor.get(`/api/v1/counselling/cases/${c.id}`));
		expect([seen.requester.name, seen.learner.name, seen.anonymous]).toEqual([parentName, learnerName, true]);
		const [readByCounsellor] = (await reads(c.id)).filter((a) => a.actorId === id.counsellor);
		expect(readByCounsellor).toBeDefined();
		const notes = await app.db.select().from(notifications).where(eq(notifications.key, `counselling_case:${c.id}`));
		expect(notes.map((n) => n.personId).sort()).toEqual([id.counsellor, id.counsellor2].sort());
		expect(notes.every((n) => n.title === 'Có yêu cầu tư vấn mới' && n.body === '')).toBe(true);
	});

	it('refuses a parent asking about a learner who is not their child', async () => {
		const res = await ok(await as.parent.post('/api/v1/counselling/cases', { category: 'study', subject: 'x', message: 'y', learnerId: id.classmate }), 400);
		expect(res.error.details.issues[0].path).toBe('learnerId');
		expect(await status(await as.teacher.post('/api/v1/counselling/cases', { category: 'study', subject: 'x', message: 'y' }))).toBe(400);
	});
});

describe('the leader’s statistics', () => {
	it('counts per month by category and status with small counts hidden, no content or names', async () => {
		for (let i = 0; i < 3; i++) await ok(await as.classmate.post('/api/v1/counselling/cases', { category: 'study', subject: `Ôn thi ${i}`, message: 'Em lo thi học kỳ.' }), 201);
		const s = await ok(await as.leader.get('/api/v1/counselling/stats'));
		expect(s.school.id).toBe(thcs.id);
		const [month] = s.months;
		// relationships 1, emotions 1, study 3: total 5 shown; both single cells hidden.
		expect(month.total).toBe(5);
		expect(month.byCategory).toMatchObject({ study: 3, relationships: 'suppressed', emotions: 'suppressed', careers: 0 });
		const all = JSON.stringify(s);
		for (const leak of ['Ôn thi', 'khóc', await nameOf(id.classmate), id.classmate]) expect(all).not.toContain(leak);
		for (const v of [...Object.values(month.byCategory), ...Object.values(month.byStatus)]) expect([1, 2]).not.toContain(v);
		expect((await ok(await as.counsellor.get('/api/v1/counselling/stats'))).months[0].total).toBe(5);
		for (const u of ['homeroom', 'teacher', 'learner', 'parent', 'farcounsellor']) expect(await status(await as[u].get(`/api/v1/counselling/stats?schoolId=${thcs.id}`)), u).toBe(404);
	});
});

describe('slots and bookings', () => {
	let slotA: string, slotB: string, soon: string;

	it('lets a counsellor publish slots; refuses the past, overlaps and an in-person slot without a place; others may not publish', async () => {
		const day = vietnamIn(3 * 24 * 60).date;
		const made = await ok(await as.counsellor.post('/api/v1/counselling/slots', { date: day, time: '16:00', minutes: 30, count: 2, mode: 'online' }), 201);
		expect(made.items).toHaveLength(2);
		[slotA, slotB] = made.items.map((x: { id: string }) => x.id);
		expect(new Date(made.items[0].startsAt).toISOString()).toBe(new Date(`${day}T16:00:00+07:00`).toISOString());
		const overlap = await ok(await as.counsellor.post('/api/v1/counselling/slots', { date: day, time: '16:15', minutes: 30, count: 1, mode: 'online' }), 400);
		expect(overlap.error.details.issues[0]).toEqual({ path: 'time', message: 'Trùng với lịch đã mở của bạn; hãy chọn giờ khác.' });
		const past = await ok(await as.counsellor.post('/api/v1/counselling/slots', { ...vietnamIn(-60), minutes: 30, count: 1, mode: 'online' }), 400);
		expect(past.error.details.issues[0].path).toBe('time');
		const place = await ok(await as.counsellor.post('/api/v1/counselling/slots', { date: day, time: '18:00', minutes: 30, count: 1, mode: 'in_person' }), 400);
		expect(place.error.details.issues[0].path).toBe('place');
		for (const u of ['learner', 'leader', 'homeroom', 'admin']) expect(await status(await as[u].post('/api/v1/counselling/slots', { date: day, time: '19:00', minutes: 30, count: 1, mode: 'online' })), u).toBe(403);
		const audits = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'counselling_slot'), inArray(auditLog.entityId, [slotA, slotB])));
		expect(audits.map((a) => a.action)).toEqual(['create', 'create']);
	});

	it('shows the free slots to the school’s learners and parents, not to another school', async () => {
		const free = (await ok(await as.learner.get('/api/v1/counselling/slots'))).items.map((x: { id: string }) => x.id);
		expect(free).toEqual(expect.arrayContaining([slotA, slotB]));
		expect((await ok(await as.parent.get('/api/v1/counselling/slots'))).items.map((x: { id: string }) => x.id)).toContain(slotA);
		expect((await ok(await as.farcounsellor.get('/api/v1/counselling/slots'))).items.map((x: { id: string }) => x.id)).not.toContain(slotA);
		expect(await status(await as.homeroom.get('/api/v1/counselling/slots'))).toBe(403);
	});

	it('lets exactly one of two people booking the same slot at once win; the other gets a 409 in Vietnamese', async () => {
		const [a, b] = await Promise.all([as.learner.post(`/api/v1/counselling/slots/${slotA}/bookings`, {}), as.classmate.post(`/api/v1/counselling/slots/${slotA}/bookings`, {})]);
		const codes = [a.status, b.status].sort();
		expect(codes).toEqual([201, 409]);
		const loser = await (a.status === 409 ? a : b).json();
		expect(loser.error).toMatchObject({ code: 'conflict', message: 'Lịch này vừa có người khác đặt. Vui lòng chọn lịch khác.' });
		const winner = await (a.status === 201 ? a : b).json();
		const winnerName = a.status === 201 ? 'learner' : 'classmate';
		id.winner = id[winnerName];
		id.booking = winner.id;
		expect((await ok(await as.learner.get('/api/v1/counselling/slots'))).items.map((x: { id: string }) => x.id)).not.toContain(slotA);
		const [note] = await app.db.select().from(notifications).where(eq(notifications.key, `counselling_booking:${winner.id}`));
		expect([note.personId, note.title]).toEqual([id.counsellor, 'Có lịch hẹn tư vấn mới']);
	});

	it('shows a booking to its booker and the slot’s counsellor only', async () => {
		const loser = id.winner === id.learner ? 'classmate' : 'learner';
		const winner = loser === 'learner' ? 'classmate' : 'learner';
		expect((await ok(await as[winner].get('/api/v1/counselling/bookings'))).items.map((x: { id: string }) => x.id)).toContain(id.booking);
		expect((await ok(await as[loser].get('/api/v1/counselling/bookings'))).items.map((x: { id: string }) => x.id)).not.toContain(id.booking);
		const mine = (await ok(await as.counsellor.get('/api/v1/counselling/slots?view=mine'))).items.find((x: { id: string }) => x.id === slotA);
		expect(mine.booking).toMatchObject({ id: id.booking, personName: await nameOf(id.winner) });
		expect(mine.meetingUrl).toBeNull(); // three days ahead: the room is not open yet
		expect((await ok(await as.counsellor2.get('/api/v1/counselling/bookings'))).items).toEqual([]);
		for (const u of ['leader', 'homeroom', 'admin']) expect(await status(await as[u].get('/api/v1/counselling/bookings')), u).toBe(403);
		expect(await status(await as[loser].post(`/api/v1/counselling/bookings/${id.booking}/cancel`))).toBe(404);
		expect(await status(await as.counsellor2.post(`/api/v1/counselling/bookings/${id.booking}/cancel`))).toBe(404);
	});

	it('refuses to delete a booked slot; after the booker cancels, the slot is free again and may be deleted', async () => {
		expect((await ok(await as.counsellor.delete(`/api/v1/counselling/slots/${slotA}`), 409)).error.message).toBe('Lịch này đã có người đặt; hãy huỷ lịch hẹn trước khi xoá.');
		const winner = id.winner === id.learner ? 'learner' : 'classmate';
		expect((await ok(await as[winner].post(`/api/v1/counselling/bookings/${id.booking}/cancel`))).status).toBe('cancelled');
		const [note] = await app.db.select().from(notifications).where(eq(notifications.key, `counselling_booking_cancelled:${id.booking}`));
		expect([note.personId, note.title]).toEqual([id.counsellor, 'Một lịch hẹn tư vấn đã bị huỷ']);
		expect((await ok(await as[winner].post(`/api/v1/counselling/bookings/${id.booking}/cancel`))).status).toBe('cancelled'); // again: nothing more
		expect((await ok(await as.learner.get('/api/v1/counselling/slots'))).items.map((x: { id: string }) => x.id)).toContain(slotA);
		expect(await status(await as.counsellor2.delete(`/api/v1/counselling/slots/${slotA}`))).toBe(403);
		expect(await status(await as.learner.delete(`/api/v1/counselling/slots/${slotA}`))).toBe(403);
		await ok(await as.counsellor.delete(`/api/v1/counselling/slots/${slotA}`), 204);
		expect(await status(await as.learner.post(`/api/v1/counselling/slots/${slotA}/bookings`, {}))).toBe(404);
	});

	it('books about one’s own case only; a slot of another school is not found', async () => {
		expect(await status(await as.classmate.post(`/api/v1/counselling/slots/${slotB}/bookings`, { caseId: learnersCase }))).toBe(404);
		const [far] = (await ok(await as.farcounsellor.post('/api/v1/counselling/slots', { date: vietnamIn(3 * 24 * 60).date, time: '16:00', minutes: 30, count: 1, mode: 'online' }), 201)).items;
		expect(await status(await as.learner.post(`/api/v1/counselling/slots/${far.id}/bookings`, {}))).toBe(404);
		const b = await ok(await as.learner.post(`/api/v1/counselling/slots/${slotB}/bookings`, { caseId: learnersCase }), 201);
		expect(b.caseId).toBe(learnersCase);
	});

	it('gives the room link to the booker and the counsellor from shortly before the slot, to nobody else', async () => {
		const start = vietnamIn(6);
		[{ id: soon }] = (await ok(await as.counsellor.post('/api/v1/counselling/slots', { ...start, minutes: 30, count: 1, mode: 'online' }), 201)).items;
		await ok(await as.parent.post(`/api/v1/counselling/slots/${soon}/bookings`, {}), 201);
		const mine = (await ok(await as.parent.get('/api/v1/counselling/bookings'))).items.find((x: { slotId: string }) => x.slotId === soon);
		expect(mine.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/Sen-[a-z2-7]{26}$/);
		const theirs = (await ok(await as.counsellor.get('/api/v1/counselling/slots?view=mine'))).items.find((x: { id: string }) => x.id === soon);
		expect(theirs.meetingUrl).toBe(mine.meetingUrl);
		expect(JSON.stringify(await ok(await as.learner.get('/api/v1/counselling/bookings')))).not.toContain(mine.meetingUrl);
		expect(JSON.stringify(await ok(await as.learner.get('/api/v1/counselling/slots')))).not.toContain('Sen-');
		expect(await status(await as.learner.post(`/api/v1/counselling/slots/${soon}/bookings`, {}))).toBe(409);
		// The counsellor cancels: the parent is told, and the link is gone.
		await ok(await as.counsellor.post(`/api/v1/counselling/bookings/${mine.id}/cancel`));
		const [note] = await app.db.select().from(notifications).where(eq(notifications.key, `counselling_booking_cancelled:${mine.id}`));
		expect(note.personId).toBe(id.parent);
		const after = (await ok(await as.parent.get('/api/v1/counselling/bookings'))).items.find((x: { id: string }) => x.id === mine.id);
		expect([after.status, after.meetingUrl]).toEqual(['cancelled', null]);
	});
});

describe('pages', () => {
	it('reaches counselling from the community hub', async () => {
		const hub = await (await as.learner.get('/community')).text();
		expect(hub).toContain('href="/counselling"');
		expect(await (await as.homeroom.get('/community')).text()).not.toContain('href="/counselling"');
	});

	it('audits the case page as a read and keeps it from the leader', async () => {
		const before = (await reads(learnersCase)).length;
		const page = await as.learner.get(`/counselling/cases/${learnersCase}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(SECRET);
		const after = await reads(learnersCase);
		expect(after.length).toBe(before + 1);
		expect((after.at(-1)!.after as { what: string }).what).toBe('page');
		expect(await status(await as.leader.get(`/counselling/cases/${learnersCase}`))).toBe(404);
		expect(await status(await as.homeroom.get(`/counselling/cases/${learnersCase}`))).toBe(404);
	});

	it('asks, publishes and replies through forms without JavaScript', async () => {
		expect((await as.classmate.form('/counselling?/ask', { category: 'careers', subject: 'Chọn trường cấp 3', message: 'Em nên chọn trường nào?' })).status).toBe(200);
		const bad = await as.classmate.form('/counselling?/ask', { category: '', subject: '', message: '' });
		expect(bad.status).toBe(400);
		const { date } = vietnamIn(4 * 24 * 60);
		expect((await as.counsellor.form('/counselling?/publish', { date, time: '08:00', minutes: '30', count: '2', gapMinutes: '0', mode: 'in_person', place: 'Phòng tư vấn' })).status).toBe(200);
		const page = await (await as.counsellor.get('/counselling')).text();
		expect(page).toContain('Phòng tư vấn');
		expect(page).toContain('Chọn trường cấp 3');
		expect((await as.counsellor.form(`/counselling/cases/${learnersCase}?/reply`, { body: 'Hẹn em thứ Năm.' })).status).toBe(200);
		expect(await (await as.learner.get(`/counselling/cases/${learnersCase}`)).text()).toContain('Hẹn em thứ Năm.');
	});

	it('shows the leader the statistics page and the queue, not the homeroom teacher', async () => {
		const stats = await as.leader.get('/counselling/stats');
		expect(stats.status).toBe(200);
		expect(await stats.text()).toContain('&lt; 3');
		expect(await status(await as.homeroom.get('/counselling/stats'))).toBe(403);
		const page = await (await as.leader.get('/counselling')).text();
		expect(page).toContain('data-testid="queue"');
		expect(page).not.toContain('Chuyện với bạn cùng lớp');
	});
});
