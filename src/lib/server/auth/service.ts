import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { accounts, apiTokens, guardianships, passwordResets, persons, roleGrants, sessions } from '../people/schema';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { Grant, Principal } from './principal';
import { LockedError, NotFoundError, UnauthenticatedError, ValidationError, ForbiddenError } from '../errors';
import { enqueue } from '../platform/outbox';
import { writeAudit } from '../audit/service';
import { can } from './policy';
import { recordSignIn } from './activity';
import { fullName } from '../people/names';
import { m } from '#lib/paraglide/messages.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const RESET_MINUTES = 60;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = (prefix = '') => prefix + randomBytes(32).toString('base64url');

/** Lockout rule: the MAX_FAILED_LOGINS-th failure in a row locks the account for LOCK_MINUTES. */
export function afterFailedLogin(failedAttempts: number, now: Date): { failedAttempts: number; lockedUntil: Date | null } {
	const n = failedAttempts + 1;
	if (n >= MAX_FAILED_LOGINS) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
	return { failedAttempts: n, lockedUntil: null };
}

/** A lock holds until its end: from `lockedUntil` on, the account signs in again. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
	return lockedUntil !== null && lockedUntil > now;
}

// A real hash to verify against when the user does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;

export async function login(db: Executor, identifier: string, password: string, now = new Date()) {
	const ident = identifier.trim().toLowerCase();
	const [account] = await db
		.select()
		.from(accounts)
		.where(or(eq(sql`lower(${accounts.username})`, ident), eq(sql`lower(${accounts.email})`, ident)))
		.limit(1);
	if (!account || account.disabled) {
		await verifyPassword(await (dummyHash ??= hashPassword('not-a-password-1')), password);
		throw new UnauthenticatedError(m.error_bad_credentials(), 'invalid_credentials');
	}
	if (isLocked(account.lockedUntil, now)) throw locked(account.lockedUntil!, now);
	if (!(await verifyPassword(account.passwordHash, password))) {
		// Counted on the row locked in a transaction, so failures sent in parallel each count.
		const lockedUntil = await db.transaction(async (tx) => {
			const [current] = await tx.select().from(accounts).where(eq(accounts.id, account.id)).for('update');
			if (isLocked(current.lockedUntil, now)) return current.lockedUntil;
			const next = afterFailedLogin(current.failedAttempts, now);
			await tx.update(accounts).set(next).where(eq(accounts.id, account.id));
			return next.lockedUntil;
		});
		if (lockedUntil) throw locked(lockedUntil, now);
		throw new UnauthenticatedError(m.error_bad_credentials(), 'invalid_credentials');
	}
	if (account.failedAttempts || account.lockedUntil) {
		await db.update(accounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
	}
	return account;
}

function locked(until: Date, now: Date) {
	const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
	return new LockedError(m.error_account_locked({ minutes: String(minutes) }), until);
}

/** A sign-in: the session, and the day in account_activity_days (auth/activity.ts), together. */
export async function createSession(db: Executor, accountId: string, days: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + days * 86_400_000);
	await db.transaction(async (tx) => {
		await tx.insert(sessions).values({ id: sha256(token), accountId, expiresAt, createdAt: now });
		await recordSignIn(tx, accountId, now);
	});
	return { token, expiresAt };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

export async function principalFromSession(db: Executor, token: string): Promise<Principal | null> {
	const [s] = await db
		.select({ accountId: sessions.accountId })
		.from(sessions)
		.where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
	return s ? loadPrincipal(db, s.accountId, 'session') : null;
}

export async function createApiToken(db: Executor, p: Principal, name: string): Promise<{ id: string; token: string }> {
	const token = newToken('sen_');
	const [row] = await db.insert(apiTokens).values({ accountId: p.accountId, name, tokenHash: sha256(token) }).returning({ id: apiTokens.id });
	return { id: row.id, token };
}

/** The caller's own tokens that still work, newest first; the secret itself is never stored. */
export function listApiTokens(db: Executor, p: Principal) {
	return db
		.select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.where(and(eq(apiTokens.accountId, p.accountId), isNull(apiTokens.revokedAt)))
		.orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the caller's own tokens; someone else's token is as unknown as a missing one (404). */
export async function revokeApiToken(db: Executor, p: Principal, id: string): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, p.accountId), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt });
		if (!row) throw new NotFoundError(m.api_token_not_found());
		await writeAudit(tx, p, { action: 'revoke_token', entityType: 'api_token', entityId: row.id, scopePath: await personPath(tx, p.personId), after: row });
	});
}

/**
 * After a password change or reset, every way in that the old password opened closes: all of the
 * account's sessions but `keepSessionId` (the browser that changed it, so the person is not signed
 * out mid-task), and all its API tokens — a token was made with the old password's authority and
 * may sit with whoever learnt it. A change made through a token keeps no session and revokes that
 * token too.
 */
async function endOtherSignIns(tx: Executor, accountId: string, keepSessionToken?: string): Promise<void> {
	await tx.delete(sessions).where(keepSessionToken ? and(eq(sessions.accountId, accountId), ne(sessions.id, sha256(keepSessionToken))) : eq(sessions.accountId, accountId));
	await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)));
}

export async function principalFromApiToken(db: Executor, token: string): Promise<Principal | null> {
	const [t] = await db
		.update(apiTokens)
		.set({ lastUsedAt: new Date() })
		.where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
		.returning({ accountId: apiTokens.accountId });
	return t ? loadPrincipal(db, t.accountId, 'token') : null;
}

