import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { readUploads } from '#lib/server/files/upload';
import { evidenceInput, feedbackInput, finalProductInput, mentorInput, milestoneInput, teamInput } from '#lib/server/learning/projects-inputs';
import { addMilestone, addTeam, getProject, giveFeedback, postEvidence, setFinalProduct, setMentor } from '#lib/server/learning/projects';
import { vettedMentorChoices } from '#lib/server/network/service';
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
			mentorId: pr.mentorId,
			milestones: pr.milestones,
			teams: pr.teams,
			teamCount: pr.teamCount
		},
		canManage: pr.canManage,
		learners: pr.learners,
		// Only vetted network members covering the class may mentor it.
		mentors: pr.canManage ? await vettedMentorChoices(getContext().db, [pr.path]) : []
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
	setMentor: (event) => run(event, 'setMentor', (id, _f, v) => setMentor(getContext().db, event.locals.principal!, id, parse(mentorInput, { mentorId: v.mentorId ?? null }).mentorId)),
	addMilestone: (event) => run(event, 'addMilestone', (id, _f, v) => addMilestone(getContext().db, event.locals.principal!, id, parse(milestoneInput, { title: v.title, dueOn: v.dueOn }))),
	/** Evidence with an optional file: streamed into the store; the team and milestone ride in the query so a refused upload still shows in place. */
	evidence: async (event) => {
		const p = requirePrincipal(event);
		const q = { teamId: event.url.searchParams.get('teamId') ?? '', milestoneId: event.url.searchParams.get('milestoneId') ?? '' };
		const key = `evidence:${q.teamId}:${q.milestoneId}`;
		let fields: Record<string, string | undefined> = {};
		try {
			await getProject(getContext().db, p, idOr404(event.params.id));
			const { teamId, milestoneId } = ids(q);
			// The page's form is multipart (it may carry a file); a plain form post is taken as well.
			const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
			const upload = multipart ? await readUploads(event.request, { maxFiles: 1 }) : { fields: formObject(await event.request.formData()), files: [] };
			fields = upload.fields;
			await postEvidence(getContext().db, p, teamId, milestoneId, { ...parse(evidenceInput, { text: fields.text ?? '', url: fields.url ?? null }), upload: upload.files[0] });
		} catch (e) {
			return pageFailure(e, fields, key);
		}
		return { done: 'evidence' };
	},
	feedback: (event) =>
		run(event, 'feedback', (_id, _f, v) => {
			const { teamId, milestoneId } = ids(v);
			return giveFeedback(getContext().db, event.locals.principal!, teamId, milestoneId, parse(feedbackInput, { body: v.body }));
		}),
	finalProduct: (event) => run(event, 'finalProduct', (_id, _f, v) => setFinalProduct(getContext().db, event.locals.principal!, idOr404(v.teamId ?? ''), parse(finalProductInput, { text: v.text ?? '', url: v.url ?? null })))
};
