import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { questionInput, questionsQuery } from '#lib/server/learning/elearning-inputs';
import { createQuestion, listQuestions } from '#lib/server/learning/elearning';
import { importQuestions, questionUpload } from '#lib/server/learning/question-import';
import { questionFormError, questionFromForm } from '#lib/server/learning/elearning-views';
import { lessonPlansPage } from '#lib/server/learning/views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'question')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const q = questionsQuery.safeParse(Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== '')));
	const filter = q.success ? q.data : {};
	const [items, { schools }] = await Promise.all([orErrorPage(() => listQuestions(db, p, filter)), lessonPlansPage(db, p, {})]);
	const subjects = schools[0]?.subjects ?? [];
	return {
		filter,
		subjects,
		questions: items.map((x) => ({ id: x.id, stem: x.stem, kind: x.kind, level: x.level, topic: x.topic, points: x.points, subjectName: subjects.find((s) => s.id === x.subjectId)?.name ?? '', body: x.body })),
		canCreate: mayEver(p, 'create', 'question')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await createQuestion(getContext().db, p, parse(questionInput, questionFromForm(v)));
		} catch (e) {
			return pageFailure(questionFormError(e), v, 'create');
		}
		return { done: 'create', subjectId: v.subjectId ?? '', kind: v.kind ?? '', topic: v.topic ?? '', level: v.level ?? '' };
	},
	/** A filled-in template: every row or none, the problems listed by cell. */
	import: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const subjectId = typeof form.get('subjectId') === 'string' ? (form.get('subjectId') as string) : '';
		try {
			const { imported } = await importQuestions(getContext().db, p, parse(questionsQuery.required({ subjectId: true }), { subjectId }).subjectId, await questionUpload(form));
			return { done: 'import', imported, subjectId };
		} catch (e) {
			return pageFailure(e, { subjectId }, 'import');
		}
	}
};
