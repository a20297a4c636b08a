import type { RequestHandler } from './$types';

/**
 * The service worker web push arrives at: shows the notification (the outbox's push body is
 * `{title, body, url}`) and opens its page in Sen when clicked. Registered only by the
 * notification settings page, when a person turns push on for their browser.
 */
const WORKER = `self.addEventListener('push', (event) => {
	let n = { title: 'Sen', body: '', url: '/notifications' };
	try { n = { ...n, ...event.data.json() }; } catch (e) { if (event.data) n.body = event.data.text(); }
	event.waitUntil(self.registration.showNotification(n.title, { body: n.body, data: { url: n.url }, lang: 'vi' }));
});
self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL((event.notification.data && event.notification.data.url) || '/notifications', self.location.origin);
	if (url.origin !== self.location.origin) return;
	event.waitUntil(self.clients.openWindow(url.href));
});
`;

export const GET: RequestHandler = () =>
	new Response(WORKER, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'service-worker-allowed': '/' } });
