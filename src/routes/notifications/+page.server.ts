import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal, safeRedirectTarget } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { listNotifications, markAllRead, markRead, unreadNotifications } from '#lib/server/notifications/service';
import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	return { items: await listNotifications(db, p.personId, { limit: 100 }), unread: await unreadNotifications(db, p.personId) };
};

async function readOne(event: Parameters<Actions[string]>[0]) {
	const p = requirePrincipal(event);
	const values = formObject(await event.request.formData());
	const { id } = parse(idParam, values);
	const read = await markRead(getContext().db, p.personId, id);
	if (!read) throw new NotFoundError(m.error_not_found());
	return read;
}

export const actions: Actions = {
	read: async (event) => {
		try {
			await readOne(event);
		} catch (e) {
			return formFailure(e, {}, 'read');
		}
		return { markedOne: true as const };
	},
	/** Mark read and go to what it is about. */
	open: async (event) => {
		let target: string;
		try {
			target = safeRedirectTarget((await readOne(event)).link, '/notifications');
		} catch (e) {
			return formFailure(e, {}, 'open');
		}
		redirect(303, target);
	},
	readAll: async (event) => {
		const p = requirePrincipal(event);
		return { markedAll: await markAllRead(getContext().db, p.personId) };
	}
};
