import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { discardUploads, readUploads } from '#lib/server/files/upload';
import { evidenceInput, milestoneInput, milestonePatch, pilotSitePatch } from '#lib/server/programs/pilot-inputs';
import { addEvidence, addMilestone, getSite, setMilestoneStatus, updateSite } from '#lib/server/programs/pilot-service';
import { PILOT_PHASES, STORED_MILESTONE_STATUSES } from '#lib/server/programs/pilot-rules';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const site = await orErrorPage(() => getSite(getContext().db, p, idOr404(event.params.id)));
	return { site, phases: PILOT_PHASES, statuses: STORED_MILESTONE_STATUSES };
};

async function run(event: RequestEvent, name: string, work: (id: string, v: Record<string, string | undefined>) => Promise<unknown>) {
	const p = requirePrincipal(event);
	const id = idOr404(event.params.id);
	const v = formObject(await event.request.formData());
	try {
		await getSite(getContext().db, p, id);
		await work(id, v);
	} catch (e) {
		return pageFailure(e, v, [name, v.milestoneId].filter(Boolean).join(':'));
	}
	return { done: name };
}

export const actions: Actions = {
	/** The responsible person and the phases' dates; a phase left blank keeps its dates. */
	site: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		const v = formObject(await event.request.formData());
		const given = PILOT_PHASES.filter((ph) => v[`${ph}StartsOn`] || v[`${ph}EndsOn`]);
		// The service names a phase by its place in the list; the form by its own fields.
		const values: Record<string, string | undefined> = { ...v };
		given.forEach((ph, i) => Object.assign(values, { [`phases.${i}.startsOn`]: v[`${ph}StartsOn`] ?? '', [`phases.${i}.endsOn`]: v[`${ph}EndsOn`] ?? '' }));
		try {
			const input = parse(pilotSitePatch, { responsible: v.responsible ?? '', phases: given.map((ph) => ({ phase: ph, startsOn: v[`${ph}StartsOn`], endsOn: v[`${ph}EndsOn`] })) });
			await updateSite(getContext().db, p, id, input);
		} catch (e) {
			return pageFailure(e, values, 'site');
		}
		return { done: 'site' };
	},
	milestone: (event) =>
		run(event, 'milestone', (id, v) => addMilestone(getContext().db, event.locals.principal!, id, parse(milestoneInput, { title: v.title, dueOn: v.dueOn, phase: v.phase || null, responsible: v.responsible ?? '' }))),
	status: (event) => run(event, 'status', (id, v) => setMilestoneStatus(getContext().db, event.locals.principal!, id, idOr404(v.milestoneId ?? ''), parse(milestonePatch, { status: v.status }).status)),
	/** Evidence with an optional file; the milestone rides in the query so a refused upload still shows in place. */
	evidence: async (event) => {
		const p = requirePrincipal(event);
		const milestoneId = event.url.searchParams.get('milestoneId') ?? '';
		let fields: Record<string, string | undefined> = {};
		try {
			const id = idOr404(event.params.id);
			const msId = idOr404(milestoneId);
			await getSite(getContext().db, p, id);
			const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
			const upload = multipart ? await readUploads(event.request, { maxFiles: 1 }) : { fields: formObject(await event.request.formData()), files: [] };
			fields = upload.fields;
			let input;
			try {
				input = { ...parse(evidenceInput, { note: fields.note ?? '', url: fields.url ?? null }), upload: upload.files[0] };
			} catch (e) {
				await discardUploads(upload.files);
				throw e;
			}
			await addEvidence(getContext().db, p, id, msId, input);
		} catch (e) {
			return pageFailure(e, fields, `evidence:${milestoneId}`);
		}
		return { done: 'evidence' };
	}
};
