import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonReport } from '#lib/server/learning/elearning';

export const GET = endpoint({}, ({ db, p, event }) => lessonReport(db, p, parse(idParam, event.params).id));
