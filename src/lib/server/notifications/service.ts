/**
 * The one notification service. `notify()` runs in the caller's transaction: it writes one in-app
 * notification per recipient (idempotent on `key`) and queues the outgoing copies in the outbox
 * as each recipient chose (channels per kind, quiet hours, daily digest), so a notification exists
 * exactly when the change that caused it committed, and each copy is queued once
 * (`notification:<id>:<channel>` keys). `notifyMany()` does the same for any number of notices
 * (one per school of a survey, one per reminder) in a bounded number of queries; notify() is it for one,
 * and `notifyInBatches()` runs it in transactions of bounded size for the periodic reminder jobs.
 */
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { accounts, persons } from '../people/schema';
import { enqueueMany, type OutgoingMessage } from '../platform/outbox';
import { outbox } from '../platform/schema';
import { getContext, hasContext } from '../context';
import { notificationDigestItems, notificationPreferences, notifications, notificationSettings, pushSubscriptions } from './schema';
import { kindDef, NOTIFICATION_KINDS, OUTGOING_CHANNELS, type NotificationKind, type OutgoingChannel } from './kinds';
import { quietUntil, type QuietHours } from './rules';
import { schools } from '../organisations/schema';
import { getSettingAtEach } from '../settings/service';
import { log } from '../log';

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
	return (await notifyMany(tx, [n], now))[0];
}

/** Rows per multi-row insert, and ids per `in (…)` lookup: far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1000;
const LOOKUP_CHUNK = 10_000;

async function inChunks<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
	return out;
}

/** Kinds whose notices wait for the school's quiet hours (messaging.quietHours) when the person chose none. */
const usesSchoolQuietHours = (kind: NotificationKind) => {
	const def = kindDef(kind);
	return !def.urgent && (def.group === 'messaging' || def.group === 'contact_book');
};

/**
 * Notify people of many events at once (a survey sent to 2,748 schools, a reminder job's run), in
 * the caller's transaction, with the semantics of one notify() per notice: the in-app rows in
 * chunked multi-row inserts, then one lookup each of the fresh recipients' addresses, channel
 * choices, quiet hours and digest settings and push subscriptions, the schools' quiet hours once
 * for all the schools that need them, and the outgoing copies in multi-row inserts — a number of
 * queries that does not grow with the number of notices. Returns, per notice, the ids newly
 * notified (a person already notified of the notice's key is not notified again; the same person
 * and key twice in one call counts for the first notice).
 */
