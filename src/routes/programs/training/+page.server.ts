import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { courseInput, targetsInput } from '#lib/server/programs/training-inputs';
import { createCourse, listCourses, organiserUnits } from '#lib/server/programs/training-service';
import { setTargets, targetsBoard } from '#lib/server/programs/training-board';
import { courseFromForm } from '#lib/server/programs/training-views';
import { TARGET_GROUPS, TARGET_KEYS } from '#lib/server/programs/training-rules';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { ForbiddenError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

const thisYear = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'training_course')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const year = Number(event.url.searchParams.get('year')) || thisYear();
	if (year < 2020 || year > 2100) error(400, m.error_invalid_input());
	const courses = await orErrorPage(() => listCourses(db, p, {}));
	const board = await targetsBoard(db, p, year).catch((e) => {
		if (e instanceof ForbiddenError) return null;
		throw e;
	});
	return {
		year,
		courses: courses.map((c) => ({ id: c.id, title: c.title, targetGroup: c.targetGroup, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status, organiser: c.organiser, sessions: c.sessions, enrolled: c.enrolled, completed: c.completed, capacity: c.capacity })),
		board,
		units: await organiserUnits(db, p),
		groups: TARGET_GROUPS,
		targetKeys: TARGET_KEYS
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createCourse(getContext().db, p, parse(courseInput, courseFromForm(v)))).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/programs/training/${id}`);
	},
	targets: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			const targets = TARGET_KEYS.filter((k) => v[k] !== undefined).map((k) => ({ key: k, value: Number(v[k]!.replace(',', '.')) }));
			await setTargets(getContext().db, p, parse(targetsInput, { programYear: Number(v.programYear), targets }));
		} catch (e) {
			return pageFailure(e, v, 'targets');
		}
		return { done: 'targets' };
	}
};
