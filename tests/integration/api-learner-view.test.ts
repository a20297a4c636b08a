/**
 * The family's view of the gradebook and publishing, through the HTTP API on the demo school THCS
 * Bình Yên: `parent` (parent@sen.test) is the mother of 6A1's first learner, who signs in as
 * `learner`; `teacher` teaches Toán in 6A1 (demo TX1 and GK scores in term 1); `homeroom` is GVCN
 * of 6A1; `leader` leads the school.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools, subjects } from '#lib/server/organisations/schema';
import { auditLog } from '#lib/server/audit/schema';
import { outbox } from '#lib/server/platform/schema';
import { guardianships, persons } from '#lib/server/people/schema';

let app: TestApp;
const as: Record<string, Client> = {};
let thcsId: string, c6a1: string, toan: string, child: string, otherChild: string;

type Column = { id: string; label: string; published: boolean; value: number | string | null; text: string };
type SubjectTerm = { id: string; code: string; name: string; columns: Column[]; result: { status: string; text: string } | null };
type Term = { term: number; subjects: SubjectTerm[]; attendance: { excused: number; unexcused: number; late: number; absences: number } | null; conduct: { level: string | null; comment: string } | null };
type View = { learner: { id: string; name: string }; class: { id: string; name: string } | null; scoreVisibility: string; restricted: boolean; terms: Term[] };
type Grid = { columns: { id: string; label: string }[]; rows: { learner: { id: string }; cells: Record<string, { value: number | string | null; text: string; version: number }>; result: { text: string } }[] };

beforeAll(async () => {
	app = await startApp();
	for (const u of ['leader', 'teacher', 'homeroom', 'grouphead', 'parent', 'learner']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	thcsId = thcs.id;
	c6a1 = (await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1'))))[0].id;
	toan = (await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN'))))[0].id;
	const [mother] = await app.db.select().from(persons).where(eq(persons.email, 'parent@sen.test'));
	child = (await app.db.select().from(guardianships).where(eq(guardianships.guardianId, mother.id)))[0].learnerId;
	const learners = (await (await as.homeroom.get(`/api/v1/classes/${c6a1}/learners`)).json()) as { id: string }[] | { items: { id: string }[] };
	otherChild = (Array.isArray(learners) ? learners : learners.items).find((l) => l.id !== child)!.id;
});
afterAll(() => app?.close());

const view = async (who: Client, learnerId = child): Promise<View> => {
	const res = await who.get(`/api/v1/learners/${learnerId}/gradebook`);
	expect(res.status).toBe(200);
	return res.json();
};
const toanOf = (v: View, term = 1) => v.terms.find((t) => t.term === term)!.subjects.find((s) => s.code === 'TOAN')!;
const grid = async (): Promise<Grid> => (await as.teacher.get(`/api/v1/gradebook/grid?classId=${c6a1}&subjectId=${toan}&term=1`)).json();
const colId = (g: Grid, label: string) => g.columns.find((c) => c.label === label)!.id;
const outboxCount = async () => (await app.db.select().from(outbox)).length;
const mailsSince = async (n: number) => (await app.db.select().from(outbox)).slice(n);

describe('a parent’s view of a child', () => {
	it('shows 6A1’s Toán columns with the demo TX1 and GK scores as on the teacher’s grid', async () => {
		const g = await grid();
		const row = g.rows.find((r) => r.learner.id === child)!;
		const v = await view(as.parent);
		expect(v).toMatchObject({ learner: { id: child }, class: { name: '6A1' }, scoreVisibility: 'immediate', restricted: false });
		expect(v.terms.map((t) => t.term)).toEqual([1, 2]);
		const t = toanOf(v);
		expect(t.columns.map((c) => c.label)).toEqual(['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK']);
		expect(t.columns.find((c) => c.label === 'TX1')!.text).toBe(row.cells[colId(g, 'TX1')].text);
		expect(t.columns.find((c) => c.label === 'GK')!.text).toMatch(/^\d+(,\d)?$/);
		expect(t.result).toEqual({ status: 'incomplete', text: '' });
		// Subjects with a teacher but no scores are listed too.
		expect(v.terms[0].subjects.map((s) => s.code)).toEqual(expect.arrayContaining(['TOAN', 'VAN', 'KHTN']));
	});

	it('shows the term average (ĐTBmhk) once the teacher has entered every score', async () => {
		const g = await grid();
		const row = g.rows.find((r) => r.learner.id === child)!;
		const cells = (['TX2', 'TX3', 'TX4', 'CK'] as const).map((l, i) => ({ columnId: colId(g, l), learnerId: child, value: ['8', '7,5', '9', '6'][i], version: row.cells[colId(g, l)].version }));
		expect((await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId: toan, cells })).status).toBe(200);
		const after = (await grid()).rows.find((r) => r.learner.id === child)!;
		const t = toanOf(await view(as.parent));
		expect(t.result).toMatchObject({ status: 'complete', text: after.result.text });
		expect(t.columns.find((c) => c.label === 'TX3')).toMatchObject({ value: 7.5, text: '7,5' });
	});

	it('shows the term’s attendance totals and the homeroom teacher’s conduct assessment', async () => {
		expect((await as.homeroom.put('/api/v1/attendance', { classId: c6a1, on: '2026-11-02', records: [{ learnerId: child, status: 'excused' }] })).status).toBe(200);
		expect((await as.homeroom.put('/api/v1/attendance', { classId: c6a1, on: '2026-11-03', records: [{ learnerId: child, status: 'unexcused' }] })).status).toBe(200);
		const conduct = await as.homeroom.put('/api/v1/gradebook/conduct', { classId: c6a1, term: 1, rows: [{ learnerId: child, level: 'kha', comment: 'Chăm ngoan, cần mạnh dạn hơn.', version: 0 }] });
		expect(conduct.status).toBe(200);
		const v = await view(as.parent);
		expect(v.terms[0].attendance).toMatchObject({ excused: 1, unexcused: 1, late: 0, absences: 2 });
		expect(v.terms[0].conduct).toEqual({ level: 'kha', comment: 'Chăm ngoan, cần mạnh dạn hơn.' });
		expect(v.terms[1].attendance).toMatchObject({ absences: 0 });
		expect(v.terms[1].conduct).toBeNull();
	});
});

describe('who sees a learner’s gradebook', () => {
	it('should fail with 404 when a parent asks for another parent’s child', async () => {
		expect((await as.parent.get(`/api/v1/learners/${otherChild}/gradebook`)).status).toBe(404);
	});

	it('lets a learner see themself only', async () => {
		expect((await view(as.learner)).learner.id).toBe(child);
		expect((await as.learner.get(`/api/v1/learners/${otherChild}/gradebook`)).status).toBe(404);
	});

	it('lets the homeroom teacher and the school leader see any learner of the class', async () => {
		expect((await view(as.homeroom, otherChild)).class!.name).toBe('6A1');
		expect((await view(as.leader, otherChild)).class!.name).toBe('6A1');
	});

	it('should fail with 404 for a subject teacher, a person who is not a learner, and an unknown id; 401 without a session', async () => {
		expect((await as.teacher.get(`/api/v1/learners/${child}/gradebook`)).status).toBe(404);
		const [mother] = await app.db.select().from(persons).where(eq(persons.email, 'parent@sen.test'));
		expect((await as.leader.get(`/api/v1/learners/${mother.id}/gradebook`)).status).toBe(404);
		expect((await as.leader.get(`/api/v1/learners/${crypto.randomUUID()}/gradebook`)).status).toBe(404);
		expect((await as.leader.get('/api/v1/learners/nope/gradebook')).status).toBe(400);
		expect((await app.request('GET', `/api/v1/learners/${child}/gradebook`)).status).toBe(401);
	});
});

describe('showing scores only after publishing', () => {
	it('under “immediate”, publishing is recorded but tells no one (saving already did)', async () => {
		const tx4 = colId(await grid(), 'TX4');
		const n = await outboxCount();
		const res = await as.teacher.post(`/api/v1/gradebook/columns/${tx4}/publish`);
		expect(res.status).toBe(200);
		expect((await res.json()).publishedAt).toBeTruthy();
		expect(await mailsSince(n)).toHaveLength(0);
		expect((await as.teacher.delete(`/api/v1/gradebook/columns/${tx4}/publish`)).status).toBe(200);
	});

	it('hides unpublished columns (and the average) from parents and learners, never from the homeroom teacher or the leader', async () => {
		const set = await as.leader.put('/api/v1/settings/gradebook.scoreVisibility', { scope: thcsId, value: 'after_publish' });
		expect(set.status).toBe(200);
		for (const who of [as.parent, as.learner]) {
			const v = await view(who);
			expect(v).toMatchObject({ scoreVisibility: 'after_publish', restricted: true });
			expect(toanOf(v).columns).toEqual([]);
			expect(toanOf(v).result).toEqual({ status: 'unpublished', text: '' });
		}
		for (const who of [as.homeroom, as.leader]) {
			const v = await view(who);
			expect(v.restricted).toBe(false);
			expect(toanOf(v).columns).toHaveLength(6);
			expect(toanOf(v).result!.status).toBe('complete');
		}
	});

	it('publishing a column shows it to the family, tells each guardian once, and is audited', async () => {
		const tx1 = colId(await grid(), 'TX1');
		const n = await outboxCount();
		const res = await as.teacher.post(`/api/v1/gradebook/columns/${tx1}/publish`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id: tx1, label: 'TX1' });
		const mails = await mailsSince(n);
		expect(mails.map((m) => m.recipient)).toEqual(['parent@sen.test']);
		expect(mails[0].subject).toContain('TX1');
		expect(mails[0].body).toContain('Toán');
		const t = toanOf(await view(as.parent));
		expect(t.columns.map((c) => c.label)).toEqual(['TX1']);
		expect(t.columns[0]).toMatchObject({ published: true });
		expect(t.columns[0].text).not.toBe('');
		expect(t.result!.status).toBe('unpublished');
		const audits = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'grade_column'), eq(auditLog.entityId, tx1)));
		expect(audits).toHaveLength(1);

		// Publishing again changes nothing and tells no one.
		const m = await outboxCount();
		expect((await as.teacher.post(`/api/v1/gradebook/columns/${tx1}/publish`)).status).toBe(200);
		expect(await mailsSince(m)).toHaveLength(0);
	});

	it('shows the average once every column of the subject is published, and withdraws a column on unpublish', async () => {
		const g = await grid();
		for (const label of ['TX2', 'TX3', 'TX4', 'GK', 'CK']) expect((await as.teacher.post(`/api/v1/gradebook/columns/${colId(g, label)}/publish`)).status).toBe(200);
		expect(toanOf(await view(as.parent)).result!.status).toBe('complete');
		expect((await as.teacher.delete(`/api/v1/gradebook/columns/${colId(g, 'CK')}/publish`)).status).toBe(200);
		const t = toanOf(await view(as.learner));
		expect(t.columns.map((c) => c.label)).toEqual(['TX1', 'TX2', 'TX3', 'TX4', 'GK']);
		expect(t.result!.status).toBe('unpublished');
	});

	it('lets only the assigned subject teacher publish: 403 for the homeroom teacher and the leader, 404 for a parent and another teacher', async () => {
		const gk = colId(await grid(), 'GK');
		expect((await as.homeroom.post(`/api/v1/gradebook/columns/${gk}/publish`)).status).toBe(403);
		expect((await as.leader.post(`/api/v1/gradebook/columns/${gk}/publish`)).status).toBe(403);
		expect((await as.parent.post(`/api/v1/gradebook/columns/${gk}/publish`)).status).toBe(404);
		expect((await as.grouphead.delete(`/api/v1/gradebook/columns/${gk}/publish`)).status).toBe(404);
		expect((await as.teacher.post(`/api/v1/gradebook/columns/${crypto.randomUUID()}/publish`)).status).toBe(404);
	});
});

/** The PDF's text, one string per page, whitespace collapsed. */
async function pdfText(res: Response): Promise<string> {
	expect(res.status).toBe(200);
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
	return (text as string).replace(/\s+/g, ' ');
}
const reportCard = async (who: Client) => pdfText(await who.get(`/api/v1/gradebook/report-cards/${child}.pdf?period=1`));

