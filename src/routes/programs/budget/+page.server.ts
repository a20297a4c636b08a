import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { orErrorPage } from '#lib/server/organisations/views';
import { MAX_YEAR, MIN_YEAR } from '#lib/server/programs/budget-rules';
import { budgetReport } from '#lib/server/programs/budget-service';
import { reportView } from '#lib/server/programs/budget-views';
import { m } from '#lib/paraglide/messages.js';

/** `?year=2024` a year's report; no year: the summary over all years. */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const raw = event.url.searchParams.get('year');
	const year = raw ? Number(raw) : null;
	if (year !== null && (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)) error(400, m.error_invalid_input());
	const report = await orErrorPage(() => budgetReport(getContext().db, p, year));
	return { report: reportView(report) };
};
