import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getEvent } from '#lib/server/events/service';

export const GET = endpoint({}, ({ db, p, event }) => getEvent(db, p, parse(idParam, event.params).id));
