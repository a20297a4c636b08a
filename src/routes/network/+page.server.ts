import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { invitationInput, membersQuery } from '#lib/server/network/inputs';
import { invite, listEngagements, myMembership, searchMembers, updateProfile } from '#lib/server/network/service';
import { profileFromForm } from '#lib/server/network/views';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const mine = await myMembership(db, p);
	// Searching is for school staff, leaders and officers (who request or vet), not for members.
	const canSearch = mayEver(p, 'create', 'engagement') || mayEver(p, 'create', 'network_vetting');
	const canVet = mayEver(p, 'create', 'network_vetting');
	// A hand-edited address (?offer=foo) shows the error page with the message, not a 500.
	const query = canSearch ? await orErrorPage(async () => parse(membersQuery, Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== '')))) : {};
	const [results, pending, engagements] = await Promise.all([
		canSearch ? orErrorPage(() => searchMembers(db, p, query)) : [],
		canVet ? orErrorPage(() => searchMembers(db, p, { status: 'pending' })) : [],
		mine && mayEver(p, 'read', 'engagement') ? listEngagements(db, p, { memberId: mine.id }) : []
	]);
	return { mine, canSearch, canVet, query, results, pending, myRequests: engagements.filter((e) => e.status === 'requested').length };
};

export const actions: Actions = {
	profile: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const v = formObject(form);
		try {
			const mine = await myMembership(getContext().db, p);
			if (!mine) return { done: null };
			await updateProfile(getContext().db, p, mine.id, profileFromForm(form, v));
		} catch (e) {
			return pageFailure(e, v, 'profile');
		}
		return { done: 'profile' };
	},
	invite: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await invite(getContext().db, p, parse(invitationInput, { email: v.email, kind: v.kind }));
		} catch (e) {
			return pageFailure(e, v, 'invite');
		}
		return { done: 'invite' };
	}
};
