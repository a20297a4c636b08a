import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { submitInput } from '#lib/server/learning/elearning-inputs';
import { getAttempt, submitAttempt } from '#lib/server/learning/elearning';

export const POST = endpoint({ body: submitInput }, async ({ db, p, event, body }) => {
	const { id } = parse(idParam, event.params);
	await submitAttempt(db, p, id, body.answers);
	return getAttempt(db, p, id);
});
