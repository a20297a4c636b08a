import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startApp, type TestApp } from '../helpers/app';

let app: TestApp;
beforeAll(async () => {
	app = await startApp({ seed: 'none' });
});
afterAll(() => app?.close());

function serverFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? serverFiles(p) : f === '+server.ts' ? [p] : [];
	});
}

describe('GET /api/v1/openapi.json', () => {
	it('is public OpenAPI 3.1 with the error shape and both security schemes', async () => {
		const res = await app.request('GET', '/api/v1/openapi.json');
		expect(res.status).toBe(200);
		const doc = await res.json();
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
		expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
		expect(doc.paths['/api/v1/people'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'page', 'pageSize']));
		expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
		expect(doc.paths['/api/v1/classes'].post.responses['403'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
		expect(doc.paths['/healthz'].get.security).toEqual([]);
		expect(doc.paths['/readyz'].get).toBeDefined();
		expect(doc.paths['/api/v1/imports/{kind}/preview'].post.requestBody.content['multipart/form-data'].schema.properties.file).toEqual({ type: 'string', format: 'binary' });
		expect(doc.paths['/api/v1/people/{id}/roles/{grantId}'].delete.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'grantId']);
	});

	it('documents every method of every /api/v1 route', async () => {
		const doc = await (await app.request('GET', '/api/v1/openapi.json')).json();
		const root = 'src/routes/api/v1';
		const missing: string[] = [];
		for (const file of serverFiles(root)) {
			const route = '/api/v1/' + relative(root, file).replace(/\/?\+server\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}');
			const methods = [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
			for (const m of methods) if (!doc.paths[route.replace(/\/$/, '')]?.[m]) missing.push(`${m.toUpperCase()} ${route}`);
		}
		expect(missing).toEqual([]);
	});
});
