import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { acknowledgeInput } from '#lib/server/messaging/inputs';
import { acknowledgeEntry } from '#lib/server/messaging/contact-book';

export const POST = endpoint({ body: acknowledgeInput }, ({ db, p, event, body }) => acknowledgeEntry(db, p, parse(idParam, event.params).id, body));
