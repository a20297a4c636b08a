import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const PARAMS = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 };

function derive(password: string, nonce: Buffer, p = PARAMS): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		argon2('argon2id', { message: password, nonce, ...p }, (err, key) => (err ? reject(err) : resolve(key)))
	);
}

/** PHC string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>. */
export async function hashPassword(password: string): Promise<string> {
	const nonce = randomBytes(16);
	const key = await derive(password, nonce);
	return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${nonce.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
	const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(hash);
	if (!m) return false;
	const expected = Buffer.from(m[5], 'base64url');
	const key = await derive(password, Buffer.from(m[4], 'base64url'), {
		memory: Number(m[1]),
		passes: Number(m[2]),
		parallelism: Number(m[3]),
		tagLength: expected.length
	});
	return timingSafeEqual(key, expected);
}

/** Password policy: at least 8 characters, not all the same kind. Returns a reason or null. */
export function passwordProblem(password: string): 'too_short' | 'too_simple' | null {
	if (password.length < 8) return 'too_short';
	if (/^\d+$/.test(password) || /^[a-zA-Z]+$/.test(password)) return 'too_simple';
	return null;
}
