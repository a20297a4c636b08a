/**
 * The grid when the network fails: `teacher` types Toán scores in 6A2 while PUT
 * /api/v1/gradebook/scores gets no answer or a 503 (Playwright's `page.route`), then the network
 * comes back. Nothing typed may be lost, and leaving with unsaved edits asks first.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

async function openToan(page: Page, className: string, term: 1 | 2 = 1) {
	await Promise.all([page.waitForURL(/\/gradebook$/), page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ điểm' }).click()]);
	await Promise.all([page.waitForURL(/\/gradebook\/[0-9a-f-]+\/[0-9a-f-]+\?term=1$/), page.getByRole('link', { name: `Toán – Lớp ${className}` }).click()]);
	if (term === 2) await Promise.all([page.waitForURL(/term=2/), page.getByRole('link', { name: 'HK II' }).click()]);
	await page.getByText('Gõ điểm rồi nhấn Enter').waitFor();
}
const rows = (page: Page) => page.getByTestId('grid-row');
const learnerNames = (page: Page) => rows(page).locator('th').allInnerTexts();
const learnerIds = async (page: Page) => (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-learner')))) as string[];
const cell = (page: Page, column: string, learner: string) => page.getByLabel(`Điểm ${column} của ${learner}`, { exact: true });
const cellBox = (page: Page, column: string, row: number) => rows(page).nth(row).locator(`td[data-column="${column}"]`);
const status = (page: Page) => page.getByTestId('save-status');
const allSaved = (page: Page) => status(page).filter({ hasText: 'Mọi thay đổi đã được lưu.' }).waitFor();
const RETRYING = 'Chưa lưu được – đang thử lại…';

type SentCell = { columnId: string; learnerId: string; value: string | number | null; version: number };

/** Routes the score saves: while `down`, each gets no answer or a 503 by turns; otherwise it goes through. */
async function flakyScores(page: Page) {
	const state = { down: true, failed: [] as SentCell[], passed: [] as SentCell[] };
	await page.route('**/api/v1/gradebook/scores', async (route: Route) => {
		const req = route.request();
		if (req.method() !== 'PUT') return route.continue();
		const sent = (JSON.parse(req.postData() ?? '{}').cells ?? [])[0] as SentCell;
		if (!state.down) {
			state.passed.push(sent);
			return route.continue();
		}
		state.failed.push(sent);
		if (state.failed.length % 2) return route.abort('internetdisconnected');
		return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Service Unavailable' } }) });
	});
	return state;
}

/** The next dialog's type and text, dismissed (the teacher answers «Cancel»); rejects when none comes. */
function dismissNextDialog(page: Page, timeout = 5_000): Promise<{ type: string; message: string }> {
	return new Promise((ok, fail) => {
		const timer = setTimeout(() => fail(new Error(`no dialog within ${timeout} ms`)), timeout);
		page.once('dialog', async (d) => {
			clearTimeout(timer);
			ok({ type: d.type(), message: d.message() });
			await d.dismiss();
		});
	});
}

