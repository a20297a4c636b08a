import { endpoint } from '#lib/server/http/api';
import { settingsQuery } from '#lib/server/settings/inputs';
import { effectiveSettings, findScope } from '#lib/server/settings/service';

export const GET = endpoint({ query: settingsQuery }, async ({ db, p, query }) => {
	const { scope, items } = await effectiveSettings(db, p, (await findScope(db, query.scope)).path);
	return { scope: { level: scope.level, id: scope.id, name: scope.name, path: scope.path }, items };
});
