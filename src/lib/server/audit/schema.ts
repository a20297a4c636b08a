import { pgTable, uuid, text, timestamp, jsonb, bigserial, index } from 'drizzle-orm/pg-core';

/** Append-only: who changed what, with the row before and after. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: uuid('actor_id'),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		schoolId: uuid('school_id'),
		/** Org path of the changed record, so leaders browse their scope only. */
		scopePath: text('scope_path').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		requestId: text('request_id')
	},
	(t) => [index('audit_scope_idx').on(t.scopePath), index('audit_at_idx').on(t.at)]
);
