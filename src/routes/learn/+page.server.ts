import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { learnerOverview } from '#lib/server/learning/elearning';
import { learnerChoice } from '#lib/server/learning/elearning-views';
import { orErrorPage } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const choice = await learnerChoice(db, p, event.url.searchParams.get('learnerId'));
	if (!choice.learnerId) error(403, m.ui_error_forbidden());
	const overview = await orErrorPage(() => learnerOverview(db, p, choice.learnerId!));
	return { ...choice, ...overview };
};
