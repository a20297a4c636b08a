import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { meetingResponseInput } from '#lib/server/events/inputs';
import { respondToMeeting } from '#lib/server/events/meetings';

export const PUT = endpoint({ body: meetingResponseInput }, ({ db, p, event, body }) => respondToMeeting(db, p, parse(idParam, event.params).id, body.response));
