/**
 * Periodic reports through the HTTP API on a real database, with the demo: `leader` leads THCS
 * Bình Yên (in Xã Thạch Thất), `unit` is the officer of Xã Thạch Thất, `city` the program office.
 * Added here: `leader2` (the leader of THPT Sông Hồng, directly under the city), and for "the
 * figures equal the data" a unit and school of their own with known learners, parents, days of use
 * and scores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, enrolments, orgUnits, schools, schoolYears, subjects, terms } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { createSession } from '#lib/server/auth/service';
import { recordActivityDay } from '#lib/server/auth/activity';
import { auditLog } from '#lib/server/audit/schema';
import { notifications } from '#lib/server/notifications/schema';
import { gradeColumns, gradeEntries, teachingAssignments } from '#lib/server/gradebook/schema';
import { programReports } from '#lib/server/programs/report-schema';
import { pilotMilestones, pilotModels, pilotSites } from '#lib/server/programs/pilot-schema';
import { sendReportReminders } from '#lib/server/programs/report-service';
import { computeFigures } from '#lib/server/programs/report-figures';
import { periodContaining, periodLabel, periodOf } from '#lib/server/programs/report-rules';
import { schoolResultStats } from '#lib/server/programs/dashboard-schema';
import { loadDashboard, reportDashboard } from '#lib/server/programs/dashboard-service';
import { dashboardSections } from '#lib/server/programs/dashboard-views';
import { surveyResponses, surveys } from '#lib/server/programs/survey-schema';
import { IT_READINESS_TEMPLATE } from '#lib/server/programs/readiness-rules';
import { periodicJobs } from '#lib/server/platform/jobs';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let thcs: typeof schools.$inferSelect;
let thpt: typeof schools.$inferSelect;
let city: typeof orgUnits.$inferSelect;
let thachThat: typeof orgUnits.$inferSelect;
let hash: string;

beforeAll(async () => {
	app = await startApp();
	hash = await hashPassword(DEMO_PASSWORD);
	[thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	[city] = await app.db.select().from(orgUnits).where(isNull(orgUnits.parentId));
	[thachThat] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT'));
	for (const u of ['leader', 'unit', 'city', 'teacher']) [{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: other.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: hash });
	for (const u of ['leader', 'unit', 'city', 'teacher', 'leader2']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const ok = async (res: Response, status = 200) => {
	const body = res.status === 204 ? null : await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body;
};
const denied = async (res: Response, status: number) => {
	const body = await res.json();
	expect(res.status, JSON.stringify(body)).toBe(status);
	return body.error;
};
const value = (figures: { key: string; value: number | null }[], key: string) => figures.find((f) => f.key === key)?.value;

describe('report figures equal the data', () => {
	let unitPath: string;
	let schoolPath: string;
	beforeAll(async () => {
		const unitId = crypto.randomUUID();
		unitPath = `${city.path}${unitId}/`;
		await app.db.insert(orgUnits).values({ id: unitId, parentId: city.id, kind: 'commune_ward', code: 'HN-THU', name: 'Xã Thử Nghiệm', path: unitPath });
		const schoolId = crypto.randomUUID();
		schoolPath = `${unitPath}${schoolId}/`;
		await app.db.insert(schools).values({ id: schoolId, orgUnitId: unitId, code: 'THCS-THU', name: 'THCS Thử Nghiệm', level: 'lower_secondary', ownership: 'public', setting: 'rural', path: schoolPath });
		const [year] = await app.db.insert(schoolYears).values({ schoolId, name: '2026-2027', startsOn: '2026-09-05', endsOn: '2027-05-31' }).returning();
		const classId = crypto.randomUUID();
		await app.db.insert(classes).values({ id: classId, schoolId, schoolYearId: year.id, name: '6A', grade: 6, path: `${schoolPath}${classId}/` });
		const person = async (kind: 'learner' | 'guardian' | 'staff', given: string) => (await app.db.insert(persons).values({ kind, familyName: 'Thử', givenName: given, schoolId, path: schoolPath }).returning())[0];
		const account = async (personId: string, username: string) => (await app.db.insert(accounts).values({ personId, username, passwordHash: 'x' }).returning())[0];
		// A sign-in (its session and its day of use, as the login route makes them).
		const signIn = (accountId: string, at: string) => createSession(app.db, accountId, 30, new Date(at));
		// Five learners enrolled; one with an account who signed in in November.
		const learners = [];
		for (let i = 0; i < 5; i++) learners.push(await person('learner', `Học sinh ${i}`));
		await app.db.insert(enrolments).values(learners.map((l) => ({ schoolId, schoolYearId: year.id, classId, learnerId: l.id })));
		await signIn((await account(learners[0].id, 'thu-hs0')).id, '2026-11-10T02:00:00Z');
		// Three parents with accounts: one signed in in Q4, one signed in in September (Q3) and read a notification in December, one did nothing.
		const g = [await person('guardian', 'PH 1'), await person('guardian', 'PH 2'), await person('guardian', 'PH 3')];
		const ga = [await account(g[0].id, 'thu-ph1'), await account(g[1].id, 'thu-ph2'), await account(g[2].id, 'thu-ph3')];
		await signIn(ga[0].id, '2026-10-01T01:00:00Z');
		await signIn(ga[1].id, '2026-09-20T01:00:00Z');
		await app.db.insert(notifications).values({ personId: g[1].id, kind: 'general', title: 'Thông báo', key: 'thu-1', readAt: new Date('2026-12-01T01:00:00Z') });
		// A teacher with two assignments; one grid has an entered score. Signed in on 25/9 (Quý III) and
		// still signed in on 15/10 (Quý IV), when they used Sen: a day of use, with no new session.
		const teacher = await person('staff', 'Giáo viên');
		const ta = await account(teacher.id, 'thu-gv');
		await signIn(ta.id, '2026-09-25T02:00:00Z');
		await recordActivityDay(app.db, ta.id, '2026-10-15');
		// An officer of the unit (no school) who used Sen on 2/11: counted under the unit, not the school.
		const officer = (await app.db.insert(persons).values({ kind: 'staff', familyName: 'Thử', givenName: 'Cán bộ', path: unitPath }).returning())[0];
		await recordActivityDay(app.db, (await account(officer.id, 'thu-cb')).id, '2026-11-02');
		const [math, lit] = await app.db.insert(subjects).values([{ schoolId, code: 'TOAN', name: 'Toán' }, { schoolId, code: 'VAN', name: 'Ngữ văn' }]).returning();
		await app.db.insert(teachingAssignments).values([math, lit].map((s) => ({ schoolId, schoolYearId: year.id, classId, subjectId: s.id, teacherId: teacher.id, path: `${schoolPath}${classId}/` })));
		const [col] = await app.db.insert(gradeColumns).values({ schoolId, classId, subjectId: math.id, term: 1, kind: 'regular', valueType: 'score', slot: 1, path: `${schoolPath}${classId}/` }).returning();
		await app.db.insert(gradeEntries).values({ schoolId, columnId: col.id, learnerId: learners[0].id, scoreTenths: 85 });
		// An empty column of the other subject does not count as entered.
		const [empty] = await app.db.insert(gradeColumns).values({ schoolId, classId, subjectId: lit.id, term: 1, kind: 'regular', valueType: 'score', slot: 1, path: `${schoolPath}${classId}/` }).returning();
		await app.db.insert(gradeEntries).values({ schoolId, columnId: empty.id, learnerId: learners[1].id, scoreTenths: null });
	});

	it('counts schools, learners, people who used Sen, gradebook coverage and parents over the unit for Quý IV/2026', async () => {
		const q4 = periodOf('quarterly', '2026-Q4')!;
		// The figures on data Sen already had (the program's own parts test theirs beside them).
		const f = (await computeFigures(app.db, { path: unitPath, from: q4.from, to: q4.to })).filter((x) => ['usage', 'gradebook', 'engagement', 'fair'].includes(x.group));
		expect(Object.fromEntries(f.map((x) => [x.key, x.value]))).toEqual({
			'usage.schools': 1,
			'usage.schools_active': 1,
			'usage.schools_active_percent': 100,
			'usage.learners': 5,
			'usage.learners_active': 1,
			'usage.parents_active': 1,
			'usage.staff_active': 2,
			'gradebook.assignments': 2,
			'gradebook.assignments_with_scores': 1,
			'gradebook.coverage': 50,
			'engagement.parents_with_account': 3,
			'engagement.parents_engaged': 2,
			'engagement.parents_engaged_percent': 66.7,
			'engagement.network_engagements': 0,
			'engagement.club_members': 0,
			'engagement.event_registrations': 0,
			'fair.participants': null
		});
	});

	it('the period decides: in Quý III only September’s days count; before the school year nobody is enrolled', async () => {
		const q3 = periodOf('quarterly', '2026-Q3')!;
		const f = await computeFigures(app.db, { path: schoolPath, from: q3.from, to: q3.to });
		expect([value(f, 'usage.parents_active'), value(f, 'usage.learners_active'), value(f, 'engagement.parents_engaged'), value(f, 'usage.learners')]).toEqual([1, 0, 1, 5]);
		// The teacher counts in Quý III by their sign-in, and in Quý IV by their day of use in October.
		expect(value(f, 'usage.staff_active')).toBe(1);
		const q4 = periodOf('quarterly', '2026-Q4')!;
		const school = await computeFigures(app.db, { path: schoolPath, from: q4.from, to: q4.to });
		expect([value(school, 'usage.staff_active'), value(school, 'usage.learners_active')]).toEqual([1, 1]);
		const aug = periodOf('monthly', '2026-08')!;
		const g = await computeFigures(app.db, { path: schoolPath, from: aug.from, to: aug.to });
		expect([value(g, 'usage.learners'), value(g, 'gradebook.assignments'), value(g, 'gradebook.coverage'), value(g, 'usage.schools_active_percent')]).toEqual([0, 0, null, 0]);
	});

	it('milestones due in the period count by Vietnam’s calendar days: 30/9 is Quý III, 31/12 is Quý IV', async () => {
		const [school] = await app.db.select().from(schools).where(eq(schools.path, schoolPath));
		const [model] = await app.db.insert(pilotModels).values({ path: city.path, name: 'Mô hình thử', levels: ['lower_secondary'], components: ['technology'], createdBy: id.city }).returning();
		const [site] = await app.db.insert(pilotSites).values({ modelId: model.id, schoolId: school.id, path: schoolPath }).returning();
		await app.db.insert(pilotMilestones).values(['2026-09-30', '2026-10-01', '2026-12-31', '2027-01-01'].map((dueOn) => ({ siteId: site.id, schoolId: school.id, path: schoolPath, title: `Mốc ${dueOn}`, dueOn })));
		const q3 = periodOf('quarterly', '2026-Q3')!;
		const q4 = periodOf('quarterly', '2026-Q4')!;
		expect(value(await computeFigures(app.db, { path: schoolPath, from: q4.from, to: q4.to }), 'pilots.milestones.due')).toBe(2);
		expect(value(await computeFigures(app.db, { path: schoolPath, from: q3.from, to: q3.to }), 'pilots.milestones.due')).toBe(1);
		await app.db.delete(pilotModels).where(eq(pilotModels.id, model.id));
	});

	it('the report-figures API answers the same for an officer over the path, and 404 elsewhere', async () => {
		const q4 = periodOf('quarterly', '2026-Q4')!;
		const q = `path=${encodeURIComponent(unitPath)}&from=${q4.from.toISOString()}&to=${q4.to.toISOString()}`;
		const body = await ok(await as.city.get(`/api/v1/report-figures?${q}`));
		expect(value(body.items, 'usage.learners')).toBe(5);
		expect(value(body.items, 'fair.participants')).toBeNull();
		await denied(await as.unit.get(`/api/v1/report-figures?${q}`), 404);
		await denied(await as.city.get(`/api/v1/report-figures?path=x&from=${q4.from.toISOString()}&to=${q4.to.toISOString()}`), 400);
		const backwards = await denied(await as.city.get(`/api/v1/report-figures?path=${encodeURIComponent(unitPath)}&from=${q4.to.toISOString()}&to=${q4.from.toISOString()}`), 400);
		expect(backwards.details.issues[0]).toMatchObject({ path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' });
	});
});

describe('the workflow up the tree', () => {
	it('the school leader generates a quarterly report for their school, audited; a second one for the period is a 409', async () => {
		const r = await ok(await as.leader.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `school:${thcs.id}` }), 201);
		expect(r).toMatchObject({ status: 'draft', level: 'school', path: thcs.path, periodLabel: 'Quý IV/2026', dueDate: '10/01/2027', mine: true, toMe: false });
		id.report = r.id;
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'program_report'), eq(auditLog.entityId, r.id)))).toHaveLength(1);
		await denied(await as.leader.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `school:${thcs.id}` }), 409);
		const bad = await denied(await as.leader.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-13', org: `school:${thcs.id}` }), 400);
		expect(bad.details.issues[0]).toMatchObject({ path: 'period', message: 'Kỳ báo cáo không hợp lệ (ví dụ: 2026-11, 2026-Q4, 2026).' });
		// Nobody reports for an organisation not theirs.
		await denied(await as.leader.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `school:${thpt.id}` }), 400);
		await denied(await as.unit.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `school:${thcs.id}` }), 400);
	});

	it('should refuse with 400 a report for a period that has not begun; the running period may be drafted', async () => {
		const now = new Date();
		for (const template of ['monthly', 'quarterly', 'yearly'] as const) {
			const next = periodContaining(template, periodContaining(template, now).to);
			const err = await denied(await as.leader.post('/api/v1/program-reports', { template, period: next.key, org: `school:${thcs.id}` }), 400);
			expect(err.details.issues).toEqual([{ path: 'period', message: `${periodLabel(next)} chưa bắt đầu: chỉ lập được báo cáo cho kỳ đã bắt đầu (kỳ hiện tại hoặc các kỳ trước).` }]);
		}
		expect(await app.db.select().from(programReports).where(and(eq(programReports.path, thcs.path), eq(programReports.periodKey, periodContaining('yearly', periodContaining('yearly', now).to).key)))).toEqual([]);
		// This month has begun and not ended: a draft may be written during it.
		const month = periodContaining('monthly', now);
		const draft = await ok(await as.leader.post('/api/v1/program-reports', { template: 'monthly', period: month.key, org: `school:${thcs.id}` }), 201);
		expect(draft).toMatchObject({ status: 'draft', periodKey: month.key });
		await app.db.delete(programReports).where(eq(programReports.id, draft.id));
	});

	it('a draft shows live figures of the template’s groups; the owner saves the narrative', async () => {
		const r = await ok(await as.leader.get(`/api/v1/program-reports/${id.report}`));
		expect(r.live).toBe(true);
		expect(r.moves).toEqual(['edit', 'submit']);
		expect(r.sections).toEqual(['results', 'difficulties', 'proposals', 'nextPlan']);
		expect(new Set(r.figures.map((f: { group: string }) => f.group))).toEqual(new Set(['usage', 'pilots', 'training', 'surveys', 'gradebook', 'engagement', 'fair']));
		expect(value(r.figures, 'usage.schools')).toBe(1);
		expect(value(r.figures, 'fair.participants')).toBeNull();
		await ok(await as.leader.put(`/api/v1/program-reports/${id.report}`, { results: 'Triển khai sổ điểm điện tử ở 12 lớp.', difficulties: 'Thiếu thiết bị.' }));
		const after = await ok(await as.leader.get(`/api/v1/program-reports/${id.report}`));
		expect(after.narrative).toMatchObject({ results: 'Triển khai sổ điểm điện tử ở 12 lớp.', difficulties: 'Thiếu thiết bị.', proposals: '' });
		// The unit officer reads it but cannot write it.
		await denied(await as.unit.put(`/api/v1/program-reports/${id.report}`, { results: 'x' }), 403);
	});

	it('permissions: another school’s leader and a teacher get 404; a teacher may not list', async () => {
		await denied(await as.leader2.get(`/api/v1/program-reports/${id.report}`), 404);
		await denied(await as.teacher.get(`/api/v1/program-reports/${id.report}`), 404);
		await denied(await as.teacher.get('/api/v1/program-reports'), 403);
		expect((await ok(await as.leader2.get('/api/v1/program-reports'))).items).toEqual([]);
		await denied(await as.leader2.get(`/api/v1/program-reports/${id.report}/pdf`), 404);
	});

	it('submitting snapshots the figures and notifies the unit officer; a second submit is refused', async () => {
		const r = await ok(await as.leader.post(`/api/v1/program-reports/${id.report}/submit`, { narrative: { nextPlan: 'Mở rộng sang khối 7.' } }));
		expect(r.status).toBe('submitted');
		const [row] = await app.db.select().from(programReports).where(eq(programReports.id, id.report));
		expect(row.figures?.length).toBeGreaterThan(5);
		expect(row.narrative.nextPlan).toBe('Mở rộng sang khối 7.');
		expect(row.narrative.results).toBe('Triển khai sổ điểm điện tử ở 12 lớp.');
		const ntf = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.unit), eq(notifications.kind, 'program_report_submitted')));
		expect(ntf).toHaveLength(1);
		expect(ntf[0].link).toBe(`/programs/reports/${id.report}`);
		const again = await denied(await as.leader.post(`/api/v1/program-reports/${id.report}/submit`, {}), 409);
		expect(again.message).toContain('Đã gửi');
		await denied(await as.leader.put(`/api/v1/program-reports/${id.report}`, { results: 'sửa' }), 409);
	});

	it('two submits at once: exactly one passes (the row is locked)', async () => {
		const r = await ok(await as.leader.post('/api/v1/program-reports', { template: 'yearly', period: '2026', org: `school:${thcs.id}` }), 201);
		const statuses = (await Promise.all([as.leader.post(`/api/v1/program-reports/${r.id}/submit`, {}), as.leader.post(`/api/v1/program-reports/${r.id}/submit`, {})])).map((x) => x.status).sort();
		expect(statuses).toEqual([200, 409]);
		expect(await app.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'submit')))).toHaveLength(1);
	});

	it('the snapshot does not change when the data does; live figures do', async () => {
		const before = await ok(await as.unit.get(`/api/v1/program-reports/${id.report}`));
		expect(before.live).toBe(false);
		const [c] = await app.db.select().from(classes).where(eq(classes.schoolId, thcs.id)).limit(1);
		const [l] = await app.db.insert(persons).values({ kind: 'learner', familyName: 'Mới', givenName: 'Vào', schoolId: thcs.id, path: thcs.path }).returning();
		await app.db.insert(enrolments).values({ schoolId: thcs.id, schoolYearId: c.schoolYearId, classId: c.id, learnerId: l.id });
		const after = await ok(await as.unit.get(`/api/v1/program-reports/${id.report}`));
		expect(value(after.figures, 'usage.learners')).toBe(value(before.figures, 'usage.learners'));
		const q4 = periodOf('quarterly', '2026-Q4')!;
		const live = await ok(await as.unit.get(`/api/v1/report-figures?path=${encodeURIComponent(thcs.path)}&from=${q4.from.toISOString()}&to=${q4.to.toISOString()}`));
		expect(value(live.items, 'usage.learners')).toBe((value(before.figures, 'usage.learners') as number) + 1);
	});

	it('the unit officer sees it sent to them; only they decide; returning needs a comment and notifies the leader', async () => {
		const list = await ok(await as.unit.get('/api/v1/program-reports?template=quarterly&period=2026-Q4'));
		expect(list.items.find((x: { id: string }) => x.id === id.report)).toMatchObject({ toMe: true, mine: false, status: 'submitted' });
		await denied(await as.leader.post(`/api/v1/program-reports/${id.report}/accept`, {}), 403);
		await denied(await as.city.post(`/api/v1/program-reports/${id.report}/accept`, {}), 403);
		// Who may not decide is told so, whatever the comment; another school's leader does not learn it exists.
		await denied(await as.leader.post(`/api/v1/program-reports/${id.report}/return`, { comment: '' }), 403);
		await denied(await as.leader2.post(`/api/v1/program-reports/${id.report}/return`, { comment: '' }), 404);
		const bad = await denied(await as.unit.post(`/api/v1/program-reports/${id.report}/return`, { comment: ' ' }), 400);
		expect(bad.details.issues[0]).toMatchObject({ path: 'comment', message: 'Hãy ghi lý do trả lại.' });
		const r = await ok(await as.unit.post(`/api/v1/program-reports/${id.report}/return`, { comment: 'Bổ sung số liệu thiết bị.' }));
		expect(r).toMatchObject({ status: 'returned', decisionComment: 'Bổ sung số liệu thiết bị.' });
		const ntf = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.leader), eq(notifications.kind, 'program_report_decided')));
		expect(ntf.map((n) => n.title)).toEqual(['Báo cáo quý Quý IV/2026 bị trả lại']);
		// A returned report is live again.
		expect((await ok(await as.leader.get(`/api/v1/program-reports/${id.report}`))).live).toBe(true);
	});

	it('the leader edits and resubmits; the unit officer accepts; nothing more can move', async () => {
		expect((await ok(await as.leader.put(`/api/v1/program-reports/${id.report}`, { difficulties: 'Thiếu 20 máy tính.' }))).status).toBe('draft');
		expect((await ok(await as.leader.post(`/api/v1/program-reports/${id.report}/submit`, {}))).status).toBe('submitted');
		expect(await app.db.select().from(notifications).where(and(eq(notifications.personId, id.unit), eq(notifications.kind, 'program_report_submitted'), eq(notifications.link, `/programs/reports/${id.report}`)))).toHaveLength(2);
		expect((await ok(await as.unit.post(`/api/v1/program-reports/${id.report}/accept`, { comment: 'Đạt yêu cầu.' }))).status).toBe('accepted');
		await denied(await as.unit.post(`/api/v1/program-reports/${id.report}/accept`, {}), 409);
		await denied(await as.unit.post(`/api/v1/program-reports/${id.report}/return`, { comment: 'x' }), 409);
		await denied(await as.leader.post(`/api/v1/program-reports/${id.report}/submit`, {}), 409);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'program_report'), eq(auditLog.entityId, id.report)));
		expect(audit.map((a) => a.action).sort()).toEqual(['accept', 'create', 'edit', 'edit', 'return', 'submit', 'submit'].sort());
	});

	it('the unit’s report rolls up its schools’ submissions and goes to the city', async () => {
		const u = await ok(await as.unit.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `unit:${thachThat.id}` }), 201);
		expect(u).toMatchObject({ level: 'unit', path: thachThat.path });
		const view = await ok(await as.unit.get(`/api/v1/program-reports/${u.id}`));
		expect(view.rollup).toMatchObject({ total: 2, submitted: 1, accepted: 1 });
		expect(view.rollup.rows.map((x: { name: string; status: string | null }) => [x.name, x.status])).toEqual(
			expect.arrayContaining([
				[thcs.name, 'accepted'],
				[expect.any(String), null]
			])
		);
		expect(value(view.figures, 'usage.schools')).toBe(2);
		await ok(await as.unit.post(`/api/v1/program-reports/${u.id}/submit`, {}));
		expect(await app.db.select().from(notifications).where(and(eq(notifications.personId, id.city), eq(notifications.kind, 'program_report_submitted')))).toHaveLength(1);
		await denied(await as.unit.post(`/api/v1/program-reports/${u.id}/accept`, {}), 403);
		expect((await ok(await as.city.post(`/api/v1/program-reports/${u.id}/accept`, {}))).status).toBe('accepted');
		// A school directly under the city reports to the city.
		const s = await ok(await as.leader2.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `school:${thpt.id}` }), 201);
		await ok(await as.leader2.post(`/api/v1/program-reports/${s.id}/submit`, {}));
		expect((await ok(await as.city.get(`/api/v1/program-reports/${s.id}`))).moves).toEqual(['accept', 'return']);
	});

	it('the city’s report rolls up per unit; once submitted it is final', async () => {
		const c = await ok(await as.city.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q4', org: `unit:${city.id}` }), 201);
		expect(c.level).toBe('city');
		const view = await ok(await as.city.get(`/api/v1/program-reports/${c.id}`));
		const rows = Object.fromEntries(view.rollup.rows.map((x: { name: string; status: string | null }) => [x.name, x.status]));
		expect(rows).toMatchObject({ 'Xã Thạch Thất': 'accepted', 'Phường Ba Đình': null, [thpt.name]: 'submitted' });
		const sent = await ok(await as.city.post(`/api/v1/program-reports/${c.id}/submit`, {}));
		expect(sent).toMatchObject({ status: 'submitted', statusLabel: 'Đã gửi UBND thành phố', top: true });
		expect((await ok(await as.city.get(`/api/v1/program-reports/${c.id}`))).moves).toEqual([]);
		await denied(await as.city.post(`/api/v1/program-reports/${c.id}/accept`, {}), 403);
		// The unit officer sees their unit's and its schools' reports only.
		const seen = (await ok(await as.unit.get('/api/v1/program-reports'))).items.map((x: { path: string }) => x.path);
		expect(seen.every((p: string) => p.startsWith(thachThat.path))).toBe(true);
		await denied(await as.unit.get(`/api/v1/program-reports/${c.id}`), 404);
	});
});

describe('the list, a page at a time', () => {
	type Item = { id: string; path: string; toMe: boolean; mine: boolean; periodFrom: string };
	/** Every page of the list as `who` reads it, following `next` (at most 100 pages). */
	const allPages = async (who: Client, query: string) => {
		const pages: Item[][] = [];
		let cursor: string | null = null;
		do {
			const body: { items: Item[]; next: string | null } = await ok(await who.get(`/api/v1/program-reports?${query}${cursor ? `&cursor=${cursor}` : ''}`));
			pages.push(body.items);
			cursor = body.next;
		} while (cursor && pages.length < 100);
		return pages;
	};
	let inserted: string[] = [];
	beforeAll(async () => {
		// Twelve schools' reports of December (newer than Quý IV) under Xã Thạch Thất, more than two pages of five.
		const dec = periodOf('monthly', '2026-12')!;
		const rows = Array.from({ length: 12 }, () => ({ template: 'monthly' as const, periodKey: dec.key, periodFrom: dec.from, periodTo: dec.to, level: 'school' as const, path: `${thachThat.path}${crypto.randomUUID()}/`, narrative: { results: '', difficulties: '', proposals: '', nextPlan: '' }, createdBy: id.city }));
		inserted = (await app.db.insert(programReports).values(rows).returning({ id: programReports.id })).map((x) => x.id);
	});
	afterAll(async () => {
		await app.db.delete(programReports).where(inArray(programReports.id, inserted));
	});

	it('every report the city’s officer may read is on exactly one page; those they own or receive come first', async () => {
		const pages = await allPages(as.city, 'limit=5');
		const items = pages.flat();
		expect(pages.length).toBeGreaterThan(3);
		expect(pages.every((p) => p.length <= 5)).toBe(true);
		const every = await app.db.select({ id: programReports.id }).from(programReports);
		expect(items.map((x) => x.id).sort()).toEqual(every.map((x) => x.id).sort());
		expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
		// The reports sent to the city and its own come before all the others, though the others are newer.
		const near = (x: Item) => x.mine || x.toMe;
		expect(items.filter((x) => x.toMe).map((x) => x.path)).toEqual(expect.arrayContaining([thachThat.path, thpt.path]));
		expect(items.some((x) => x.mine && x.path === city.path)).toBe(true);
		expect(items.findLastIndex(near)).toBeLessThan(items.findIndex((x) => !near(x)));
		// Each part newest period first.
		for (const part of [items.filter(near), items.filter((x) => !near(x))]) expect(part.map((x) => x.periodFrom)).toEqual([...part.map((x) => x.periodFrom)].sort().reverse());
		// The last page says so.
		expect((await ok(await as.city.get('/api/v1/program-reports?limit=200'))).next).toBeNull();
	});

	it('the policy still filters every page: the unit officer pages through their unit’s reports only, and filters hold', async () => {
		const items = (await allPages(as.unit, 'limit=3')).flat();
		const theirs = await app.db.select({ id: programReports.id }).from(programReports).where(like(programReports.path, `${thachThat.path}%`));
		expect(items.map((x) => x.id).sort()).toEqual(theirs.map((x) => x.id).sort());
		expect(items.every((x) => x.path.startsWith(thachThat.path))).toBe(true);
		expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
		const monthly = (await allPages(as.city, 'template=monthly&period=2026-12&limit=4')).flat();
		expect(monthly.map((x) => x.id).sort()).toEqual([...inserted].sort());
		expect((await allPages(as.leader2, 'limit=2')).flat().every((x) => x.path === thpt.path)).toBe(true);
	});

	it('should answer 400 to a cursor Sen did not make, or a limit out of range', async () => {
		const bad = await denied(await as.city.get('/api/v1/program-reports?cursor=not-a-cursor'), 400);
		expect(bad.details.issues[0]).toMatchObject({ path: 'cursor', message: 'Liên kết trang không hợp lệ; hãy mở lại danh sách từ trang đầu.' });
		const forged = Buffer.from(JSON.stringify([0, 'yesterday', 'monthly', '/x/'])).toString('base64url');
		await denied(await as.city.get(`/api/v1/program-reports?cursor=${forged}`), 400);
		// Year 0000 passes an ISO check but no timestamptz takes it: 400, not a 500 from the query.
		const year0 = Buffer.from(JSON.stringify([0, '0000-01-01T00:00:00Z', 'monthly', city.path])).toString('base64url');
		await denied(await as.city.get(`/api/v1/program-reports?cursor=${year0}`), 400);
		await denied(await as.city.get('/api/v1/program-reports?limit=0'), 400);
		await denied(await as.city.get('/api/v1/program-reports?limit=201'), 400);
	});
});

