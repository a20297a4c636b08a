import { endpoint } from '#lib/server/http/api';
import { membersQuery } from '#lib/server/network/inputs';
import { searchMembers } from '#lib/server/network/service';

export const GET = endpoint({ query: membersQuery }, async ({ db, p, query }) => ({ items: await searchMembers(db, p, query) }));
