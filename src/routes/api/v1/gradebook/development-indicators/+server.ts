import { endpoint } from '#lib/server/http/api';
import { indicatorInput, indicatorsQuery } from '#lib/server/gradebook/inputs';
import { createIndicator, listIndicators } from '#lib/server/gradebook/preschool';

export const GET = endpoint({ query: indicatorsQuery }, async ({ db, p, query }) => ({ items: await listIndicators(db, p, query) }));
export const POST = endpoint({ body: indicatorInput, status: 201 }, ({ db, p, body }) => createIndicator(db, p, body));