describe('the report card where scores show only after publishing', () => {
	it('leaves a result resting on an unpublished column off the parent’s and the learner’s PDF, and prints it once published; staff see it all along', async () => {
		// Here Toán's CK is unpublished (the tests above withdrew it); every cell of the child's term is filled.
		const g = await grid();
		const average = g.rows.find((r) => r.learner.id === child)!.result.text;
		expect(average).toMatch(/^\d+,\d$/);
		for (const who of [as.parent, as.learner]) {
			const text = await reportCard(who);
			expect(text).toContain('Toán Chưa công bố');
			expect(text).not.toContain(`Toán ${average}`);
			expect(text).toContain('Kết quả học tập: Chưa công bố');
		}
		for (const who of [as.homeroom, as.leader]) expect(await reportCard(who)).toContain(`Toán ${average}`);

		expect((await as.teacher.post(`/api/v1/gradebook/columns/${colId(g, 'CK')}/publish`)).status).toBe(200);
		const published = await reportCard(as.parent);
		expect(published).toContain(`Toán ${average}`);
		expect(published).not.toContain('Toán Chưa công bố');
	});
});

describe('telling families where scores show only after publishing', () => {
	const cellOf = (g: Grid, label: string) => g.rows.find((r) => r.learner.id === child)!.cells[colId(g, label)];

	it('tells the guardians once of a score saved into a published column; one saved into an unpublished column waits for publishing', async () => {
		let g = await grid();
		let n = await outboxCount();
		const tx1 = cellOf(g, 'TX1');
		expect((await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId: toan, cells: [{ columnId: colId(g, 'TX1'), learnerId: child, value: tx1.text === '10' ? '9' : '10', version: tx1.version }] })).status).toBe(200);
		let mails = await mailsSince(n);
		expect(mails.map((x) => x.recipient)).toEqual(['parent@sen.test']);
		expect(mails[0].subject).toContain('Điểm mới');
		// Saving the same value again changes nothing and tells no one.
		g = await grid();
		n = await outboxCount();
		expect((await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId: toan, cells: [{ columnId: colId(g, 'TX1'), learnerId: child, value: cellOf(g, 'TX1').text, version: cellOf(g, 'TX1').version }] })).status).toBe(200);
		expect(await mailsSince(n)).toHaveLength(0);

		// An unpublished column: nothing on saving, one email when published.
		expect((await as.teacher.delete(`/api/v1/gradebook/columns/${colId(g, 'TX2')}/publish`)).status).toBe(200);
		n = await outboxCount();
		expect((await as.teacher.put('/api/v1/gradebook/scores', { classId: c6a1, subjectId: toan, cells: [{ columnId: colId(g, 'TX2'), learnerId: child, value: '6,5', version: cellOf(g, 'TX2').version }] })).status).toBe(200);
		expect(await mailsSince(n)).toHaveLength(0);
		expect((await as.teacher.post(`/api/v1/gradebook/columns/${colId(g, 'TX2')}/publish`)).status).toBe(200);
		mails = await mailsSince(n);
		expect(mails.map((x) => x.recipient)).toEqual(['parent@sen.test']);
		expect(mails[0].subject).toContain('TX2');
	});

	it('tells the guardians of an approved change the new value where the column is published, and leaves it to publishing where it is not', async () => {
		const years = await app.db.select({ id: classes.schoolYearId }).from(classes).where(eq(classes.id, c6a1));
		expect((await as.leader.post('/api/v1/gradebook/locks', { schoolYearId: years[0].id, term: 1, classId: c6a1 })).status).toBe(201);
		const g = await grid();
		const change = async (label: string, newValue: number) => {
			const res = await as.teacher.post('/api/v1/gradebook/change-requests', { columnId: colId(g, label), learnerId: child, oldValue: cellOf(g, label).value, newValue, reason: 'Chấm phúc khảo' });
			expect(res.status).toBe(201);
			const decided = await as.leader.post(`/api/v1/gradebook/change-requests/${(await res.json()).id}/decision`, { approve: true });
			expect(decided.status).toBe(200);
		};
		let n = await outboxCount();
		await change('TX3', 8.5);
		let mails = await mailsSince(n);
		expect(mails.map((x) => x.recipient)).toEqual(['parent@sen.test']);
		expect(mails[0].subject).toContain('TX3');
		expect(mails[0].body).toContain('8,5');

		expect((await as.teacher.delete(`/api/v1/gradebook/columns/${colId(g, 'TX4')}/publish`)).status).toBe(200);
		n = await outboxCount();
		await change('TX4', 5);
		expect(await mailsSince(n)).toHaveLength(0);
		expect((await as.teacher.post(`/api/v1/gradebook/columns/${colId(g, 'TX4')}/publish`)).status).toBe(200);
		mails = await mailsSince(n);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('TX4');
	});
});