describe('saving while the network fails', () => {
	it('keeps every typed score in its cell, retries on its own, and saves them all in order once the network is back', { timeout: 90_000 }, async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A2');
		const names = await learnerNames(page);
		const ids = await learnerIds(page);
		const net = await flakyScores(page);

		await cell(page, 'TX1', names[0]).focus();
		for (const v of ['8', '7,5', '9', '6']) {
			await page.keyboard.type(v);
			await page.keyboard.press('Enter');
		}
		await status(page).filter({ hasText: RETRYING }).waitFor();
		// Back up and change a cell still waiting: only its latest value is ever sent.
		await cell(page, 'TX1', names[1]).focus();
		await page.keyboard.type('5');
		await page.keyboard.press('Enter');
		await status(page).filter({ hasText: 'Còn 4 ô chờ lưu' }).waitFor();

		for (const [i, v] of ['8', '5', '9', '6'].entries()) {
			await expect(cell(page, 'TX1', names[i]).inputValue()).resolves.toBe(v);
			await expect(cellBox(page, 'TX1', i).getAttribute('data-status')).resolves.toBe('retrying');
			await expect(cellBox(page, 'TX1', i).locator('.retry-mark').getAttribute('title')).resolves.toBe(RETRYING);
		}
		// Tried again with no one asking (1 s, then 2 s later), and only the first edit: the rest wait their turn.
		await expect.poll(() => net.failed.length, { timeout: 10_000, interval: 200 }).toBeGreaterThanOrEqual(3);
		expect(new Set(net.failed.map((c) => c.learnerId))).toEqual(new Set([ids[0]]));
		await expect(page.getByRole('button', { name: 'Thử lại ngay' }).isVisible()).resolves.toBe(true);
		await snap(page, 'gradebook-offline-retrying');

		net.down = false;
		await page.getByRole('button', { name: 'Thử lại ngay' }).click();
		await allSaved(page);
		await expect(page.getByRole('button', { name: 'Thử lại ngay' }).count()).resolves.toBe(0);
		// In typing order, one request per cell, «7,5» never sent.
		expect(net.passed.map((c) => [c.learnerId, c.value])).toEqual([
			[ids[0], '8'],
			[ids[1], '5'],
			[ids[2], '9'],
			[ids[3], '6']
		]);
		expect(new Set(net.passed.map((c) => c.columnId)).size).toBe(1);

		// Stored in the right cells, as the API reads them and after a reload.
		const [, classId, subjectId] = new URL(page.url()).pathname.match(/\/gradebook\/([^/]+)\/([^/]+)/)!;
		const grid = await (await apiAs(sen, 'teacher')).get(`/api/v1/gradebook/grid?classId=${classId}&subjectId=${subjectId}&term=1`);
		const tx1 = grid.columns.find((c: { label: string }) => c.label === 'TX1').id;
		const stored = ids.map((id) => grid.rows.find((r: { learner: { id: string } }) => r.learner.id === id).cells[tx1].text);
		expect(stored).toEqual(['8,0', '5,0', '9,0', '6,0', '', '', '', '', '', '']);
		await page.reload();
		await page.getByText('Gõ điểm rồi nhấn Enter').waitFor();
		for (const [i, v] of ['8,0', '5,0', '9,0', '6,0', ''].entries()) await expect(cell(page, 'TX1', names[i]).inputValue()).resolves.toBe(v);
		await context.close();
	});

	it('asks before leaving the page while an edit is unsaved, and no longer once it is saved', { timeout: 90_000 }, async () => {
		const context = await newContext(browser, sen);
		const page = await context.newPage();
		await loginAs(page, 'teacher');
		await openToan(page, '6A2', 2);
		const names = await learnerNames(page);
		const net = await flakyScores(page);

		await cell(page, 'TX2', names[0]).focus();
		await page.keyboard.type('7');
		await page.keyboard.press('Enter');
		await status(page).filter({ hasText: RETRYING }).waitFor();

		// A link within the app: our confirm, which the teacher cancels.
		const asked = dismissNextDialog(page);
		const gradebookLink = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ điểm' });
		await gradebookLink.click();
		await expect(asked).resolves.toEqual({ type: 'confirm', message: 'Còn 1 ô điểm chưa lưu xong. Rời trang bây giờ thì các điểm này sẽ mất. Vẫn rời trang?' });
		expect(new URL(page.url()).pathname).toMatch(/^\/gradebook\/[0-9a-f-]+\/[0-9a-f-]+$/);
		await expect(cell(page, 'TX2', names[0]).inputValue()).resolves.toBe('7');

		// Closing the tab: the browser's own prompt (beforeunload), which the teacher cancels too.
		const prompted = dismissNextDialog(page);
		await page.close({ runBeforeUnload: true });
		await expect(prompted.then((d) => d.type)).resolves.toBe('beforeunload');
		expect(page.isClosed()).toBe(false);
		await expect(cell(page, 'TX2', names[0]).inputValue()).resolves.toBe('7');

		net.down = false;
		await page.getByRole('button', { name: 'Thử lại ngay' }).click();
		await allSaved(page);
		const unexpected: string[] = [];
		page.on('dialog', async (d) => {
			unexpected.push(d.type());
			await d.dismiss();
		});
		await Promise.all([page.waitForURL(/\/gradebook$/), gradebookLink.click()]);
		expect(unexpected).toEqual([]);
		await context.close();
	});
});
