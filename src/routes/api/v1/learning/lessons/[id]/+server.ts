import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { learnerQuery } from '#lib/server/learning/elearning-inputs';
import { learnerLesson } from '#lib/server/learning/elearning';

export const GET = endpoint({ query: learnerQuery }, ({ db, p, event, query }) => learnerLesson(db, p, parse(idParam, event.params).id, query.learnerId ?? p.personId));
