import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { FirstAdmin } from '../config';
import { accounts, persons, roleGrants } from './schema';
import { hashPassword } from '../auth/password';
import { writeAudit } from '../audit/service';

export class FirstAdminError extends Error {}

/**
 * A deployment without demo data needs someone to sign in first: the operator names a system
 * administrator in SEN_ADMIN_USERNAME/SEN_ADMIN_PASSWORD and it is created at start, once — while
 * the installation has no system administrator. Later starts leave accounts alone, so the
 * variables never reset a password that was changed since.
 */
export async function ensureFirstAdmin(db: Database, admin: FirstAdmin): Promise<'created' | 'exists'> {
	const passwordHash = await hashPassword(admin.password);
	return db.transaction(async (tx) => {
		// Two processes starting together on one PostgreSQL create one administrator, not two.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sen.first_admin'))`);
		const [existing] = await tx.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.role, 'system_admin')).limit(1);
		if (existing) return 'exists';
		const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(sql`lower(${accounts.username})`, admin.username)).limit(1);
		if (taken) throw new FirstAdminError(`Sen cannot start: SEN_ADMIN_USERNAME "${admin.username}" is already the username of an account that is not a system administrator; choose another.`);
		const [person] = await tx
			.insert(persons)
			.values({ kind: 'staff', familyName: 'Quản trị', givenName: 'viên', email: admin.email ?? null, path: '/' })
			.returning({ id: persons.id });
		const [account] = await tx
			.insert(accounts)
			.values({ personId: person.id, username: admin.username, email: admin.email ?? null, passwordHash })
			.returning({ id: accounts.id, username: accounts.username, email: accounts.email, personId: accounts.personId });
		const [grant] = await tx.insert(roleGrants).values({ personId: person.id, role: 'system_admin', scopeType: 'city', scopeId: null, scopePath: '/' }).returning();
		// No one is signed in yet: the actor is the installation itself (null).
		await writeAudit(tx, null, { action: 'bootstrap_admin', entityType: 'account', entityId: account.id, scopePath: '/', after: { ...account, grant } });
		return 'created';
	});
}
