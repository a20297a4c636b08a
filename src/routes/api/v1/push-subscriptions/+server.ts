import { endpoint } from '#lib/server/http/api';
import { getContext } from '#lib/server/context';
import { pushSubscriptionInput } from '#lib/server/notifications/inputs';
import { listPushSubscriptions, subscribePush } from '#lib/server/notifications/preferences';

/** The VAPID public key a browser subscribes with (null: web push is not configured), and one's subscriptions. */
export const GET = endpoint({}, async ({ db, p }) => ({ publicKey: getContext().config.vapid?.publicKey ?? null, items: await listPushSubscriptions(db, p) }));
export const POST = endpoint({ body: pushSubscriptionInput, status: 201 }, ({ db, p, body }) => subscribePush(db, p, body));
