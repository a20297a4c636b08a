import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { getOrgUnit } from '#lib/server/organisations/service';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { settingsActions, settingsPageData } from '#lib/server/settings/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const unit = await orErrorPage(() => getOrgUnit(db, p, idOr404(event.params.id)));
	return { unit: { id: unit.id, name: unit.name }, ...(await orErrorPage(() => settingsPageData(db, p, unit.path))) };
};

export const actions: Actions = settingsActions();
