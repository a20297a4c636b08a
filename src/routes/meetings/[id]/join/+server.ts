import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { AppError } from '#lib/server/errors';
import { idOr404 } from '#lib/server/organisations/views';
import { joinMeeting } from '#lib/server/events/meetings';

/** Join through Sen: the attendance record keeps the first join, then on to the Jitsi room. */
export const GET: RequestHandler = async (event) => {
	const p = requirePrincipal(event);
	let url: string;
	try {
		url = await joinMeeting(getContext().db, p, idOr404(event.params.id));
	} catch (e) {
		if (e instanceof AppError) error(e.status, e.message);
		throw e;
	}
	// The room lies on the configured Jitsi server (SEN_JITSI_URL), never on a URL from the request.
	redirect(303, url, { external: true });
};
