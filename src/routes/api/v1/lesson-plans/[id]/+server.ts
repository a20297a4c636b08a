import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonPlanPatch } from '#lib/server/learning/inputs';
import { getLessonPlan, updateLessonPlan } from '#lib/server/learning/service';

export const GET = endpoint({}, ({ db, p, event }) => getLessonPlan(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: lessonPlanPatch }, ({ db, p, event, body }) => updateLessonPlan(db, p, parse(idParam, event.params).id, body));
