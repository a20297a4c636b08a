import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { memberParams, membershipDecision } from '#lib/server/community/inputs';
import { decideMembership, leaveClub } from '#lib/server/community/clubs';

export const PUT = endpoint({ body: membershipDecision }, ({ db, p, event, body }) => {
	const { id, personId } = parse(memberParams, event.params);
	return decideMembership(db, p, id, personId, body);
});

export const DELETE = endpoint({}, async ({ db, p, event }) => {
	const { id, personId } = parse(memberParams, event.params);
	await leaveClub(db, p, id, personId);
});
