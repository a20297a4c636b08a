/**
 * The outbox as system administrators see it (policy kind `outbox`): dead and failing messages
 * with their last error, never a body (a password-reset link is a credential), and a retry.
 */
import type { Database, Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeList } from '../auth/authorize';
import { listOutbox, outboxCounts, outboxEntry, requeue, type OutboxEntry, type OutboxStatus } from '../platform/outbox';
import { writeAudit } from '../audit/service';
import { ConflictError, NotFoundError } from '../errors';
import { m } from '#lib/paraglide/messages.js';

/** The installation's root: the outbox belongs to no school. */
const OUTBOX_RESOURCE = { path: '/' };

export async function outboxView(db: Executor, p: Principal, status: OutboxStatus, limit = 100): Promise<{ counts: Awaited<ReturnType<typeof outboxCounts>>; items: OutboxEntry[] }> {
	authorizeList(p, 'outbox');
	authorize(p, 'read', 'outbox', OUTBOX_RESOURCE);
	return { counts: await outboxCounts(db), items: await listOutbox(db, status, limit) };
}

/** Retry a dead or failing message now, with a fresh set of attempts. Audited. */
export async function retryMessage(db: Database, p: Principal, id: string): Promise<OutboxEntry> {
	authorize(p, 'update', 'outbox', OUTBOX_RESOURCE);
	return db.transaction(async (tx) => {
		const before = await outboxEntry(tx, id);
		if (!before) throw new NotFoundError(m.error_not_found());
		if (before.status === 'sent' || !(await requeue(tx, id))) throw new ConflictError(m.ntf_error_already_sent());
		await writeAudit(tx, p, { action: 'update', entityType: 'outbox', entityId: id, scopePath: OUTBOX_RESOURCE.path, before: { status: before.status, attempts: before.attempts, lastError: before.lastError }, after: { status: 'pending', attempts: 0 } });
		return (await outboxEntry(tx, id))!;
	});
}
