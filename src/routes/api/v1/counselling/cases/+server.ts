import { endpoint } from '#lib/server/http/api';
import { caseInput, casesQuery } from '#lib/server/counselling/inputs';
import { createCase, listCases } from '#lib/server/counselling/service';

export const GET = endpoint({ query: casesQuery }, async ({ db, p, query }) => ({ items: await listCases(db, p, query) }));
export const POST = endpoint({ body: caseInput, status: 201 }, ({ db, p, body }) => createCase(db, p, body));
