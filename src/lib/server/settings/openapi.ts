import { settingPut, settingsQuery } from './inputs';

/** The settings routes as /api/v1/openapi.json lists them. */
export const settingsRouteDocs = [
	{ method: 'get', path: '/settings', summary: 'Every setting that can be set at a scope (scope: city, a unit id or a school id): the value in effect, where it comes from (this scope, a unit or the city above, or the default) and the value set here', tag: 'settings', query: settingsQuery },
	{ method: 'put', path: '/settings/{key}', summary: 'Set a value at a scope; 400 for an unknown key, a level the key cannot be set at, or an invalid value. Audited.', tag: 'settings', body: settingPut },
	{ method: 'delete', path: '/settings/{key}', summary: 'Remove the value set at a scope, so the inherited one applies again. Audited.', tag: 'settings', query: settingsQuery, status: 204 }
] as const;
