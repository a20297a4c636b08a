/**
 * The one notification service. `notify()` runs in the caller's transaction: it writes one in-app
 * notification per recipient (idempotent on `key`) and queues the outgoing copies in the outbox
 * as each recipient chose (channels per kind, quiet hours, daily digest), so a notification exists
 * exactly when the change that caused it committed, and each copy is queued once
 * (`notification:<id>:<channel>` keys).
 */
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { accounts, persons } from '../people/schema';
import { enqueueMany, type OutgoingMessage } from '../platform/outbox';
import { getContext, hasContext } from '../context';
import { notificationDigestItems, notificationPreferences, notifications, notificationSettings, pushSubscriptions } from './schema';
import { kindDef, NOTIFICATION_KINDS, OUTGOING_CHANNELS, type NotificationKind, type OutgoingChannel } from './kinds';
import { quietUntil } from './rules';
import { schools } from '../organisations/schema';
import { getSetting } from '../settings/service';

/** The school's quiet hours for message notifications, in Vietnam's time. */
async function schoolQuietHours(tx: Executor, schoolId: string) {
	const [school] = await tx.select({ path: schools.path }).from(schools).where(eq(schools.id, schoolId));
	if (!school) return null;
	return { ...(await getSetting(tx, school.path, 'messaging.quietHours')), timeZone: 'Asia/Ho_Chi_Minh' };
}

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

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const absoluteLink = (link: string | null | undefined) => {
	if (!link) return '';
	const base = hasContext() ? getContext().config.publicUrl : '';
	return base.replace(/\/+$/, '') + link;
};

/** The outgoing channels a person gets for a kind: their choice, or the kind's defaults. */
export function outgoingChannels(kind: NotificationKind, chosen: readonly string[] | undefined): OutgoingChannel[] {
	const from = chosen ?? NOTIFICATION_KINDS[kind].defaultChannels;
	return OUTGOING_CHANNELS.filter((c) => from.includes(c));
}

/** The push payload a service worker shows (JSON in the message body). */
export const pushPayload = (title: string, body: string, link: string | null | undefined) => JSON.stringify({ title, body, url: link ?? '/notifications' });

