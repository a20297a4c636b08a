import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { ratingInput } from '#lib/server/learning/library-inputs';
import { getItem, rateItem, reuseItem, withdrawItem } from '#lib/server/learning/library';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const item = await orErrorPage(() => getItem(getContext().db, p, idOr404(event.params.id)));
	return { item: { ...item, mine: item.authorId === p.personId }, published: event.url.searchParams.has('published') };
};

export const actions: Actions = {
	rate: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await rateItem(getContext().db, p, idOr404(event.params.id), parse(ratingInput, { stars: Number(v.stars), comment: v.comment ?? '' }));
		} catch (e) {
			return pageFailure(e, v, 'rate');
		}
		return { done: 'rate' };
	},
	reuse: async (event) => {
		const p = requirePrincipal(event);
		let target: { lessonId: string | null; url: string | null };
		try {
			target = await reuseItem(getContext().db, p, idOr404(event.params.id));
		} catch (e) {
			return pageFailure(e, {}, 'reuse');
		}
		if (target.lessonId) redirect(303, `/lessons/${target.lessonId}`);
		return { done: 'reuse', url: target.url };
	},
	withdraw: async (event) => {
		const p = requirePrincipal(event);
		try {
			await withdrawItem(getContext().db, p, idOr404(event.params.id));
		} catch (e) {
			return pageFailure(e, {}, 'withdraw');
		}
		redirect(303, '/library');
	}
};
