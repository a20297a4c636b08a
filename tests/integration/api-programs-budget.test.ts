/**
 * The program budget through the HTTP API on a real database, with the demo plan 2023–2025
 * (1.950 + 7.550 + 190 triệu đồng): `city` is the program office; `unit` (Xã Thạch Thất's
 * officer) and `leader` (THCS Bình Yên) may not even see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { auditLog } from '#lib/server/audit/schema';
import { orgUnits } from '#lib/server/organisations/schema';
import { budgetCommitments, budgetPlans, budgetSpending, budgetTasks } from '#lib/server/programs/budget-schema';
import { budgetFigures } from '#lib/server/programs/budget-figures';

let app: TestApp;
const as: Record<string, Client> = {};
const task: Record<string, string> = {};
let cityPath: string;
let unitPath: string;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const M = 1_000_000;

beforeAll(async () => {
	app = await startApp();
	for (const u of ['city', 'unit', 'leader']) as[u] = await app.loginAs(u);
	for (const t of await app.db.select().from(budgetTasks)) task[t.code] = t.id;
	[{ path: cityPath }] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
	[{ path: unitPath }] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN-THACHTHAT'));
});
afterAll(() => app?.close());

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

/** Sums straight from the tables, to hold the report against; with `before`, of entries dated before that day. */
async function raw(year: number, before?: string) {
	const one = async (q: Promise<{ n: string }[]>) => BigInt((await q)[0].n);
	return {
		plan: await one(app.db.select({ n: sql<string>`coalesce(sum(${budgetPlans.amount}),0)::text` }).from(budgetPlans).where(eq(budgetPlans.year, year))),
		committed: await one(app.db.select({ n: sql<string>`coalesce(sum(${budgetCommitments.amount}),0)::text` }).from(budgetCommitments).where(and(eq(budgetCommitments.year, year), before ? lt(budgetCommitments.signedOn, before) : undefined))),
		spent: await one(app.db.select({ n: sql<string>`coalesce(sum(${budgetSpending.amount}),0)::text` }).from(budgetSpending).where(and(eq(budgetSpending.year, year), before ? lt(budgetSpending.spentOn, before) : undefined)))
	};
}

describe('who may see the budget', () => {
	// valid bodies, so that the refusal is the policy's and not the input's
	const routes = (): [string, string, unknown?][] => [
		['GET', '/api/v1/budget-tasks'],
		['POST', '/api/v1/budget-tasks', { code: '9', name: 'X' }],
		['GET', '/api/v1/budget-plans?year=2024'],
		['PUT', '/api/v1/budget-plans', { year: 2024, rows: [{ taskId: task['6'], amount: 1 }] }],
		['GET', '/api/v1/budget-commitments'],
		['POST', '/api/v1/budget-commitments', { taskId: task['6'], year: 2024, amount: 1, counterparty: 'X', signedOn: '2024-01-02' }],
		['GET', '/api/v1/budget-spending'],
		['POST', '/api/v1/budget-spending', { taskId: task['6'], year: 2024, amount: 1, spentOn: '2024-01-02', description: 'X' }],
		['GET', '/api/v1/budget-report?year=2024'],
		['GET', '/api/v1/budget-report.xlsx']
	];
	it.each(['unit', 'leader'])('should answer 404 to a %s on every budget route', async (who) => {
		for (const [method, path, body] of routes()) {
			const res = await app.request(method, path, { cookie: as[who].cookie, body });
			expect(res.status, `${method} ${path}`).toBe(404);
		}
		// a multipart upload is refused before a byte is stored
		const fd = new FormData();
		fd.append('taskId', task['6']);
		fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'x.pdf');
		expect((await app.request('POST', '/api/v1/budget-spending', { cookie: as[who].cookie, body: fd })).status).toBe(404);
		const anyTask = task['1.1'];
		expect((await as[who].get(`/api/v1/budget-tasks/${anyTask}`)).status).toBe(404);
		const [s] = await app.db.select().from(budgetSpending).limit(1);
		expect((await as[who].post(`/api/v1/budget-spending/${s.id}/reversal`, { amount: 1, reason: 'x' })).status).toBe(404);
		const [c] = await app.db.select().from(budgetCommitments).limit(1);
		expect((await as[who].post(`/api/v1/budget-commitments/${c.id}/reversal`, { amount: 1, reason: 'x' })).status).toBe(404);
	});
	it('should answer 401 without a session', async () => {
		expect((await app.request('GET', '/api/v1/budget-report')).status).toBe(401);
	});
	it('should list the budget routes in OpenAPI', async () => {
		const doc = await ok(await app.request('GET', '/api/v1/openapi.json'));
		for (const p of ['/budget-tasks', '/budget-tasks/{id}', '/budget-plans', '/budget-commitments', '/budget-commitments/{id}/reversal', '/budget-spending', '/budget-spending/{id}/reversal', '/budget-spending/{id}/files/{fileId}', '/budget-report', '/budget-report.xlsx', '/budget-plans.xlsx'])
			expect(Object.keys(doc.paths)).toContain(`/api/v1${p}`);
	});
});

