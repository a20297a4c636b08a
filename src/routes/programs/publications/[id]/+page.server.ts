import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { GoneError } from '#lib/server/errors';
import { publicationPatch, publicationWithdrawal } from '#lib/server/programs/publication-inputs';
import { attachDocuments, editPublication, removeDocument, mayCorrectPublication, openPublication, publicationReadsOf, withdrawPublication } from '#lib/server/programs/publication-service';
import { readUploads } from '#lib/server/files/upload';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

type Withdrawn = { title: string; withdrawnAt: Date; reason: string | null };

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	// Its audience following an old link to a withdrawn publication learns that it was withdrawn.
	const opened = await orErrorPage(() => openPublication(db, p, id).catch((e) => (e instanceof GoneError ? { gone: e.details as Withdrawn } : Promise.reject(e))));
	if ('gone' in opened) return { gone: opened.gone, pub: null, reads: null };
	const pub = opened;
	const reads = pub.canManage ? await publicationReadsOf(db, p, id) : null;
	return {
		gone: null,
		pub: {
			id: pub.id,
			kind: pub.kind,
			title: pub.title,
			body: pub.body,
			attachmentUrl: pub.attachmentUrl,
			audience: pub.audience,
			levels: pub.levels,
			public: pub.public,
			publishedAt: pub.publishedAt,
			editedAt: pub.editedAt,
			withdrawnAt: pub.withdrawnAt,
			withdrawalReason: pub.withdrawalReason,
			canManage: pub.canManage,
			files: pub.files.map((f) => ({ id: f.id, name: f.name, size: f.size }))
		},
		reads
	};
};

export const actions: Actions = {
	/** A correction of the title, body and attachment; an emptied attachment field removes the link. */
	edit: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		const form = await event.request.formData();
		const v = formObject(form);
		try {
			const input = parse(publicationPatch, { title: String(form.get('title') ?? ''), body: String(form.get('body') ?? ''), attachmentUrl: v.attachmentUrl ?? null });
			await editPublication(getContext().db, p, id, input);
		} catch (e) {
			return pageFailure(e, v, 'edit');
		}
		return { done: 'edit' };
	},
	/** Multipart: documents added to the publication (refused before a byte is stored to whom may not correct it). */
	attach: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		const { db } = getContext();
		try {
			await mayCorrectPublication(db, p, id);
			const upload = event.request.headers.get('content-type')?.startsWith('multipart/form-data') ? await readUploads(event.request) : { files: [] };
			await attachDocuments(db, p, id, upload.files);
		} catch (e) {
			return formFailure(e, {}, 'attach');
		}
		return { done: 'attach' };
	},
	removeDocument: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		const v = formObject(await event.request.formData());
		try {
			await removeDocument(getContext().db, p, id, idOr404(v.fileId ?? ''));
		} catch (e) {
			return formFailure(e, {}, 'removeDocument');
		}
		return { done: 'removeDocument' };
	},
	withdraw: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		const v = formObject(await event.request.formData());
		try {
			await withdrawPublication(getContext().db, p, id, parse(publicationWithdrawal, { reason: v.reason ?? null }));
		} catch (e) {
			return pageFailure(e, v, 'withdraw');
		}
		return { done: 'withdraw' };
	}
};
