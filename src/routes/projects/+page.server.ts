import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { projectInput } from '#lib/server/learning/projects-inputs';
import { createProject, listProjects, mentorChoices, projectClasses } from '#lib/server/learning/projects';
import { listPlaces } from '#lib/server/learning/places';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'project')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const rows = await orErrorPage(() => listProjects(db, p, {}));
	const canCreate = mayEver(p, 'create', 'project');
	const [classes, places, mentors] = canCreate ? await Promise.all([projectClasses(db, p), listPlaces(db, p, {}), mentorChoices(db, p)]) : [[], [], []];
	return {
		projects: rows.map((r) => ({ id: r.id, title: r.title, className: r.className, placeName: r.placeName, drivingQuestion: r.drivingQuestion })),
		canCreate: canCreate && classes.length > 0,
		classes,
		places: places.map((pl) => ({ id: pl.id, name: pl.name })),
		mentors
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			const input = parse(projectInput, { classId: v.classId, title: v.title, description: v.description ?? '', drivingQuestion: v.drivingQuestion ?? '', placeId: v.placeId ?? null, mentorId: v.mentorId ?? null });
			id = (await createProject(getContext().db, p, input)).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/projects/${id}`);
	}
};
