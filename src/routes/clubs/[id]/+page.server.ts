import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { activityInput, clubPostInput, membershipDecision, showcaseInput } from '#lib/server/community/inputs';
import { addActivity, addClubPost, addShowcaseItem, decideMembership, getClub, leaveClub, recordAttendance, requestMembership } from '#lib/server/community/clubs';
import { vietnamMoment } from '#lib/server/learning/assignment-views';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { discardUploads, readUploads } from '#lib/server/files/upload';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const club = await orErrorPage(() => getClub(getContext().db, p, idOr404(event.params.id)));
	return { club };
};

/** Runs one form; a failure names the form (and its activity) so the page shows it in place. */
async function run(event: RequestEvent, name: string, work: (id: string, form: FormData, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const form = await event.request.formData();
	const v = formObject(form);
	try {
		await work(id, form, v);
	} catch (e) {
		return pageFailure(e, v, [name, v.activityId].filter(Boolean).join(':'));
	}
	return { done: name };
}

const db = () => getContext().db;

export const actions: Actions = {
	join: (event) => run(event, 'join', (id) => requestMembership(db(), event.locals.principal!, id)),
	leave: (event) => run(event, 'leave', (id) => leaveClub(db(), event.locals.principal!, id, event.locals.principal!.personId)),
	decide: (event) => run(event, 'decide', (id, _f, v) => decideMembership(db(), event.locals.principal!, id, idOr404(v.personId ?? ''), parse(membershipDecision, { decision: v.decision }))),
	activity: (event) =>
		run(event, 'activity', (id, _f, v) => addActivity(db(), event.locals.principal!, id, parse(activityInput, { title: v.title, startsAt: vietnamMoment(v.startsAt), place: v.place ?? '', description: v.description ?? '' }))),
	attendance: (event) => run(event, 'attendance', (id, f, v) => recordAttendance(db(), event.locals.principal!, id, idOr404(v.activityId ?? ''), { presentIds: f.getAll('present').map(String) })),
	post: (event) => run(event, 'post', (id, _f, v) => addClubPost(db(), event.locals.principal!, id, parse(clubPostInput, { title: v.title, body: v.body }))),
	/** A product with an optional file: the form is multipart, streamed into the store (a plain form post is taken as well). */
	showcase: async (event) => {
		const p = requirePrincipal(event);
		let fields: Record<string, string | undefined> = {};
		try {
			const id = idOr404(event.params.id);
			const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
			const upload = multipart ? await readUploads(event.request, { maxFiles: 1 }) : { fields: formObject(await event.request.formData()), files: [] };
			fields = upload.fields;
			let input;
			try {
				input = parse(showcaseInput, { title: fields.title, description: fields.description ?? '', url: fields.url || null });
			} catch (e) {
				await discardUploads(upload.files); // a refused form leaves no file behind
				throw e;
			}
			await addShowcaseItem(db(), p, id, { ...input, upload: upload.files[0] });
		} catch (e) {
			return pageFailure(e, fields, 'showcase');
		}
		return { done: 'showcase' };
	}
};