describe('the demo plan and the report', () => {
	it('should hold the programme’s yearly totals 1.950, 7.550 and 190 triệu (9.690 in all)', async () => {
		const all = await ok(await as.city.get('/api/v1/budget-report'));
		expect(all.years.map((y: { year: number; plan: string }) => [y.year, y.plan])).toEqual([
			[2023, String(1950 * M)],
			[2024, String(7550 * M)],
			[2025, String(190 * M)]
		]);
		expect(all.total.plan).toBe(String(9690 * M));
	});

	it.each([2023, 2024, 2025])('should make the %i report’s totals equal the entries', async (year) => {
		const r = await ok(await as.city.get(`/api/v1/budget-report?year=${year}`));
		const want = await raw(year);
		expect(r.total).toMatchObject({ plan: String(want.plan), committed: String(want.committed), spent: String(want.spent), remaining: String(want.plan - want.spent), uncommitted: String(want.plan - want.committed) });
		// a parent's row is the sum of its sub-tasks
		const row = (code: string) => r.rows.find((x: { task: { code: string } }) => x.task.code === code);
		const subs = r.rows.filter((x: { task: { parentId: string | null } }) => x.task.parentId === task['3']);
		expect(BigInt(row('3').plan)).toBe(subs.reduce((a: bigint, x: { plan: string }) => a + BigInt(x.plan), 0n));
		const top = r.rows.filter((x: { level: number }) => x.level === 0);
		expect(BigInt(r.total.spent)).toBe(top.reduce((a: bigint, x: { spent: string }) => a + BigInt(x.spent), 0n));
	});

	it('should reject a year that is not a year', async () => {
		expect((await as.city.get('/api/v1/budget-report?year=abc')).status).toBe(400);
	});
});

