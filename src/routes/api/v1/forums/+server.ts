import { endpoint } from '#lib/server/http/api';
import { spaceInput } from '#lib/server/community/inputs';
import { createSpace, listSpaces } from '#lib/server/community/forums';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listSpaces(db, p) }));
export const POST = endpoint({ body: spaceInput, status: 201 }, ({ db, p, body }) => createSpace(db, p, body));