describe('the PDF’s charts follow the report’s period', () => {
	// A unit of two schools with two school years, term averages kept for 2025-2026 HK2 and
	// 2026-2027 HK1 only, and an IT-readiness survey sent on 1/9/2026 that one school answered on
	// 20/9 (Quý III) and the other on 20/10 (Quý IV).
	const unitId = crypto.randomUUID();
	let unitPath: string;
	beforeAll(async () => {
		unitPath = `${city.path}${unitId}/`;
		await app.db.insert(orgUnits).values({ id: unitId, parentId: city.id, kind: 'commune_ward', code: 'HN-KYBC', name: 'Xã Kỳ Báo Cáo', path: unitPath });
		const ids = [crypto.randomUUID(), crypto.randomUUID()];
		await app.db.insert(schools).values(ids.map((sid, i) => ({ id: sid, orgUnitId: unitId, code: `KYBC-${i}`, name: `THCS Kỳ ${i}`, level: 'lower_secondary' as const, ownership: 'public' as const, setting: 'rural' as const, path: `${unitPath}${sid}/` })));
		for (const sid of ids)
			for (const y of [2025, 2026]) {
				const [year] = await app.db.insert(schoolYears).values({ schoolId: sid, name: `${y}-${y + 1}`, startsOn: `${y}-09-05`, endsOn: `${y + 1}-05-31` }).returning();
				await app.db.insert(terms).values([
					{ schoolId: sid, schoolYearId: year.id, number: 1, startsOn: `${y}-09-05`, endsOn: `${y + 1}-01-15` },
					{ schoolId: sid, schoolYearId: year.id, number: 2, startsOn: `${y + 1}-01-16`, endsOn: `${y + 1}-05-31` }
				]);
			}
		const band = (schoolYear: string, term: number, b: string, averages: number) => ({ schoolId: ids[0], schoolYear, term, band: b, orgUnitId: unitId, path: `${unitPath}${ids[0]}/`, averages });
		await app.db.insert(schoolResultStats).values([band('2025-2026', 2, 'ge80', 7), band('2026-2027', 1, '65to80', 4)]);
		const [survey] = await app.db
			.insert(surveys)
			.values({ orgUnitId: unitId, path: unitPath, title: 'Khảo sát mức sẵn sàng CNTT', template: IT_READINESS_TEMPLATE, definition: { sections: [{ id: 's1', title: '', description: '', questions: [] }] }, status: 'sent', sentAt: new Date('2026-09-01T01:00:00Z'), createdBy: id.city })
			.returning();
		await app.db.insert(surveyResponses).values([
			{ surveyId: survey.id, schoolId: ids[0], path: `${unitPath}${ids[0]}/`, status: 'submitted', submittedAt: new Date('2026-09-20T03:00:00Z'), readinessIndex: 80, ready: true },
			{ surveyId: survey.id, schoolId: ids[1], path: `${unitPath}${ids[1]}/`, status: 'submitted', submittedAt: new Date('2026-10-20T03:00:00Z'), readinessIndex: 50, ready: false }
		]);
	});
	const asOf = async (template: 'monthly' | 'quarterly', key: string) => (await reportDashboard(app.db, unitPath, periodOf(template, key)!.to))!;
	const noBands = { lt35: 0, '35to50': 0, '50to65': 0, '65to80': 0, ge80: 0 };

	it('the results chart is of the school year and term in effect at the period’s end, or says there is none — never another term’s', async () => {
		expect((await asOf('quarterly', '2026-Q1')).results).toMatchObject({ schoolYear: '2025-2026', term: 2, bands: { ...noBands, ge80: 7 } });
		expect((await asOf('quarterly', '2026-Q4')).results).toMatchObject({ schoolYear: '2026-2027', term: 1, bands: { ...noBands, '65to80': 4 } });
		// 30/11/2025 was in 2025-2026 HK1, of which nothing was kept: no data, not the later terms'.
		const nov = await asOf('monthly', '2025-11');
		expect(nov.results).toMatchObject({ schoolYear: '2025-2026', term: 1, bands: noBands });
		const section = dashboardSections(nov).find((x) => x.key === 'results')!;
		expect(section.chart).toBeNull();
		expect(section.empty).toBe('Chưa có dữ liệu điểm trung bình môn học kỳ của năm học 2025-2026, học kỳ 1.');
		// 31/7/2026, the summer between two school years: no term.
		expect((await asOf('monthly', '2026-07')).results).toMatchObject({ schoolYear: null, term: null, bands: noBands });
		// The live dashboard keeps showing the latest term with averages.
		expect((await loadDashboard(app.db, { level: 'unit', id: unitId, name: 'Xã Kỳ Báo Cáo', path: unitPath })).results).toMatchObject({ schoolYear: '2026-2027', term: 1 });
	});

	it('the readiness chart counts only the responses submitted by the period’s end', async () => {
		const row = { unitId, unitName: 'Xã Kỳ Báo Cáo', schools: 2 };
		expect((await asOf('quarterly', '2026-Q3')).readiness).toEqual([{ ...row, submitted: 1, averageIndex: 80, ready: 1 }]);
		expect((await asOf('quarterly', '2026-Q4')).readiness).toEqual([{ ...row, submitted: 2, averageIndex: 65, ready: 1 }]);
		// In August the survey had not been sent.
		expect((await asOf('monthly', '2026-08')).readiness).toEqual([]);
		expect(dashboardSections(await asOf('monthly', '2026-08')).find((x) => x.key === 'readiness')).toMatchObject({ chart: null, empty: 'Chưa có trường nào được khảo sát mức sẵn sàng CNTT.' });
	});
});

