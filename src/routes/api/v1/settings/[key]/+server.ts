import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { settingKeyParam, settingPut, settingsQuery } from '#lib/server/settings/inputs';
import { clearSetting, findScope, setSetting } from '#lib/server/settings/service';

export const PUT = endpoint({ body: settingPut }, async ({ db, p, body, event }) => {
	const { key } = parse(settingKeyParam, event.params);
	return setSetting(db, p, (await findScope(db, body.scope)).path, key, body.value);
});
export const DELETE = endpoint({ query: settingsQuery }, async ({ db, p, query, event }) => {
	const { key } = parse(settingKeyParam, event.params);
	await clearSetting(db, p, (await findScope(db, query.scope)).path, key);
});
