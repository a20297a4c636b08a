/**
 * The daily digest: for a person who chose it, non-urgent emails wait (notification_digest_items)
 * and leave as one email at their chosen hour. Idempotent: each person's slot is claimed by moving
 * `last_digest_at` forward in the same transaction that takes the items and queues the email
 * (keyed `digest:<person>:<slot>`), so overlapping runs or processes send one digest per slot.
 */
import { and, eq, inArray, isNull, min, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { accounts, persons } from '../people/schema';
import { enqueue } from '../platform/outbox';
import { notificationDigestItems, notifications, notificationSettings } from './schema';
import { digestDue, digestSlot, quietUntil } from './rules';
import { absoluteLink, DEFAULT_TIME_ZONE } from './service';
import { m } from '#lib/paraglide/messages.js';

/** Queue the digests due at `now`; returns how many were queued. */
export async function sendDigests(db: Database, now = new Date()): Promise<number> {
	const waiting = await db
		.select({
			personId: notificationDigestItems.personId,
			digest: notificationSettings.digest,
			digestHour: notificationSettings.digestHour,
			timeZone: notificationSettings.timeZone,
			lastDigestAt: notificationSettings.lastDigestAt,
			oldest: min(notificationDigestItems.createdAt)
		})
		.from(notificationDigestItems)
		.leftJoin(notificationSettings, eq(notificationSettings.personId, notificationDigestItems.personId))
		.where(isNull(notificationDigestItems.digestedAt))
		.groupBy(notificationDigestItems.personId, notificationSettings.personId);
	let queued = 0;
	for (const w of waiting) {
		const tz = w.timeZone ?? DEFAULT_TIME_ZONE;
		// Someone who went back to immediate emails gets what was waiting now.
		const daily = w.digest === 'daily';
		if (daily && !digestDue(now, w.digestHour ?? 18, tz, w.lastDigestAt, w.oldest ?? now)) continue;
		const slot = daily ? digestSlot(now, w.digestHour ?? 18, tz) : now;
		if (await db.transaction((tx) => digestFor(tx, w.personId, slot, now))) queued++;
	}
	return queued;
}

async function digestFor(tx: Executor, personId: string, slot: Date, now: Date): Promise<boolean> {
	// Claim the slot: a second run finds last_digest_at already there and stops.
	// No address, no digest: return before the slot and the items are taken, so nothing is lost.
	const [person] = await tx
		.select({ email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})` })
		.from(persons)
		.leftJoin(accounts, eq(accounts.personId, persons.id))
		.where(eq(persons.id, personId));
	if (!person?.email) return false;
	const claimed = await tx
		.insert(notificationSettings)
		.values({ personId, lastDigestAt: slot })
		.onConflictDoUpdate({
			target: notificationSettings.personId,
			set: { lastDigestAt: slot },
			setWhere: sql`${notificationSettings.lastDigestAt} is null or ${notificationSettings.lastDigestAt} < ${slot.toISOString()}::timestamptz`
		})
		.returning({ quietStart: notificationSettings.quietStart, quietEnd: notificationSettings.quietEnd, timeZone: notificationSettings.timeZone });
	if (!claimed.length) return false;
	const taken = await tx
		.update(notificationDigestItems)
		.set({ digestedAt: now })
		.where(and(eq(notificationDigestItems.personId, personId), isNull(notificationDigestItems.digestedAt)))
		.returning({ id: notificationDigestItems.notificationId });
	if (!taken.length) return false;
	const items = await tx
		.select({ title: notifications.title, link: notifications.link, createdAt: notifications.createdAt })
		.from(notifications)
		.where(inArray(notifications.id, taken.map((t) => t.id)))
		.orderBy(notifications.createdAt);
	const s = claimed[0];
	const notBefore = s.quietStart && s.quietEnd ? quietUntil(now, { start: s.quietStart, end: s.quietEnd, timeZone: s.timeZone }) : null;
	const lines = items.map((i) => `• ${i.title}${i.link ? `\n  ${absoluteLink(i.link)}` : ''}`);
	const body = [m.ntf_digest_intro({ count: items.length }), ...lines, absoluteLink('/notifications')].join('\n\n');
	return enqueue(tx, { channel: 'email', recipient: person.email, subject: m.ntf_digest_subject({ count: items.length }), body, key: `digest:${personId}:${slot.toISOString()}`, notBefore });
}
