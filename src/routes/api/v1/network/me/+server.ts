import { endpoint } from '#lib/server/http/api';
import { NotFoundError } from '#lib/server/errors';
import { myMembership } from '#lib/server/network/service';
import { m } from '#lib/paraglide/messages.js';

export const GET = endpoint({}, async ({ db, p }) => {
	const mine = await myMembership(db, p);
	if (!mine) throw new NotFoundError(m.error_not_found());
	return mine;
});
