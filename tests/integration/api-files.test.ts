/**
 * Uploads and downloads through the HTTP API, on lesson-plan attachments in the demo school THCS
 * Bình Yên: `teacher` writes Toán plans (Tổ KHTN), `grouphead` heads that group, `homeroom` is a
 * colleague of the other group, `leader2` (made here) leads another school. The upload limit is
 * set to 1 MB for this file so "too large" is cheap to test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import { files } from '#lib/server/files/schema';
import { lessonPlans } from '#lib/server/learning/schema';
import { hashPassword } from '#lib/server/auth/password';
import { DEMO_PASSWORD } from '#lib/server/seed/demo';

let app: TestApp;
const as: Record<string, Client> = {};
let yearId: string, toan: string;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const form = (...parts: [name: string, bytes: Uint8Array, type?: string][]) => {
	const fd = new FormData();
	for (const [name, bytes, type] of parts) fd.append('file', new Blob([bytes as BlobPart], { type: type ?? 'application/octet-stream' }), name);
	return fd;
};
const upload = (who: Client, planId: string, fd: FormData) => app.request('POST', `/api/v1/lesson-plans/${planId}/attachments`, { cookie: who.cookie, body: fd });
const storedFiles = () => {
	const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [d.name]));
	return walk(app.filesDir);
};
const fileCount = async () => (await app.db.select({ n: sql<number>`count(*)::int` }).from(files))[0].n;

const newPlan = async (over: Record<string, unknown> = {}) => {
	const res = await as.teacher.post('/api/v1/lesson-plans', { schoolYearId: yearId, subjectId: toan, grade: 6, title: 'Phân số', ...over });
	expect(res.status).toBe(201);
	return (await res.json()) as { id: string; version: number };
};

beforeAll(async () => {
	app = await startApp({ filesMaxMb: 1 });
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [thpt] = await app.db.select().from(schools).where(eq(schools.code, 'THPT-SONGHONG'));
	[{ id: yearId }] = await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, thcs.id));
	toan = (await app.db.select().from(subjects).where(eq(subjects.schoolId, thcs.id))).find((s) => s.code === 'TOAN')!.id;
	const [other] = await app.db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Văn', givenName: 'Khác', schoolId: thpt.id, path: thpt.path }).returning();
	await app.db.insert(roleGrants).values({ personId: other.id, role: 'school_leader', scopeType: 'school', scopeId: thpt.id, scopePath: thpt.path, schoolId: thpt.id });
	await app.db.insert(accounts).values({ personId: other.id, username: 'leader2', email: 'leader2@sen.test', passwordHash: await hashPassword(DEMO_PASSWORD) });
	for (const u of ['teacher', 'grouphead', 'homeroom', 'leader', 'leader2']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

describe('uploading attachments to a lesson plan', () => {
	it('stores a PNG streamed from a multipart form, with its sniffed type, size, sha256 and an audit record', async () => {
		const plan = await newPlan();
		const res = await upload(as.teacher, plan.id, form(['hình minh hoạ.png', PNG, 'application/pdf']));
		const body = await res.json();
		expect(res.status, JSON.stringify(body)).toBe(201);
		expect(body.items).toHaveLength(1);
		const f = body.items[0];
		expect(f).toMatchObject({ name: 'hình minh hoạ.png', contentType: 'image/png', size: PNG.length, image: true, sha256: createHash('sha256').update(PNG).digest('hex') });
		expect(storedFiles()).toContain(f.id);
		const audit = await app.db.select().from(auditLog).where(eq(auditLog.entityId, f.id));
		expect(audit.map((a) => [a.action, a.entityType])).toEqual([['upload', 'file']]);
		const list = await (await as.teacher.get(`/api/v1/lesson-plans/${plan.id}/attachments`)).json();
		expect(list.items.map((x: { id: string }) => x.id)).toEqual([f.id]);
	});

	it('streams the stored file back as an attachment with nosniff and a sandbox CSP; an image inline only when asked', async () => {
		const plan = await newPlan();
		const [f] = (await (await upload(as.teacher, plan.id, form(['Phiếu học tập.pdf', PDF]))).json()).items;
		const res = await as.teacher.get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Phieu hoc tap.pdf"; filename*=UTF-8''${encodeURIComponent('Phiếu học tập.pdf')}`);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
		expect(res.headers.get('content-length')).toBe(String(PDF.length));
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
		// A PDF is never inline, even when asked.
		const asked = await as.teacher.get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}?inline=1`);
		expect(asked.headers.get('content-disposition')).toMatch(/^attachment;/);

		const [img] = (await (await upload(as.teacher, plan.id, form(['anh.png', PNG]))).json()).items;
		const inline = await as.teacher.get(`/api/v1/lesson-plans/${plan.id}/attachments/${img.id}?inline=1`);
		expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
		expect(inline.headers.get('content-type')).toBe('image/png');
		const download = await as.teacher.get(`/api/v1/lesson-plans/${plan.id}/attachments/${img.id}`);
		expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
	});

	it('should fail with 413 naming the limit when a file is larger than FILES_MAX_MB, and keep nothing of it', async () => {
		const plan = await newPlan();
		const before = { rows: await fileCount(), stored: storedFiles().length };
		const big = new Uint8Array(1024 * 1024 + 10);
		big.set(PDF.subarray(0, 8));
		const res = await upload(as.teacher, plan.id, form(['bai-giang.pdf', big]));
		const body = await res.json();
		expect(res.status).toBe(413);
		expect(body.error.code).toBe('file_too_large');
		expect(body.error.message).toBe('Tệp “bai-giang.pdf” quá lớn: mỗi tệp tối đa 1 MB.');
		expect(await fileCount()).toBe(before.rows);
		expect(storedFiles()).toHaveLength(before.stored);
	});

	it('should fail with 413 before reading a body whose declared length cannot fit the limits', async () => {
		const plan = await newPlan();
		const res = await app.request('POST', `/api/v1/lesson-plans/${plan.id}/attachments`, { cookie: as.teacher.cookie, body: form(['a.png', PNG]), headers: { 'content-length': String(7 * 1024 * 1024) } });
		expect(res.status).toBe(413);
		expect((await res.json()).error.message).toBe('Lần tải lên quá lớn: tối đa 5 tệp, mỗi tệp 1 MB.');
	});

	it('should fail with 415 for a type outside the allow-list, whatever the name or the browser claims, and keep none of the request’s files', async () => {
		const plan = await newPlan();
		const before = { rows: await fileCount(), stored: storedFiles().length };
		const page = new TextEncoder().encode('<!doctype html><script>fetch("/api/v1/me")</script>');
		for (const [name, bytes, type] of [
			['bai-tap.pdf', page, 'application/pdf'],
			['hinh.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
			['trang.html', page, 'text/html']
		] as const) {
			const res = await upload(as.teacher, plan.id, form(['ok.png', PNG], [name, bytes, type]));
			const body = await res.json();
			expect(res.status, name).toBe(415);
			expect(body.error.message).toContain(`“${name}”`);
			expect(body.error.message).toContain('PDF, PNG');
		}
		expect(await fileCount()).toBe(before.rows);
		expect(storedFiles()).toHaveLength(before.stored);
	});

	it('should fail with 400 when the request is not multipart or has no file', async () => {
		const plan = await newPlan();
		const json = await as.teacher.post(`/api/v1/lesson-plans/${plan.id}/attachments`, { file: 'x' });
		expect(json.status).toBe(400);
		const empty = await upload(as.teacher, plan.id, new FormData());
		expect(empty.status).toBe(400);
		expect((await empty.json()).error.message).toBe('Hãy chọn ít nhất một tệp.');
	});

	it('answers in English for an English-speaking caller', async () => {
		const plan = await newPlan();
		const res = await app.request('POST', `/api/v1/lesson-plans/${plan.id}/attachments`, { cookie: `${as.teacher.cookie}; PARAGLIDE_LOCALE=en`, body: form(['x.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0])]) });
		expect(res.status).toBe(415);
		expect((await res.json()).error.message).toMatch(/^The file “x\.exe” is not of an allowed type/);
	});
});

describe('who may see and change attachments', () => {
	it('should answer 404 to a colleague outside the plan’s scope and to another school, and let the reviewing group head download', async () => {
		const plan = await newPlan();
		const [f] = (await (await upload(as.teacher, plan.id, form(['anh.png', PNG]))).json()).items;
		for (const who of ['homeroom', 'leader2']) {
			expect((await as[who].get(`/api/v1/lesson-plans/${plan.id}/attachments`)).status, who).toBe(404);
			expect((await as[who].get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`)).status, who).toBe(404);
			expect((await upload(as[who], plan.id, form(['anh.png', PNG]))).status, who).toBe(404);
		}
		expect((await as.grouphead.get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`)).status).toBe(200);
		expect((await as.leader.get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`)).status).toBe(200);
		// The reviewer may read but not add: 403.
		expect((await upload(as.grouphead, plan.id, form(['anh.png', PNG]))).status).toBe(403);
	});

	it('lets colleagues download the attachments of a shared plan', async () => {
		const plan = await newPlan({ shared: true });
		const [f] = (await (await upload(as.teacher, plan.id, form(['anh.png', PNG]))).json()).items;
		expect((await as.homeroom.get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`)).status).toBe(200);
	});

	it('does not serve a file through a plan it is not attached to', async () => {
		const a = await newPlan({ shared: true });
		const b = await newPlan();
		const [f] = (await (await upload(as.teacher, b.id, form(['anh.png', PNG]))).json()).items;
		expect((await as.homeroom.get(`/api/v1/lesson-plans/${a.id}/attachments/${f.id}`)).status).toBe(404);
	});

	it('lets the author remove an attachment while the plan is editable, and refuses changes once it is submitted', async () => {
		const plan = await newPlan({ content: undefined });
		const [f] = (await (await upload(as.teacher, plan.id, form(['anh.png', PNG]))).json()).items;
		expect((await as.teacher.delete(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`)).status).toBe(204);
		expect((await as.teacher.get(`/api/v1/lesson-plans/${plan.id}/attachments/${f.id}`)).status).toBe(404);
		expect(storedFiles()).not.toContain(f.id);

		const [g] = (await (await upload(as.teacher, plan.id, form(['anh.png', PNG]))).json()).items;
		await app.db.update(lessonPlans).set({ status: 'submitted' }).where(eq(lessonPlans.id, plan.id));
		expect((await upload(as.teacher, plan.id, form(['anh.png', PNG]))).status).toBe(409);
		expect((await as.teacher.delete(`/api/v1/lesson-plans/${plan.id}/attachments/${g.id}`)).status).toBe(409);
	});
});
