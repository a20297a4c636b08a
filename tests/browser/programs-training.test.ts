import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Browser } from 'playwright-core';
import { apiAs, loginAs, newContext, snap, useSen, type RunningSen } from './server';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

const TITLE = 'Tập huấn sử dụng học liệu số';
let courseId = '';
let grouphead = '';
let homeroom = '';

/** The office's one-session course (held yesterday), with two places for THCS Bình Yên. */
beforeAll(async () => {
	const city = await apiAs(sen, 'city');
	const schools = (await city.get('/api/v1/schools')).items as { id: string; code: string; orgUnitId: string }[];
	const thcs = schools.find((s) => s.code === 'THCS-BINHYEN')!;
	const units = (await city.get('/api/v1/org-units')).items as { id: string; code: string }[];
	const today = new Date();
	const day = (d: number, h = 1) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + d, h)).toISOString();
	const c = await city.post('/api/v1/training-courses', { orgUnitId: units.find((u) => u.code === 'HN')!.id, programYear: today.getUTCFullYear(), title: TITLE, targetGroup: 'core_teachers', startsOn: day(-1).slice(0, 10), endsOn: day(-1).slice(0, 10), maxScore: 10, passMark: 5, requiredShare: 1 });
	courseId = c.id;
	await city.post(`/api/v1/training-courses/${courseId}/sessions`, { startsAt: day(-1), endsAt: day(-1, 4), place: 'Trường Đại học Thủ đô Hà Nội' });
	await city.put(`/api/v1/training-courses/${courseId}/quotas`, { quotas: [{ schoolId: thcs.id, places: 2 }] });
	grouphead = (await (await apiAs(sen, 'grouphead')).get('/api/v1/me')).person.name;
	homeroom = (await (await apiAs(sen, 'homeroom')).get('/api/v1/me')).person.name;
}, 60_000);

describe('training from the quota to the certificate', () => {
	it('the leader enrols two teachers on a phone; the organiser marks attendance and scores; the trainee downloads the certificate', { timeout: 120_000 }, async () => {
		const lctx = await newContext(browser, sen, { width: 390, height: 844 });
		const l = await lctx.newPage();
		await loginAs(l, 'leader');
		await l.goto('/programs');
		await Promise.all([l.waitForURL((u) => u.pathname === '/programs/training'), l.getByRole('link', { name: 'Bồi dưỡng, tập huấn' }).click()]);
		await Promise.all([l.waitForURL((u) => u.pathname === `/programs/training/${courseId}`), l.getByTestId('courses').getByRole('link', { name: TITLE }).click()]);
		await expect(l.getByTestId('quotas').textContent()).resolves.toContain('đã ghi danh 0/2 chỗ');
		const enrol = l.getByRole('region', { name: 'Ghi danh cán bộ, giáo viên của trường' });
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await l.waitForLoadState('networkidle');
		await enrol.getByLabel(grouphead, { exact: true }).check();
		await enrol.getByLabel(homeroom, { exact: true }).check();
		await Promise.all([l.waitForURL(/\?\/enrol$/), enrol.getByRole('button', { name: 'Ghi danh' }).click()]);
		await l.getByTestId('saved').waitFor();
		await expect(l.getByTestId('quotas').textContent()).resolves.toContain('đã ghi danh 2/2 chỗ');
		await expect(l.getByTestId('trainees').textContent()).resolves.toContain(grouphead);
		await expect(l.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await snap(l, 'training-enrolled-390');
		await lctx.close();

		// The organiser marks both present and enters the post-assessment (a decimal comma).
		const octx = await newContext(browser, sen, { width: 1280 });
		const o = await octx.newPage();
		await loginAs(o, 'city');
		await o.goto(`/programs/training/${courseId}`);
		const sheet = o.getByTestId('attendance-0');
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await o.waitForLoadState('networkidle');
		await sheet.getByLabel(grouphead, { exact: true }).check();
		await sheet.getByLabel(homeroom, { exact: true }).check();
		await Promise.all([o.waitForURL(/\?\/attendance$/), sheet.getByRole('button', { name: 'Lưu điểm danh' }).click()]);
		await o.getByTestId('saved').waitFor();
		// Typing before the page has hydrated can be undone by hydration on a loaded machine.
		await o.waitForLoadState('networkidle');
		await o.getByLabel(`Điểm cuối khóa của ${grouphead}`).fill('8,5');
		await Promise.all([o.waitForURL(/\?\/scores$/), o.getByRole('button', { name: 'Lưu điểm', exact: true }).click()]);
		await o.getByTestId('saved').waitFor();
		await expect(o.getByTestId('trainees').getByRole('row').filter({ hasText: grouphead }).textContent()).resolves.toContain('Hoàn thành');
		await octx.close();

		// The trainee downloads their certificate.
		const tctx = await newContext(browser, sen, { width: 390, height: 844 });
		const t = await tctx.newPage();
		await loginAs(t, 'grouphead');
		await t.goto(`/programs/training/${courseId}`);
		const [download] = await Promise.all([t.waitForEvent('download'), t.getByTestId('my-certificate').click()]);
		expect(download.suggestedFilename()).toMatch(/^chung-nhan-.*\.pdf$/);
		const file = readFileSync((await download.path())!);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(file)), { mergePages: true });
		const flat = (text as string).replace(/\s+/g, ' ');
		expect(flat).toContain(grouphead);
		expect(flat).toContain(TITLE);
		await tctx.close();
	});
});
