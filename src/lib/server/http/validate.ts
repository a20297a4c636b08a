import { z } from 'zod';
import { ValidationError } from '../errors';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

const localeErrors = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** Parses with zod, answering in the user's language; one ValidationError with every field issue. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
	const r = schema.safeParse(data, { error: localeErrors[getLocale() as 'vi' | 'en'] ?? localeErrors.vi });
	if (r.success) return r.data;
	const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
	throw new ValidationError(m.error_invalid_input(), issues);
}

/** Form fields as an object: empty strings become undefined so optional fields stay optional. */
export function formObject(form: FormData): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v.trim() === '' ? undefined : v;
	return out;
}