describe('tasks and the plan', () => {
	it('should add a task and a sub-task, refuse a taken code and a third level', async () => {
		const top = await ok(await as.city.post('/api/v1/budget-tasks', { code: '7', name: 'Dự phòng', position: 20 }), 201);
		const t = await ok(await as.city.post('/api/v1/budget-tasks', { code: '7.1', name: 'Ấn phẩm tổng kết', parentId: top.id }), 201);
		const dup = await refused(await as.city.post('/api/v1/budget-tasks', { code: '7.1', name: 'Trùng' }), 400);
		expect(dup.details.issues[0].path).toBe('code');
		const third = await refused(await as.city.post('/api/v1/budget-tasks', { code: '7.1.1', name: 'Cấp ba', parentId: t.id }), 400);
		expect(third.details.issues[0].path).toBe('parentId');
		const list = await ok(await as.city.get('/api/v1/budget-tasks'));
		expect(list.items.map((x: { code: string }) => x.code).slice(-2)).toEqual(['7', '7.1']);
		const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'budget_task'), eq(auditLog.entityId, t.id)));
		expect(audit.action).toBe('create');
	});

	it('should answer two offices racing for the same new code with one task and one refusal, never a 500', async () => {
		const codes = async () => (await app.db.select().from(budgetTasks).where(eq(budgetTasks.code, '8'))).length;
		// On PostgreSQL both may pass the check before either writes: the unique index decides, and its refusal is the same.
		const answers = await Promise.all([as.city.post('/api/v1/budget-tasks', { code: '8', name: 'Một' }), as.city.post('/api/v1/budget-tasks', { code: '8', name: 'Hai' })]);
		expect(answers.map((r) => r.status).sort()).toEqual([201, 400]);
		const refusal = await answers.find((r) => r.status === 400)!.json();
		expect(refusal.error.details.issues[0]).toEqual({ path: 'code', message: 'Mã 8 đã được dùng.' });
		expect(await codes()).toBe(1);
	});

	it('should rename a task with an audit record, refusing a taken code; 404 for a unit officer', async () => {
		const t = await ok(await as.city.patch(`/api/v1/budget-tasks/${task['6']}`, { name: 'Quản lý, kiểm tra, giám sát, báo cáo' }));
		expect(t).toMatchObject({ code: '6', name: 'Quản lý, kiểm tra, giám sát, báo cáo' });
		expect((await refused(await as.city.patch(`/api/v1/budget-tasks/${task['6']}`, { code: '5' }), 400)).details.issues[0].path).toBe('code');
		expect((await as.unit.patch(`/api/v1/budget-tasks/${task['6']}`, { name: 'X' })).status).toBe(404);
		const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'budget_task'), eq(auditLog.entityId, task['6']), eq(auditLog.action, 'update')));
		expect(audit.before).toMatchObject({ name: 'Quản lý, kiểm tra, báo cáo' });
	});

	it('should save the plan all or nothing, with the error on its row', async () => {
		const before = await ok(await as.city.get('/api/v1/budget-plans?year=2025'));
		const bad = await refused(await as.city.put('/api/v1/budget-plans', { year: 2025, rows: [{ taskId: task['6'], amount: '50.000.000' }, { taskId: task['5'], amount: -1 }, { taskId: task['3'], amount: 1 }] }), 400);
		expect(bad.details.issues.map((d: { path: string }) => d.path)).toEqual(['rows.1.amount', 'rows.2.taskId']); // task 3 has sub-tasks
		expect(await ok(await as.city.get('/api/v1/budget-plans?year=2025'))).toEqual(before);

		const saved = await ok(await as.city.put('/api/v1/budget-plans', { year: 2025, rows: [{ taskId: task['6'], amount: '50.000.000' }, { taskId: task['5'], amount: 50 * M }] }));
		expect(saved.changed).toBe(1); // task 5 already had 50 triệu
		const after = await ok(await as.city.get('/api/v1/budget-plans?year=2025'));
		expect(after.rows.find((r: { task: { code: string } }) => r.task.code === '6').amount).toBe(String(50 * M));
		const audits = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'budget_plan'), eq(auditLog.entityId, `${task['6']}:2025`)));
		expect(audits[0].before).toEqual({ amount: String(40 * M) });
		expect(audits[0].after).toMatchObject({ amount: String(50 * M) });
		// Several rows in one save: each changed row upserted and audited, in one transaction.
		const auditsBefore = (await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'budget_plan'))).length;
		expect((await ok(await as.city.put('/api/v1/budget-plans', { year: 2025, rows: [{ taskId: task['6'], amount: 41 * M }, { taskId: task['5'], amount: 51 * M }] }))).changed).toBe(2);
		const two = await ok(await as.city.get('/api/v1/budget-plans?year=2025'));
		expect(['5', '6'].map((c) => two.rows.find((r: { task: { code: string } }) => r.task.code === c).amount)).toEqual([String(51 * M), String(41 * M)]);
		expect((await app.db.select().from(auditLog).where(eq(auditLog.entityType, 'budget_plan'))).length).toBe(auditsBefore + 2);
		// put it back so the programme's 2025 total holds for the other tests
		await ok(await as.city.put('/api/v1/budget-plans', { year: 2025, rows: [{ taskId: task['6'], amount: 40 * M }, { taskId: task['5'], amount: 50 * M }] }));
	});
});

