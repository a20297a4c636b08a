import * as i from './inputs';

/** The notification routes as /api/v1/openapi.json lists them. */
export const notificationRouteDocs = [
	{ method: 'get', path: '/notifications', summary: 'One’s own in-app notifications, newest first, with the unread count (unread=true for unread only; before= for older pages)', tag: 'notifications', query: i.notificationsQuery },
	{ method: 'post', path: '/notifications/{id}/read', summary: 'Mark one of one’s notifications read (someone else’s: 404)', tag: 'notifications', status: 204 },
	{ method: 'post', path: '/notifications/read-all', summary: 'Mark all of one’s notifications read; returns how many were unread', tag: 'notifications' },
	{ method: 'get', path: '/notification-preferences', summary: 'One’s channels per kind (in-app always on), quiet hours, time zone and digest (personId: only one’s own)', tag: 'notifications', query: i.personQuery },
	{ method: 'put', path: '/notification-preferences', summary: 'Change one’s channels per kind, quiet hours (null: none; urgent kinds ignore them), time zone and digest (immediate | daily at digestHour). Audited.', tag: 'notifications', query: i.personQuery, body: i.preferencesInput },
	{ method: 'get', path: '/push-subscriptions', summary: 'The VAPID public key to subscribe with (null when web push is not configured) and one’s push subscriptions', tag: 'notifications' },
	{ method: 'post', path: '/push-subscriptions', summary: 'Register a browser’s push subscription (PushSubscription.toJSON()). Audited.', tag: 'notifications', body: i.pushSubscriptionInput, status: 201 },
	{ method: 'delete', path: '/push-subscriptions/{id}', summary: 'Remove one of one’s push subscriptions. Audited.', tag: 'notifications', status: 204 },
	{ method: 'get', path: '/outbox', summary: 'System administrators: outgoing messages by status (dead by default; failing, pending, sent) with attempts, last error and dates — never their bodies', tag: 'notifications', query: i.outboxQuery },
	{ method: 'post', path: '/outbox/{id}/retry', summary: 'System administrators: retry a dead or failing message now with a fresh set of attempts (409 when already sent). Audited.', tag: 'notifications' }
] as const;
