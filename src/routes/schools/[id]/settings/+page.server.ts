import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { getSchool } from '#lib/server/organisations/service';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { settingsActions, settingsPageData } from '#lib/server/settings/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const school = await orErrorPage(() => getSchool(db, p, idOr404(event.params.id)));
	return { school: { id: school.id, name: school.name }, ...(await orErrorPage(() => settingsPageData(db, p, school.path))) };
};

export const actions: Actions = settingsActions();
