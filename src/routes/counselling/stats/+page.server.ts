import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { caseStats } from '#lib/server/counselling/service';
import { orErrorPage } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'counselling_stats')) error(403, m.ui_error_forbidden());
	const schoolId = event.url.searchParams.get('schoolId') ?? undefined;
	return { stats: await orErrorPage(() => caseStats(getContext().db, p, { schoolId: schoolId && /^[0-9a-f-]{36}$/i.test(schoolId) ? schoolId : undefined })) };
};