export async function loadPrincipal(db: Executor, accountId: string, via: Principal['via']): Promise<Principal | null> {
	const [row] = await db
		.select({ account: accounts, person: persons })
		.from(accounts)
		.innerJoin(persons, eq(persons.id, accounts.personId))
		.where(eq(accounts.id, accountId));
	if (!row || row.account.disabled) return null;
	const grants = await db
		.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId, scopePath: roleGrants.scopePath, schoolId: roleGrants.schoolId })
		.from(roleGrants)
		.where(eq(roleGrants.personId, row.person.id));
	const children = await db.select({ id: guardianships.learnerId }).from(guardianships).where(eq(guardianships.guardianId, row.person.id));
	return {
		personId: row.person.id,
		accountId: row.account.id,
		username: row.account.username,
		displayName: fullName(row.person),
		grants: grants as Grant[],
		childIds: children.map((c) => c.id),
		via
	};
}

function checkNewPassword(next: string) {
	const problem = passwordProblem(next);
	if (problem === 'too_short') throw new ValidationError(m.error_password_too_short(), [{ path: 'newPassword', message: m.error_password_too_short() }]);
	if (problem === 'too_simple') throw new ValidationError(m.error_password_too_simple(), [{ path: 'newPassword', message: m.error_password_too_simple() }]);
}

/** Changes one's own password; the other sessions and every API token end (see endOtherSignIns). */
export async function changePassword(db: Executor, p: Principal, current: string, next: string, keepSessionToken?: string): Promise<void> {
	const [account] = await db.select().from(accounts).where(eq(accounts.id, p.accountId));
	if (!account || !(await verifyPassword(account.passwordHash, current)))
		throw new ValidationError(m.error_current_password_wrong(), [{ path: 'currentPassword', message: m.error_current_password_wrong() }]);
	checkNewPassword(next);
	const passwordHash = await hashPassword(next);
	await db.transaction(async (tx) => {
		await tx.update(accounts).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(accounts.id, account.id));
		await endOtherSignIns(tx, account.id, p.via === 'session' ? keepSessionToken : undefined);
		await writeAudit(tx, p, { action: 'password_change', entityType: 'account', entityId: account.id, scopePath: await personPath(tx, p.personId) });
	});
}

async function personPath(db: Executor, personId: string): Promise<string> {
	const [row] = await db.select({ path: persons.path }).from(persons).where(eq(persons.id, personId));
	return row?.path ?? '/';
}

/** An administrator (or the person's school leader) sets a new password for an account. */
export async function adminResetPassword(db: Executor, actor: Principal, accountId: string, next: string): Promise<void> {
	const [row] = await db
		.select({ account: accounts, path: persons.path, personId: persons.id, kind: persons.kind })
		.from(accounts)
		.innerJoin(persons, eq(persons.id, accounts.personId))
		.where(eq(accounts.id, accountId));
	const resource = row && { path: row.path, personId: row.personId, personKind: row.kind };
	if (!resource || !can(actor, 'read', 'account', resource)) throw new NotFoundError(m.error_not_found());
	if (!can(actor, 'update', 'account', resource)) throw new ForbiddenError(m.error_forbidden());
	checkNewPassword(next);
	const passwordHash = await hashPassword(next);
	await db.transaction(async (tx) => {
		await tx.update(accounts).set({ passwordHash, failedAttempts: 0, lockedUntil: null, passwordChangedAt: new Date() }).where(eq(accounts.id, accountId));
		// Someone else set it: none of the account's sessions or tokens stays.
		await endOtherSignIns(tx, accountId);
		await writeAudit(tx, actor, { action: 'password_reset', entityType: 'account', entityId: accountId, scopePath: row.path });
	});
}

/** Emails a reset link if the address or username has an account with an email; silent otherwise. */
export async function requestPasswordReset(db: Executor, identifier: string, baseUrl: string): Promise<void> {
	const ident = identifier.trim().toLowerCase();
	const [account] = await db
		.select()
		.from(accounts)
		.where(or(eq(sql`lower(${accounts.username})`, ident), eq(sql`lower(${accounts.email})`, ident)));
	if (!account?.email || account.disabled) return;
	const token = newToken();
	await db.transaction(async (tx) => {
		await tx.insert(passwordResets).values({ tokenHash: sha256(token), accountId: account.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
		await enqueue(tx, {
			channel: 'email',
			recipient: account.email!,
			subject: m.reset_email_subject(),
			body: m.reset_email_body({ link: `${baseUrl.replace(/\/$/, '')}/reset-password/${token}`, minutes: String(RESET_MINUTES) })
		});
	});
}

export async function completePasswordReset(db: Executor, token: string, next: string): Promise<void> {
	const [reset] = await db
		.select()
		.from(passwordResets)
		.where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())));
	if (!reset) throw new ValidationError(m.error_reset_link_invalid());
	checkNewPassword(next);
	const passwordHash = await hashPassword(next);
	await db.transaction(async (tx) => {
		// Used once: a second request with the same link finds it already used.
		const [used] = await tx
			.update(passwordResets)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordResets.tokenHash, reset.tokenHash), isNull(passwordResets.usedAt)))
			.returning();
		if (!used) throw new ValidationError(m.error_reset_link_invalid());
		await tx.update(accounts).set({ passwordHash, failedAttempts: 0, lockedUntil: null, passwordChangedAt: new Date() }).where(eq(accounts.id, reset.accountId));
		await endOtherSignIns(tx, reset.accountId);
		const [acc] = await tx.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.id, reset.accountId));
		await writeAudit(tx, null, { action: 'password_reset_link', entityType: 'account', entityId: reset.accountId, scopePath: await personPath(tx, acc.personId) });
	});
}
