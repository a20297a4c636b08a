import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { entriesInput } from '#lib/server/messaging/inputs';
import { classForNotes, writeEntries } from '#lib/server/messaging/contact-book';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return await orErrorPage(() => classForNotes(getContext().db, p, idOr404(event.params.id)));
};

export const actions: Actions = {
	/** One note for every selected learner of the class, all or nothing. */
	write: async (event) => {
		const p = requirePrincipal(event);
		const f = await event.request.formData();
		const v = formObject(f);
		const learnerIds = f.getAll('learnerIds').map(String);
		try {
			const r = await writeEntries(getContext().db, p, parse(entriesInput, { classId: idOr404(event.params.id), learnerIds, kind: v.kind, on: v.on, body: v.body ?? '' }));
			return { done: 'write', count: r.items.length };
		} catch (e) {
			return pageFailure(e, { ...v, learnerIds: learnerIds.join(',') }, 'write');
		}
	}
};
