import { endpoint } from '#lib/server/http/api';
import { schoolQuery } from '#lib/server/counselling/inputs';
import { caseQueue } from '#lib/server/counselling/service';

export const GET = endpoint({ query: schoolQuery }, async ({ db, p, query }) => ({ items: await caseQueue(db, p, query) }));
