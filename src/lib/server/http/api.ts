import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError, UnauthenticatedError, ValidationError } from '../errors';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/client';
import { getContext } from '../context';
import { parse } from './validate';
import { m } from '#lib/paraglide/messages.js';

export interface ApiContext<B, Q> {
	event: RequestEvent;
	db: Database;
	/** The caller; present unless the endpoint is `public`. */
	p: Principal;
	body: B;
	query: Q;
}

interface Options<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> {
	body?: BS;
	query?: QS;
	/** Answer without a signed-in caller (login, health). */
	public?: boolean;
	status?: number;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * The one way to write an /api/v1 handler: parse input with zod, require a caller, run, and map
 * every error to `{"error": {"code", "message", "details"}}` with its HTTP status.
 */
export function endpoint<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
	opts: Options<BS, QS>,
	fn: (ctx: ApiContext<Infer<BS>, Infer<QS>>) => Promise<unknown>
): RequestHandler {
	return async (event) => {
		try {
			const p = event.locals.principal;
			if (!opts.public && !p) throw new UnauthenticatedError(m.error_unauthenticated());
			let body: unknown = undefined;
			if (opts.body) {
				let raw: unknown;
				try {
					raw = await event.request.json();
				} catch {
					throw new ValidationError(m.error_invalid_json());
				}
				body = parse(opts.body, raw);
			}
			const query = opts.query ? parse(opts.query, Object.fromEntries(event.url.searchParams)) : undefined;
			const result = await fn({ event, db: getContext().db, p: p as Principal, body: body as Infer<BS>, query: query as Infer<QS> });
			if (result instanceof Response) return result;
			if (result === undefined) return new Response(null, { status: 204 });
			return json(result, { status: opts.status ?? 200 });
		} catch (e) {
			return errorResponse(event, e);
		}
	};
}

export function errorResponse(event: RequestEvent, e: unknown): Response {
	if (e instanceof AppError) {
		return json({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }, { status: e.status });
	}
	event.locals.log.error({ err: e }, 'unhandled error in API');
	return json({ error: { code: 'internal', message: m.error_internal({ requestId: event.locals.requestId }) } }, { status: 500 });
}
