import { afterEach, describe, expect, it, vi } from 'vitest';
import { logSender } from './outbox';
import { log } from '../log';

describe('the development sender', () => {
	afterEach(() => vi.unstubAllEnvs());
	const msg = { channel: 'email' as const, recipient: 'me@sen.test', subject: 'Đặt lại mật khẩu', body: 'https://sen.test/reset-password/SECRET' };

	it('prints the whole message in development', async () => {
		vi.stubEnv('NODE_ENV', 'development');
		const info = vi.spyOn(log, 'info').mockImplementation(() => undefined as never);
		await logSender.send(msg);
		expect(String(info.mock.calls[0][1])).toContain('SECRET');
		info.mockRestore();
	});

	it('never logs a body in production, and fails so the message is not counted as sent', async () => {
		vi.stubEnv('NODE_ENV', 'production');
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined as never);
		const info = vi.spyOn(log, 'info').mockImplementation(() => undefined as never);
		await expect(logSender.send(msg)).rejects.toThrow('no email sender configured');
		expect(JSON.stringify([warn.mock.calls, info.mock.calls])).not.toContain('SECRET');
		warn.mockRestore();
		info.mockRestore();
	});
});
