import { endpoint } from '#lib/server/http/api';
import { schoolQuery } from '#lib/server/counselling/inputs';
import { caseStats } from '#lib/server/counselling/service';

export const GET = endpoint({ query: schoolQuery }, ({ db, p, query }) => caseStats(db, p, query));
