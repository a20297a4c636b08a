import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { courseDocuments, listCourses } from '#lib/server/programs/training-service';
import { ONLINE_GROUPS } from '#lib/server/programs/training-rules';
import { m } from '#lib/paraglide/messages.js';

/** The online training materials for learners and parents (courses of their audience along their path). */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'training_course')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const courses = (await listCourses(db, p, {})).filter((c) => ONLINE_GROUPS.includes(c.targetGroup) && c.status !== 'cancelled');
	const documents = await courseDocuments(db, courses.map((c) => c.id));
	return {
		courses: courses.map((c) => ({ id: c.id, title: c.title, description: c.description, targetGroup: c.targetGroup, organiser: c.organiser, materials: c.materials, documents: (documents.get(c.id) ?? []).map((f) => ({ id: f.id, name: f.name })) }))
	};
};
