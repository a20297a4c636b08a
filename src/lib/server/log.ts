import pino from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const asked = process.env.LOG_LEVEL;

/**
 * One structured logger; requests get a child with their request id. A wrong LOG_LEVEL must not
 * crash here when the module loads: the config check then names it in its clear start-up message.
 */
export const log = pino({
	level: asked && LEVELS.includes(asked) ? asked : process.env.NODE_ENV === 'test' ? 'silent' : 'info',
	base: { app: 'sen' },
	redact: ['password', '*.password', 'headers.cookie', 'headers.authorization']
});
