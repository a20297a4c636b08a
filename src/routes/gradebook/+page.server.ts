import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { gradebookHome } from '#lib/server/gradebook/views';
import { orErrorPage, isUuid } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';


export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'grade')) error(403, m.ui_error_forbidden());
	// The leader's "open a grid" form is a GET: go straight to the grid.
	const classId = event.url.searchParams.get('classId') ?? '';
	const subjectId = event.url.searchParams.get('subjectId') ?? '';
	if (isUuid(classId) && isUuid(subjectId)) redirect(303, `/gradebook/${classId}/${subjectId}?term=${event.url.searchParams.get('term') === '2' ? 2 : 1}`);
	return orErrorPage(() => gradebookHome(getContext().db, p));
};
