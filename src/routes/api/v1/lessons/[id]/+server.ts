import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonPatch } from '#lib/server/learning/elearning-inputs';
import { getLesson, updateLesson } from '#lib/server/learning/elearning';

export const GET = endpoint({}, ({ db, p, event }) => getLesson(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: lessonPatch }, ({ db, p, event, body }) => updateLesson(db, p, parse(idParam, event.params).id, body));
