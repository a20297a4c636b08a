import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getAssignment } from '#lib/server/learning/assignments';

export const GET = endpoint({}, ({ db, p, event }) => getAssignment(db, p, parse(idParam, event.params).id));
