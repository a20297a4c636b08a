/**
 * The one notification service. `notify()` runs in the caller's transaction: it writes one in-app
 * notification per recipient (idempotent on `key`) and queues the outgoing copies in the outbox,
 * so a notification exists exactly when the change that caused it committed.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { accounts, persons } from '../people/schema';
import { enqueue } from '../platform/outbox';
import { getContext, hasContext } from '../context';
import { notifications } from './schema';
import { NOTIFICATION_KINDS, type NotificationKind } from './kinds';

export interface Notice {
	/** Person ids; duplicates are dropped. */
	to: readonly string[];
	kind: NotificationKind;
	title: string;
	body?: string;
	/** A path in Sen, e.g. `/messages/<id>`. */
	link?: string;
	schoolId?: string | null;
	/** The event's identity (e.g. `message:<id>`): notifying the same key twice sends nothing more. */
	key: string;
}

const absolute = (link: string | undefined) => {
	if (!link) return '';
	const base = hasContext() ? getContext().config.publicUrl : '';
	return base.replace(/\/+$/, '') + link;
};

/** Notify people of an event, in the caller's transaction. Returns the ids newly notified. */
export async function notify(tx: Executor, n: Notice): Promise<string[]> {
	const to = [...new Set(n.to)];
	if (!to.length) return [];
	const inserted = await tx
		.insert(notifications)
		.values(to.map((personId) => ({ personId, schoolId: n.schoolId ?? null, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, key: n.key })))
		.onConflictDoNothing()
		.returning({ personId: notifications.personId });
	const fresh = inserted.map((r) => r.personId);
	if (!fresh.length) return [];
	const def = NOTIFICATION_KINDS[n.kind];
	if ((def.defaultChannels as readonly string[]).includes('email')) {
		const rows = await tx
			.select({ email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})` })
			.from(persons)
			.leftJoin(accounts, eq(accounts.personId, persons.id))
			.where(inArray(persons.id, fresh));
		const body = [n.body ?? '', absolute(n.link)].filter(Boolean).join('\n\n');
		for (const email of new Set(rows.map((r) => r.email).filter((e): e is string => !!e))) await enqueue(tx, { channel: 'email', recipient: email, subject: n.title, body });
	}
	return fresh;
}

/** How many unread notifications a person has (the header's badge). */
export async function unreadNotifications(db: Executor, personId: string): Promise<number> {
	const [r] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.personId, personId), sql`${notifications.readAt} is null`));
	return r?.n ?? 0;
}
