import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { libraryItemInput, libraryQuery } from '#lib/server/learning/library-inputs';
import { listItems, publishItem } from '#lib/server/learning/library';
import { listLessons } from '#lib/server/learning/elearning';
import { libraryItemFromForm } from '#lib/server/learning/elearning-views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'library_item')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const parsed = libraryQuery.safeParse(Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== '')));
	const filter = parsed.success ? parsed.data : { sort: 'new' as const };
	const items = await orErrorPage(() => listItems(db, p, filter));
	const myLessons = mayEver(p, 'create', 'lesson') ? (await listLessons(db, p, { authorId: p.personId })).map((l) => ({ id: l.id, title: l.title })) : [];
	return {
		filter,
		items: items.map((i) => ({ id: i.id, title: i.title, description: i.description, reach: i.reach, levels: i.levels, grades: i.grades, subject: i.subject, contexts: i.contexts, modes: i.modes, rating: i.rating, ratings: i.ratings, reuseCount: i.reuseCount, authorName: i.authorName, isLesson: !!i.lessonId })),
		myLessons,
		canPublish: mayEver(p, 'create', 'library_item')
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		let id: string;
		try {
			id = (await publishItem(getContext().db, p, parse(libraryItemInput, libraryItemFromForm(form)))).id;
		} catch (e) {
			return pageFailure(e, formObject(form), 'publish');
		}
		redirect(303, `/library/${id}?published=1`);
	}
};
