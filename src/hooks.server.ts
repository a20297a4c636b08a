import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '#lib/paraglide/server';
import { boot } from '#lib/server/boot';
import { log } from '#lib/server/log';
import { getContext } from '#lib/server/context';
import { principalFromApiToken, principalFromSession } from '#lib/server/auth/service';
import { noteActivity } from '#lib/server/auth/activity';
import { SESSION_COOKIE } from '#lib/server/auth/cookies';
import { runWithRequest } from '#lib/server/http/request-context';
import { errorResponse } from '#lib/server/http/api';
import { AppError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

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

/**
 * The answers SvelteKit makes itself under /api/v1 — no such route (404), a method the route does
 * not export (405) — get the API's error shape in the caller's language, like those of endpoint().
 * One place, so no route needs a catch-all or a `fallback` of its own.
 */
const apiFallbacks: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const path = event.url.pathname;
	if (path !== '/api/v1' && !path.startsWith('/api/v1/')) return response;
	// No route matched. (SvelteKit would render the error page, whose layout sends a signed-out
	// caller to the sign-in page: an API client gets the 404 instead.)
	if (event.route.id === null) {
		return errorResponse(event, new AppError(404, 'route_not_found', m.api_route_not_found({ path })));
	}
	// endpoint() never answers 405, and its errors are JSON; SvelteKit's 405 is plain text.
	if (response.status === 405 && !response.headers.get('content-type')?.includes('application/json')) {
		const allowed = response.headers.get('allow') ?? '';
		const res = errorResponse(event, new AppError(405, 'method_not_allowed', m.api_method_not_allowed({ path, method: event.request.method, allowed }), { allowed: allowed.split(/,\s*/).filter(Boolean) }));
		if (allowed) res.headers.set('allow', allowed);
		return res;
	}
	return response;
};

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
	// The day's "using Sen" row: a query on the account's first request of the day, an in-memory check after.
	if (event.locals.principal) await noteActivity(db, event.locals.principal.accountId);
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	// A lesson's HTML5 or H5P package is framed by Sen's own pages (its CSP says frame-ancestors
	// 'self' and sandboxes it), and loads Sen's H5P player with the same headers; every other page
	// refuses to be framed.
	if (event.url.pathname.startsWith('/packages/') || event.url.pathname.startsWith('/h5p-player/')) {
		response.headers.set('x-frame-options', 'SAMEORIGIN');
		return response;
	}
	response.headers.set('referrer-policy', 'same-origin');
	if (!event.url.pathname.startsWith('/api/')) response.headers.set('x-frame-options', 'DENY');
	return response;
};

export const handle = sequence(requestContext, i18n, apiFallbacks, authenticate, securityHeaders);

// SvelteKit 3 passes `kind`: app errors (error()), framework errors (404 …), validation errors
// keep their own status and message; only unknown errors are logged and get a generic message.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind !== 'unknown') return { requestId: event.locals.requestId };
	event.locals.log?.error({ err: error }, 'unhandled error');
	return { message: 'Internal error', requestId: event.locals.requestId };
};
