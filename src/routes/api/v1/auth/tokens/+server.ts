import { endpoint } from '#lib/server/http/api';
import { tokenInput } from '#lib/server/auth/inputs';
import { createApiToken, listApiTokens } from '#lib/server/auth/service';

/** The caller's own tokens that still work (never the secrets). */
export const GET = endpoint({}, async ({ db, p }) => ({ items: await listApiTokens(db, p) }));

/** Create a bearer token for an integration; the token is shown once. */
export const POST = endpoint({ body: tokenInput, status: 201 }, async ({ db, p, body }) => createApiToken(db, p, body.name));