describe('commitments, spending and reversals', () => {
	let commitment: string;
	let spending: string;

	it('should record a commitment, warning when it passes the plan', async () => {
		const c = await ok(await as.city.post('/api/v1/budget-commitments', { taskId: task['3.3'], year: 2024, amount: '200.000.000', counterparty: 'Trường Đại học Thủ đô Hà Nội', signedOn: '2024-03-01', document: 'HĐ 05/2024' }), 201);
		expect(c.warnings).toEqual([]);
		commitment = c.commitment.id;
		const over = await ok(await as.city.post('/api/v1/budget-commitments', { taskId: task['3.3'], year: 2024, amount: 150 * M, counterparty: 'Khác', signedOn: '2024-03-02' }), 201);
		expect(over.warnings).toEqual(['over_plan']); // 350 > 300 triệu planned
		await ok(await as.city.post(`/api/v1/budget-commitments/${over.commitment.id}/reversal`, { amount: 150 * M, reason: 'Hủy hợp đồng' }), 201);
	});

	it('should refuse amounts that are not positive whole đồng, and entries on a task with sub-tasks', async () => {
		for (const amount of [0, -5, '1,5', 12.5]) await refused(await as.city.post('/api/v1/budget-commitments', { taskId: task['3.3'], year: 2024, amount, counterparty: 'X', signedOn: '2024-03-01' }), 400);
		await refused(await as.city.post('/api/v1/budget-spending', { taskId: task['3'], year: 2024, amount: 1, spentOn: '2024-03-01', description: 'x' }), 400);
	});

	it('should refuse a payment above what remains of its commitment', async () => {
		const err = await refused(await as.city.post('/api/v1/budget-spending', { taskId: task['3.3'], year: 2024, amount: 200 * M + 1, spentOn: '2024-04-01', description: 'Quá hợp đồng', commitmentId: commitment }), 400);
		expect(err.details.issues[0].path).toBe('amount');
		// a commitment of another task is refused too
		await refused(await as.city.post('/api/v1/budget-spending', { taskId: task['3.4'], year: 2024, amount: 1, spentOn: '2024-04-01', description: 'Sai nhiệm vụ', commitmentId: commitment }), 400);
	});

	it('should let only one of two payments racing for what remains of a commitment through', async () => {
		const c = await ok(await as.city.post('/api/v1/budget-commitments', { taskId: task['3.4'], year: 2025, amount: 10 * M, counterparty: 'Đơn vị in tài liệu', signedOn: '2025-02-01' }), 201);
		const pay = () => as.city.post('/api/v1/budget-spending', { taskId: task['3.4'], year: 2025, amount: 6 * M, spentOn: '2025-02-10', description: 'Thanh toán tài liệu', commitmentId: c.commitment.id });
		const [a, b] = await Promise.all([pay(), pay()]);
		expect([a.status, b.status].sort()).toEqual([201, 400]);
		const loser = await (a.status === 400 ? a : b).json();
		expect(loser.error.details.issues[0].path).toBe('amount');
		const [{ total }] = await app.db.select({ total: sql<string>`sum(amount)::text` }).from(budgetSpending).where(eq(budgetSpending.commitmentId, c.commitment.id));
		expect(BigInt(total)).toBe(6n * BigInt(M));
	});

	it('should record a payment with its documents (multipart) and change the remaining', async () => {
		const before = await ok(await as.city.get(`/api/v1/budget-tasks/${task['3.3']}`));
		const y2024 = before.years.find((y: { year: number }) => y.year === 2024);
		const fd = new FormData();
		for (const [k, v] of Object.entries({ taskId: task['3.3'], year: '2024', amount: '120.000.000', spentOn: '2024-04-15', description: 'Tập huấn sinh viên sư phạm đợt 1', voucherNo: 'PC-2024-050', commitmentId: commitment })) fd.append(k, v);
		fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Giấy đề nghị thanh toán.pdf');
		fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Hóa đơn.pdf');
		const s = await ok(await app.request('POST', '/api/v1/budget-spending', { cookie: as.city.cookie, body: fd }), 201);
		spending = s.spending.id;
		expect(s.spending.files.map((f: { name: string }) => f.name).sort()).toEqual(['Giấy đề nghị thanh toán.pdf', 'Hóa đơn.pdf']);
		const after = await ok(await as.city.get(`/api/v1/budget-tasks/${task['3.3']}`));
		const a2024 = after.years.find((y: { year: number }) => y.year === 2024);
		expect(BigInt(a2024.remaining)).toBe(BigInt(y2024.remaining) - 120n * BigInt(M));
		const entry = after.spending.find((x: { id: string }) => x.id === spending);
		expect(entry.files).toHaveLength(2);
		const dl = await as.city.get(`/api/v1/budget-spending/${spending}/files/${entry.files[0].id}`);
		expect(dl.status).toBe(200);
		expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
		expect((await as.unit.get(`/api/v1/budget-spending/${spending}/files/${entry.files[0].id}`)).status).toBe(404);
		const audits = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'budget_spending'), eq(auditLog.entityId, spending)));
		expect(audits.map((a) => a.action)).toEqual(['create']);
		// what remains of the commitment is 80 triệu: 80 passes, one more đồng would not
		await refused(await as.city.post('/api/v1/budget-spending', { taskId: task['3.3'], year: 2024, amount: 80 * M + 1, spentOn: '2024-05-01', description: 'x', commitmentId: commitment }), 400);
	});

	it('should refuse a multipart entry that fails validation and keep no file', async () => {
		const fd = new FormData();
		fd.append('taskId', task['3.3']);
		fd.append('year', '2024');
		fd.append('amount', '0');
		fd.append('spentOn', '2024-04-15');
		fd.append('description', 'Không hợp lệ');
		fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'x.pdf');
		const { files } = await import('#lib/server/files/schema');
		const [{ n: before }] = await app.db.select({ n: sql<number>`count(*)::int` }).from(files);
		await refused(await app.request('POST', '/api/v1/budget-spending', { cookie: as.city.cookie, body: fd }), 400);
		const [{ n: after }] = await app.db.select({ n: sql<number>`count(*)::int` }).from(files);
		expect(after).toBe(before);
	});

	it('should warn, not refuse, when spending passes the task’s plan', async () => {
		const s = await ok(await as.city.post('/api/v1/budget-spending', { taskId: task['3.3'], year: 2024, amount: 250 * M, spentOn: '2024-06-01', description: 'Vượt kế hoạch' }), 201);
		expect(s.warnings).toEqual(['over_plan']); // 120 + 250 > 300 triệu
		await ok(await as.city.post(`/api/v1/budget-spending/${s.spending.id}/reversal`, { amount: 250 * M, reason: 'Nhập nhầm' }), 201);
	});

	it('should correct by reversal only: part, then the rest, never more, never a reversal', async () => {
		const r1 = await ok(await as.city.post(`/api/v1/budget-spending/${spending}/reversal`, { amount: 20 * M, reason: 'Hoàn trả một phần' }), 201);
		expect(r1).toMatchObject({ amount: String(-20 * M), reversesId: spending, reason: 'Hoàn trả một phần' });
		await refused(await as.city.post(`/api/v1/budget-spending/${spending}/reversal`, { amount: 100 * M + 1, reason: 'Quá' }), 400);
		await refused(await as.city.post(`/api/v1/budget-spending/${r1.id}/reversal`, { amount: 1, reason: 'Điều chỉnh của điều chỉnh' }), 400);
		await refused(await as.city.post(`/api/v1/budget-spending/${spending}/reversal`, { amount: 1, reason: '' }), 400);
		// the commitment (200) has 100 paid against it: it may come down to 100, not below
		await refused(await as.city.post(`/api/v1/budget-commitments/${commitment}/reversal`, { amount: 100 * M + 1, reason: 'Giảm' }), 400);
		await ok(await as.city.post(`/api/v1/budget-commitments/${commitment}/reversal`, { amount: 100 * M, reason: 'Giảm giá trị hợp đồng' }), 201);
		const list = await ok(await as.city.get(`/api/v1/budget-commitments?taskId=${task['3.3']}&year=2024`));
		const c = list.items.find((x: { id: string }) => x.id === commitment);
		expect(c).toMatchObject({ net: String(100 * M), paid: String(100 * M), reversed: String(100 * M) });
		const spend = await ok(await as.city.get(`/api/v1/budget-spending?taskId=${task['3.3']}`));
		expect(spend.items.find((x: { id: string }) => x.id === spending)).toMatchObject({ net: String(100 * M), reversed: String(20 * M) });
		const reversals = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'budget_spending'), eq(auditLog.entityId, spending), eq(auditLog.action, 'reverse')));
		expect(reversals).toHaveLength(1);
		expect(reversals[0].after).toMatchObject({ amount: String(-20 * M), reason: 'Hoàn trả một phần' });
		// nothing was edited: the original row still says 120 triệu
		const [orig] = await app.db.select().from(budgetSpending).where(eq(budgetSpending.id, spending));
		expect(orig.amount).toBe(120n * BigInt(M));
	});

	it('should keep the report equal to the entries after all this', async () => {
		const r = await ok(await as.city.get('/api/v1/budget-report?year=2024'));
		const want = await raw(2024);
		expect(r.total).toMatchObject({ plan: String(want.plan), committed: String(want.committed), spent: String(want.spent) });
		const row = r.rows.find((x: { task: { code: string } }) => x.task.code === '3.3');
		expect(row).toMatchObject({ plan: String(300 * M), committed: String(100 * M), spent: String(100 * M), remaining: String(200 * M), percent: 33.3 });
	});
});

