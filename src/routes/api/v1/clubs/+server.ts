import { endpoint } from '#lib/server/http/api';
import { clubInput, clubsQuery } from '#lib/server/community/inputs';
import { createClub, listClubs } from '#lib/server/community/clubs';

export const GET = endpoint({ query: clubsQuery }, async ({ db, p, query }) => ({ items: await listClubs(db, p, query) }));
export const POST = endpoint({ body: clubInput, status: 201 }, ({ db, p, body }) => createClub(db, p, body));
