/**
 * The register (điểm danh) through the HTTP API, on the demo school THCS Bình Yên: `homeroom` is
 * GVCN of 6A1, `teacher` teaches Toán in 6A1 (but is no homeroom teacher), `leader` leads the
 * school, `parent` (parent@sen.test) is the mother of 6A1's first learner, who is `learner`.
 * Term 1 runs 05/09/2026–10/01/2027, term 2 11/01/2027–31/05/2027.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools } from '#lib/server/organisations/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { attendance } from '#lib/server/gradebook/schema';
import { guardianships, persons } from '#lib/server/people/schema';
import { todayInVietnam } from '#lib/server/gradebook/rules/attendance-day';

let app: TestApp;
const as: Record<string, Client> = {};
let c6a1: string, c6a2: string;
let learners: { id: string; name: string }[];
let parentsChild: string;
/** The learners of 6A1 but the parent's child. */
let others: { id: string; name: string }[];

type Row = { learner: { id: string; name: string }; status: string; note: string; recorded: boolean };
type Day = { on: string; term: number | null; canEdit: boolean; dateProblem: string | null; rows: Row[] };

// Past school days of term 1 (a Monday and a Tuesday in November 2026).
const MON = '2026-11-02';
const TUE = '2026-11-03';
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'parent', 'learner', 'admin']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const cls = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id));
	c6a1 = cls.find((c) => c.name === '6A1')!.id;
	c6a2 = cls.find((c) => c.name === '6A2')!.id;
	const day: Day = await (await as.homeroom.get(`/api/v1/attendance?classId=${c6a1}&on=${MON}`)).json();
	learners = day.rows.map((r) => r.learner);
	const [mother] = await app.db.select().from(persons).where(eq(persons.email, 'parent@sen.test'));
	const [g] = await app.db.select().from(guardianships).where(eq(guardianships.guardianId, mother.id));
	parentsChild = g.learnerId;
	others = learners.filter((l) => l.id !== parentsChild);
});
afterAll(() => app?.close());

const day = async (who: Client, on: string, classId = c6a1): Promise<Day> => {
	const res = await who.get(`/api/v1/attendance?classId=${classId}&on=${on}`);
	expect(res.status).toBe(200);
	return res.json();
};
const save = (who: Client, on: string, records: { learnerId: string; status: string; note?: string }[], classId = c6a1) => who.put('/api/v1/attendance', { classId, on, records });
const mailsSince = async (n: number) => (await app.db.select().from(outbox)).slice(n);
const outboxCount = async () => (await app.db.select().from(outbox)).length;

describe('reading a day', () => {
	it('lists all 12 learners of 6A1 in Vietnamese order, present by default, nothing recorded yet', async () => {
		const d = await day(as.homeroom, MON);
		expect(d.rows).toHaveLength(12);
		expect(d.rows.every((r) => r.status === 'present' && !r.recorded && r.note === '')).toBe(true);
		const given = (n: string) => n.split(' ').at(-1)!;
		const sorted = [...d.rows].sort((a, b) => new Intl.Collator('vi').compare(given(a.learner.name), given(b.learner.name)));
		expect(d.rows.map((r) => given(r.learner.name))).toEqual(sorted.map((r) => given(r.learner.name)));
		expect(d).toMatchObject({ on: MON, term: 1, canEdit: true, dateProblem: null });
	});

	it('lets the school leader read the register but not change it', async () => {
		const d = await day(as.leader, MON);
		expect(d.canEdit).toBe(false);
		expect((await save(as.leader, MON, [{ learnerId: learners[0].id, status: 'late' }])).status).toBe(403);
	});

	it('says why a future day cannot be recorded', async () => {
		const tomorrow = addDays(todayInVietnam(), 1);
		const d = await day(as.homeroom, tomorrow);
		expect(d.dateProblem).toContain('ngày chưa tới');
	});

	it('should fail with 400 for a date that does not exist', async () => {
		const res = await as.homeroom.get(`/api/v1/attendance?classId=${c6a1}&on=2026-11-31`);
		expect(res.status).toBe(400);
		expect((await res.json()).error.message).toContain('Ngày không hợp lệ');
	});
});

