import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { assignmentInput } from '#lib/server/learning/assignment-inputs';
import { createAssignment, listAssignments } from '#lib/server/learning/assignments';
import { assignmentFromForm, RUBRIC_ROWS, teachingOptions } from '#lib/server/learning/assignment-views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'assignment')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const items = await orErrorPage(() => listAssignments(db, p));
	return {
		assignments: items.map((a) => ({
			id: a.id,
			title: a.title,
			className: a.className,
			subjectName: a.subjectName,
			opensAt: a.opensAt,
			dueAt: a.dueAt,
			canManage: a.canManage,
			handedIn: a.handedIn,
			enrolled: a.enrolled,
			myStatus: a.myStatus ?? null,
			mine: a.mine
		})),
		options: await teachingOptions(db, p),
		rubricRows: RUBRIC_ROWS
	};
};

export const actions: Actions = {
	/** A new assignment; the teacher adds attachments on its own page. */
	create: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createAssignment(getContext().db, p, parse(assignmentInput, assignmentFromForm(values)))).id;
		} catch (e) {
			return pageFailure(e, values, 'create');
		}
		redirect(303, `/assignments/${id}?created=1`);
	}
};
