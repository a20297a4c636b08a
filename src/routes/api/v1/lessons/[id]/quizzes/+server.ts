import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { quizInput } from '#lib/server/learning/elearning-inputs';
import { createQuiz } from '#lib/server/learning/elearning';

export const POST = endpoint({ body: quizInput, status: 201 }, ({ db, p, event, body }) => createQuiz(db, p, parse(idParam, event.params).id, body));
