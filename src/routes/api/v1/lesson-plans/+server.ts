import { endpoint } from '#lib/server/http/api';
import { lessonPlanInput, lessonPlansQuery } from '#lib/server/learning/inputs';
import { createLessonPlan, listLessonPlans } from '#lib/server/learning/service';

export const GET = endpoint({ query: lessonPlansQuery }, async ({ db, p, query }) => ({ items: await listLessonPlans(db, p, query) }));
export const POST = endpoint({ body: lessonPlanInput, status: 201 }, ({ db, p, body }) => createLessonPlan(db, p, body));