export async function notifyMany(tx: Executor, notices: readonly Notice[], now = new Date()): Promise<string[][]> {
	const fresh: string[][] = notices.map(() => []);
	// One row per (person, key), the first notice's; sorted so that concurrent runs (a job in two
	// processes) take the unique index's locks in the same order and wait for each other instead of deadlocking.
	const wanted = new Map<string, { notice: number; personId: string; key: string }>();
	notices.forEach((n, notice) => {
		for (const personId of n.to) {
			const k = `${n.key}\u0000${personId}`;
			if (!wanted.has(k)) wanted.set(k, { notice, personId, key: n.key });
		}
	});
	if (!wanted.size) return fresh;
	const rows = [...wanted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
	const inserted = await inChunks(rows, INSERT_CHUNK, (chunk) =>
		tx
			.insert(notifications)
			.values(chunk.map(({ notice, personId, key }) => {
				const n = notices[notice];
				return { personId, schoolId: n.schoolId ?? null, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, key };
			}))
			.onConflictDoNothing()
			.returning({ id: notifications.id, personId: notifications.personId, key: notifications.key })
	);
	if (!inserted.length) return fresh;
	const written = inserted.map((r) => ({ ...r, notice: wanted.get(`${r.key}\u0000${r.personId}`)!.notice }));
	for (const r of written) fresh[r.notice].push(r.personId);

	// One query after another: a transaction's connection runs one at a time anyway.
	const people = [...new Set(written.map((r) => r.personId))];
	const kinds = [...new Set(written.map((r) => notices[r.notice].kind))];
	const addresses = await inChunks(people, LOOKUP_CHUNK, (ids) =>
		tx
			.select({ id: persons.id, email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})`, phone: persons.phone })
			.from(persons)
			.leftJoin(accounts, eq(accounts.personId, persons.id))
			.where(inArray(persons.id, ids))
	);
	const prefs = await inChunks(people, LOOKUP_CHUNK, (ids) => tx.select().from(notificationPreferences).where(and(inArray(notificationPreferences.personId, ids), inArray(notificationPreferences.kind, kinds))));
	const settings = await inChunks(people, LOOKUP_CHUNK, (ids) => tx.select().from(notificationSettings).where(inArray(notificationSettings.personId, ids)));
	const subs = await inChunks(people, LOOKUP_CHUNK, (ids) => tx.select({ id: pushSubscriptions.id, personId: pushSubscriptions.personId }).from(pushSubscriptions).where(inArray(pushSubscriptions.personId, ids)));
	// Someone who has not chosen quiet hours of their own gets the school's for messages
	// (the scoped setting messaging.quietHours), so a teacher's evening note waits for the morning.
	const schoolQuiet = await schoolQuietHours(tx, [...new Set(written.flatMap((r) => (usesSchoolQuietHours(notices[r.notice].kind) && notices[r.notice].schoolId ? [notices[r.notice].schoolId!] : [])))]);
	const personById = new Map(addresses.map((x) => [x.id, x]));
	const settingsOf = new Map(settings.map((x) => [x.personId, x]));
	const channelsChosen = new Map(prefs.map((x) => [`${x.personId}|${x.kind}`, x.channels]));
	const subsOf = new Map<string, string[]>();
	for (const sub of subs) {
		if (!subsOf.has(sub.personId)) subsOf.set(sub.personId, []);
		subsOf.get(sub.personId)!.push(sub.id);
	}

	// Collected, then written in multi-row inserts: a class announcement reaches every parent at once.
	const outgoing: OutgoingMessage[] = [];
	const digestItems: (typeof notificationDigestItems.$inferInsert)[] = [];
	for (const { id, personId, notice } of written) {
		const n = notices[notice];
		const urgent = kindDef(n.kind).urgent === true;
		const body = [n.body ?? '', absoluteLink(n.link)].filter(Boolean).join('\n\n');
		const person = personById.get(personId);
		const s = settingsOf.get(personId);
		const channels = outgoingChannels(n.kind, channelsChosen.get(`${personId}|${n.kind}`));
		const notBefore = urgent
			? null
			: s
				? s.quietStart && s.quietEnd
					? quietUntil(now, { start: s.quietStart, end: s.quietEnd, timeZone: s.timeZone })
					: null
				: quietUntil(now, usesSchoolQuietHours(n.kind) && n.schoolId ? schoolQuiet.get(n.schoolId) : null);
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
	for (let i = 0; i < digestItems.length; i += INSERT_CHUNK) await tx.insert(notificationDigestItems).values(digestItems.slice(i, i + INSERT_CHUNK)).onConflictDoNothing();
	await enqueueMany(tx, outgoing, INSERT_CHUNK);
	return fresh;
}

/** Recipients per transaction of notifyInBatches(): a few seconds of work at most, however large the run. */
export const BATCH_RECIPIENTS = 1000;

/**
 * A periodic job's notices (a reminder run: thousands at city scale), each batch of about
 * `recipients` recipients in its own transaction through notifyMany(): no run holds its locks —
 * or, on PGlite's one connection, every other request — for the whole run, and a batch that fails
 * (a recipient deleted since the job read them, say) is tried again a notice per transaction, so
 * one bad notice loses only itself; it is logged and, as it was not written, tried again next run.
 * The notify keys keep two processes running the job at once from sending twice. Returns, per
 * notice, the ids newly notified (none for a notice that failed).
 */
export async function notifyInBatches(db: Executor, notices: readonly Notice[], now = new Date(), recipients = BATCH_RECIPIENTS): Promise<string[][]> {
	const fresh: string[][] = notices.map(() => []);
	const run = async (from: number, to: number) => {
		const ids = await db.transaction((tx) => notifyMany(tx, notices.slice(from, to), now));
		ids.forEach((x, i) => (fresh[from + i] = x));
	};
	for (let start = 0; start < notices.length; ) {
		let end = start;
		for (let n = 0; end < notices.length && (end === start || n + notices[end].to.length <= recipients); end++) n += notices[end].to.length;
		try {
			await run(start, end);
		} catch (err) {
			if (end - start === 1) log.warn({ err, key: notices[start].key }, 'notice not written; tried again next run');
			else
				for (let i = start; i < end; i++)
					await run(i, i + 1).catch((e: unknown) => log.warn({ err: e, key: notices[i].key }, 'notice not written; tried again next run'));
		}
		start = end;
	}
	return fresh;
}

/** The schools' quiet hours for message notifications, in Vietnam's time: two queries for any number of schools. */
async function schoolQuietHours(tx: Executor, schoolIds: readonly string[]): Promise<Map<string, QuietHours>> {
	const quiet = new Map<string, QuietHours>();
	if (!schoolIds.length) return quiet;
	const found = await inChunks(schoolIds, LOOKUP_CHUNK, (ids) => tx.select({ id: schools.id, path: schools.path }).from(schools).where(inArray(schools.id, ids)));
	const values = await getSettingAtEach(tx, found.map((x) => x.path), 'messaging.quietHours');
	for (const school of found) quiet.set(school.id, { ...values.get(school.path)!, timeZone: 'Asia/Ho_Chi_Minh' });
	return quiet;
}

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

/** How many unread notifications a person has (the header's badge). */
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

/**
 * Takes back the notices of something withdrawn (a publication thu hồi), in the caller's
 * transaction: every in-app notice under `key` keeps its link (which now says what happened) but
 * its title and body become `replacement` — the daily digest reads them from there — and its
 * outgoing copies not yet delivered (held for quiet hours, waiting for a retry, unclaimed) are
 * dropped. Copies already delivered cannot be recalled. Returns how many notices were rewritten.
 */
export async function withdrawNotices(tx: Executor, key: string, replacement: { title: string; body: string }, now = new Date()): Promise<number> {
	const rewritten = await tx.update(notifications).set({ title: replacement.title, body: replacement.body }).where(eq(notifications.key, key)).returning({ id: notifications.id });
	if (!rewritten.length) return 0;
	// Copies are keyed `notification:<id>:<channel>[:<subscription>]`; only pending rows are looked at (their index).
	const ids = `{${rewritten.map((r) => r.id).join(',')}}`;
	await tx
		.delete(outbox)
		.where(
			and(
				isNull(outbox.sentAt),
				isNull(outbox.deadAt),
				sql`(${outbox.claimedUntil} is null or ${outbox.claimedUntil} < ${now.toISOString()}::timestamptz)`,
				sql`${outbox.key} like 'notification:%' and split_part(${outbox.key}, ':', 2) = any(${ids}::text[])`
			)
		);
	return rewritten.length;
}
