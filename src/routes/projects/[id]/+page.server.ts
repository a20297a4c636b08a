import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { evidenceInput, feedbackInput, finalProductInput, milestoneInput, teamInput } from '#lib/server/learning/projects-inputs';
import { addMilestone, addTeam, getProject, giveFeedback, postEvidence, setFinalProduct } from '#lib/server/learning/projects';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const pr = await orErrorPage(() => getProject(getContext().db, p, idOr404(event.params.id)));
	return {
		project: {
			id: pr.id,
			title: pr.title,
			description: pr.description,
			drivingQuestion: pr.drivingQuestion,
			className: pr.className,
			place: pr.place,
			mentorName: pr.mentorName,
			milestones: pr.milestones,
			teams: pr.teams,
			teamCount: pr.teamCount
		},
		canManage: pr.canManage,
		learners: pr.learners
	};
};

/** Runs one form: the failure names the form (and its team and milestone) so the page shows it in place. */
async function run(event: RequestEvent, name: string, work: (id: string, form: FormData, v: Record<string, string | undefined>) => Promise<unknown>) {
	const p = requirePrincipal(event);
	const id = idOr404(event.params.id);
	const form = await event.request.formData();
	const v = formObject(form);
	const key = [name, v.teamId, v.milestoneId].filter(Boolean).join(':');
	try {
		await getProject(getContext().db, p, id);
		await work(id, form, v);
	} catch (e) {
		return pageFailure(e, v, key);
	}
	return { done: name };
}

const ids = (v: Record<string, string | undefined>) => ({ teamId: idOr404(v.teamId ?? ''), milestoneId: idOr404(v.milestoneId ?? '') });

export const actions: Actions = {
	addTeam: (event) => run(event, 'addTeam', (id, f, v) => addTeam(getContext().db, event.locals.principal!, id, parse(teamInput, { name: v.name, learnerIds: f.getAll('learnerIds').map(String) }))),
	addMilestone: (event) => run(event, 'addMilestone', (id, _f, v) => addMilestone(getContext().db, event.locals.principal!, id, parse(milestoneInput, { title: v.title, dueOn: v.dueOn }))),
	evidence: (event) =>
		run(event, 'evidence', (_id, _f, v) => {
			const { teamId, milestoneId } = ids(v);
			return postEvidence(getContext().db, event.locals.principal!, teamId, milestoneId, parse(evidenceInput, { text: v.text ?? '', url: v.url ?? null }));
		}),
	feedback: (event) =>
		run(event, 'feedback', (_id, _f, v) => {
			const { teamId, milestoneId } = ids(v);
			return giveFeedback(getContext().db, event.locals.principal!, teamId, milestoneId, parse(feedbackInput, { body: v.body }));
		}),
	finalProduct: (event) => run(event, 'finalProduct', (_id, _f, v) => setFinalProduct(getContext().db, event.locals.principal!, idOr404(v.teamId ?? ''), parse(finalProductInput, { text: v.text ?? '', url: v.url ?? null })))
};
