/**
 * Database errors the domain can answer: a unique violation (SQLSTATE 23505) means someone wrote
 * the same key between a check and the write — the one way to recognise it on both drivers (pg
 * puts the code on the error, drizzle over PGlite on its cause).
 */
export function isUniqueViolation(e: unknown): boolean {
	const err = e as { code?: string; cause?: { code?: string } } | null;
	return (err?.code ?? err?.cause?.code) === '23505';
}

/** Runs `write`; a unique violation becomes `refusal()` (a 400 or 409 the person can act on), anything else is rethrown. */
export async function refuseDuplicate<T>(write: () => Promise<T>, refusal: () => Error): Promise<T> {
	try {
		return await write();
	} catch (e) {
		if (isUniqueViolation(e)) throw refusal();
		throw e;
	}
}
