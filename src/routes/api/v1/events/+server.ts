import { endpoint } from '#lib/server/http/api';
import { eventInput, eventsQuery } from '#lib/server/events/inputs';
import { createEvent, listEvents } from '#lib/server/events/service';

export const GET = endpoint({ query: eventsQuery }, async ({ db, p, query }) => ({ items: await listEvents(db, p, query) }));
export const POST = endpoint({ body: eventInput, status: 201 }, ({ db, p, body }) => createEvent(db, p, body));
