import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { lessonInput } from '#lib/server/learning/elearning-inputs';
import { createLesson, listLessons } from '#lib/server/learning/elearning';
import { decimalOf } from '#lib/server/learning/elearning-views';
import { lessonPlansPage } from '#lib/server/learning/views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'lesson')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const rows = await orErrorPage(() => listLessons(db, p, {}));
	// The subjects of the caller's school, for the new-lesson form.
	const { schools } = await lessonPlansPage(db, p, {});
	return {
		lessons: rows.map((l) => ({ id: l.id, title: l.title, subjectName: l.subjectName, grade: l.grade, authorName: l.authorName, blocks: l.blocks.length, mine: l.authorId === p.personId, updatedAt: l.updatedAt })),
		subjects: schools[0]?.subjects ?? [],
		canCreate: mayEver(p, 'create', 'lesson')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createLesson(getContext().db, p, parse(lessonInput, { subjectId: v.subjectId, grade: decimalOf(v.grade) ?? undefined, title: v.title, summary: v.summary ?? '' }))).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/lessons/${id}`);
	}
};