describe('saving a day', () => {
	it('records the homeroom teacher’s day with one audit record, and reads it back', async () => {
		const [a, b, c] = others;
		const res = await save(as.homeroom, MON, [
			{ learnerId: a.id, status: 'present' },
			{ learnerId: b.id, status: 'unexcused', note: 'Không rõ lí do' },
			{ learnerId: c.id, status: 'late' }
		]);
		expect(res.status).toBe(200);
		const saved: Day = await res.json();
		expect(saved.rows.find((r) => r.learner.id === b.id)).toMatchObject({ status: 'unexcused', note: 'Không rõ lí do', recorded: true });
		const read = await day(as.leader, MON);
		expect(read.rows.find((r) => r.learner.id === c.id)).toMatchObject({ status: 'late', recorded: true });
		expect(read.rows.find((r) => r.learner.id === others[3].id)).toMatchObject({ status: 'present', recorded: false });
		const audits = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attendance_day'), eq(auditLog.entityId, `${c6a1}:${MON}`)));
		expect(audits).toHaveLength(1);
		expect(audits[0].after).toMatchObject({ on: MON, records: expect.arrayContaining([expect.objectContaining({ learnerId: b.id, status: 'unexcused' })]) });
	});

	it('should fail with 400 and a message per row for an invalid status or a learner of another class, and write nothing', async () => {
		const other = (await day(as.leader, MON, c6a2)).rows[0].learner.id;
		const before = await app.db.select().from(attendance);
		const res = await save(as.homeroom, TUE, [
			{ learnerId: learners[0].id, status: 'unexcused' },
			{ learnerId: learners[1].id, status: 'absent' },
			{ learnerId: other, status: 'present' },
			{ learnerId: 'not-a-learner', status: 'late' }
		]);
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.error.message).toBe('3 dòng chưa hợp lệ; chưa lưu dòng nào.');
		expect(body.error.details.records.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
			[1, 'status_invalid'],
			[2, 'learner_not_in_class'],
			[3, 'learner_not_in_class']
		]);
		expect(body.error.details.records[0].message).toBe('Chọn Có mặt, Vắng có phép, Vắng không phép hoặc Đi muộn.');
		expect(await app.db.select().from(attendance)).toHaveLength(before.length);
	});

	it('should fail with 400 for a future day, and for a day outside both terms, with a clear message', async () => {
		const tomorrow = addDays(todayInVietnam(), 1);
		const future = await save(as.homeroom, tomorrow, [{ learnerId: learners[0].id, status: 'excused' }]);
		expect(future.status).toBe(400);
		const fb = await future.json();
		expect(fb.error.message).toMatch(/^Không điểm danh trước cho ngày chưa tới \(\d\d\/\d\d\/\d{4}\)/);
		expect(fb.error.details.issues).toEqual([expect.objectContaining({ path: 'on' })]);

		const summer = await save(as.homeroom, '2026-08-20', [{ learnerId: learners[0].id, status: 'excused' }]);
		expect(summer.status).toBe(400);
		expect((await summer.json()).error.message).toBe('Ngày 20/08/2026 không thuộc học kì nào của năm học, nên không điểm danh được. Hãy chọn một ngày trong học kì I hoặc học kì II.');
		const written = await app.db.select().from(attendance).where(eq(attendance.on, '2026-08-20'));
		expect(written).toHaveLength(0);
	});

	it('answers in English when asked', async () => {
		const res = await app.request('PUT', '/api/v1/attendance', {
			cookie: `${as.homeroom.cookie}; PARAGLIDE_LOCALE=en`,
			body: { classId: c6a1, on: TUE, records: [{ learnerId: learners[0].id, status: 'gone' }] }
		});
		expect(res.status).toBe(400);
		expect((await res.json()).error.details.records[0].message).toBe('Choose Present, Excused absence, Unexcused absence or Late.');
	});
});

