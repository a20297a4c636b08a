import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { courseUpdateInput } from '#lib/server/programs/training-inputs';
import { getCourse, updateCourse } from '#lib/server/programs/training-service';

export const GET = endpoint({}, ({ db, p, event }) => getCourse(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: courseUpdateInput }, ({ db, p, event, body }) => updateCourse(db, p, parse(idParam, event.params).id, body));
