import { endpoint } from '#lib/server/http/api';
import { notificationsQuery } from '#lib/server/notifications/inputs';
import { listNotifications, unreadNotifications } from '#lib/server/notifications/service';

/** One's own notifications only: there is no way to name someone else's. */
export const GET = endpoint({ query: notificationsQuery }, async ({ db, p, query }) => ({
	unread: await unreadNotifications(db, p.personId),
	items: await listNotifications(db, p.personId, { unread: query.unread === 'true', limit: query.limit, before: query.before ? new Date(query.before) : undefined })
}));