describe('the .xlsx export', () => {
	it('should reopen with the numbers of the report, a sheet per year and a totals row', async () => {
		const res = await as.city.get('/api/v1/budget-report.xlsx');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('spreadsheetml');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', '2023', '2024', '2025']);
		for (const year of [2023, 2024, 2025]) {
			const ws = wb.getWorksheet(String(year))!;
			const report = await ok(await as.city.get(`/api/v1/budget-report?year=${year}`));
			const last = ws.getRow(ws.rowCount);
			expect(last.getCell(2).value).toBe('Tổng cộng');
			expect(last.getCell(3).value).toBe(Number(report.total.plan));
			expect(last.getCell(4).value).toBe(Number(report.total.committed));
			expect(last.getCell(5).value).toBe(Number(report.total.spent));
			expect(last.getCell(6).value).toBe(Number(report.total.remaining));
			expect(last.getCell(3).numFmt).toContain('#,##0');
			const r33 = ws.getRows(5, ws.rowCount - 4)!.find((r) => r.getCell(1).value === '3.3')!;
			const row = report.rows.find((x: { task: { code: string } }) => x.task.code === '3.3');
			expect(r33.getCell(5).value).toBe(Number(row.spent));
			expect(typeof r33.getCell(3).value).toBe('number');
		}
		const summary = wb.getWorksheet('Tổng hợp')!;
		expect(summary.getRow(summary.rowCount).getCell(3).value).toBe(9690 * M);
		const one = await as.city.get('/api/v1/budget-report.xlsx?year=2023');
		const wb1 = new ExcelJS.Workbook();
		await wb1.xlsx.load((await one.arrayBuffer()) as ArrayBuffer);
		expect(wb1.worksheets.map((w) => w.name)).toEqual(['2023']);
	});
});

