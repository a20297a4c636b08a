import { endpoint } from '#lib/server/http/api';
import { lockInput, locksQuery } from '#lib/server/gradebook/inputs';
import { listLocks, lockTerm } from '#lib/server/gradebook/service';

export const GET = endpoint({ query: locksQuery }, async ({ db, p, query }) => ({ items: await listLocks(db, p, query.schoolYearId) }));
export const POST = endpoint({ body: lockInput, status: 201 }, ({ db, p, body }) => lockTerm(db, p, body));
