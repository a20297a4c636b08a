import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { essayGradeInput } from '#lib/server/learning/elearning-inputs';
import { gradeEssay } from '#lib/server/learning/elearning';

export const POST = endpoint({ body: essayGradeInput }, ({ db, p, event, body }) => gradeEssay(db, p, parse(idParam, event.params).id, body));
