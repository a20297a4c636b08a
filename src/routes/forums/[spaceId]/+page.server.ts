import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { categoryInput, spaceQuery, threadInput } from '#lib/server/community/inputs';
import { addCategory, createThread, getSpace } from '#lib/server/community/forums';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const q = spaceQuery.safeParse(Object.fromEntries(event.url.searchParams));
	const f = q.success ? q.data : {};
	const space = await orErrorPage(() => getSpace(getContext().db, p, idOr404(event.params.spaceId), f));
	return { space, q: f.q ?? '', categoryId: f.categoryId ?? '' };
};

export const actions: Actions = {
	thread: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createThread(getContext().db, p, idOr404(event.params.spaceId), parse(threadInput, { categoryId: v.categoryId || null, title: v.title, body: v.body }))).id;
		} catch (e) {
			return pageFailure(e, v, 'thread');
		}
		redirect(303, `/forums/threads/${id}`);
	},
	category: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await addCategory(getContext().db, p, idOr404(event.params.spaceId), parse(categoryInput, { name: v.name }));
		} catch (e) {
			return pageFailure(e, v, 'category');
		}
		return { done: 'category' };
	}
};
