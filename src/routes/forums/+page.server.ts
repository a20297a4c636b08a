import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { listSpaces } from '#lib/server/community/forums';
import { orErrorPage } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'forum_space')) error(403, m.ui_error_forbidden());
	return { spaces: await orErrorPage(() => listSpaces(getContext().db, p)) };
};
