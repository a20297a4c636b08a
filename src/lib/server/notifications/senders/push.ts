/**
 * Web push (VAPID) through the `web-push` package. An outbox push message's recipient is a
 * push subscription's id and its body the JSON payload; a subscription the push service says is
 * gone (404/410) is removed and the message dead-lettered at once.
 */
import webpush from 'web-push';
import { eq } from 'drizzle-orm';
import type { Agent } from 'node:https';
import type { Executor } from '../../db/client';
import { PermanentFailure, type Sender } from '../../platform/outbox';
import { pushSubscriptions } from '../schema';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	/** mailto: or https: contact for the push service. */
	subject: string;
}

export function webPushSender(db: () => Executor, vapid: VapidKeys, opts: { agent?: Agent } = {}): Sender {
	return {
		async send(msg) {
			const [sub] = await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.id, msg.recipient));
			if (!sub) throw new PermanentFailure('push subscription removed');
			try {
				await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, msg.body, {
					vapidDetails: vapid,
					TTL: 24 * 3600,
					...(opts.agent ? { agent: opts.agent } : {})
				});
			} catch (e) {
				const status = (e as { statusCode?: number }).statusCode;
				if (status === 404 || status === 410) {
					await db().delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
					throw new PermanentFailure(`push subscription gone (${status}); removed`);
				}
				throw new Error(status ? `push service answered ${status}` : e instanceof Error ? e.message : String(e));
			}
		}
	};
}
