import { endpoint } from '#lib/server/http/api';
import { changeRequestInput, changeRequestsQuery } from '#lib/server/gradebook/inputs';
import { listChangeRequests, requestChange } from '#lib/server/gradebook/service';

export const GET = endpoint({ query: changeRequestsQuery }, async ({ db, p, query }) => ({ items: await listChangeRequests(db, p, query) }));
export const POST = endpoint({ body: changeRequestInput, status: 201 }, ({ db, p, body }) => requestChange(db, p, body));
