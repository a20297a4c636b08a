import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonPlanTransitionInput } from '#lib/server/learning/inputs';
import { transitionLessonPlan } from '#lib/server/learning/service';

export const POST = endpoint({ body: lessonPlanTransitionInput }, ({ db, p, event, body }) => transitionLessonPlan(db, p, parse(idParam, event.params).id, body));
