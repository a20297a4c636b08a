import { endpoint } from '#lib/server/http/api';
import { engagementInput, engagementsQuery } from '#lib/server/network/inputs';
import { listEngagements, requestEngagement } from '#lib/server/network/service';

export const GET = endpoint({ query: engagementsQuery }, async ({ db, p, query }) => ({ items: await listEngagements(db, p, query) }));
export const POST = endpoint({ body: engagementInput, status: 201 }, ({ db, p, body }) => requestEngagement(db, p, body));
