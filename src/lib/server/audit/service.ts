import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditLog } from './schema';
import type { Principal } from '../auth/principal';
import { scopeCondition } from '../auth/policy';
import { requestId } from '../http/request-context';

export interface AuditEntry {
	action: 'create' | 'update' | 'delete' | string;
	entityType: string;
	entityId: string;
	scopePath: string;
	schoolId?: string | null;
	before?: unknown;
	after?: unknown;
}

/** The one way to write an audit record; call it with the transaction that makes the change. */
export async function writeAudit(tx: Executor, actor: Principal | null, e: AuditEntry): Promise<void> {
	await writeAudits(tx, actor, [e]);
}

/** Audit records of a multi-row change (a plan of 500 rows, a class's enrolments) in multi-row inserts, in the change's transaction. */
export async function writeAudits(tx: Executor, actor: Principal | null, entries: readonly AuditEntry[]): Promise<void> {
	const request = requestId() ?? null;
	for (let i = 0; i < entries.length; i += 1000)
		await tx.insert(auditLog).values(
			entries.slice(i, i + 1000).map((e) => ({
				actorId: actor?.personId ?? null,
				action: e.action,
				entityType: e.entityType,
				entityId: e.entityId,
				scopePath: e.scopePath,
				schoolId: e.schoolId ?? null,
				before: strip(e.before),
				after: strip(e.after),
				requestId: request
			}))
		);
}

/** Secrets never reach the audit log. */
function strip(v: unknown): unknown {
	if (v === undefined || v === null) return null;
	const json = JSON.parse(JSON.stringify(v));
	if (json && typeof json === 'object') {
		for (const k of ['passwordHash', 'tokenHash', 'searchName']) delete (json as Record<string, unknown>)[k];
	}
	return json;
}

export async function listAudit(
	db: Executor,
	p: Principal,
	opts: { entityType?: string; before?: number; limit: number }
) {
	const conds: SQL[] = [scopeCondition(p, 'read', 'audit', { path: auditLog.scopePath })];
	if (opts.entityType) conds.push(eq(auditLog.entityType, opts.entityType));
	if (opts.before) conds.push(lt(auditLog.id, opts.before));
	return db
		.select()
		.from(auditLog)
		.where(and(...conds))
		.orderBy(desc(auditLog.id))
		.limit(opts.limit);
}
