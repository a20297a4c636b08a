import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { discardUploads, readPlainForm, readUploads } from '#lib/server/files/upload';
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
	/** Multipart (the documents streamed into the store, removed again if refused), or a plain form without documents. */
	publish: async (event) => {
		const p = requirePrincipal(event);
		const { db } = getContext();
		let v: Record<string, string | undefined> = {};
		let id: string;
		try {
			// Someone who may publish from nowhere is refused before a byte is stored.
			if (!(await publisherUnits(db, p)).length) error(403, m.ui_error_forbidden());
			const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
			const upload = multipart ? await readUploads(event.request) : await readPlainForm(event.request);
			v = upload.fields;
			let input;
			try {
				input = parse(publicationInput, {
					orgUnitId: v.orgUnitId,
					kind: v.kind,
					title: v.title,
					body: v.body ?? '',
					attachmentUrl: v.attachmentUrl ?? null,
					audience: v.audience,
					levels: upload.all.levels ?? [],
					public: v.public === 'on'
				});
			} catch (e) {
				await discardUploads(upload.files);
				throw e;
			}
			id = (await publish(db, p, input, upload.files)).id;
		} catch (e) {
			// A file's own refusal (empty, too large …) is kept as it is, not taken for an empty field.
			return pageFailure(e, { ...v, file: '' }, 'publish');
		}
		redirect(303, `/programs/publications/${id}`);
	}
};
