import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { idOr404 } from '#lib/server/organisations/views';
import { AppError } from '#lib/server/errors';
import { pdfResponse } from '#lib/server/platform/pdf';
import { certificatePdf } from '#lib/server/programs/training-certificate';

/** The certificate download from the course page (the session's person); a refusal is the error page with its reason. */
export const GET: RequestHandler = async (event) => {
	const p = requirePrincipal(event);
	try {
		return pdfResponse(await certificatePdf(getContext().db, p, idOr404(event.params.id), idOr404(event.params.enrolmentId)));
	} catch (e) {
		if (e instanceof AppError) error(e.status, e.message);
		throw e;
	}
};
