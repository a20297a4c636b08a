import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { strToU8, zipSync } from 'fflate';
import { apiAs, loginAs, newContext, useSen, type RunningSen } from './server';
import { DEMO_PASSWORD } from '#lib/server/seed/logins';
import { senTestH5P } from '../helpers/h5p';

let sen: RunningSen;
let browser: Browser;
useSen((s, b) => ([sen, browser] = [s, b]));

describe('an HTML5 package in a lesson', () => {
	it('runs its script inside the lesson page in a sandboxed frame that cannot reach Sen as the learner', { timeout: 60_000 }, async () => {
		const teacher = await apiAs(sen, 'teacher');
		const { items } = await teacher.get('/api/v1/teaching-assignments');
		const toan = items.find((a: { className: string; subjectName: string }) => a.className === '6A1' && a.subjectName === 'Toán');
		const lesson = await teacher.post('/api/v1/lessons', { subjectId: toan.subjectId, grade: 6, title: 'Mô phỏng' });
		// Upload the package as an integration would: multipart, with the session cookie.
		const login = await fetch(`${sen.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: sen.url }, body: JSON.stringify({ username: 'teacher', password: DEMO_PASSWORD }) });
		const cookie = login.headers.get('set-cookie')!.split(';')[0];
		const html = `<!doctype html><html><body><p id="out">…</p><script src="app.js"></script></body></html>`;
		const js = `document.getElementById('out').textContent = 'Gói chạy: ' + (window.origin === 'null' ? 'nguồn gốc ẩn danh' : window.origin);
fetch('/api/v1/me').then(r => r.status, () => 'chặn').then(s => document.body.insertAdjacentHTML('beforeend', '<p id="api">' + s + '</p>'));`;
		const fd = new FormData();
		fd.set('title', 'Mô phỏng phân số');
		fd.set('file', new File([zipSync({ 'index.html': strToU8(html), 'app.js': strToU8(js) })], 'mo-phong.zip'));
		const up = await fetch(`${sen.url}/api/v1/lessons/${lesson.id}/packages`, { method: 'POST', headers: { cookie, origin: sen.url }, body: fd });
		expect(up.status).toBe(201);
		await teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: toan.classId });

		const ctx = await newContext(browser, sen, { width: 360, height: 740 });
		const page = await ctx.newPage();
		await loginAs(page, 'learner');
		await page.goto(`/learn/${lesson.id}`);
		const frame = page.frameLocator('iframe[title="Mô phỏng phân số"]');
		// The placeholders ("…") change once the package's script has run: wait for that, not just for the elements.
		await frame.locator('#out').filter({ hasNotText: '…' }).waitFor({ timeout: 30_000 });
		await expect(frame.locator('#out').textContent()).resolves.toBe('Gói chạy: nguồn gốc ẩn danh');
		// The package's own request to Sen's API is refused by its CSP (connect-src 'none'): it never acts as the learner.
		await frame.locator('#api').filter({ hasNotText: '…' }).waitFor({ timeout: 30_000 });
		await expect(frame.locator('#api').textContent()).resolves.toBe('chặn');
		await ctx.close();
	});
});

describe('an H5P package in a lesson', () => {
	it('is played by Sen’s h5p-standalone inside the sandboxed frame, in an opaque origin', { timeout: 60_000 }, async () => {
		const teacher = await apiAs(sen, 'teacher');
		const { items } = await teacher.get('/api/v1/teaching-assignments');
		const toan = items.find((a: { className: string; subjectName: string }) => a.className === '6A1' && a.subjectName === 'Toán');
		const lesson = await teacher.post('/api/v1/lessons', { subjectId: toan.subjectId, grade: 6, title: 'Bài H5P' });
		const login = await fetch(`${sen.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: sen.url }, body: JSON.stringify({ username: 'teacher', password: DEMO_PASSWORD }) });
		const cookie = login.headers.get('set-cookie')!.split(';')[0];
		const fd = new FormData();
		fd.set('title', 'Lời chào H5P');
		// The library also reports where it runs and whether it can reach Sen's API.
		fd.set('file', new File([senTestH5P((f) => ({ ...f, 'H5P.SenTest-1.0/sentest.js': f['H5P.SenTest-1.0/sentest.js'] + PROBE }))], 'loi-chao.h5p'));
		const up = await fetch(`${sen.url}/api/v1/lessons/${lesson.id}/packages`, { method: 'POST', headers: { cookie, origin: sen.url }, body: fd });
		expect(up.status).toBe(201);
		await teacher.post(`/api/v1/lessons/${lesson.id}/classes`, { classId: toan.classId });

		const ctx = await newContext(browser, sen, { width: 360, height: 740 });
		const page = await ctx.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await loginAs(page, 'learner');
		await page.goto(`/learn/${lesson.id}`);
		// Sen's sandboxed frame holds the start page, where the player renders the content (embedded as a div).
		const content = page.frameLocator('iframe[title="Lời chào H5P"]');
		await expect(content.locator('#h5p-out').textContent({ timeout: 15_000 })).resolves.toBe('Xin chào');
		await expect(content.locator('#h5p-origin').textContent({ timeout: 10_000 })).resolves.toBe('null');
		await expect(content.locator('#h5p-api').textContent({ timeout: 10_000 })).resolves.toBe('chặn');
		// H5P core runs without an uncaught error (its storage has in-memory stand-ins in an opaque origin).
		expect(errors).toEqual([]);
		await ctx.close();
	});
});

const PROBE = `
H5P.jQuery(function () {
	setTimeout(function () {
		document.body.insertAdjacentHTML('beforeend', '<p id="h5p-origin">' + window.origin + '</p>');
		fetch('/api/v1/me').then(function (r) { return r.status; }, function () { return 'chặn'; }).then(function (s) {
			document.body.insertAdjacentHTML('beforeend', '<p id="h5p-api">' + s + '</p>');
		});
	}, 0);
});
`;
