/**
 * Events and seminars through the HTTP API on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), with the demo school THCS Bình Yên: `leader` leads it, `teacher` teaches
 * there, `learner` is in 6A1 and `parent` is their mother, `unit` is the officer of Xã Thạch
 * Thất. Added here: `classmate` (another learner of 6A1), `leader2` (the leader of THPT Sông
 * Hồng) and twenty learners `racer01…racer20` for the capacity race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { learningPlaces } from '#lib/server/learning/place-schema';
import { eventRegistrations, events } from '#lib/server/events/schema';
import { sendEventReminders } from '#lib/server/events/service';
import { periodicJobs } from '#lib/server/platform/jobs';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let thcs: typeof schools.$inferSelect;
let batTrang: string;
let hash: string;
const RACERS = 20;

async function account(username: string, personId: string) {
	await app.db.insert(accounts).values({ personId, username, email: `${username}@sen.test`, passwordHash: hash });
}

beforeAll(async () => {
	app = await startApp();
	hash = await hashPassword(DEMO_PASSWORD);
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	[{ id: batTrang }] = await app.db.select().from(learningPlaces).where(eq(learningPlaces.name, 'Làng gốm Bát Tràng'));
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'unit', 'homeroom', 'counsellor', 'mentor']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const [c6a1] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
	id.classmate = (await app.db.select().from(enrolments).where(eq(enrolments.classId, c6a1.id))).map((e) => e.learnerId).find((l) => l !== id.learner)!;
	await app.db.insert(roleGrants).values({ personId: id.classmate, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
	await account('classmate', id.classmate);
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await account('leader2', other.id);
	for (const u of ['teacher', 'learner', 'parent', 'leader', 'unit', 'classmate', 'leader2', 'counsellor']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const denied = async (res: Response, status: 403 | 404 | 409 | 400) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body.error;
};
const inDays = (days: number, hour = 1) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days, hour)).toISOString();
const base = () => ({ schoolId: thcs.id, kind: 'experience_day', title: 'Trải nghiệm làng gốm Bát Tràng', startsAt: inDays(10), endsAt: inDays(10, 9), placeId: batTrang, audience: 'learners', capacity: 1 });

describe('organising events', () => {
	it('the school leader organises an experience day at a learning place, audited; the room stays private', async () => {
		const e = await ok(await as.leader.post('/api/v1/events', { ...base(), online: true }), 201);
		expect(e).toMatchObject({ kind: 'experience_day', capacity: 1, audience: 'learners', path: thcs.path, schoolId: thcs.id, online: true });
		expect(e.room).toBeUndefined();
		id.experience = e.id;
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event'), eq(auditLog.entityId, e.id)));
		expect(audit).toHaveLength(1);
	});

	it('a teacher organises within their school; a unit officer at the unit; officers and staff of other schools may not organise here', async () => {
		id.talk = (await ok(await as.teacher.post('/api/v1/events', { ...base(), kind: 'talk', title: 'Tọa đàm kỹ năng sống', audience: 'parents', capacity: null, placeId: null, venue: 'Hội trường' }), 201)).id;
		const [unitRow] = await app.db.select({ orgUnitId: schools.orgUnitId }).from(schools).where(eq(schools.id, thcs.id));
		const unitEvent = await ok(await as.unit.post('/api/v1/events', { ...base(), schoolId: undefined, orgUnitId: unitRow.orgUnitId, kind: 'seminar', title: 'Hội thảo chuyển đổi số', audience: 'staff', capacity: 100, placeId: null }), 201);
		expect(unitEvent.schoolId).toBeNull();
		id.unitSeminar = unitEvent.id;
		await denied(await as.leader2.post('/api/v1/events', base()), 403);
		await denied(await as.learner.post('/api/v1/events', base()), 403);
		await denied(await as.parent.post('/api/v1/events', base()), 403);
	});

	it('refuses an event that ends before it starts, or one without a host, naming the field', async () => {
		expect((await denied(await as.leader.post('/api/v1/events', { ...base(), endsAt: inDays(9) }), 400)).details.issues[0].path).toBe('endsAt');
		expect((await denied(await as.leader.post('/api/v1/events', { ...base(), schoolId: undefined }), 400)).details.issues[0].path).toBe('schoolId');
		expect((await denied(await as.leader.post('/api/v1/events', { ...base(), capacity: 0 }), 400)).details.issues[0].path).toBe('capacity');
	});
});

describe('who sees which event', () => {
	const titles = async (c: Client) => (await ok(await c.get('/api/v1/events'))).items.map((e: { id: string }) => e.id);

	it('learners see events for learners; parents also those for parents; staff every audience; the unit’s event shows in the school below', async () => {
		expect(await titles(as.learner)).toEqual(expect.arrayContaining([id.experience]));
		expect(await titles(as.learner)).not.toContain(id.talk);
		expect(await titles(as.learner)).not.toContain(id.unitSeminar);
		expect(await titles(as.parent)).toEqual(expect.arrayContaining([id.experience, id.talk]));
		expect(await titles(as.parent)).not.toContain(id.unitSeminar);
		expect(await titles(as.counsellor)).toEqual(expect.arrayContaining([id.experience, id.talk, id.unitSeminar]));
		await ok(await as.learner.get(`/api/v1/events/${id.experience}`));
		await denied(await as.learner.get(`/api/v1/events/${id.talk}`), 404);
	});

	it('another school’s leader and the community network see none of the school’s events', async () => {
		expect(await titles(as.leader2)).not.toContain(id.experience);
		await denied(await as.leader2.get(`/api/v1/events/${id.experience}`), 404);
		const mentor = await app.loginAs('mentor');
		await denied(await mentor.get('/api/v1/events'), 403);
	});
});

describe('registering, the waitlist and cancelling', () => {
	it('the parent registers their child and is confirmed; registering again changes nothing', async () => {
		expect(await ok(await as.parent.post(`/api/v1/events/${id.experience}/registrations`, { personId: id.learner }), 201)).toMatchObject({ status: 'confirmed', waitlistPlace: null });
		expect(await ok(await as.parent.post(`/api/v1/events/${id.experience}/registrations`, { personId: id.learner }), 201)).toMatchObject({ status: 'confirmed', created: false });
		const [reg] = await app.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, id.experience), eq(eventRegistrations.personId, id.learner)));
		expect(reg.registeredBy).toBe(id.parent);
	});

	it('the next learner is waitlisted with their place; the child’s own view shows confirmed', async () => {
		expect(await ok(await as.classmate.post(`/api/v1/events/${id.experience}/registrations`, {}), 201)).toMatchObject({ status: 'waitlisted', waitlistPlace: 1 });
		const view = await ok(await as.learner.get(`/api/v1/events/${id.experience}`));
		expect(view.mine).toEqual([expect.objectContaining({ personId: id.learner, status: 'confirmed' })]);
		expect(view.event).toMatchObject({ confirmed: 1, waitlisted: 1 });
		expect(view.registrations).toEqual([]);
	});

	it('refuses a person the audience does not admit, and registering someone who is not oneself or one’s child', async () => {
		expect((await denied(await as.parent.post(`/api/v1/events/${id.experience}/registrations`, {}), 409)).message).toMatch(/không dành cho/);
		await denied(await as.learner.post(`/api/v1/events/${id.experience}/registrations`, { personId: id.classmate }), 404);
		await denied(await as.parent.post(`/api/v1/events/${id.experience}/registrations`, { personId: id.classmate }), 404);
	});

	it('refuses registration before it opens and after it closes', async () => {
		const soon = await ok(await as.leader.post('/api/v1/events', { ...base(), title: 'Chưa mở', registrationOpensAt: inDays(5) }), 201);
		expect((await denied(await as.classmate.post(`/api/v1/events/${soon.id}/registrations`, {}), 409)).message).toMatch(/Chưa mở/);
		const [closed] = await app.db.insert(events).values({ schoolId: thcs.id, path: thcs.path, kind: 'talk', title: 'Đã đóng', startsAt: new Date(inDays(3)), endsAt: new Date(inDays(3, 5)), audience: 'everyone', registrationClosesAt: new Date(Date.now() - 60_000), createdBy: id.leader }).returning();
		expect((await denied(await as.classmate.post(`/api/v1/events/${closed.id}/registrations`, {}), 409)).message).toMatch(/hết hạn/);
	});

	it('the organiser lists registrations: confirmed, then the waitlist in order; others may not', async () => {
		const list = (await ok(await as.leader.get(`/api/v1/events/${id.experience}/registrations`))).items;
		expect(list.map((r: { personId: string; status: string }) => [r.personId, r.status])).toEqual([
			[id.learner, 'confirmed'],
			[id.classmate, 'waitlisted']
		]);
		await denied(await as.learner.get(`/api/v1/events/${id.experience}/registrations`), 403);
		await denied(await as.leader2.get(`/api/v1/events/${id.experience}/registrations`), 404);
	});

	it('cancelling the confirmed place promotes the first waitlisted, who is notified once', async () => {
		await denied(await as.classmate.delete(`/api/v1/events/${id.experience}/registrations/${id.learner}`), 404);
		expect(await ok(await as.parent.delete(`/api/v1/events/${id.experience}/registrations/${id.learner}`))).toEqual({ promoted: [id.classmate] });
		const view = await ok(await as.classmate.get(`/api/v1/events/${id.experience}`));
		expect(view.mine[0]).toMatchObject({ status: 'confirmed' });
		const sent = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.classmate), eq(notifications.kind, 'event_promoted')));
		expect(sent).toHaveLength(1);
		expect(sent[0].link).toBe(`/events/${id.experience}`);
		await denied(await as.parent.delete(`/api/v1/events/${id.experience}/registrations/${id.learner}`), 404);
	});

	it('registering again after cancelling joins the back of the queue', async () => {
		expect(await ok(await as.parent.post(`/api/v1/events/${id.experience}/registrations`, { personId: id.learner }), 201)).toMatchObject({ status: 'waitlisted', waitlistPlace: 1 });
	});
});

describe('event capacity races', () => {
	it(`${RACERS} concurrent registrations for 5 places: never more than 5 confirmed, the rest waitlisted in order`, async () => {
		const racers: Client[] = [];
		const racerIds: string[] = [];
		for (let i = 1; i <= RACERS; i++) {
			const [pr] = await app.db.insert(persons).values({ kind: 'learner', familyName: 'Nguyễn', givenName: `Đua ${i}`, schoolId: thcs.id, path: thcs.path }).returning();
			await app.db.insert(roleGrants).values({ personId: pr.id, role: 'learner', scopeType: 'school', scopeId: thcs.id, scopePath: thcs.path, schoolId: thcs.id });
			const name = `racer${String(i).padStart(2, '0')}`;
			await account(name, pr.id);
			racers.push(await app.loginAs(name));
			racerIds.push(pr.id);
		}
		const e = await ok(await as.leader.post('/api/v1/events', { ...base(), title: 'Cuộc đua', capacity: 5, placeId: null }), 201);
		const results = await Promise.all(racers.map((c) => c.post(`/api/v1/events/${e.id}/registrations`, {}).then((r) => r.json())));
		expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(5);
		expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(RACERS - 5);
		const rows = await app.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id));
		expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
		// Positions are unique and dense, and exactly the first five are confirmed.
		const byPosition = [...rows].sort((a, b) => a.position - b.position);
		expect(byPosition.map((r) => r.position)).toEqual(Array.from({ length: RACERS }, (_, i) => i + 1));
		expect(byPosition.slice(0, 5).every((r) => r.status === 'confirmed')).toBe(true);
		// Each waitlisted caller was told their place, in the order they took the lock.
		const places = results.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPlace).sort((a, b) => a - b);
		expect(places).toEqual(Array.from({ length: RACERS - 5 }, (_, i) => i + 1));

		// Five confirmed cancel at once: the first five waitlisted are promoted, still never more than 5.
		const confirmed = byPosition.slice(0, 5).map((r) => racerIds.indexOf(r.personId));
		await Promise.all(confirmed.map((i) => racers[i].delete(`/api/v1/events/${e.id}/registrations/${racerIds[i]}`)));
		const after = (await app.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id))).sort((a, b) => a.position - b.position);
		expect(after.filter((r) => r.status === 'confirmed').map((r) => r.position)).toEqual([6, 7, 8, 9, 10]);
	});
});

describe('reminders', () => {
	it('is a periodic job', () => expect(periodicJobs.map((j) => j.name)).toContain('event-reminders'));

	it('notifies the confirmed registrants and whoever registered them a day before, once', async () => {
		const [e] = await app.db.select().from(events).where(eq(events.id, id.experience));
		const tooEarly = new Date(e.startsAt.getTime() - 25 * 3600_000);
		const dayBefore = new Date(e.startsAt.getTime() - 23 * 3600_000);
		const reminders = () => app.db.select().from(notifications).where(and(eq(notifications.kind, 'event_reminder'), eq(notifications.key, `event-reminder:${e.id}`)));
		await sendEventReminders(app.db, tooEarly);
		expect(await reminders()).toHaveLength(0);
		await sendEventReminders(app.db, dayBefore);
		// The classmate is confirmed; the learner (waitlisted, registered by the parent) is not reminded.
		expect((await reminders()).map((n) => n.personId)).toEqual([id.classmate]);
		expect((await sendEventReminders(app.db, new Date(dayBefore.getTime() + 3600_000))).sent).toBe(0);
		expect(await reminders()).toHaveLength(1);
	});

	it('an event whose reminder the database refuses does not stop the run: the other events are reminded, and it is on the next run', async () => {
		const [e] = await app.db.select().from(events).where(eq(events.id, id.experience));
		const [seat] = await app.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.personId, id.classmate)));
		const copy = async (title: string) => {
			const { id: _id, createdAt: _c, ...rest } = e;
			const [x] = await app.db.insert(events).values({ ...rest, title }).returning();
			const { id: _s, ...seatRest } = seat;
			await app.db.insert(eventRegistrations).values({ ...seatRest, eventId: x.id });
			return x;
		};
		const refused = await copy('Từ chối');
		const fine = await copy('Bình thường');
		const dayBefore = new Date(e.startsAt.getTime() - 23 * 3600_000);
		// As the database would refuse a notice for a person deleted since the job read the seats.
		await app.db.execute(sql.raw(`create function refuse_notice() returns trigger language plpgsql as $$ begin if new.key = 'event-reminder:${refused.id}' then raise exception 'refused'; end if; return new; end $$`));
		await app.db.execute(sql`create trigger refuse_notice before insert on notifications for each row execute function refuse_notice()`);
		const remindedOf = async (eventId: string) => (await app.db.select().from(notifications).where(eq(notifications.key, `event-reminder:${eventId}`))).map((n) => n.personId);
		try {
			expect((await sendEventReminders(app.db, dayBefore)).sent).toBe(1);
			expect(await remindedOf(fine.id)).toEqual([id.classmate]);
			expect(await remindedOf(refused.id)).toEqual([]);
		} finally {
			await app.db.execute(sql`drop trigger refuse_notice on notifications`);
			await app.db.execute(sql`drop function refuse_notice()`);
		}
		expect((await sendEventReminders(app.db, dayBefore)).sent).toBe(1);
		expect(await remindedOf(refused.id)).toEqual([id.classmate]);
		await app.db.delete(eventRegistrations).where(sql`${eventRegistrations.eventId} in (${refused.id}, ${fine.id})`);
		await app.db.delete(notifications).where(sql`${notifications.key} in (${`event-reminder:${refused.id}`}, ${`event-reminder:${fine.id}`})`);
		await app.db.delete(events).where(sql`${events.id} in (${refused.id}, ${fine.id})`);
	});
});

describe('attendance and feedback', () => {
	it('the organiser records attendance all or nothing, audited; a learner may not', async () => {
		const err = await denied(await as.leader.put(`/api/v1/events/${id.experience}/attendance`, { attendance: [{ personId: id.classmate, attended: true }, { personId: id.learner, attended: true }] }), 400);
		expect(err.details.issues).toEqual([expect.objectContaining({ path: 'attendance.1.personId' })]);
		const [untouched] = await app.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, id.experience), eq(eventRegistrations.personId, id.classmate)));
		expect(untouched.attended).toBeNull();
		await denied(await as.classmate.put(`/api/v1/events/${id.experience}/attendance`, { attendance: [{ personId: id.classmate, attended: true }] }), 403);
		expect(await ok(await as.leader.put(`/api/v1/events/${id.experience}/attendance`, { attendance: [{ personId: id.classmate, attended: true }] }))).toEqual({ updated: 1 });
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event_attendance'), eq(auditLog.entityId, id.experience)));
		expect(audit).toHaveLength(1);
	});

	it('feedback opens once the event has begun, for those who attended only', async () => {
		await denied(await as.classmate.post(`/api/v1/events/${id.experience}/feedback`, { rating: 5 }), 409);
		await app.db.update(events).set({ startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) }).where(eq(events.id, id.experience));
		expect(await ok(await as.classmate.post(`/api/v1/events/${id.experience}/feedback`, { rating: 5, comment: 'Rất vui' }), 201)).toEqual({ rating: 5, comment: 'Rất vui' });
		expect(await ok(await as.classmate.post(`/api/v1/events/${id.experience}/feedback`, { rating: 4, comment: 'Sửa lại' }), 201)).toEqual({ rating: 4, comment: 'Sửa lại' });
		await denied(await as.parent.post(`/api/v1/events/${id.experience}/feedback`, { personId: id.learner, rating: 3 }), 409);
		await denied(await as.classmate.post(`/api/v1/events/${id.experience}/feedback`, { rating: 6 }), 400);
		const view = await ok(await as.leader.get(`/api/v1/events/${id.experience}`));
		expect(view.feedback).toEqual([expect.objectContaining({ rating: 4, comment: 'Sửa lại' })]);
		expect((await ok(await as.classmate.get(`/api/v1/events/${id.experience}`))).feedback).toEqual([]);
	});
});

describe('iCalendar', () => {
	it('one event as an .ics file for whoever may read it', async () => {
		const res = await as.classmate.get(`/events/${id.experience}/event.ics`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const text = await res.text();
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(text).toContain(`UID:event-${id.experience}@sen`);
		expect((await as.leader2.get(`/events/${id.experience}/event.ics`)).status).toBe(404);
		expect((await app.request('GET', `/events/${id.experience}/event.ics`)).status).toBe(303);
	});

	it('the personal feed holds the events one (or one’s child) has a confirmed place at, and needs a sign-in', async () => {
		const mine = await (await as.classmate.get('/events/calendar.ics')).text();
		expect(mine).toContain(`UID:event-${id.experience}@sen`);
		const parents = await (await as.parent.get('/events/calendar.ics')).text();
		expect(parents).not.toContain(`UID:event-${id.experience}@sen`); // the child is only waitlisted
		expect((await app.request('GET', '/events/calendar.ics')).status).toBe(303);
	});
});

describe('cancelling an event', () => {
	it('only the organiser (or those over them) cancels; registrants are notified and registration closes', async () => {
		const e = await ok(await as.teacher.post('/api/v1/events', { ...base(), title: 'Sẽ hủy', capacity: 10, placeId: null }), 201);
		await ok(await as.classmate.post(`/api/v1/events/${e.id}/registrations`, {}), 201);
		await denied(await as.classmate.post(`/api/v1/events/${e.id}/cancel`), 403);
		await denied(await as.counsellor.post(`/api/v1/events/${e.id}/cancel`), 403);
		expect((await ok(await as.leader.post(`/api/v1/events/${e.id}/cancel`))).cancelledAt).toBeTruthy();
		const sent = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.classmate), eq(notifications.kind, 'event_cancelled')));
		expect(sent).toHaveLength(1);
		await denied(await as.learner.post(`/api/v1/events/${e.id}/registrations`, {}), 409);
	});
});

describe('the pages', () => {
	it('the community hub links both sections', async () => {
		const hub = await (await as.parent.get('/community')).text();
		expect(hub).toContain('href="/events"');
		expect(hub).toContain('href="/meetings"');
	});

	it('/events lists what one may see, with the new-event form for organisers only', async () => {
		const learnerPage = await (await as.learner.get('/events')).text();
		expect(learnerPage).toContain('Cuộc đua'); // upcoming, for learners
		expect(learnerPage).not.toContain('Tọa đàm kỹ năng sống');
		expect(learnerPage).not.toContain('action="?/create"');
		expect(await (await as.teacher.get('/events')).text()).toContain('action="?/create"');
		expect((await as.leader2.get(`/events/${id.talk}`)).status).toBe(404);
		expect((await app.request('GET', '/events')).status).toBe(303);
	});

	it('a teacher organises from the form and a learner registers from the event page, without JavaScript; bad input gets a message in Vietnamese', async () => {
		const at = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 16);
		const made = await as.teacher.form('/events?/create', { host: `school:${thcs.id}`, kind: 'fair', title: 'Ngày hội đọc sách', startsAt: at(5), endsAt: at(6), audience: 'everyone', capacity: '2' });
		expect(made.status).toBe(303);
		const path = made.headers.get('location')!;
		expect(path).toMatch(/^\/events\/[0-9a-f-]{36}$/);
		const reg = await as.classmate.form(`${path}?/register`, { personId: id.classmate });
		expect(reg.status).toBe(200);
		const [row] = await app.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, path.split('/').pop()!), eq(eventRegistrations.personId, id.classmate)));
		expect(row.status).toBe('confirmed');
		const bad = await as.teacher.form('/events?/create', { host: `school:${thcs.id}`, kind: 'fair', title: 'Sai giờ', startsAt: at(5), endsAt: at(4), audience: 'everyone' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Thời điểm kết thúc phải sau thời điểm bắt đầu.');
	});
});

describe('the calendar address for calendar apps', () => {
	it('a secret address opens one’s own feed without a session; a new address retires the old; a wrong key is 404', async () => {
		const made = await as.classmate.form('/events?/calendarAddress', {});
		expect(made.status).toBe(200);
		const first = (await made.text()).match(/value="(http[^"]+\/events\/calendar\.ics\?key=([\w-]{43}))"/);
		expect(first).toBeTruthy();
		const feed = await app.request('GET', `/events/calendar.ics?key=${first![2]}`);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(await feed.text()).toContain(`UID:event-${id.experience}@sen`);
		const again = (await (await as.classmate.form('/events?/calendarAddress', {})).text()).match(/key=([\w-]{43})"/)![1];
		expect(again).not.toBe(first![2]);
		expect((await app.request('GET', `/events/calendar.ics?key=${first![2]}`)).status).toBe(404);
		expect((await app.request('GET', `/events/calendar.ics?key=${again}`)).status).toBe(200);
		expect((await app.request('GET', '/events/calendar.ics?key=nope')).status).toBe(404);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'calendar_feed'), eq(auditLog.entityId, id.classmate)))).toHaveLength(2);
	});
});
