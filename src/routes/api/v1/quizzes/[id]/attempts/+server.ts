import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getAttempt, startAttempt } from '#lib/server/learning/elearning';

export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => getAttempt(db, p, (await startAttempt(db, p, parse(idParam, event.params).id)).id));
