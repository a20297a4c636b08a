import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { guardianInput } from '#lib/server/people/inputs';
import { linkGuardian } from '#lib/server/people/service';

export const POST = endpoint({ body: guardianInput, status: 201 }, async ({ db, p, body, event }) => {
	await linkGuardian(db, p, parse(idParam, event.params).id, body);
	return { guardianId: event.params.id, learnerId: body.learnerId, relation: body.relation };
});
