import { endpoint } from '#lib/server/http/api';
import { personQuery, preferencesInput } from '#lib/server/notifications/inputs';
import { getPreferences, savePreferences } from '#lib/server/notifications/preferences';

export const GET = endpoint({ query: personQuery }, ({ db, p, query }) => getPreferences(db, p, query.personId ?? p.personId));
export const PUT = endpoint({ query: personQuery, body: preferencesInput }, ({ db, p, query, body }) => savePreferences(db, p, body, query.personId ?? p.personId));
