import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { AppError, ValidationError } from '../errors';
import type { Principal } from '../auth/principal';

/**
 * What a failed form action returns to its page:
 * a summary message, field name → message, and the values typed (never passwords).
 */
export interface FormFailure {
	message: string;
	issues: Record<string, string>;
	values: Record<string, string | undefined>;
	/** Which form failed, when a page has several (the action's name). */
	form?: string;
}

/**
 * The signed-in caller of a page load or form action; anyone else is sent to the sign-in page and
 * brought back afterwards. (Form actions and page loads do not wait for the layout's check.)
 */
export function requirePrincipal(event: Pick<RequestEvent, 'locals' | 'url'>): Principal {
	const p = event.locals.principal;
	if (!p) redirect(303, loginPath(event.url));
	return p;
}

export const loginPath = (url: URL) => `/login?next=${encodeURIComponent(url.pathname + url.search)}`;

/** A same-site relative path to go to after a form, or the fallback: never another site. */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\') || /[\u0000-\u001f\\]/.test(target)) return fallback;
	return target;
}

/**
 * Maps an error of the AppError hierarchy to `fail(status, FormFailure)`; anything else is
 * rethrown (a 500 page with the request id). A 401 from a sign-in form is a 400 to the browser.
 */
export function formFailure(e: unknown, values: Record<string, string | undefined> = {}, form?: string): ActionFailure<FormFailure> {
	if (!(e instanceof AppError)) throw e;
	const issues: Record<string, string> = {};
	if (e instanceof ValidationError) for (const i of e.issues) issues[i.path] ??= i.message;
	const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
	return fail(e.status === 401 ? 400 : e.status, { message: e.message, issues, values: kept, ...(form ? { form } : {}) });
}
