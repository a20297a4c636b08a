import { endpoint } from '#lib/server/http/api';
import { courseInput, coursesQuery } from '#lib/server/programs/training-inputs';
import { createCourse, listCourses } from '#lib/server/programs/training-service';

export const GET = endpoint({ query: coursesQuery }, async ({ db, p, query }) => ({ items: await listCourses(db, p, query) }));
export const POST = endpoint({ body: courseInput, status: 201 }, ({ db, p, body }) => createCourse(db, p, body));