describe('report figures', () => {
	it('should equal the data for the city and be null for a unit', async () => {
		const from = new Date('2024-01-01T00:00:00+07:00');
		const to = new Date('2025-01-01T00:00:00+07:00');
		const city = await budgetFigures(app.db, { path: cityPath, from, to });
		// As the budget stood at the period's end: the reversals entered today are not in it.
		const want = await raw(2024, '2025-01-01');
		expect(want.spent).not.toBe((await raw(2024)).spent);
		const value = (key: string) => city.find((f) => f.key === key)!.value;
		expect(value('budget.plan')).toBe(Number(want.plan));
		expect(value('budget.committed')).toBe(Number(want.committed));
		expect(value('budget.spent')).toBe(Number(want.spent));
		expect(value('budget.remaining')).toBe(Number(want.plan - want.spent));
		expect(value('budget.percent')).toBe(Math.round((Number(want.spent) / Number(want.plan)) * 1000) / 10);
		const [inYear] = await app.db.select({ n: sql<string>`coalesce(sum(${budgetSpending.amount}),0)::text` }).from(budgetSpending).where(and(gte(budgetSpending.spentOn, '2024-01-01'), lt(budgetSpending.spentOn, '2025-01-01')));
		expect(value('budget.spent_in_period')).toBe(Number(inYear.n));
		expect(city.every((f) => f.group === 'budget')).toBe(true);
		const unit = await budgetFigures(app.db, { path: unitPath, from, to });
		expect(unit.map((f) => f.value)).toEqual([null, null, null, null, null, null]);
		// a period over two years sums both
		const both = await budgetFigures(app.db, { path: cityPath, from: new Date('2023-07-01T00:00:00+07:00'), to });
		expect(both.find((f) => f.key === 'budget.plan')!.value).toBe(Number((await raw(2023)).plan + want.plan));
	});

	it('should follow the period: a payment counts in its quarter and after, never in the quarter before', async () => {
		const quarter = (q: number) => ({ path: cityPath, from: new Date(`2024-${String(3 * q - 2).padStart(2, '0')}-01T00:00:00+07:00`), to: new Date(q === 4 ? '2025-01-01T00:00:00+07:00' : `2024-${String(3 * q + 1).padStart(2, '0')}-01T00:00:00+07:00`) });
		const figure = async (q: number, key: string) => (await budgetFigures(app.db, quarter(q))).find((f) => f.key === key)!.value!;
		const [q1, q2, q2in] = [await figure(1, 'budget.spent'), await figure(2, 'budget.spent'), await figure(2, 'budget.spent_in_period')];
		// paid on the last day of Q2 in Vietnam
		await ok(await as.city.post('/api/v1/budget-spending', { taskId: task['6'], year: 2024, amount: 7 * M, spentOn: '2024-06-30', description: 'Văn phòng phẩm quý II' }), 201);
		expect(await figure(1, 'budget.spent')).toBe(q1);
		expect(await figure(2, 'budget.spent')).toBe(q2 + 7 * M);
		expect(await figure(2, 'budget.spent_in_period')).toBe(q2in + 7 * M);
		expect(await figure(3, 'budget.spent_in_period')).toBe(Number((await raw(2024, '2024-10-01')).spent - (await raw(2024, '2024-07-01')).spent));
	});
});

