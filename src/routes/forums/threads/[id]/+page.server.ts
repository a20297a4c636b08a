import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { replyInput } from '#lib/server/community/inputs';
import { getThread, moderatePost, moderateThread, replyToThread } from '#lib/server/community/forums';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return { thread: await orErrorPage(() => getThread(getContext().db, p, idOr404(event.params.id))) };
};

const FLAGS = ['pinned', 'locked', 'hidden'] as const;

export const actions: Actions = {
	reply: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await replyToThread(getContext().db, p, idOr404(event.params.id), parse(replyInput, { body: v.body }));
		} catch (e) {
			return pageFailure(e, v, 'reply');
		}
		return { done: 'reply' };
	},
	/** One moderation switch: `flag` (pinned, locked, hidden) set to `value`. */
	moderate: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			const flag = FLAGS.find((f) => f === v.flag);
			if (flag) await moderateThread(getContext().db, p, idOr404(event.params.id), { [flag]: v.value === 'true' });
		} catch (e) {
			return pageFailure(e, v, 'moderate');
		}
		return { done: 'moderate' };
	},
	hidePost: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await moderatePost(getContext().db, p, idOr404(v.postId ?? ''), { hidden: v.value === 'true' });
		} catch (e) {
			return pageFailure(e, v, 'moderate');
		}
		return { done: 'moderate' };
	}
};
