import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { createReportInput, REPORTS_PAGE_SIZE, reportsQuery } from '#lib/server/programs/report-inputs';
import { createReport, listReports, myDeadlines, reportingOrgs, templateTitle } from '#lib/server/programs/report-service';
import { periodContaining, periodLabel, previousPeriod, REPORT_STATUSES, REPORT_TEMPLATES } from '#lib/server/programs/report-rules';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

/** The periods offered in the form: for each template the current one and the two before. */
function periodChoices(now = new Date()) {
	return REPORT_TEMPLATES.map((t) => {
		const cur = periodContaining(t, now);
		const list = [cur, previousPeriod(cur), previousPeriod(previousPeriod(cur))];
		return { template: t, title: templateTitle(t), options: list.map((p) => ({ value: `${t}|${p.key}`, label: `${templateTitle(t)} — ${periodLabel(p)}` })) };
	});
}

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'program_report')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const sp = event.url.searchParams;
	const raw = { template: sp.get('template') || undefined, period: sp.get('period') || undefined, status: sp.get('status') || undefined };
	const query = await orErrorPage(async () => parse(reportsQuery, { ...raw, cursor: sp.get('cursor') || undefined, limit: REPORTS_PAGE_SIZE }));
	const { items: reports, next } = await orErrorPage(() => listReports(db, p, query));
	const orgs = await reportingOrgs(db, p);
	// Plain links, so paging works without JavaScript; the filter goes along.
	const href = (cursor?: string) => {
		const q = new URLSearchParams(Object.entries({ ...raw, cursor }).filter((e): e is [string, string] => !!e[1]));
		const search = q.toString();
		return search ? `?${search}` : event.url.pathname;
	};
	const filter = { template: query.template, period: query.period, status: query.status };
	return {
		filter,
		firstPage: !query.cursor,
		nextHref: next ? href(next) : null,
		firstHref: query.cursor ? href() : null,
		templates: REPORT_TEMPLATES.map((t) => ({ value: t, label: templateTitle(t) })),
		statuses: REPORT_STATUSES,
		mine: reports.filter((r) => r.mine),
		toMe: reports.filter((r) => r.toMe && !r.mine),
		others: reports.filter((r) => !r.mine && !r.toMe),
		orgs: orgs.map((o) => ({ value: o.value, label: o.name })),
		deadlines: await myDeadlines(db, p),
		periods: periodChoices(),
		defaultPeriod: `quarterly|${periodContaining('quarterly', new Date()).key}`
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		const [template, period] = (v.choice ?? '').split('|');
		let id: string;
		try {
			id = (await createReport(getContext().db, p, parse(createReportInput, { template, period, org: v.org }))).id;
		} catch (e) {
			// The choice carries the template and the period: their issues are the choice's.
			return pageFailure(e, { ...v, template, period }, 'create');
		}
		redirect(303, `/programs/reports/${id}`);
	}
};
