import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { feedbackInput } from '#lib/server/events/inputs';
import { cancelEvent, cancelRegistration, getEvent, giveFeedback, recordAttendance, register } from '#lib/server/events/service';
import { idOr404, isUuid, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { ValidationError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return orErrorPage(() => getEvent(getContext().db, p, idOr404(event.params.id)));
};

/** Runs one form of the page; a failure names the form (and the person it was for) so it shows in place. */
async function run(event: RequestEvent, name: string, work: (id: string, form: FormData, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const form = await event.request.formData();
	const v = formObject(form);
	try {
		await work(id, form, v);
	} catch (e) {
		return pageFailure(e, v, [name, v.personId].filter(Boolean).join(':'));
	}
	return { done: name };
}

const person = (v: Record<string, string | undefined>) => {
	if (!isUuid(v.personId)) throw new ValidationError(m.error_invalid_input(), [{ path: 'personId', message: m.error_invalid_input() }]);
	return v.personId;
};

export const actions: Actions = {
	register: (event) => run(event, 'register', (id, _f, v) => register(getContext().db, event.locals.principal!, id, person(v))),
	cancel: (event) => run(event, 'cancel', (id, _f, v) => cancelRegistration(getContext().db, event.locals.principal!, id, person(v))),
	/** The attendance sheet: one checkbox per confirmed registrant (`attended` = their ids), every row listed in `personId`. */
	attendance: (event) =>
		run(event, 'attendance', (id, f) => {
			const present = new Set(f.getAll('attended').map(String));
			const rows = f.getAll('row').map(String).filter(isUuid).map((personId) => ({ personId, attended: present.has(personId) }));
			if (!rows.length) throw new ValidationError(m.evt_attendance_empty());
			return recordAttendance(getContext().db, event.locals.principal!, id, rows);
		}),
	feedback: (event) => run(event, 'feedback', (id, _f, v) => giveFeedback(getContext().db, event.locals.principal!, id, parse(feedbackInput, { personId: person(v), rating: v.rating ? Number(v.rating) : undefined, comment: v.comment ?? '' }))),
	cancelEvent: (event) => run(event, 'cancelEvent', (id) => cancelEvent(getContext().db, event.locals.principal!, id))
};
