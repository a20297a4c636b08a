import { endpoint } from '#lib/server/http/api';
import { pilotSiteInput, pilotSitesQuery } from '#lib/server/programs/pilot-inputs';
import { assignSite, listSites } from '#lib/server/programs/pilot-service';

export const GET = endpoint({ query: pilotSitesQuery }, async ({ db, p, query }) => ({ items: await listSites(db, p, query) }));
export const POST = endpoint({ body: pilotSiteInput, status: 201 }, ({ db, p, body }) => assignSite(db, p, body));
