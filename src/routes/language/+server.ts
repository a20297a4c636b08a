import { redirect, type RequestHandler } from '@sveltejs/kit';
import { cookieName, isLocale } from '#lib/paraglide/runtime.js';
import { safeRedirectTarget } from '#lib/server/http/pages';

/**
 * The language switch: a plain form post (works without JavaScript) that sets Paraglide's locale
 * cookie and goes back to the page it came from. Not HttpOnly: Paraglide reads it in the browser too.
 */
const ONE_YEAR = 365 * 24 * 60 * 60;

export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	if (isLocale(locale)) cookies.set(cookieName, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
	redirect(303, safeRedirectTarget(form.get('next')?.toString()));
};

/** Someone who opens the address directly just goes home. */
export const GET: RequestHandler = () => redirect(303, '/');