/** Notify people of an event, in the caller's transaction. Returns the ids newly notified. */
export async function notify(tx: Executor, n: Notice, now = new Date()): Promise<string[]> {
	const to = [...new Set(n.to)];
	if (!to.length) return [];
	const inserted: { id: string; personId: string }[] = [];
	for (let i = 0; i < to.length; i += 1000)
		inserted.push(
			...(await tx
				.insert(notifications)
				.values(to.slice(i, i + 1000).map((personId) => ({ personId, schoolId: n.schoolId ?? null, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, key: n.key })))
				.onConflictDoNothing()
				.returning({ id: notifications.id, personId: notifications.personId }))
		);
	if (!inserted.length) return [];
	const fresh = inserted.map((r) => r.personId);
	const def = kindDef(n.kind);
	const urgent = def.urgent === true;

	// One query after another: a transaction's connection runs one at a time anyway.
	const people = await tx
		.select({ id: persons.id, email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})`, phone: persons.phone })
		.from(persons)
		.leftJoin(accounts, eq(accounts.personId, persons.id))
		.where(inArray(persons.id, fresh));
	const prefs = await tx.select().from(notificationPreferences).where(and(inArray(notificationPreferences.personId, fresh), eq(notificationPreferences.kind, n.kind)));
	const settings = await tx.select().from(notificationSettings).where(inArray(notificationSettings.personId, fresh));
	const subs = await tx.select({ id: pushSubscriptions.id, personId: pushSubscriptions.personId }).from(pushSubscriptions).where(inArray(pushSubscriptions.personId, fresh));
	const body = [n.body ?? '', absoluteLink(n.link)].filter(Boolean).join('\n\n');
	// Someone who has not chosen quiet hours of their own gets the school's for messages
	// (the scoped setting messaging.quietHours), so a teacher's evening note waits for the morning.
	const group = def.group;
	const schoolQuiet = !urgent && n.schoolId && (group === 'messaging' || group === 'contact_book') ? await schoolQuietHours(tx, n.schoolId) : null;
	const personById = new Map(people.map((x) => [x.id, x]));
	const settingsOf = new Map(settings.map((x) => [x.personId, x]));
	const channelsChosen = new Map(prefs.map((x) => [x.personId, x.channels]));
	const subsOf = new Map<string, string[]>();
	for (const sub of subs) subsOf.set(sub.personId, [...(subsOf.get(sub.personId) ?? []), sub.id]);
	// Collected, then written in multi-row inserts: a class announcement reaches every parent at once.
	const outgoing: OutgoingMessage[] = [];
	const digestItems: (typeof notificationDigestItems.$inferInsert)[] = [];
	for (const { id, personId } of inserted) {
		const person = personById.get(personId);
		const s = settingsOf.get(personId);
		const channels = outgoingChannels(n.kind, channelsChosen.get(personId));
		const notBefore = urgent
			? null
			: s
				? s.quietStart && s.quietEnd
					? quietUntil(now, { start: s.quietStart, end: s.quietEnd, timeZone: s.timeZone })
					: null
				: quietUntil(now, schoolQuiet);
		for (const channel of channels) {
			const key = `notification:${id}:${channel}`;
			if (channel === 'email' && person?.email) {
				if (!urgent && s?.digest === 'daily') digestItems.push({ notificationId: id, personId, createdAt: now });
				else outgoing.push({ channel, recipient: person.email, subject: n.title, body, key, notBefore });
			} else if (channel === 'sms' && person?.phone) {
				outgoing.push({ channel, recipient: person.phone, subject: n.title, body: [n.title, absoluteLink(n.link)].filter(Boolean).join(' '), key, notBefore });
			} else if (channel === 'push') {
				for (const subId of subsOf.get(personId) ?? []) outgoing.push({ channel, recipient: subId, subject: n.title, body: pushPayload(n.title, n.body ?? '', n.link), key: `${key}:${subId}`, notBefore });
			}
		}
	}
	for (let i = 0; i < digestItems.length; i += 1000) await tx.insert(notificationDigestItems).values(digestItems.slice(i, i + 1000)).onConflictDoNothing();
	await enqueueMany(tx, outgoing);
	return fresh;
}

/** How many unread notifications a person has (the header's badge). */
/**
 * The notification keys among `keys` already sent to any of `personIds`: periodic reminder jobs
 * skip those in one lookup on the (person, key) index instead of opening a transaction per
 * reminder on every run (`notify()` stays idempotent on its key either way).
 */
export async function alreadyNotified(db: Executor, personIds: readonly string[], keys: readonly string[]): Promise<Set<string>> {
	const sent = new Set<string>();
	const people = [...new Set(personIds)];
	if (!people.length) return sent;
	for (let i = 0; i < keys.length; i += 1000) {
		const rows = await db.selectDistinct({ key: notifications.key }).from(notifications).where(and(inArray(notifications.personId, people), inArray(notifications.key, keys.slice(i, i + 1000))));
		for (const r of rows) sent.add(r.key);
	}
	return sent;
}

export async function unreadNotifications(db: Executor, personId: string): Promise<number> {
	const [r] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notifications)
		.where(and(eq(notifications.personId, personId), sql`${notifications.readAt} is null`));
	return r?.n ?? 0;
}

export interface NotificationView {
	id: string;
	kind: string;
	title: string;
	body: string;
	link: string | null;
	createdAt: string;
	readAt: string | null;
}

/** A person's own notifications, newest first (`before`: older than that instant, for paging). */
export async function listNotifications(db: Executor, personId: string, opts: { unread?: boolean; limit?: number; before?: Date } = {}): Promise<NotificationView[]> {
	const list = await db
		.select()
		.from(notifications)
		.where(and(eq(notifications.personId, personId), opts.unread ? isNull(notifications.readAt) : undefined, opts.before ? lt(notifications.createdAt, opts.before) : undefined))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(opts.limit ?? 50);
	return list.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
}

/** Mark one of one's own notifications read; null when there is no such notification of theirs, else its link. */
export async function markRead(db: Executor, personId: string, id: string, now = new Date()): Promise<{ link: string | null } | null> {
	const [r] = await db.select({ readAt: notifications.readAt, link: notifications.link }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.personId, personId)));
	if (!r) return null;
	if (!r.readAt) await db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
	return { link: r.link };
}

/** Mark all of one's notifications read; returns how many were unread. */
export async function markAllRead(db: Executor, personId: string, now = new Date()): Promise<number> {
	const r = await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return r.length;
}
