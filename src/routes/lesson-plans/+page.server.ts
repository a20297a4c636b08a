import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { lessonPlanInput } from '#lib/server/learning/inputs';
import { createLessonPlan } from '#lib/server/learning/service';
import { lessonPlansPage, planFieldsFromForm, planFilterOf } from '#lib/server/learning/views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'lesson_plan')) error(403, m.ui_error_forbidden());
	const view = await orErrorPage(() => lessonPlansPage(getContext().db, p, planFilterOf(event.url.searchParams)));
	return {
		...view,
		plans: view.plans.map((r) => ({
			id: r.id,
			title: r.title,
			subjectName: r.subjectName,
			grade: r.grade,
			week: r.week,
			teachingDate: r.teachingDate,
			status: r.status,
			shared: r.shared,
			authorName: r.authorName,
			mine: r.authorId === p.personId,
			updatedAt: r.updatedAt
		}))
	};
};

export const actions: Actions = {
	/** A new draft with an empty 5512 frame; the author goes on writing it on its own page. */
	create: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		let id: string;
		try {
			const plan = await createLessonPlan(getContext().db, p, parse(lessonPlanInput, { ...planFieldsFromForm(values), schoolYearId: values.schoolYearId, subjectId: values.subjectId }));
			id = plan.id;
		} catch (e) {
			return pageFailure(e, values, 'create');
		}
		redirect(303, `/lesson-plans/${id}?created=1`);
	}
};
