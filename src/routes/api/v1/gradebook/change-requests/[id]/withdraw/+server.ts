import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { withdrawChange } from '#lib/server/gradebook/service';

export const POST = endpoint({}, ({ db, p, event }) => withdrawChange(db, p, parse(idParam, event.params).id));
