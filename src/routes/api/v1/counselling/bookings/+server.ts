import { endpoint } from '#lib/server/http/api';
import { listBookings } from '#lib/server/counselling/service';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listBookings(db, p) }));
