import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Client, type TestApp } from '../helpers/app';

// What SvelteKit answers itself under /api/v1 (no route, wrong method) has the API's error shape too.
let app: TestApp;
let leader: Client;
beforeAll(async () => {
	app = await startApp();
	leader = await app.loginAs('leader');
});
afterAll(() => app?.close());

const shape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('an unknown /api/v1 path', () => {
	it('should fail with 404 and the JSON error shape in Vietnamese, signed in or not', async () => {
		for (const res of [await leader.get('/api/v1/no-such-thing'), await app.request('GET', '/api/v1/schools/x/y/z'), await app.request('POST', '/api/v1/nope', { body: {} })]) {
			expect(res.status).toBe(404);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			const body = await res.json();
			expect(body).toMatchObject(shape);
			expect(body.error.code).toBe('route_not_found');
		}
		const body = await (await leader.get('/api/v1/no-such-thing')).json();
		expect(body.error.message).toBe('Không có địa chỉ API /api/v1/no-such-thing. Xem danh sách tại /api/v1/openapi.json.');
	});

	it('answers in English with the language cookie, and keeps the request id', async () => {
		const res = await app.request('GET', '/api/v1/no-such-thing', { cookie: 'PARAGLIDE_LOCALE=en', headers: { 'x-request-id': 'req-404' } });
		expect(res.status).toBe(404);
		expect(res.headers.get('x-request-id')).toBe('req-404');
		expect((await res.json()).error.message).toBe('There is no API address /api/v1/no-such-thing. See the list at /api/v1/openapi.json.');
	});

	it('leaves a route’s own 404 alone (a record that does not exist)', async () => {
		const res = await leader.get('/api/v1/schools/00000000-0000-4000-8000-000000000000');
		expect(res.status).toBe(404);
		expect((await res.json()).error.code).toBe('not_found');
	});

	it('is still a page outside /api/v1', async () => {
		const res = await app.request('GET', '/no-such-page', { cookie: leader.cookie, headers: { accept: 'text/html' } });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/text\/html/);
	});
});

describe('a method the route does not accept', () => {
	it('should fail with 405, the JSON error shape and the Allow header', async () => {
		const res = await leader.delete('/api/v1/me');
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toMatch(/GET/);
		const body = await res.json();
		expect(body).toMatchObject(shape);
		expect(body.error.code).toBe('method_not_allowed');
		expect(body.error.message).toMatch(/^Địa chỉ \/api\/v1\/me không nhận phương thức DELETE\. Phương thức được nhận: .*GET/);
		expect(body.error.details.allowed).toContain('GET');
	});

	it('answers in English with the language cookie, signed in or not', async () => {
		const res = await app.request('PUT', '/api/v1/auth/login', { body: {}, cookie: 'PARAGLIDE_LOCALE=en' });
		expect(res.status).toBe(405);
		expect((await res.json()).error.message).toMatch(/^\/api\/v1\/auth\/login does not accept PUT\. Accepted methods: .*POST/);
	});
});
