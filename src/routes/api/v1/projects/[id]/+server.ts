import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getProject } from '#lib/server/learning/projects';

export const GET = endpoint({}, ({ db, p, event }) => getProject(db, p, parse(idParam, event.params).id));
