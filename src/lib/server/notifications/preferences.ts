/**
 * A person's notification choices: channels per kind, quiet hours, the daily digest, and the
 * browsers they receive web push on. Each is the person's own (policy kind `notification_preference`).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor, Database } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { persons } from '../people/schema';
import { writeAudit } from '../audit/service';
import { notificationPreferences, notificationSettings, pushSubscriptions } from './schema';
import { isNotificationKind, NOTIFICATION_KINDS, type NotificationKind, type NotificationKindDef, type OutgoingChannel } from './kinds';
import { DEFAULT_TIME_ZONE, outgoingChannels } from './service';
import type { PreferencesInput } from './inputs';
import { ValidationError } from '../errors';
import { m } from '#lib/paraglide/messages.js';

export interface KindPreference {
	kind: NotificationKind;
	group: NotificationKindDef['group'];
	urgent: boolean;
	defaultChannels: OutgoingChannel[];
	/** The outgoing channels the person gets (in-app always, so not listed). */
	channels: OutgoingChannel[];
}

export interface Preferences {
	personId: string;
	kinds: KindPreference[];
	quietHours: { start: string; end: string } | null;
	timeZone: string;
	digest: 'immediate' | 'daily';
	digestHour: number;
}

async function personResource(db: Executor, personId: string) {
	const [person] = await db.select({ path: persons.path }).from(persons).where(eq(persons.id, personId));
	return person ? { path: person.path, personId } : undefined;
}

export async function getPreferences(db: Executor, p: Principal, personId = p.personId): Promise<Preferences> {
	authorize(p, 'read', 'notification_preference', await personResource(db, personId));
	const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId));
	const [s] = await db.select().from(notificationSettings).where(eq(notificationSettings.personId, personId));
	const kinds = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => {
		const def: NotificationKindDef = NOTIFICATION_KINDS[kind];
		return { kind, group: def.group, urgent: def.urgent === true, defaultChannels: outgoingChannels(kind, undefined), channels: outgoingChannels(kind, rows.find((r) => r.kind === kind)?.channels) };
	});
	return {
		personId,
		kinds,
		quietHours: s?.quietStart && s.quietEnd ? { start: s.quietStart, end: s.quietEnd } : null,
		timeZone: s?.timeZone ?? DEFAULT_TIME_ZONE,
		digest: s?.digest === 'daily' ? 'daily' : 'immediate',
		digestHour: s?.digestHour ?? 18
	};
}

/** Save a person's choices (what the input leaves out stays as it was). Audited. */
export async function savePreferences(db: Database, p: Principal, input: PreferencesInput, personId = p.personId): Promise<Preferences> {
	const unknown = Object.keys(input.kinds).filter((k) => !isNotificationKind(k));
	if (unknown.length) throw new ValidationError(m.ntf_error_unknown_kind({ kinds: unknown.join(', ') }), unknown.map((k) => ({ path: `kinds.${k}`, message: m.ntf_error_unknown_kind({ kinds: k }) })));
	return db.transaction(async (tx) => {
		const resource = await personResource(tx, personId);
		authorize(p, 'update', 'notification_preference', resource);
		const before = await getPreferences(tx, p, personId);
		const now = new Date();
		for (const [kind, channels] of Object.entries(input.kinds)) {
			const chosen = [...new Set(channels)];
			await tx
				.insert(notificationPreferences)
				.values({ personId, kind, channels: chosen, updatedAt: now })
				.onConflictDoUpdate({ target: [notificationPreferences.personId, notificationPreferences.kind], set: { channels: chosen, updatedAt: now } });
		}
		const settings = {
			...(input.quietHours !== undefined ? { quietStart: input.quietHours?.start ?? null, quietEnd: input.quietHours?.end ?? null } : {}),
			...(input.timeZone ? { timeZone: input.timeZone } : {}),
			...(input.digest ? { digest: input.digest } : {}),
			...(input.digestHour !== undefined ? { digestHour: input.digestHour } : {})
		};
		if (Object.keys(settings).length)
			await tx
				.insert(notificationSettings)
				.values({ personId, ...settings, updatedAt: now })
				.onConflictDoUpdate({ target: notificationSettings.personId, set: { ...settings, updatedAt: now } });
		const after = await getPreferences(tx, p, personId);
		await writeAudit(tx, p, { action: 'update', entityType: 'notification_preference', entityId: personId, scopePath: resource.path, before: summary(before), after: summary(after) });
		return after;
	});
}

const summary = (x: Preferences) => ({ channels: Object.fromEntries(x.kinds.map((k) => [k.kind, k.channels])), quietHours: x.quietHours, timeZone: x.timeZone, digest: x.digest, digestHour: x.digestHour });

export interface PushSubscriptionView {
	id: string;
	endpoint: string;
	createdAt: string;
}

export async function listPushSubscriptions(db: Executor, p: Principal): Promise<PushSubscriptionView[]> {
	authorize(p, 'read', 'notification_preference', await personResource(db, p.personId));
	const list = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.personId, p.personId));
	return list.map((s) => ({ id: s.id, endpoint: s.endpoint, createdAt: s.createdAt.toISOString() }));
}

/** Register a browser for one's web push (the same endpoint again updates its keys and owner). */
export async function subscribePush(db: Database, p: Principal, sub: { endpoint: string; keys: { p256dh: string; auth: string } }): Promise<PushSubscriptionView> {
	return db.transaction(async (tx) => {
		const resource = await personResource(tx, p.personId);
		authorize(p, 'update', 'notification_preference', resource);
		const [row] = await tx
			.insert(pushSubscriptions)
			.values({ personId: p.personId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth })
			.onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { personId: p.personId, p256dh: sub.keys.p256dh, auth: sub.keys.auth } })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'push_subscription', entityId: row.id, scopePath: resource.path, after: { endpointHost: new URL(row.endpoint).host } });
		return { id: row.id, endpoint: row.endpoint, createdAt: row.createdAt.toISOString() };
	});
}

/** Remove one of one's push subscriptions; false when there is no such subscription of theirs. */
export async function unsubscribePush(db: Database, p: Principal, id: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const resource = await personResource(tx, p.personId);
		authorize(p, 'update', 'notification_preference', resource);
		const gone = await tx
			.delete(pushSubscriptions)
			.where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.personId, p.personId)))
			.returning({ id: pushSubscriptions.id });
		if (gone.length) await writeAudit(tx, p, { action: 'delete', entityType: 'push_subscription', entityId: id, scopePath: resource.path });
		return gone.length > 0;
	});
}
