import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonPlanCopyInput } from '#lib/server/learning/inputs';
import { copyLessonPlan } from '#lib/server/learning/service';

export const POST = endpoint({ body: lessonPlanCopyInput, status: 201 }, ({ db, p, event, body }) => copyLessonPlan(db, p, parse(idParam, event.params).id, body));
