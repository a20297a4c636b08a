import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { narrativeInput } from '#lib/server/programs/report-inputs';
import { decideReport, getReport, saveNarrative, submitReport } from '#lib/server/programs/report-service';
import { figureLabel, formatValue, groupFigures, sectionTitle } from '#lib/server/programs/report-export';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const r = await orErrorPage(() => getReport(getContext().db, p, idOr404(event.params.id)));
	return {
		report: { ...r, figures: undefined },
		groups: groupFigures(r.figures).map((g) => ({ group: g.group, title: g.title, figures: g.figures.map((f) => ({ key: f.key, label: figureLabel(f), value: formatValue(f), target: f.target == null ? null : formatValue({ value: f.target, unit: f.unit }), missing: f.value === null })) })),
		sections: r.sections.map((s) => ({ key: s, title: sectionTitle(s), text: r.narrative[s] }))
	};
};

async function run(event: RequestEvent, name: string, work: (id: string, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const v = formObject(await event.request.formData());
	try {
		await work(id, v);
	} catch (e) {
		return pageFailure(e, v, name);
	}
	return { done: name };
}

const narrative = (v: Record<string, string | undefined>) => parse(narrativeInput, { results: v.results ?? '', difficulties: v.difficulties ?? '', proposals: v.proposals ?? '', nextPlan: v.nextPlan ?? '' });

export const actions: Actions = {
	save: (event) => run(event, 'save', (id, v) => saveNarrative(getContext().db, event.locals.principal!, id, narrative(v))),
	submit: (event) => run(event, 'submit', (id, v) => submitReport(getContext().db, event.locals.principal!, id, narrative(v))),
	accept: (event) => run(event, 'accept', (id, v) => decideReport(getContext().db, event.locals.principal!, id, 'accept', v.comment ?? '')),
	return: (event) => run(event, 'return', (id, v) => decideReport(getContext().db, event.locals.principal!, id, 'return', v.comment ?? ''))
};
