import { describe, expect, it } from 'vitest';
import { isUniqueViolation, refuseDuplicate } from './errors';

describe('unique violations', () => {
	it('are recognised on the error (pg) and on its cause (drizzle over PGlite), nothing else', () => {
		expect(isUniqueViolation({ code: '23505' })).toBe(true);
		expect(isUniqueViolation({ cause: { code: '23505' } })).toBe(true);
		expect(isUniqueViolation({ code: '23503' })).toBe(false);
		expect(isUniqueViolation(new Error('x'))).toBe(false);
		expect(isUniqueViolation(null)).toBe(false);
	});

	it('become the refusal given; other errors pass through', async () => {
		const taken = new Error('taken');
		await expect(refuseDuplicate(() => Promise.reject({ code: '23505' }), () => taken)).rejects.toBe(taken);
		const other = { code: '40001' };
		await expect(refuseDuplicate(() => Promise.reject(other), () => taken)).rejects.toBe(other);
		await expect(refuseDuplicate(() => Promise.resolve(7), () => taken)).resolves.toBe(7);
	});
});
