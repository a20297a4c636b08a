import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { questionInput } from '#lib/server/learning/elearning-inputs';
import { getQuestion, updateQuestion } from '#lib/server/learning/elearning';

export const GET = endpoint({}, ({ db, p, event }) => getQuestion(db, p, parse(idParam, event.params).id));
export const PUT = endpoint({ body: questionInput }, ({ db, p, event, body }) => updateQuestion(db, p, parse(idParam, event.params).id, body));
