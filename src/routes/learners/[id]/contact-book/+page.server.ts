import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { acknowledgeInput, entriesInput } from '#lib/server/messaging/inputs';
import { acknowledgeEntry, learnerContactBook, writeEntries } from '#lib/server/messaging/contact-book';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return { book: await orErrorPage(() => learnerContactBook(getContext().db, p, idOr404(event.params.id))), today: today() };
};

export const actions: Actions = {
	write: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			const learnerId = idOr404(event.params.id);
			await writeEntries(getContext().db, p, parse(entriesInput, { classId: v.classId, learnerIds: [learnerId], kind: v.kind, on: v.on, body: v.body ?? '' }));
		} catch (e) {
			return pageFailure(e, v, 'write');
		}
		return { done: 'write' };
	},
	acknowledge: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await acknowledgeEntry(getContext().db, p, idOr404(v.entryId ?? ''), parse(acknowledgeInput, { reply: v.reply ?? null }));
		} catch (e) {
			return pageFailure(e, v, `ack:${v.entryId}`);
		}
		return { done: 'acknowledge' };
	}
};
