import { endpoint } from '#lib/server/http/api';
import { tokenInput } from '#lib/server/auth/inputs';
import { createApiToken } from '#lib/server/auth/service';

/** Create a bearer token for an integration; the token is shown once. */
export const POST = endpoint({ body: tokenInput, status: 201 }, async ({ db, p, body }) => createApiToken(db, p, body.name));
