import { endpoint } from '#lib/server/http/api';
import { publicationInput, publicationsQuery } from '#lib/server/programs/publication-inputs';
import { listPublications, publish } from '#lib/server/programs/publication-service';

export const GET = endpoint({ query: publicationsQuery }, async ({ db, p, query }) => ({ items: await listPublications(db, p, query) }));
export const POST = endpoint({ body: publicationInput, status: 201 }, ({ db, p, body }) => publish(db, p, body));
