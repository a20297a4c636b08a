import { endpoint } from '#lib/server/http/api';
import { slotsInput, slotsQuery } from '#lib/server/counselling/inputs';
import { freeSlots, mySlots, publishSlots } from '#lib/server/counselling/service';

export const GET = endpoint({ query: slotsQuery }, async ({ db, p, query }) => ({ items: query.view === 'mine' ? await mySlots(db, p) : await freeSlots(db, p, query) }));
export const POST = endpoint({ body: slotsInput, status: 201 }, async ({ db, p, body }) => ({ items: await publishSlots(db, p, body) }));