describe('exports', () => {
	it('PDF: official header, title, period, figures, narrative and status', async () => {
		const res = await as.unit.get(`/api/v1/program-reports/${id.report}/pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toContain('bao-cao-quarterly-2026-Q4-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
		const t = (text as string).replace(/\s+/g, ' ');
		for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ THẠCH THẤT', thcs.name.toUpperCase(), 'BÁO CÁO QUÝ', 'Kỳ: Quý IV/2026', 'Trạng thái: Đã tiếp nhận', 'Số trường trong phạm vi', 'chưa có dữ liệu', 'Khó khăn, tồn tại', 'Thiếu 20 máy tính.', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(t).toContain(s);
		// The school's dashboard charts are drawn in, between the figures and the narrative.
		expect(t).toContain('Người dùng hoạt động theo tuần');
		expect(t.indexOf('Người dùng hoạt động theo tuần')).toBeLessThan(t.indexOf('Khó khăn, tồn tại'));
	});

	it('PDF: the dashboard’s charts are those of the report’s period (a Quý III report’s 12 weeks end on 30/9, from 15/7)', async () => {
		const r = await ok(await as.leader.post('/api/v1/program-reports', { template: 'quarterly', period: '2026-Q3', org: `school:${thcs.id}` }), 201);
		const res = await as.leader.get(`/api/v1/program-reports/${r.id}/pdf`);
		expect(res.status).toBe(200);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
		const t = (text as string).replace(/\s+/g, ' ');
		expect(t).toContain('Người dùng hoạt động theo tuần');
		// The usage chart's first point: 11 weeks before 30/9.
		expect(t).toContain('15/07');
		// The results of the term in effect on 30/9 (2026-2027 HK1, no averages in the demo yet) in the chart's place.
		expect(t).toContain('Phân bố điểm trung bình môn học kỳ — (chưa có dữ liệu) Chưa có dữ liệu điểm trung bình môn học kỳ của năm học 2026-2027, học kỳ 1.');
		await app.db.delete(programReports).where(eq(programReports.id, r.id));
	});

	it('xlsx: figures as numbers and the narrative', async () => {
		const res = await as.leader.get(`/api/v1/program-reports/${id.report}/xlsx`);
		expect(res.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		const figures = wb.getWorksheet('Số liệu')!;
		const rows: unknown[][] = [];
		figures.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
		const schoolsRow = rows.find((r) => r[5] === 'usage.schools')!;
		expect(schoolsRow[2]).toBe(1);
		expect(typeof schoolsRow[2]).toBe('number');
		expect(rows.find((r) => r[5] === 'fair.participants')![2]).toBe('chưa có dữ liệu');
		const narrative = wb.getWorksheet('Nội dung')!;
		expect(narrative.getRow(3).values).toEqual([undefined, 'Khó khăn, tồn tại', 'Thiếu 20 máy tính.']);
	});
});

describe('deadline reminders', () => {
	it('is a periodic job', () => {
		expect(periodicJobs.map((j) => j.name)).toContain('program-report-reminders');
	});

	it('reminds who has not submitted, once per stage; not those who did', async () => {
		// 8 January 2027: Quý IV/2026 is due on the 10th (soon); December 2026 was due on the 5th (overdue).
		const now = new Date('2027-01-08T03:00:00Z');
		const first = await sendReportReminders(app.db, now);
		expect(first).toBeGreaterThan(0);
		expect(await sendReportReminders(app.db, now)).toBe(0);
		const mine = await app.db.select().from(notifications).where(and(eq(notifications.personId, id.leader), eq(notifications.kind, 'program_report_reminder')));
		const keys = mine.map((n) => n.key);
		expect(keys).toContain(`program_report_reminder:${thcs.path}:monthly:2026-12:overdue`);
		expect(keys).not.toContain(`program_report_reminder:${thcs.path}:quarterly:2026-Q4:soon`);
		expect(mine.find((n) => n.key.endsWith('monthly:2026-12:overdue'))!.title).toBe('Báo cáo tháng Tháng 12/2026 đã quá hạn nộp (hạn 05/01/2027)');
		// The leader of Sông Hồng submitted Quý IV too.
		const thptKeys = (await app.db.select().from(notifications).where(like(notifications.key, `program_report_reminder:${thpt.path}%`))).map((n) => n.key);
		expect(thptKeys).not.toContain(`program_report_reminder:${thpt.path}:quarterly:2026-Q4:soon`);
		expect(thptKeys).toContain(`program_report_reminder:${thpt.path}:monthly:2026-12:overdue`);
		// On the due day of January's report, the 'due' reminder, once.
		const onDay = await sendReportReminders(app.db, new Date('2027-02-05T03:00:00Z'));
		expect(onDay).toBeGreaterThan(0);
		expect(await sendReportReminders(app.db, new Date('2027-02-05T09:00:00Z'))).toBe(0);
		const due = await app.db.select().from(notifications).where(eq(notifications.key, `program_report_reminder:${thcs.path}:monthly:2027-01:due`));
		expect(due.map((n) => n.personId)).toEqual([id.leader]);
	});
});
