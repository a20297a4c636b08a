import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { publishColumn, unpublishColumn } from '#lib/server/gradebook/learner-view';

export const POST = endpoint({}, ({ db, p, event }) => publishColumn(db, p, parse(idParam, event.params).id));
export const DELETE = endpoint({}, ({ db, p, event }) => unpublishColumn(db, p, parse(idParam, event.params).id));
