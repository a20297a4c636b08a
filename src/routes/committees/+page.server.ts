import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { committeeInput } from '#lib/server/community/inputs';
import { committeeCreateChoices, createCommittee, listCommittees } from '#lib/server/community/committees';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'parent_committee')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const committees = await orErrorPage(() => listCommittees(db, p));
	const choices = mayEver(p, 'create', 'parent_committee') ? await committeeCreateChoices(db, p) : { classes: [], schools: [] };
	return { committees, places: [...choices.schools.map((s) => ({ value: `school:${s.id}`, label: s.name })), ...choices.classes.map((c) => ({ value: `class:${c.id}`, label: m.club_cmt_class({ name: c.name }) }))] };
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			const [where, placeId] = (v.place ?? '').split(':');
			id = (await createCommittee(getContext().db, p, parse(committeeInput, { classId: where === 'class' ? placeId : null, schoolId: where === 'school' ? placeId : null, name: v.name }))).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/committees/${id}`);
	}
};
