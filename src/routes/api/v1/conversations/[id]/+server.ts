import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getConversation } from '#lib/server/messaging/service';

export const GET = endpoint({}, ({ db, p, event }) => getConversation(db, p, parse(idParam, event.params).id));
