import { endpoint } from '#lib/server/http/api';
import { libraryItemInput, libraryQuery } from '#lib/server/learning/library-inputs';
import { listItems, publishItem } from '#lib/server/learning/library';

export const GET = endpoint({ query: libraryQuery }, async ({ db, p, query }) => ({ items: await listItems(db, p, query) }));
export const POST = endpoint({ body: libraryItemInput, status: 201 }, ({ db, p, body }) => publishItem(db, p, body));
