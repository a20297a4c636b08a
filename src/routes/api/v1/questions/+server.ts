import { endpoint } from '#lib/server/http/api';
import { questionInput, questionsQuery } from '#lib/server/learning/elearning-inputs';
import { createQuestion, listQuestions } from '#lib/server/learning/elearning';

export const GET = endpoint({ query: questionsQuery }, async ({ db, p, query }) => ({ items: await listQuestions(db, p, query) }));
export const POST = endpoint({ body: questionInput, status: 201 }, ({ db, p, body }) => createQuestion(db, p, body));