describe('who may take the register', () => {
	it('should fail with 403 when the subject teacher of the class (not its homeroom teacher) saves', async () => {
		const res = await save(as.teacher, TUE, [{ learnerId: learners[0].id, status: 'late' }]);
		expect(res.status).toBe(403);
		expect((await res.json()).error.message).toBe('Chỉ giáo viên chủ nhiệm của lớp mới được điểm danh.');
	});

	it('should fail with 403 when the homeroom teacher of 6A1 saves for 6A2', async () => {
		const other = (await day(as.leader, MON, c6a2)).rows[0].learner.id;
		expect((await save(as.homeroom, TUE, [{ learnerId: other, status: 'late' }], c6a2)).status).toBe(403);
	});

	it('should fail with 404 when a parent or a learner asks for a class register', async () => {
		expect((await as.parent.get(`/api/v1/attendance?classId=${c6a1}&on=${MON}`)).status).toBe(404);
		expect((await as.learner.get(`/api/v1/attendance?classId=${c6a1}&on=${MON}`)).status).toBe(404);
		expect((await save(as.parent, MON, [{ learnerId: parentsChild, status: 'present' }])).status).toBe(404);
		expect((await as.parent.get(`/api/v1/attendance/totals?classId=${c6a1}&term=1`)).status).toBe(404);
	});

	it('should fail with 401 without a session, and the administrator reads but never writes', async () => {
		expect((await app.request('GET', `/api/v1/attendance?classId=${c6a1}&on=${MON}`)).status).toBe(401);
		expect((await day(as.admin, MON)).canEdit).toBe(false);
		expect((await save(as.admin, MON, [{ learnerId: learners[0].id, status: 'late' }])).status).toBe(403);
	});
});

describe('telling the family', () => {
	it('emails the guardian once for a new absence, not when the same status is saved again, again when it changes', async () => {
		const on = '2026-11-04';
		let n = await outboxCount();
		expect((await save(as.homeroom, on, [{ learnerId: parentsChild, status: 'excused', note: 'Ốm, mẹ xin phép' }])).status).toBe(200);
		const first = await mailsSince(n);
		expect(first.map((m) => m.recipient)).toEqual(['parent@sen.test']);
		expect(first[0].subject).toMatch(/^Điểm danh: /);
		expect(first[0].body).toContain('vắng có phép ngày 04/11/2026');
		expect(first[0].body).toContain('Ốm, mẹ xin phép');

		n = await outboxCount();
		expect((await save(as.homeroom, on, [{ learnerId: parentsChild, status: 'excused', note: 'Ốm, mẹ xin phép' }])).status).toBe(200);
		expect((await save(as.homeroom, on, [{ learnerId: parentsChild, status: 'excused', note: 'Ốm sốt' }])).status).toBe(200);
		expect(await mailsSince(n)).toHaveLength(0);

		expect((await save(as.homeroom, on, [{ learnerId: parentsChild, status: 'late' }])).status).toBe(200);
		expect((await mailsSince(n)).map((m) => m.body)).toEqual([expect.stringContaining('đi học muộn')]);
	});

	it('tells no one about a learner marked present, nor a learner without a guardian email', async () => {
		const n = await outboxCount();
		const noGuardian = others[0];
		expect((await save(as.homeroom, '2026-11-05', [{ learnerId: parentsChild, status: 'present' }, { learnerId: noGuardian.id, status: 'unexcused' }])).status).toBe(200);
		expect(await mailsSince(n)).toHaveLength(0);
	});
});

describe('term totals', () => {
	it('counts each learner’s days per term, with absences for promotion, and only the term asked for', async () => {
		const [, b, c] = others;
		// Term 2 has not started: a record there would be refused, so term 2 totals are empty.
		const t1 = await as.leader.get(`/api/v1/attendance/totals?classId=${c6a1}&term=1`);
		expect(t1.status).toBe(200);
		const body = await t1.json();
		expect(body).toMatchObject({ term: 1, startsOn: '2026-09-05', endsOn: '2027-01-10' });
		expect(body.rows).toHaveLength(12);
		expect(body.rows.find((r: { learner: { id: string } }) => r.learner.id === b.id)).toMatchObject({ unexcused: 1, excused: 0, absences: 1, days: 1 });
		expect(body.rows.find((r: { learner: { id: string } }) => r.learner.id === c.id)).toMatchObject({ late: 1, absences: 0 });
		const child = body.rows.find((r: { learner: { id: string } }) => r.learner.id === parentsChild);
		// 04/11 late (was excused), 05/11 present.
		expect(child).toMatchObject({ present: 1, late: 1, excused: 0, unexcused: 0, days: 2, absences: 0 });
		const t2 = await (await as.homeroom.get(`/api/v1/attendance/totals?classId=${c6a1}&term=2`)).json();
		expect(t2.rows.every((r: { days: number }) => r.days === 0)).toBe(true);
	});

	it('should fail with 400 for a term other than 1 or 2', async () => {
		expect((await as.leader.get(`/api/v1/attendance/totals?classId=${c6a1}&term=3`)).status).toBe(400);
	});
});
