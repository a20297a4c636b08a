import { z } from 'zod';

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The bootstrap administrator's password is longer than the 8 every account needs. */
export const ADMIN_PASSWORD_MIN = 12;

const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).default(3000),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
		.optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	MIGRATIONS_DIR: z.string().min(1).default('./drizzle'),
	/** Uploaded files (local disk store); default `<DATA_DIR>/files` on PGlite, `./files` on PostgreSQL. */
	FILES_DIR: z.string().min(1).optional(),
	/** The largest file one may upload, in MB (each file of a request). */
	FILES_MAX_MB: z.coerce.number({ message: 'must be a number of megabytes' }).int().min(1).max(500).default(10),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Seed the demo Hanoi on an empty database. Never in production. */
	SEN_DEMO: bool.optional(),
	/** The first calendar year of the demo school year (2026 → 2026-2027); default: the one for today. */
	SEN_DEMO_YEAR: z.coerce.number().int().min(2000).max(2100).optional(),
	/** Public URL used in emailed links. */
	PUBLIC_URL: z.string().url({ message: 'must be a URL such as https://sen.example.vn' }).optional(),
	SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
	/** The Jitsi Meet server online meetings and counselling sessions get their rooms on. */
	SEN_JITSI_URL: z.string().url({ message: 'must be a URL such as https://meet.jit.si' }).regex(/^https:\/\//, { message: 'must be an https URL' }).default('https://meet.jit.si'),
	/**
	 * The first system administrator of a deployment without demo data: created at start when the
	 * installation has no system administrator yet, ignored afterwards. Both or neither.
	 */
	SEN_ADMIN_USERNAME: z
		.string()
		.trim()
		.regex(/^[a-zA-Z0-9._-]{3,60}$/, { message: 'must be 3–60 letters, digits, dots, dashes or underscores' })
		.optional(),
	SEN_ADMIN_PASSWORD: z
		.string()
		.min(ADMIN_PASSWORD_MIN, { message: `must be at least ${ADMIN_PASSWORD_MIN} characters` })
		.max(200)
		.refine((v) => !/^\d+$/.test(v) && !/^[a-zA-Z]+$/.test(v), { message: 'must mix letters with digits or symbols' })
		.optional(),
	SEN_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
	/** Outgoing email: SMTP_URL (smtp://user:pass@host:587, smtps://…:465) or SMTP_HOST with SMTP_PORT/SECURE/USER/PASS; SMTP_FROM with either. */
	SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' }).optional(),
	SMTP_HOST: z.string().trim().regex(/^[a-zA-Z0-9.-]+$/, { message: 'must be a host name' }).optional(),
	SMTP_PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).optional(),
	SMTP_SECURE: bool.optional(),
	SMTP_USER: z.string().optional(),
	SMTP_PASS: z.string().optional(),
	SMTP_FROM: z.string().regex(/^(.*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, { message: 'must be an address such as "Sen <no-reply@sen.example.vn>"' }).optional(),
	/** The SMS provider adapter (notifications/senders/sms.ts); `log` prints texts in development. */
	SMS_PROVIDER: z.string().regex(/^[a-z0-9_-]{1,40}$/, { message: 'must be a provider name such as log' }).optional(),
	/** Web push (VAPID); all three or none. Generate a pair with `npx web-push generate-vapid-keys`. */
	VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, { message: 'must be a URL-safe base64 VAPID public key' }).optional(),
	VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, { message: 'must be a URL-safe base64 VAPID private key' }).optional(),
	VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)\S+$/, { message: 'must be a mailto: or https: contact' }).optional()
})
	.refine((c) => !c.SEN_ADMIN_USERNAME === !c.SEN_ADMIN_PASSWORD, {
		path: ['SEN_ADMIN_PASSWORD'],
		message: 'SEN_ADMIN_USERNAME and SEN_ADMIN_PASSWORD are set together'
	})
	.refine((c) => !(c.SMTP_URL && c.SMTP_HOST), { path: ['SMTP_HOST'], message: 'set SMTP_URL or SMTP_HOST, not both' })
	.refine((c) => !(c.SMTP_URL || c.SMTP_HOST) || c.SMTP_FROM, { path: ['SMTP_FROM'], message: 'is needed with SMTP_URL or SMTP_HOST' })
	.refine((c) => [c.VAPID_PUBLIC_KEY, c.VAPID_PRIVATE_KEY, c.VAPID_SUBJECT].filter(Boolean).length % 3 === 0, {
		path: ['VAPID_SUBJECT'],
		message: 'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are set together'
	});

export interface FirstAdmin {
	username: string;
	password: string;
	email?: string;
}

export interface SmtpConfig {
	url?: string;
	host?: string;
	port?: number;
	secure?: boolean;
	user?: string;
	pass?: string;
	from: string;
}

export type Config = z.infer<typeof schema> & {
	demo: boolean;
	publicUrl: string;
	firstAdmin?: FirstAdmin;
	filesDir: string;
	/** Outgoing email over SMTP, when configured (otherwise the log sender). */
	smtp?: SmtpConfig;
	vapid?: { publicKey: string; privateKey: string; subject: string };
};

export class ConfigError extends Error {}

/** A wrong value is echoed so the operator sees it, except a secret, which only shows its length. */
const SECRETS = new Set(['SEN_ADMIN_PASSWORD', 'SMTP_PASS', 'SMTP_URL', 'VAPID_PRIVATE_KEY']);
const shown = (key: string, value: string | undefined) =>
	SECRETS.has(key) && value !== undefined ? `${value.length} characters` : JSON.stringify(value);

/** Validates the environment; the message names every wrong variable and why. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const result = schema.safeParse(input);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${shown(String(i.path[0]), input[String(i.path[0])])})`);
		throw new ConfigError(`Sen cannot start: invalid configuration\n${lines.join('\n')}`);
	}
	const c = result.data;
	const demo = c.NODE_ENV === 'production' ? false : (c.SEN_DEMO ?? !c.DATABASE_URL);
	const firstAdmin = c.SEN_ADMIN_USERNAME && c.SEN_ADMIN_PASSWORD ? { username: c.SEN_ADMIN_USERNAME.toLowerCase(), password: c.SEN_ADMIN_PASSWORD, email: c.SEN_ADMIN_EMAIL } : undefined;
	const filesDir = c.FILES_DIR ?? (c.DATABASE_URL ? './files' : `${c.DATA_DIR.replace(/\/+$/, '')}/files`);
	const smtp = c.SMTP_URL || c.SMTP_HOST ? { url: c.SMTP_URL, host: c.SMTP_HOST, port: c.SMTP_PORT, secure: c.SMTP_SECURE, user: c.SMTP_USER, pass: c.SMTP_PASS, from: c.SMTP_FROM! } : undefined;
	const vapid = c.VAPID_PUBLIC_KEY && c.VAPID_PRIVATE_KEY && c.VAPID_SUBJECT ? { publicKey: c.VAPID_PUBLIC_KEY, privateKey: c.VAPID_PRIVATE_KEY, subject: c.VAPID_SUBJECT } : undefined;
	return { ...c, demo, publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`, firstAdmin, filesDir, smtp, vapid };
}
