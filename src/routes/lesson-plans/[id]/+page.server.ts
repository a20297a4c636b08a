import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { lessonPlanCopyInput, lessonPlanPatch, lessonPlanTransitionInput } from '#lib/server/learning/inputs';
import { copyLessonPlan, getLessonPlan, transitionLessonPlan, updateLessonPlan } from '#lib/server/learning/service';
import { contentFromForm, planFieldsFromForm } from '#lib/server/learning/views';
import { listSchoolYears } from '#lib/server/organisations/service';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { formFailure } from '#lib/server/http/pages';
import { addPlanAttachments, listPlanAttachments, removePlanAttachment } from '#lib/server/learning/attachments';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const plan = await orErrorPage(() => getLessonPlan(db, p, idOr404(event.params.id)));
	const canCopy = plan.shared || plan.authorId === p.personId;
	const years = canCopy ? await listSchoolYears(db, p, plan.schoolId).catch(() => []) : [];
	const attachments = await listPlanAttachments(db, p, plan.id);
	return {
		plan: {
			id: plan.id,
			title: plan.title,
			subjectName: plan.subjectName,
			authorName: plan.authorName,
			grade: plan.grade,
			week: plan.week,
			teachingDate: plan.teachingDate,
			periods: plan.periods,
			shared: plan.shared,
			status: plan.status,
			version: plan.version,
			content: plan.content,
			copiedFromId: plan.copiedFromId,
			schoolYearId: plan.schoolYearId,
			events: plan.events.map((e) => ({ id: e.id, fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, comment: e.comment, at: e.at }))
		},
		canEdit: plan.canEdit,
		attachments: attachments.map((f) => ({ id: f.id, name: f.name, size: f.size, image: f.image })),
		actions: plan.actions,
		canCopy,
		years: years.map((y) => ({ id: y.id, name: y.name })),
		created: event.url.searchParams.has('created')
	};
};

async function values(event: RequestEvent) {
	requirePrincipal(event);
	return { id: idOr404(event.params.id), values: formObject(await event.request.formData()) };
}

export const actions: Actions = {
	/** The author attaches files or images (multipart, streamed to the store). */
	attach: async (event) => {
		const p = requirePrincipal(event);
		try {
			await addPlanAttachments(getContext().db, p, idOr404(event.params.id), event.request);
		} catch (e) {
			return formFailure(e, {}, 'attach');
		}
		return { done: 'attached' as const };
	},
	detach: async (event) => {
		const { id, values: v } = await values(event);
		try {
			await removePlanAttachment(getContext().db, event.locals.principal!, id, idOr404(v.fileId ?? ''));
		} catch (e) {
			return pageFailure(e, v, 'detach');
		}
		return { done: 'detached' as const };
	},
	/** Save the draft; with `intent=submit`, save and submit it for review in one step. */
	save: async (event) => {
		const { id, values: v } = await values(event);
		const p = event.locals.principal!;
		const { db } = getContext();
		try {
			const saved = await updateLessonPlan(db, p, id, parse(lessonPlanPatch, { ...planFieldsFromForm(v), version: Number(v.version), content: contentFromForm(v) }));
			if (v.intent === 'submit') await transitionLessonPlan(db, p, id, { action: 'submit', comment: '', version: saved.version });
		} catch (e) {
			return pageFailure(e, v, 'save');
		}
		return { done: v.intent === 'submit' ? ('submitted' as const) : ('saved' as const) };
	},
	/** Submit (author), return with a comment or approve (group head, leader). */
	transition: async (event) => {
		const { id, values: v } = await values(event);
		try {
			await transitionLessonPlan(getContext().db, event.locals.principal!, id, parse(lessonPlanTransitionInput, { action: v.action, comment: v.comment ?? '', version: v.version ? Number(v.version) : undefined }));
		} catch (e) {
			return pageFailure(e, v, 'transition');
		}
		return { done: v.action as 'submit' | 'return' | 'approve' };
	},
	/** A new draft of the caller's from this plan (a colleague's shared one, or one's own of last year). */
	copy: async (event) => {
		const { id, values: v } = await values(event);
		let copyId: string;
		try {
			copyId = (await copyLessonPlan(getContext().db, event.locals.principal!, id, parse(lessonPlanCopyInput, { schoolYearId: v.schoolYearId }))).id;
		} catch (e) {
			return pageFailure(e, v, 'copy');
		}
		redirect(303, `/lesson-plans/${copyId}?created=1`);
	}
};
