import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { cancelEvent } from '#lib/server/events/service';

export const POST = endpoint({}, ({ db, p, event }) => cancelEvent(db, p, parse(idParam, event.params).id));
