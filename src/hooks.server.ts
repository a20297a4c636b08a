import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '#lib/paraglide/server';
import { boot } from '#lib/server/boot';
import { log } from '#lib/server/log';
import { getContext } from '#lib/server/context';
import { principalFromApiToken, principalFromSession } from '#lib/server/auth/service';
import { SESSION_COOKIE } from '#lib/server/auth/cookies';
import { runWithRequest } from '#lib/server/http/request-context';

export const init: ServerInit = boot;

const requestContext: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
	event.locals.requestId = requestId;
	event.locals.log = log.child({ reqId: requestId });
	const started = performance.now();
	const response = await runWithRequest(requestId, () => resolve(event));
	response.headers.set('x-request-id', requestId);
	if (event.url.pathname !== '/healthz') {
		event.locals.log.info({ method: event.request.method, path: event.url.pathname, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
	}
	return response;
};

const i18n: Handle = ({ event, resolve }) =>
	// Locale comes from the cookie (or the base locale); the request itself is never rewritten.
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale as 'vi' | 'en';
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.principal = null;
	const { db } = getContext();
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer) {
		event.locals.principal = await principalFromApiToken(db, bearer);
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			event.locals.principal = await principalFromSession(db, token);
			if (!event.locals.principal) event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	if (!event.url.pathname.startsWith('/api/')) response.headers.set('x-frame-options', 'DENY');
	return response;
};

export const handle = sequence(requestContext, i18n, authenticate, securityHeaders);

// SvelteKit 3 passes `kind`: app errors (error()), framework errors (404 …), validation errors
// keep their own status and message; only unknown errors are logged and get a generic message.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind !== 'unknown') return { requestId: event.locals.requestId };
	event.locals.log?.error({ err: error }, 'unhandled error');
	return { message: 'Internal error', requestId: event.locals.requestId };
};
