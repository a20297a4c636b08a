import { endpoint } from '#lib/server/http/api';
import { historyQuery } from '#lib/server/gradebook/inputs';
import { cellHistory } from '#lib/server/gradebook/service';

export const GET = endpoint({ query: historyQuery }, async ({ db, p, query }) => ({ items: await cellHistory(db, p, query) }));
