import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { idOr404, isUuid, orErrorPage } from '#lib/server/organisations/views';
import { discardUploads, readUploads, type StoredUpload } from '#lib/server/files/upload';
import { returnInput } from '#lib/server/programs/survey-inputs';
import { getResponse, myResponseFor, returnResponse, saveResponseDraft, submitResponse } from '#lib/server/programs/survey-service';
import { answersFromForm, fieldsFromAnswers } from '#lib/server/programs/survey-views';
import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

/** The response meant: `?response=<id>` (officers from the board, a leader of several schools), else the caller's school's. */
async function responseId(event: Pick<RequestEvent, 'url' | 'params' | 'locals'>) {
	const surveyId = idOr404(event.params.id);
	const given = event.url.searchParams.get('response');
	const id = isUuid(given) ? given : await myResponseFor(getContext().db, event.locals.principal!, surveyId);
	return { surveyId, id };
}

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	return orErrorPage(async () => {
		const { surveyId, id } = await responseId(event);
		const r = await getResponse(getContext().db, p, id);
		if (r.surveyId !== surveyId) throw new NotFoundError(m.error_not_found());
		return { response: r, fields: fieldsFromAnswers(r.survey.definition, r.answers) };
	});
};

async function write(event: RequestEvent, mode: 'save' | 'submit') {
	const p = requirePrincipal(event);
	let uploads: StoredUpload[] = [];
	let v: Record<string, string | undefined> = {};
	try {
		if (/^multipart\/form-data/i.test(event.request.headers.get('content-type') ?? '')) ({ fields: v, files: uploads } = await readUploads(event.request));
		else v = formObject(await event.request.formData());
		const { surveyId, id } = await responseId(event);
		const db = getContext().db;
		const r = await getResponse(db, p, id);
		if (r.surveyId !== surveyId) throw new NotFoundError(m.error_not_found());
		const input = { version: Number(v.version), answers: answersFromForm(r.survey.definition, v) };
		if (mode === 'save') await saveResponseDraft(db, p, id, input, new Date(), uploads);
		else await submitResponse(db, p, id, input, new Date(), uploads);
	} catch (e) {
		await discardUploads(uploads);
		return formFailure(e, v, mode);
	}
	return { done: mode };
}

export const actions: Actions = {
	save: (event) => write(event, 'save'),
	submit: (event) => write(event, 'submit'),
	return: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			const { id } = await responseId(event);
			await returnResponse(getContext().db, p, id, parse(returnInput, { reason: v.reason ?? '' }).reason);
		} catch (e) {
			return formFailure(e, v, 'return');
		}
		return { done: 'return' };
	}
};
