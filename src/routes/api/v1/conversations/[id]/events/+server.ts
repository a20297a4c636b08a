import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { liveAccess } from '#lib/server/messaging/service';
import { eventStream } from '#lib/server/messaging/events';

export const GET = endpoint({}, async ({ db, p, event }) => eventStream(await liveAccess(db, p, parse(idParam, event.params).id), event.request.signal));
