/**
 * The budget pages as a browser without JavaScript uses them, on the demo plan: `city` is the
 * program office; `unit` and `leader` get 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { budgetPlans, budgetSpending, budgetSpendingFiles, budgetTasks } from '#lib/server/programs/budget-schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
const as: Record<string, Client> = {};
const task: Record<string, string> = {};
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
	app = await startApp();
	for (const u of ['city', 'unit', 'leader', 'admin']) as[u] = await app.loginAs(u);
	for (const t of await app.db.select().from(budgetTasks)) task[t.code] = t.id;
});
afterAll(() => app?.close());

// The text a reader sees: not the hydration data in the scripts (it repeats a failure's message even when the page shows none).
const textOf = (html: string) => html.replace(/<script\b[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return textOf(await res.text());
};

describe('the budget pages', () => {
	it('show the hub entry and the reports to the program office only', async () => {
		expect(await (await as.city.get('/programs')).text()).toContain('href="/programs/budget"');
		expect(await (await as.unit.get('/programs')).text()).not.toContain('href="/programs/budget"');
		for (const who of ['unit', 'leader']) {
			await page(as[who], '/programs/budget', 404);
			await page(as[who], '/programs/budget?year=2024', 404);
			await page(as[who], '/programs/budget/plan?year=2024', 404);
			await page(as[who], `/programs/budget/tasks/${task['1.1']}`, 404);
		}
		// A year that is no year is explained in Vietnamese, not by a bare word.
		for (const path of ['/programs/budget?year=abc', '/programs/budget/plan?year=1800']) expect(await page(as.city, path, 400)).toContain('Dữ liệu chưa hợp lệ');
	});

	it('show the all-years summary and a year’s table with totals', async () => {
		const all = await page(as.city, '/programs/budget');
		expect(all).toContain('Tổng hợp các năm');
		expect(all).toContain('9.690.000.000'); // the programme's total
		expect(all).toContain('minh họa');
		const y2023 = await page(as.city, '/programs/budget?year=2023');
		expect(y2023).toContain('Kinh phí chương trình — Năm 2023');
		expect(y2023).toMatch(/Tổng cộng 1\.950\.000\.000/);
		expect(y2023).toContain('Nghiên cứu, xây dựng mô hình hệ sinh thái giáo dục');
		await page(as.city, '/programs/budget?year=abc', 400);
	});

	it('show a task with its entries, the reversal and the documents', async () => {
		const t = await page(as.city, `/programs/budget/tasks/${task['1.1']}`);
		expect(t).toContain('Hợp đồng số 12/2023/HĐ-KS');
		expect(t).toContain('Nhập trùng 10 triệu đồng, điều chỉnh giảm');
		expect(t).toContain('PC-2023-051');
		// a parent task shows its sub-tasks and takes no entries
		const parent = await page(as.city, `/programs/budget/tasks/${task['1']}`);
		expect(parent).toContain('Khảo sát thực trạng');
		expect(parent).not.toContain('Ghi khoản chi');
	});

	it('record spending with a document from the multipart form, and the remaining changes', async () => {
		const before = await (await as.city.get(`/programs/budget/tasks/${task['3.4']}`)).text();
		expect(before).toMatch(/data-testid="remaining-2024">350\.000\.000</);
		const fd = new FormData();
		for (const [k, v] of Object.entries({ year: '2024', amount: '50.000.000', spentOn: '2024-09-10', description: 'Tập huấn trực tuyến cho cha mẹ học sinh', voucherNo: 'PC-2024-090', commitmentId: '' })) fd.append(k, v);
		fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Chứng từ.pdf');
		const res = await as.city.form(`/programs/budget/tasks/${task['3.4']}?/spending`, fd);
		expect(res.status).toBe(200);
		const after = await as.city.get(`/programs/budget/tasks/${task['3.4']}`);
		const html = await after.text();
		expect(html).toMatch(/data-testid="remaining-2024">300\.000\.000</);
		expect(textOf(html)).toContain('Chứng từ.pdf');
		const [s] = await app.db.select().from(budgetSpending).where(eq(budgetSpending.voucherNo, 'PC-2024-090'));
		expect(await app.db.select().from(budgetSpendingFiles).where(eq(budgetSpendingFiles.spendingId, s.id))).toHaveLength(1);
	});

	it('explain a refused entry in Vietnamese and a reversal from its form', async () => {
		const bad = await as.city.form(`/programs/budget/tasks/${task['3.4']}?/commitment`, { year: '2024', amount: '12,5', counterparty: 'X', signedOn: '2024-09-01' });
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Số tiền phải là số nguyên đồng');
		const [s] = await app.db.select().from(budgetSpending).where(eq(budgetSpending.voucherNo, 'PC-2024-090'));
		const r = await as.city.form(`/programs/budget/tasks/${task['3.4']}?/reverseSpending`, { entryId: s.id, amount: '10.000.000', reason: 'Hoàn ứng' });
		expect(r.status).toBe(200);
		expect(textOf(await r.text())).toContain('Đã ghi bút toán điều chỉnh.');
		expect(await (await as.city.get(`/programs/budget/tasks/${task['3.4']}`)).text()).toMatch(/data-testid="remaining-2024">310\.000\.000</);
	});

	it('accept a commitment above the plan with a warning on the page', async () => {
		const res = await as.city.form(`/programs/budget/tasks/${task['3.4']}?/commitment`, { year: '2024', amount: '400.000.000', counterparty: 'Công ty truyền thông', signedOn: '2024-09-01', document: 'HĐ 09/2024' });
		expect(res.status).toBe(200);
		const text = textOf(await res.text());
		expect(text).toContain('Đã ghi cam kết.');
		expect(text).toContain('vượt kế hoạch');
		await page(as.city, '/programs/budget/tasks/00000000-0000-4000-8000-000000000000', 404);
	});

	it('set the plan from the form all or nothing, with the error beside its row', async () => {
		const form = await page(as.city, '/programs/budget/plan?year=2025');
		expect(form).toContain('Kế hoạch kinh phí năm 2025');
		// every row sends its taskId and its amount-<taskId>
		const fd = new FormData();
		fd.append('taskId', task['6']);
		fd.append(`amount-${task['6']}`, '45.000.000');
		fd.append('taskId', task['5']);
		fd.append(`amount-${task['5']}`, 'năm mươi');
		const bad2 = await as.city.form('/programs/budget/plan?/plan&year=2025', fd);
		expect(bad2.status).toBe(400);
		const html = await bad2.text();
		expect(html).toContain(`id="amount-${task['5']}-error"`);
		const [p6] = await app.db.select().from(budgetPlans).where(eq(budgetPlans.taskId, task['6'])).then((r) => r.filter((x) => x.year === 2025));
		expect(p6.amount).toBe(40_000_000n); // nothing saved
		const good = new FormData();
		good.append('taskId', task['6']);
		good.append(`amount-${task['6']}`, '45.000.000');
		good.append('taskId', task['5']);
		good.append(`amount-${task['5']}`, '45.000.000');
		const saved = await as.city.form('/programs/budget/plan?/plan&year=2025', good);
		expect(saved.status).toBe(200);
		expect(textOf(await saved.text())).toContain('Đã lưu kế hoạch (2 dòng thay đổi).');
		expect(await page(as.city, '/programs/budget?year=2025')).toMatch(/Tổng cộng 190\.000\.000/); // 40 + 50 became 45 + 45
	});

	it('import the plan from the .xlsx form, showing a bad row by its number', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('2025');
		ws.addRow(['Mã', 'Nhiệm vụ', 'Kế hoạch (đồng)']);
		ws.addRow(['6', 'Quản lý', 'bốn mươi']);
		const fd = new FormData();
		fd.append('file', new Blob([await wb.xlsx.writeBuffer()]), 'ke-hoach.xlsx');
		const bad = await as.city.form('/programs/budget/plan?/import&year=2025', fd);
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Dòng 2: số tiền kế hoạch không hợp lệ.');
		ws.getRow(2).getCell(3).value = 41_000_000;
		const good = new FormData();
		good.append('file', new Blob([await wb.xlsx.writeBuffer()]), 'ke-hoach.xlsx');
		const res = await as.city.form('/programs/budget/plan?/import&year=2025', good);
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã lưu kế hoạch (1 dòng thay đổi).');
	});

	it('rename a task from its page, audited, and explain a code already taken', async () => {
		const taken = await as.city.form(`/programs/budget/tasks/${task['3.4']}?/task`, { code: '3.3', name: 'Tập huấn' });
		expect(taken.status).toBe(400);
		expect(textOf(await taken.text())).toContain('3.3');
		const res = await as.city.form(`/programs/budget/tasks/${task['3.4']}?/task`, { code: '3.4', name: 'Tập huấn trực tuyến cho cha mẹ và học sinh' });
		expect(res.status).toBe(200);
		const text = textOf(await res.text());
		expect(text).toContain('Đã lưu mã và tên nhiệm vụ.');
		expect(text).toContain('3.4. Tập huấn trực tuyến cho cha mẹ và học sinh');
		const [t] = await app.db.select().from(budgetTasks).where(eq(budgetTasks.id, task['3.4']));
		expect(t.name).toBe('Tập huấn trực tuyến cho cha mẹ và học sinh');
		const audits = await app.db.select().from(auditLog).where(eq(auditLog.entityId, task['3.4']));
		expect(audits.some((a) => a.action === 'update' && a.entityType === 'budget_task')).toBe(true);
	});

	it('show an administrator the task without the forms that change it, and refuse their post', async () => {
		const html = await (await as.admin.get(`/programs/budget/tasks/${task['3.4']}`)).text();
		expect(html).toContain('data-testid="task-years"');
		for (const action of ['?/task', '?/commitment', '?/spending', '?/reverseSpending']) expect(html).not.toContain(`action="${action}"`);
		expect(await (await as.city.get(`/programs/budget/tasks/${task['3.4']}`)).text()).toContain('action="?/commitment"');
		const refused = await as.admin.form(`/programs/budget/tasks/${task['3.4']}?/task`, { code: '3.4', name: 'X' });
		expect(refused.status).toBe(403);
	});

	it('add a task from the form', async () => {
		const res = await as.city.form('/programs/budget/plan?/task&year=2025', { code: '8', name: 'Nhiệm vụ phát sinh', parentId: '' });
		expect(res.status).toBe(200);
		expect(await page(as.city, '/programs/budget?year=2025')).toContain('Nhiệm vụ phát sinh');
	});
});
