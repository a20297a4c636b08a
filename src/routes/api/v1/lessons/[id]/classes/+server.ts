import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { assignInput } from '#lib/server/learning/elearning-inputs';
import { assignLesson } from '#lib/server/learning/elearning';

export const POST = endpoint({ body: assignInput, status: 201 }, ({ db, p, event, body }) => assignLesson(db, p, parse(idParam, event.params).id, body));
