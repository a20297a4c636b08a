import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { publicationInput } from '#lib/server/programs/publication-inputs';
import { listPublications, publish, publisherUnits } from '#lib/server/programs/publication-service';
import { PUBLICATION_AUDIENCES, PUBLICATION_KINDS } from '#lib/server/programs/publication-rules';
import { PILOT_LEVELS } from '#lib/server/programs/pilot-rules';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'read', 'publication')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const rows = await orErrorPage(() => listPublications(db, p));
	const units = await publisherUnits(db, p);
	return {
		items: rows.map((x) => ({ id: x.id, kind: x.kind, title: x.title, audience: x.audience, publishedAt: x.publishedAt, read: x.read, public: x.public, withdrawn: x.withdrawnAt !== null })),
		units: units.map((u) => ({ id: u.id, name: u.name })),
		kinds: PUBLICATION_KINDS,
		audiences: PUBLICATION_AUDIENCES,
		levels: PILOT_LEVELS
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const v = formObject(form);
		let id: string;
		try {
			const input = parse(publicationInput, {
				orgUnitId: v.orgUnitId,
				kind: v.kind,
				title: v.title,
				body: v.body ?? '',
				attachmentUrl: v.attachmentUrl ?? null,
				audience: v.audience,
				levels: form.getAll('levels').map(String),
				public: v.public === 'on'
			});
			id = (await publish(getContext().db, p, input)).id;
		} catch (e) {
			return pageFailure(e, v, 'publish');
		}
		redirect(303, `/programs/publications/${id}`);
	}
};
