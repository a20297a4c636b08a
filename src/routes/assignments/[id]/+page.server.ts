import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { gradeInput, sendToGradebookInput } from '#lib/server/learning/assignment-inputs';
import { addAssignmentAttachments, getAssignment, gradebookTargets, gradeSubmission, sendToGradebook, submitWork } from '#lib/server/learning/assignments';
import { gradeFromForm } from '#lib/server/learning/assignment-views';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const a = await orErrorPage(() => getAssignment(db, p, id));
	return {
		assignment: {
			id: a.id,
			title: a.title,
			instructions: a.instructions,
			className: a.className,
			subjectName: a.subjectName,
			opensAt: a.opensAt,
			dueAt: a.dueAt,
			maxScore: a.maxScore,
			rubric: a.rubric,
			sentAt: a.sentAt,
			attachments: a.attachments.map((f) => ({ id: f.id, name: f.name, size: f.size, image: f.image }))
		},
		canManage: a.canManage,
		canSubmit: a.canSubmit,
		window: a.window,
		me: p.personId,
		learners: a.learners.map((l) => ({
			learnerId: l.learnerId,
			name: l.name,
			status: l.status,
			submission: l.submission && {
				text: l.submission.text,
				submittedAt: l.submission.submittedAt,
				attempts: l.submission.attempts,
				score: l.submission.score,
				rubricScores: l.submission.rubricScores,
				comment: l.submission.comment,
				graded: l.submission.graded,
				version: l.submission.version,
				files: l.submission.files.map((f) => ({ id: f.id, name: f.name, size: f.size, image: f.image }))
			}
		})),
		targets: a.canManage ? await gradebookTargets(db, p, id).catch(() => []) : [],
		created: event.url.searchParams.has('created')
	};
};

const ctx = (event: RequestEvent) => ({ p: requirePrincipal(event), db: getContext().db, id: idOr404(event.params.id) });

export const actions: Actions = {
	/** A learner hands in text and files (multipart, streamed to the store). */
	submit: async (event) => {
		const { p, db, id } = ctx(event);
		try {
			await submitWork(db, p, id, event.request);
		} catch (e) {
			return formFailure(e, {}, 'submit');
		}
		return { done: 'submitted' as const };
	},
	/** The teacher attaches files to the assignment. */
	attach: async (event) => {
		const { p, db, id } = ctx(event);
		try {
			await addAssignmentAttachments(db, p, id, event.request);
		} catch (e) {
			return formFailure(e, {}, 'attach');
		}
		return { done: 'attached' as const };
	},
	/** The teacher grades one learner's work (score or rubric points, and a comment). */
	grade: async (event) => {
		const { p, db, id } = ctx(event);
		const v = formObject(await event.request.formData());
		try {
			const a = await getAssignment(db, p, id);
			await gradeSubmission(db, p, id, v.learnerId ?? '', parse(gradeInput, { ...gradeFromForm(v, a.rubric), version: v.version ? Number(v.version) : undefined }));
		} catch (e) {
			return pageFailure(e, v, `grade-${v.learnerId}`);
		}
		return { done: 'graded' as const };
	},
	/** Sends every graded score to one regular gradebook column. */
	send: async (event) => {
		const { p, db, id } = ctx(event);
		const v = formObject(await event.request.formData());
		let written: number;
		try {
			written = (await sendToGradebook(db, p, id, parse(sendToGradebookInput, { columnId: v.columnId }))).written;
		} catch (e) {
			return pageFailure(e, v, 'send');
		}
		return { done: 'sent' as const, written };
	}
};
