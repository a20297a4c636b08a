import { endpoint } from '#lib/server/http/api';
import { outboxQuery } from '#lib/server/notifications/inputs';
import { outboxView } from '#lib/server/notifications/dead-letter';

export const GET = endpoint({ query: outboxQuery }, ({ db, p, query }) => outboxView(db, p, query.status, query.limit));
