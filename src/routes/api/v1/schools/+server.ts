import { endpoint } from '#lib/server/http/api';
import { schoolsQuery } from '#lib/server/http/queries';
import { schoolInput } from '#lib/server/organisations/inputs';
import { createSchool, listSchools } from '#lib/server/organisations/service';

export const GET = endpoint({ query: schoolsQuery }, async ({ db, p, query }) => ({ items: await listSchools(db, p, query) }));
export const POST = endpoint({ body: schoolInput, status: 201 }, ({ db, p, body }) => createSchool(db, p, body));
