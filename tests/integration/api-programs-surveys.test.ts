/**
 * Surveys through the HTTP API on a real database, with the demo: `city` (the program office),
 * `unit` (the officer of Xã Thạch Thất: THCS Bình Yên and Liên cấp Sao Mai), `leader` (THCS Bình
 * Yên). Added here: `leader2` (THPT Sông Hồng, under the city directly) and `leader3` (Sao Mai).
 * The demo's IT-readiness survey was sent by the city to all five schools: three submitted, THCS
 * Bình Yên holds a draft, Sao Mai has not started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { countingDatabase } from '../helpers/db';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { surveyResponses, surveys } from '#lib/server/programs/survey-schema';
import { sendSurvey, sendSurveyReminders } from '#lib/server/programs/survey-service';
import { surveyFigures } from '#lib/server/programs/survey-figures';
import { readinessByUnitUnder } from '#lib/server/programs/readiness-service';
import { readinessIndex, readyForGradebook } from '#lib/server/programs/readiness-rules';
import { periodicJobs } from '#lib/server/platform/jobs';
import { hashPassword } from '#lib/server/auth/password';
import { loadPrincipal } from '#lib/server/auth/service';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
const school: Record<string, typeof schools.$inferSelect> = {};
const unit: Record<string, typeof orgUnits.$inferSelect> = {};
let demoSurveyId: string;

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const refused = async (res: Response, status: number) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body.error;
};
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

async function leaderOf(username: string, code: string) {
	const s = school[code];
	const [person] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Lê', middleName: 'Thị', givenName: username, schoolId: s.id, path: s.path }).returning();
	await app.db.insert(roleGrants).values({ personId: person.id, role: 'school_leader', scopeType: 'school', scopeId: s.id, scopePath: s.path, schoolId: s.id });
	await app.db.insert(accounts).values({ personId: person.id, username, email: `${username}@sen.test`, passwordHash: await hashPassword(DEMO_PASSWORD) });
	id[username] = person.id;
}

const definition = {
	sections: [
		{
			id: 's1',
			title: 'Thiết bị',
			questions: [
				{ id: 'computers', label: 'Số máy tính', type: 'number', min: 0, max: 500, integer: true, required: true },
				{ id: 'internet', label: 'Có Internet?', type: 'choice', required: true, options: [{ value: 'yes', label: 'Có' }, { value: 'no', label: 'Không' }] },
				{ id: 'note', label: 'Ghi chú', type: 'text', maxLength: 200 }
			]
		}
	]
};

beforeAll(async () => {
	app = await startApp();
	for (const s of await app.db.select().from(schools)) school[s.code] = s;
	for (const u of await app.db.select().from(orgUnits)) unit[u.code] = u;
	for (const u of ['city', 'unit', 'leader', 'teacher', 'learner']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	await leaderOf('leader2', 'THPT-SONGHONG');
	await leaderOf('leader3', 'LC-SAOMAI');
	for (const u of ['city', 'unit', 'leader', 'leader2', 'leader3', 'teacher']) as[u] = await app.loginAs(u);
	[{ id: demoSurveyId }] = await app.db.select().from(surveys).where(eq(surveys.template, 'it_readiness'));
}, 120_000);
afterAll(() => app?.close());

const responseOf = async (surveyId: string, code: string) => (await app.db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.schoolId, school[code].id))))[0];

describe('who may build and list surveys', () => {
	it('should fail with 401 without a session', async () => expect((await app.request('GET', '/api/v1/surveys')).status).toBe(401));
	it('a school leader or a teacher cannot list surveys (403)', async () => {
		await refused(await as.leader.get('/api/v1/surveys'), 403);
		await refused(await as.teacher.get('/api/v1/surveys'), 403);
	});
	it('a teacher cannot create one, nor list responses', async () => {
		await refused(await as.teacher.post('/api/v1/surveys', { title: 'X' }), 403);
		await refused(await as.teacher.get('/api/v1/survey-responses'), 403);
	});
	it('the unit officer cannot change or send the city’s survey (404), nor create one for another unit (403)', async () => {
		await refused(await as.unit.put(`/api/v1/surveys/${demoSurveyId}`, { version: 1, title: 'X' }), 404);
		await refused(await as.unit.post(`/api/v1/surveys/${demoSurveyId}/send`), 404);
		await refused(await as.unit.post('/api/v1/surveys', { title: 'X', orgUnitId: unit['HN-BADINH'].id }), 403);
	});
	it('the unit officer does not see the city’s survey; the city officer does', async () => {
		expect((await ok(await as.unit.get('/api/v1/surveys'))).items.map((s: { id: string }) => s.id)).not.toContain(demoSurveyId);
		await refused(await as.unit.get(`/api/v1/surveys/${demoSurveyId}`), 404);
		const city = (await ok(await as.city.get('/api/v1/surveys'))).items.find((s: { id: string }) => s.id === demoSurveyId);
		expect(city.progress).toEqual({ total: 5, submitted: 3, draft: 1 });
	});
	it('a definition is validated as a discriminated union (a choice needs two options; no unknown types)', async () => {
		const bad = await refused(await as.unit.post('/api/v1/surveys', { title: 'X', definition: { sections: [{ id: 's1', questions: [{ id: 'a', label: 'A', type: 'choice', options: [{ value: 'x', label: 'X' }] }] }] } }), 400);
		expect(bad.details.issues[0].path).toBe('definition.sections.0.questions.0.options');
		await refused(await as.unit.post('/api/v1/surveys', { title: 'X', definition: { sections: [{ id: 's1', questions: [{ id: 'a', label: 'A', type: 'date' }] }] } }), 400);
	});
	it('the template button makes a draft with the IT-readiness questions', async () => {
		const s = await ok(await as.unit.post('/api/v1/surveys', { template: 'it_readiness' }), 201);
		expect(s).toMatchObject({ template: 'it_readiness', status: 'draft', title: 'Khảo sát mức độ sẵn sàng CNTT trước khi triển khai sổ điểm điện tử' });
		expect(s.definition.sections.flatMap((x: { questions: unknown[] }) => x.questions)).toHaveLength(15);
	});
});

describe('a unit officer’s survey from draft to submissions', () => {
	let sid: string;
	let version: number;
	let thcsResponse: string;
	let lcResponse: string;

	it('is created under the officer’s unit and audited', async () => {
		const s = await ok(await as.unit.post('/api/v1/surveys', { title: 'Thiết bị dạy học', definition }), 201);
		sid = s.id;
		version = s.version;
		const [row] = await app.db.select().from(surveys).where(eq(surveys.id, sid));
		expect(row.path).toBe(unit['HN-THACHTHAT'].path);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, sid), eq(auditLog.action, 'create')))).toHaveLength(1);
		// The city officer over the unit reads it too.
		expect((await ok(await as.city.get(`/api/v1/surveys/${sid}`))).title).toBe('Thiết bị dạy học');
	});

	it('target resolution never leaves the sender’s scope: another unit, a city school, a school of another unit are refused', async () => {
		const put = (target: unknown) => as.unit.put(`/api/v1/surveys/${sid}`, { version, target });
		expect((await refused(await put({ kind: 'unit', orgUnitId: unit['HN-BADINH'].id }), 400)).details.issues[0].path).toBe('target.orgUnitId');
		await refused(await put({ kind: 'unit', orgUnitId: unit.HN.id }), 400);
		await refused(await put({ kind: 'schools', schoolIds: [school['THCS-BINHYEN'].id, school['TH-HOASUA'].id] }), 400);
		await refused(await put({ kind: 'schools', schoolIds: [school['THPT-SONGHONG'].id] }), 400);
		await refused(await put({ kind: 'level', orgUnitId: unit['HN-BADINH'].id, level: 'primary' }), 400);
	});

	it('a save naming an older version is a 409', async () => {
		const s = await ok(await as.unit.put(`/api/v1/surveys/${sid}`, { version, target: { kind: 'unit', orgUnitId: unit['HN-THACHTHAT'].id } }));
		expect(s.version).toBe(version + 1);
		await refused(await as.unit.put(`/api/v1/surveys/${sid}`, { version, title: 'Cũ' }), 409);
		version = s.version;
	});

	it('cannot be sent without an open period; then sending makes one not-started response per school and notifies the leaders', async () => {
		const noPeriod = await refused(await as.unit.post(`/api/v1/surveys/${sid}/send`), 400);
		expect(noPeriod.details.issues.map((i: { path: string }) => i.path)).toEqual(['closesAt']);
		await refused(await as.unit.put(`/api/v1/surveys/${sid}`, { version, opensAt: inDays(1), closesAt: inDays(-1) }), 400);
		await ok(await as.unit.put(`/api/v1/surveys/${sid}`, { version, opensAt: inDays(-1), closesAt: inDays(10) }));
		await refused(await as.leader.post(`/api/v1/surveys/${sid}/send`), 404);
		const sent = await ok(await as.unit.post(`/api/v1/surveys/${sid}/send`));
		expect(sent).toMatchObject({ status: 'sent', schools: 2 });
		const rows = await app.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, sid));
		expect(rows.map((r) => [r.schoolId, r.status]).sort()).toEqual([[school['THCS-BINHYEN'].id, 'not_started'], [school['LC-SAOMAI'].id, 'not_started']].sort());
		thcsResponse = rows.find((r) => r.schoolId === school['THCS-BINHYEN'].id)!.id;
		lcResponse = rows.find((r) => r.schoolId === school['LC-SAOMAI'].id)!.id;
		const notes = await app.db.select().from(notifications).where(and(eq(notifications.kind, 'survey_sent'), eq(notifications.personId, id.leader)));
		expect(notes.map((n) => n.title)).toContain('Khảo sát mới: Thiết bị dạy học');
		await refused(await as.unit.post(`/api/v1/surveys/${sid}/send`), 409);
		await refused(await as.unit.put(`/api/v1/surveys/${sid}`, { version: sent.version, title: 'Sửa sau khi gửi' }), 409);
	});

	it('a leader sees only their school’s response; another school’s is a 404', async () => {
		const mine = (await ok(await as.leader.get(`/api/v1/survey-responses?surveyId=${sid}`))).items;
		expect(mine.map((r: { id: string }) => r.id)).toEqual([thcsResponse]);
		await refused(await as.leader.get(`/api/v1/survey-responses/${lcResponse}`), 404);
		await refused(await as.leader2.get(`/api/v1/survey-responses/${thcsResponse}`), 404);
		await refused(await as.leader2.put(`/api/v1/survey-responses/${thcsResponse}`, { version: 1, answers: {} }), 404);
		const r = await ok(await as.leader.get(`/api/v1/survey-responses/${thcsResponse}`));
		expect(r).toMatchObject({ status: 'not_started', mayEdit: true, version: 1 });
		expect(r.survey.definition.sections[0].questions).toHaveLength(3);
	});

	it('a draft type-checks every answer with a message per question, and may leave gaps', async () => {
		const bad = await refused(await as.leader.put(`/api/v1/survey-responses/${thcsResponse}`, { version: 1, answers: { computers: 900, note: 'x'.repeat(201) } }), 400);
		expect(bad.details.issues).toEqual([
			{ path: 'answers.computers', message: 'Câu 1: phải là số nguyên từ 0 đến 500' },
			{ path: 'answers.note', message: 'Câu 3: tối đa 200 ký tự' }
		]);
		const saved = await ok(await as.leader.put(`/api/v1/survey-responses/${thcsResponse}`, { version: 1, answers: { computers: 40 } }));
		expect(saved).toMatchObject({ status: 'draft', version: 2, answers: { computers: 40 } });
	});

	it('two saves from the same version: the second is a 409 and changes nothing', async () => {
		const second = await refused(await as.leader.put(`/api/v1/survey-responses/${thcsResponse}`, { version: 1, answers: { computers: 1 } }), 409);
		expect(second.details.version).toBe(2);
		expect((await responseOf(sid, 'THCS-BINHYEN')).answers).toEqual({ computers: 40 });
	});

	it('an officer may read but not answer', async () => {
		await ok(await as.unit.get(`/api/v1/survey-responses/${thcsResponse}`));
		await refused(await as.unit.put(`/api/v1/survey-responses/${thcsResponse}`, { version: 2, answers: {} }), 403);
	});

	it('a submission missing a required answer is refused with per-question errors and writes nothing', async () => {
		const bad = await refused(await as.leader.post(`/api/v1/survey-responses/${thcsResponse}/submit`, { version: 2, answers: { computers: 40, note: 'ok' } }), 400);
		expect(bad.details.issues).toEqual([{ path: 'answers.internet', message: 'Câu 2: bắt buộc trả lời' }]);
		expect(await responseOf(sid, 'THCS-BINHYEN')).toMatchObject({ status: 'draft', version: 2, answers: { computers: 40 } });
	});

	it('submits when every required answer is valid, and is locked afterwards', async () => {
		const r = await ok(await as.leader.post(`/api/v1/survey-responses/${thcsResponse}/submit`, { version: 2, answers: { computers: 40, internet: 'yes' } }));
		expect(r).toMatchObject({ status: 'submitted', version: 3, readinessIndex: null });
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, thcsResponse), eq(auditLog.action, 'submit')))).toHaveLength(1);
		const locked = await refused(await as.leader.put(`/api/v1/survey-responses/${thcsResponse}`, { version: 3, answers: { computers: 1 } }), 409);
		expect(locked.message).toBe('Trường đã nộp khảo sát; chỉ sửa được khi cán bộ gửi trả lại.');
		await refused(await as.leader.post(`/api/v1/survey-responses/${thcsResponse}/submit`, { version: 3 }), 409);
	});

	it('the status board: per school with dates, counts per unit, filters', async () => {
		const b = await ok(await as.unit.get(`/api/v1/surveys/${sid}/status`));
		expect(b.totals).toEqual({ total: 2, submitted: 1, draft: 0, notStarted: 1 });
		expect(b.units).toEqual([{ orgUnitId: unit['HN-THACHTHAT'].id, name: 'Xã Thạch Thất', total: 2, submitted: 1, draft: 0, notStarted: 1 }]);
		const thcs = b.rows.find((r: { school: { code: string } }) => r.school.code === 'THCS-BINHYEN');
		expect(thcs.status).toBe('submitted');
		expect(thcs.submittedAt).toBeTruthy();
		const f = await ok(await as.unit.get(`/api/v1/surveys/${sid}/status?status=not_started`));
		expect(f.rows.map((r: { school: { code: string } }) => r.school.code)).toEqual(['LC-SAOMAI']);
		await refused(await as.leader.get(`/api/v1/surveys/${sid}/status`), 404);
		await refused(await as.unit.get(`/api/v1/surveys/${sid}/status?status=nope`), 400);
	});

	it('only the sender returns a submission, with a reason; the school resubmits', async () => {
		await refused(await as.leader.post(`/api/v1/survey-responses/${thcsResponse}/return`, { reason: 'x' }), 404);
		await refused(await as.unit.post(`/api/v1/survey-responses/${thcsResponse}/return`, { reason: '' }), 400);
		const r = await ok(await as.unit.post(`/api/v1/survey-responses/${thcsResponse}/return`, { reason: 'Số máy tính chưa khớp báo cáo thiết bị' }));
		expect(r).toMatchObject({ status: 'returned', returnReason: 'Số máy tính chưa khớp báo cáo thiết bị' });
		const [note] = await app.db.select().from(notifications).where(and(eq(notifications.kind, 'survey_returned'), eq(notifications.personId, id.leader)));
		expect(note.body).toBe('Số máy tính chưa khớp báo cáo thiết bị');
		await refused(await as.unit.post(`/api/v1/survey-responses/${thcsResponse}/return`, { reason: 'lần hai' }), 409);
		const draft = await ok(await as.leader.put(`/api/v1/survey-responses/${thcsResponse}`, { version: r.version, answers: { computers: 38, internet: 'yes' } }));
		expect(draft.status).toBe('returned');
		const again = await ok(await as.leader.post(`/api/v1/survey-responses/${thcsResponse}/submit`, { version: draft.version }));
		expect(again).toMatchObject({ status: 'submitted', answers: { computers: 38, internet: 'yes' } });
	});

	it('after closing, a late save or submission is refused with a clear message', async () => {
		await app.db.update(surveys).set({ closesAt: new Date(Date.now() - 60_000) }).where(eq(surveys.id, sid));
		const late = await refused(await as.leader3.post(`/api/v1/survey-responses/${lcResponse}/submit`, { version: 1, answers: { computers: 3, internet: 'no' } }), 409);
		expect(late.message).toBe('Khảo sát đã hết hạn nộp; không thể lưu hay nộp nữa. Hãy liên hệ cán bộ gửi khảo sát.');
		expect((await ok(await as.leader3.get(`/api/v1/survey-responses/${lcResponse}`))).mayEdit).toBe(false);
		expect((await responseOf(sid, 'LC-SAOMAI')).status).toBe('not_started');
	});

	it('a submission returned after closing may still be corrected and resubmitted (the return reopens it)', async () => {
		const r = await ok(await as.unit.post(`/api/v1/survey-responses/${thcsResponse}/return`, { reason: 'Số máy tính cần sửa' }));
		expect((await ok(await as.leader.get(`/api/v1/survey-responses/${thcsResponse}`))).mayEdit).toBe(true);
		const again = await ok(await as.leader.post(`/api/v1/survey-responses/${thcsResponse}/submit`, { version: r.version, answers: { computers: 39, internet: 'yes' } }));
		expect(again).toMatchObject({ status: 'submitted', answers: { computers: 39, internet: 'yes' } });
		await refused(await as.leader.put(`/api/v1/survey-responses/${thcsResponse}`, { version: again.version, answers: { computers: 1 } }), 409);
	});
});

describe('a level target resolves within the sender’s scope', () => {
	it('the city’s “lower-secondary schools of Thạch Thất” is THCS Bình Yên only; “all primary schools” the city’s', async () => {
		const s = await ok(await as.city.post('/api/v1/surveys', { title: 'Cấp học', definition }), 201);
		await ok(await as.city.put(`/api/v1/surveys/${s.id}`, { version: s.version, target: { kind: 'level', orgUnitId: unit['HN-THACHTHAT'].id, level: 'lower_secondary' }, opensAt: inDays(-1), closesAt: inDays(5) }));
		expect((await ok(await as.city.post(`/api/v1/surveys/${s.id}/send`))).schools).toBe(1);
		expect((await app.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id))).map((r) => r.schoolId)).toEqual([school['THCS-BINHYEN'].id]);
	});
});

describe('the IT-readiness index', () => {
	const full = { teachers_total: 42, teachers_basic_it: 40, teachers_it_certificate: 20, staff_skill_self: 4, internet_type: 'fiber', bandwidth_mbps: 100, wifi_coverage_pct: 80, learners_total: 900, computers_learners: 60, computers_teachers: 42, tablets: 20, classrooms_total: 24, classrooms_equipped: 18, server: 'cloud', software: ['gradebook', 'zalo'] };

	it('is computed on submission from the answers (the demo draft of THCS Bình Yên)', async () => {
		const r = await responseOf(demoSurveyId, 'THCS-BINHYEN');
		const done = await ok(await as.leader.post(`/api/v1/survey-responses/${r.id}/submit`, { version: r.version, answers: full }));
		expect(done.readinessIndex).toBe(readinessIndex(full));
		expect(done.ready).toBe(readyForGradebook(full));
		expect(done.ready).toBe(true);
	});

	it('by unit and by school for the city: averages and ready counts equal the submitted responses', async () => {
		const x = await ok(await as.city.get('/api/v1/surveys/readiness'));
		expect(x.survey.id).toBe(demoSurveyId);
		const rows = await app.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, demoSurveyId));
		const bySchool = new Map(rows.map((r) => [r.schoolId, r]));
		for (const u of x.units) {
			const mine = rows.filter((r) => Object.values(school).find((s) => s.id === r.schoolId)!.orgUnitId === u.orgUnitId);
			const sub = mine.filter((r) => r.status === 'submitted');
			expect(u.schools).toBe(mine.length);
			expect(u.submitted).toBe(sub.length);
			expect(u.ready).toBe(sub.filter((r) => r.ready).length);
			if (sub.length) expect(u.averageIndex).toBeCloseTo(sub.reduce((a, r) => a + r.readinessIndex!, 0) / sub.length, 1);
			else expect(u.averageIndex).toBeNull();
		}
		expect(x.schools).toHaveLength(5);
		for (const s of x.schools) if (s.status === 'submitted') expect(s.index).toBe(bySchool.get(s.schoolId)!.readinessIndex);
		// The demo has one school below the bar.
		expect(x.schools.filter((s: { ready: boolean | null }) => s.ready === false).length).toBeGreaterThanOrEqual(1);
	});

	it('a unit officer sees only their unit’s schools; a leader only their own', async () => {
		const u = await ok(await as.unit.get(`/api/v1/surveys/readiness?surveyId=${demoSurveyId}`));
		expect(u.units.map((x: { name: string }) => x.name)).toEqual(['Xã Thạch Thất']);
		expect(u.schools.map((s: { code: string }) => s.code).sort()).toEqual(['LC-SAOMAI', 'THCS-BINHYEN']);
		const l = await ok(await as.leader2.get('/api/v1/surveys/readiness'));
		expect(l.schools.map((s: { code: string }) => s.code)).toEqual(['THPT-SONGHONG']);
		await refused(await as.teacher.get('/api/v1/surveys/readiness'), 403);
	});
});

describe('export, reminders, figures, OpenAPI', () => {
	it('exports one row per school as .xlsx with the index', async () => {
		const res = await as.city.get(`/api/v1/surveys/${demoSurveyId}/responses.xlsx`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('spreadsheetml');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		const ws = wb.worksheets[0];
		expect(ws.rowCount).toBe(6);
		expect(ws.getRow(1).getCell(6).value).toBe('Chỉ số sẵn sàng CNTT');
		const codes = [2, 3, 4, 5, 6].map((i) => ws.getRow(i).getCell(1).value);
		expect(codes.sort()).toEqual(['LC-SAOMAI', 'MN-HOASEN', 'TH-HOASUA', 'THCS-BINHYEN', 'THPT-SONGHONG']);
		// The city's survey is not the unit officer's to export.
		expect((await as.unit.get(`/api/v1/surveys/${demoSurveyId}/responses.xlsx`)).status).toBe(404);
	});

	it('reminds schools that have not submitted: N days before closing and on the last day, once each (the periodic job)', async () => {
		expect(periodicJobs.map((j) => j.name)).toContain('survey-reminders');
		const [s] = await app.db.select().from(surveys).where(eq(surveys.id, demoSurveyId));
		const lc = await responseOf(demoSurveyId, 'LC-SAOMAI');
		const leaderNotes = () => app.db.select().from(notifications).where(and(eq(notifications.kind, 'survey_reminder'), eq(notifications.personId, id.leader3)));
		expect(await sendSurveyReminders(app.db, new Date(s.closesAt!.getTime() - 7 * 86_400_000))).toBe(0);
		const twoDays = new Date(s.closesAt!.getTime() - 2 * 86_400_000);
		expect(await sendSurveyReminders(app.db, twoDays)).toBeGreaterThan(0);
		// Once sent, a reminder is not tried again: the next run writes nothing (no transaction at all).
		let writes = 0;
		const counting = new Proxy(app.db, { get: (t, k, rcv) => (k === 'transaction' ? (...a: unknown[]) => (writes++, (t.transaction as (...x: unknown[]) => unknown)(...a)) : Reflect.get(t, k, rcv)) });
		expect(await sendSurveyReminders(counting as typeof app.db, new Date(twoDays.getTime() + 3600_000))).toBe(0);
		expect(writes).toBe(0);
		expect((await leaderNotes()).map((n) => n.title)).toEqual(['Nhắc nộp khảo sát: ' + s.title]);
		await sendSurveyReminders(app.db, new Date(s.closesAt!.getTime() - 60_000));
		expect((await leaderNotes()).length).toBe(2);
		// The submitted school's leader gets none.
		expect(await app.db.select().from(notifications).where(and(eq(notifications.kind, 'survey_reminder'), eq(notifications.personId, id.leader2)))).toHaveLength(0);
		expect(lc.status).toBe('not_started');
	});

	it('the report figures equal the data', async () => {
		const from = new Date(Date.now() - 60 * 86_400_000);
		const to = new Date(Date.now() + 86_400_000);
		const figs = Object.fromEntries((await surveyFigures(app.db, { path: unit.HN.path, from, to })).map((f) => [f.key, f.value]));
		const all = await app.db.select().from(surveyResponses);
		const sentSurveys = (await app.db.select().from(surveys)).filter((s) => s.status === 'sent');
		const inScope = all.filter((r) => sentSurveys.some((s) => s.id === r.surveyId));
		expect(figs['surveys.sent']).toBe(new Set(inScope.map((r) => r.surveyId)).size);
		expect(figs['surveys.response_rate']).toBeCloseTo((100 * inScope.filter((r) => r.status === 'submitted').length) / inScope.length, 1);
		const readiness = inScope.filter((r) => r.surveyId === demoSurveyId && r.status === 'submitted');
		expect(figs['surveys.readiness.average_index']).toBeCloseTo(readiness.reduce((a, r) => a + r.readinessIndex!, 0) / readiness.length, 1);
		expect(figs['surveys.readiness.ready']).toBe(readiness.filter((r) => r.ready).length);
		const thachThat = Object.fromEntries((await surveyFigures(app.db, { path: unit['HN-THACHTHAT'].path, from, to })).map((f) => [f.key, f.value]));
		const tt = inScope.filter((r) => r.path.startsWith(unit['HN-THACHTHAT'].path));
		expect(thachThat['surveys.response_rate']).toBeCloseTo((100 * tt.filter((r) => r.status === 'submitted').length) / tt.length, 1);
		const none = await surveyFigures(app.db, { path: unit.HN.path, from: new Date('2000-01-01'), to: new Date('2000-02-01') });
		expect(none.map((f) => f.value)).toEqual([0, null, null, null]);
	});

	it('every survey route is in OpenAPI', async () => {
		const doc = await ok(await app.request('GET', '/api/v1/openapi.json'));
		for (const path of ['/surveys', '/surveys/{id}', '/surveys/{id}/send', '/surveys/{id}/status', '/surveys/readiness', '/survey-responses', '/survey-responses/{id}', '/survey-responses/{id}/submit', '/survey-responses/{id}/return', '/survey-responses/{id}/files/{fileId}']) expect(Object.keys(doc.paths)).toContain(`/api/v1${path}`);
	});
});

describe('which IT-readiness survey the tables show', () => {
	it('a unit’s own later readiness survey of its schools never replaces the city’s survey of every school on the city’s tables', async () => {
		const t = await ok(await as.unit.post('/api/v1/surveys', { template: 'it_readiness' }), 201);
		await ok(await as.unit.put(`/api/v1/surveys/${t.id}`, { version: t.version, target: { kind: 'unit', orgUnitId: unit['HN-THACHTHAT'].id }, opensAt: inDays(-1), closesAt: inDays(20) }));
		await ok(await as.unit.post(`/api/v1/surveys/${t.id}/send`));
		const city = await readinessByUnitUnder(app.db, unit.HN.path);
		expect(city.reduce((a, u) => a + u.schools, 0)).toBe(5);
		expect((await ok(await as.city.get('/api/v1/surveys/readiness'))).survey.id).toBe(demoSurveyId);
		// The unit's own, sent last, is the unit's latest.
		expect((await ok(await as.unit.get('/api/v1/surveys/readiness'))).survey.id).toBe(t.id);
		expect(await readinessByUnitUnder(app.db, unit['HN-THACHTHAT'].path)).toEqual([expect.objectContaining({ name: 'Xã Thạch Thất', schools: 2, submitted: 0 })]);
	});
});

describe('sending a survey to many schools', () => {
	it('takes the same number of queries for 3 schools as for 30 (one notifyMany for every school’s leaders), and notifies each leader', async () => {
		const [ward] = await app.db.insert(orgUnits).values({ kind: 'commune_ward', code: 'HN-FANOUT', name: 'Phường Thử', parentId: unit.HN.id, path: `${unit.HN.path}fanout/` }).returning();
		const many = await app.db
			.insert(schools)
			.values(Array.from({ length: 30 }, (_, i) => ({ orgUnitId: ward.id, code: `FAN-${i}`, name: `Trường Thử ${i}`, level: 'primary' as const, ownership: 'public' as const, setting: 'urban' as const, path: `${ward.path}s${i}/` })))
			.returning();
		const leaders = await app.db
			.insert(persons)
			.values(many.flatMap((s, i) => [1, 2].map((k) => ({ kind: 'staff' as const, familyName: 'Phạm', givenName: `Hiệu trưởng ${i}.${k}`, schoolId: s.id, path: s.path }))))
			.returning();
		await app.db.insert(roleGrants).values(leaders.map((l) => ({ personId: l.id, role: 'school_leader' as const, scopeType: 'school' as const, scopeId: l.schoolId!, scopePath: l.path, schoolId: l.schoolId })));
		const [account] = await app.db.select().from(accounts).where(eq(accounts.username, 'city'));
		const city = (await loadPrincipal(app.db, account.id, 'session'))!;
		const counting = await countingDatabase(app.handle);
		const queriesToSend = async (n: number) => {
			const s = await ok(await as.city.post('/api/v1/surveys', { title: `Gửi ${n} trường`, definition }), 201);
			await ok(await as.city.put(`/api/v1/surveys/${s.id}`, { version: s.version, target: { kind: 'schools', schoolIds: many.slice(0, n).map((x) => x.id) }, opensAt: inDays(-1), closesAt: inDays(10) }));
			counting.reset();
			expect((await sendSurvey(counting.db, city, s.id)).schools).toBe(n);
			return counting.queries();
		};
		const three = await queriesToSend(3);
		const thirty = await queriesToSend(30);
		expect(three).toBeGreaterThan(5);
		expect(thirty).toBe(three);
		const notes = await app.db
			.select({ personId: notifications.personId })
			.from(notifications)
			.where(and(eq(notifications.kind, 'survey_sent'), eq(notifications.title, 'Khảo sát mới: Gửi 30 trường'), inArray(notifications.personId, leaders.map((l) => l.id))));
		expect(notes.map((n) => n.personId).sort()).toEqual(leaders.map((l) => l.id).sort());
	});
});
