import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { announcementInput, directInput, projectChannelInput } from '#lib/server/messaging/inputs';
import { contactBookLinks } from '#lib/server/messaging/contact-book';
import { announceClasses, channelProjects, contactChoices, createProjectChannel, createAnnouncement, listConversations, startDirect } from '#lib/server/messaging/service';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'conversation')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const [list, contacts, classes, books, projects] = await Promise.all([orErrorPage(() => listConversations(db, p)), contactChoices(db, p), announceClasses(db, p), contactBookLinks(db, p), channelProjects(db, p)]);
	return { ...list, contacts, classes, books, projects, mayReview: mayEver(p, 'read', 'message_report') };
};

export const actions: Actions = {
	start: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await startDirect(getContext().db, p, parse(directInput, { personId: v.personId, body: v.body ?? '' }))).id;
		} catch (e) {
			return pageFailure(e, v, 'start');
		}
		redirect(303, `/messages/${id}`);
	},
	announce: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createAnnouncement(getContext().db, p, parse(announcementInput, { classId: v.classId, title: v.title ?? '', body: v.body ?? '', repliesAllowed: v.repliesAllowed === 'on' }))).id;
		} catch (e) {
			return pageFailure(e, v, 'announce');
		}
		redirect(303, `/messages/${id}`);
	},
	channel: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createProjectChannel(getContext().db, p, parse(projectChannelInput, { projectId: v.projectId, title: v.title ?? '', includeMentor: v.includeMentor === 'on' }))).id;
		} catch (e) {
			return pageFailure(e, v, 'channel');
		}
		redirect(303, `/messages/${id}`);
	}
};
