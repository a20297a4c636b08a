import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getMeeting } from '#lib/server/events/meetings';

export const GET = endpoint({}, ({ db, p, event }) => getMeeting(db, p, parse(idParam, event.params).id));