describe('the plan from .xlsx', () => {
	const upload = async (bytes: ArrayBuffer | Uint8Array, year = 2025, name = 'kinh-phi-2025.xlsx') => {
		const fd = new FormData();
		fd.append('file', new Blob([bytes as BlobPart]), name);
		return app.request('POST', `/api/v1/budget-plans.xlsx?year=${year}`, { cookie: as.city.cookie, body: fd });
	};

	it('should take back the exported sheet with an edited plan, all rows or none', async () => {
		const exported = await (await as.city.get('/api/v1/budget-report.xlsx?year=2025')).arrayBuffer();
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(exported);
		const ws = wb.getWorksheet('2025')!;
		const rowOf = (code: string) => ws.getRows(5, ws.rowCount - 4)!.find((r) => r.getCell(1).value === code)!;
		rowOf('2.2').getCell(3).value = 70 * M;
		rowOf('4').getCell(3).value = '30.000.000';
		rowOf('5').getCell(3).value = 'nhiều';
		const bad = await refused(await upload(await wb.xlsx.writeBuffer()), 400);
		expect(bad.details.issues).toEqual([{ path: `row.${rowOf('5').number}`, message: expect.stringContaining(`Dòng ${rowOf('5').number}`) }]);
		const unchanged = await ok(await as.city.get('/api/v1/budget-plans?year=2025'));
		expect(unchanged.rows.find((r: { task: { code: string } }) => r.task.code === '2.2').amount).toBe(String(60 * M));

		rowOf('5').getCell(3).value = 50 * M;
		const done = await ok(await upload(await wb.xlsx.writeBuffer()));
		expect(done.changed).toBe(2);
		const r = await ok(await as.city.get('/api/v1/budget-report?year=2025'));
		expect(r.total.plan).toBe(String(190 * M)); // 60 + 40 became 70 + 30
		expect(r.rows.find((x: { task: { code: string } }) => x.task.code === '2.2').plan).toBe(String(70 * M));
	});

	it('should refuse an unknown code and a file in another layout, and be 404 for a unit officer', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('2025');
		ws.addRow(['Mã', 'Nhiệm vụ', 'Kế hoạch (đồng)']);
		ws.addRow(['99', 'Không có', 1000]);
		const bad = await refused(await upload(await wb.xlsx.writeBuffer()), 400);
		expect(bad.details.issues[0]).toMatchObject({ path: 'row.2', message: 'Dòng 2: không có nhiệm vụ mã 99.' });
		const other = new ExcelJS.Workbook();
		other.addWorksheet('x').addRow(['a', 'b']);
		expect((await refused(await upload(await other.xlsx.writeBuffer()), 400)).details.issues[0].path).toBe('file');
		const fd = new FormData();
		fd.append('file', new Blob([await wb.xlsx.writeBuffer()]), 'x.xlsx');
		expect((await app.request('POST', '/api/v1/budget-plans.xlsx?year=2025', { cookie: as.unit.cookie, body: fd })).status).toBe(404);
	});
});
