import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { meetingInput } from '#lib/server/events/inputs';
import { createMeeting, inviteeChoices, listMeetings, meetingClasses } from '#lib/server/events/meetings';
import { organiserHosts } from '#lib/server/events/service';
import { MEETING_FOR_KINDS } from '#lib/server/events/rules';
import { meetingFromForm } from '#lib/server/events/views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const rows = await orErrorPage(() => listMeetings(db, p));
	const mayCreate = mayEver(p, 'create', 'meeting');
	const [classes, hosts, people] = mayCreate ? await Promise.all([meetingClasses(db, p), organiserHosts(db, p, 'meeting'), inviteeChoices(db, p)]) : [[], [], []];
	return {
		meetings: rows.map((r) => ({ id: r.id, title: r.title, forKind: r.forKind, startsAt: r.startsAt, endsAt: r.endsAt, organiser: r.organiser, myResponse: r.myResponse, invited: r.invited, cancelled: !!r.cancelledAt })),
		canCreate: classes.length > 0 || hosts.length > 0,
		classes,
		hosts,
		people,
		forKinds: MEETING_FOR_KINDS
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const v = formObject(form);
		let id: string;
		try {
			id = (await createMeeting(getContext().db, p, parse(meetingInput, meetingFromForm(v, form.getAll('inviteeIds').map(String))))).id;
		} catch (e) {
			return pageFailure(e, v, 'create');
		}
		redirect(303, `/meetings/${id}`);
	}
};
