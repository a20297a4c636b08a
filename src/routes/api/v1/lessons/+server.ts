import { endpoint } from '#lib/server/http/api';
import { lessonInput, lessonsQuery } from '#lib/server/learning/elearning-inputs';
import { createLesson, listLessons } from '#lib/server/learning/elearning';

export const GET = endpoint({ query: lessonsQuery }, async ({ db, p, query }) => ({ items: await listLessons(db, p, query) }));
export const POST = endpoint({ body: lessonInput, status: 201 }, ({ db, p, body }) => createLesson(db, p, body));
