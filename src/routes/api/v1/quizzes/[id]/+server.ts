import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getQuiz } from '#lib/server/learning/elearning';

export const GET = endpoint({}, ({ db, p, event }) => getQuiz(db, p, parse(idParam, event.params).id));
