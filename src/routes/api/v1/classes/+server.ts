import { endpoint } from '#lib/server/http/api';
import { classesQuery } from '#lib/server/http/queries';
import { classInput } from '#lib/server/organisations/inputs';
import { createClass, listClasses } from '#lib/server/organisations/service';

export const GET = endpoint({ query: classesQuery }, async ({ db, p, query }) => ({ items: await listClasses(db, p, query) }));
export const POST = endpoint({ body: classInput, status: 201 }, ({ db, p, body }) => createClass(db, p, body));
