import pino from 'pino';

/** One structured logger; requests get a child with their request id. */
export const log = pino({
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
	base: { app: 'sen' },
	redact: ['password', '*.password', 'headers.cookie', 'headers.authorization']
});
