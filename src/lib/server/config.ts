import { z } from 'zod';

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

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
	SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14)
});

export type Config = z.infer<typeof schema> & { demo: boolean; publicUrl: string; filesDir: string };

export class ConfigError extends Error {}

/** Validates the environment; the message names every wrong variable and why. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const result = schema.safeParse(input);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(input[String(i.path[0])])})`);
		throw new ConfigError(`Sen cannot start: invalid configuration\n${lines.join('\n')}`);
	}
	const c = result.data;
	const demo = c.NODE_ENV === 'production' ? false : (c.SEN_DEMO ?? !c.DATABASE_URL);
	const filesDir = c.FILES_DIR ?? (c.DATABASE_URL ? './files' : `${c.DATA_DIR.replace(/\/+$/, '')}/files`);
	return { ...c, demo, publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`, filesDir };
}
