import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { readUploads } from '#lib/server/files/upload';
import { discardUploads } from '#lib/server/files/upload';
import { messageInput, reportInput } from '#lib/server/messaging/inputs';
import { getConversation, markRead, postMessage, reportMessage } from '#lib/server/messaging/service';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const conversation = await orErrorPage(() => getConversation(db, p, id));
	// Opening the thread reads it (the read pointer moves; the author's receipts count it).
	await markRead(db, p, id);
	return { conversation };
};

export const actions: Actions = {
	/** A reply, with up to 5 files: the form is multipart; a plain form post is taken as well. */
	reply: async (event) => {
		const p = requirePrincipal(event);
		let fields: Record<string, string | undefined> = {};
		try {
			const id = idOr404(event.params.id);
			const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
			const upload = multipart ? await readUploads(event.request) : { fields: formObject(await event.request.formData()), files: [] };
			fields = upload.fields;
			let input;
			try {
				input = parse(messageInput, { body: fields.body ?? '' });
			} catch (e) {
				await discardUploads(upload.files);
				throw e;
			}
			await postMessage(getContext().db, p, id, input, upload.files);
		} catch (e) {
			return pageFailure(e, fields, 'reply');
		}
		return { done: 'reply' };
	},
	report: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await reportMessage(getContext().db, p, idOr404(v.messageId ?? ''), parse(reportInput, { reason: v.reason ?? '' }));
		} catch (e) {
			return pageFailure(e, v, `report:${v.messageId}`);
		}
		return { done: 'report' };
	}
};
