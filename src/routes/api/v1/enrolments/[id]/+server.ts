import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { unenrol } from '#lib/server/organisations/service';

export const DELETE = endpoint({}, ({ db, p, event }) => unenrol(db, p, parse(idParam, event.params).id));
