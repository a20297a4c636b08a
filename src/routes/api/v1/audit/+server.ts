import { endpoint } from '#lib/server/http/api';
import { auditQuery } from '#lib/server/http/queries';
import { listAudit } from '#lib/server/audit/service';
import { authorizeList } from '#lib/server/auth/authorize';

/** The audit log of the caller's scope, newest first; `before` is the cursor (an entry id). */
export const GET = endpoint({ query: auditQuery }, async ({ db, p, query }) => {
	authorizeList(p, 'audit');
	const items = await listAudit(db, p, query);
	return { items, next: items.length === query.limit ? items[items.length - 1].id : null };
});
