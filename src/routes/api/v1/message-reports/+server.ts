import { endpoint } from '#lib/server/http/api';
import { reportsQuery } from '#lib/server/messaging/inputs';
import { listReports } from '#lib/server/messaging/service';

export const GET = endpoint({ query: reportsQuery }, async ({ db, p, query }) => ({ items: await listReports(db, p, query) }));
