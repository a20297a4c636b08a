import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { unlockTerm } from '#lib/server/gradebook/service';

export const DELETE = endpoint({}, ({ db, p, event }) => unlockTerm(db, p, parse(idParam, event.params).id));
