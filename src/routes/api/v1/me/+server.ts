import { endpoint } from '#lib/server/http/api';
import { presentPrincipal } from '#lib/server/auth/present';

export const GET = endpoint({}, async ({ p }) => presentPrincipal(p));
