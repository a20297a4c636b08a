import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { retryMessage } from '#lib/server/notifications/dead-letter';

export const POST = endpoint({}, ({ db, p, event }) => retryMessage(db, p, parse(idParam, event.params).id));
