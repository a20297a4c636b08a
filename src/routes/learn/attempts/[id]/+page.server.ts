import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { essayGradeInput } from '#lib/server/learning/elearning-inputs';
import { getAttempt, gradeEssay, learnerOverview, submitAttempt } from '#lib/server/learning/elearning';
import { answersFromForm, decimalOf } from '#lib/server/learning/elearning-views';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const a = await orErrorPage(() => getAttempt(db, p, idOr404(event.params.id)));
	// After submitting: what to do next, from the learner's mastery.
	const next = a.status !== 'in_progress' && (a.learnerId === p.personId || p.childIds.includes(a.learnerId)) ? (await learnerOverview(db, p, a.learnerId)).suggestions.slice(0, 3) : [];
	return {
		attempt: {
			id: a.id,
			number: a.number,
			status: a.status,
			score: a.score,
			maxScore: a.maxScore,
			deadlineAt: a.deadlineAt,
			submittedAt: a.submittedAt,
			answers: a.answers,
			results: a.results,
			questions: a.questions,
			quiz: a.quiz
		},
		mayAnswer: a.mayAnswer,
		mayGrade: a.mayGrade,
		next: next.map((s) => ({ lessonId: s.lessonId, title: s.title })),
		self: a.learnerId === p.personId
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const p = requirePrincipal(event);
		const { db } = getContext();
		const id = idOr404(event.params.id);
		const form = await event.request.formData();
		try {
			const a = await getAttempt(db, p, id);
			await submitAttempt(db, p, id, answersFromForm(form, a.questions as { id: string; kind: string; body: Record<string, unknown> }[]));
		} catch (e) {
			return pageFailure(e, formObject(form), 'submit');
		}
		return { done: 'submit' };
	},
	grade: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await gradeEssay(getContext().db, p, idOr404(event.params.id), parse(essayGradeInput, { questionId: v.questionId, points: decimalOf(v.points) ?? undefined, comment: v.comment ?? '' }));
		} catch (e) {
			return pageFailure(e, v, `grade:${v.questionId}`);
		}
		return { done: 'grade' };
	}
};
