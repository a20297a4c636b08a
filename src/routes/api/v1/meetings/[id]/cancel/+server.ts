import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { cancelMeeting } from '#lib/server/events/meetings';

export const POST = endpoint({}, ({ db, p, event }) => cancelMeeting(db, p, parse(idParam, event.params).id));
