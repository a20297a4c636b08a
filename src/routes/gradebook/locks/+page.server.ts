import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { getSchool, listClasses } from '#lib/server/organisations/service';
import { listLocks, lockTerm, unlockTerm } from '#lib/server/gradebook/service';
import { lockInput } from '#lib/server/gradebook/inputs';
import { currentYear, ledSchoolIds } from '#lib/server/gradebook/views';
import { idOr404, orErrorPage, pageFailure, isUuid } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';


export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	if (!mayEver(p, 'create', 'grade_lock')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const asked = event.url.searchParams.get('schoolId');
	const schoolId = isUuid(asked) ? asked : ledSchoolIds(p)[0];
	if (!schoolId) return { school: null, years: [], year: null, classes: [], locks: [] };
	const school = await orErrorPage(() => getSchool(db, p, schoolId));
	const { years, current } = await orErrorPage(() => currentYear(db, p, school.id));
	const askedYear = event.url.searchParams.get('yearId');
	const year = years.find((y) => y.id === askedYear) ?? current;
	const [classes, locks] = year ? await orErrorPage(() => Promise.all([listClasses(db, p, { schoolId: school.id, schoolYearId: year.id }), listLocks(db, p, year.id)])) : [[], []];
	return {
		school: { id: school.id, name: school.name },
		years: years.map((y) => ({ id: y.id, name: y.name })),
		year: year ? { id: year.id, name: year.name } : null,
		classes: classes.map((c) => ({ id: c.id, name: c.name })),
		locks: locks.map((l) => ({ id: l.id, term: l.term, className: l.className, lockedAt: l.lockedAt }))
	};
};

async function run(event: RequestEvent, form: string, work: (values: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const values = formObject(await event.request.formData());
	try {
		await work(values);
	} catch (e) {
		return pageFailure(e, values, form);
	}
	return { done: form };
}

export const actions: Actions = {
	// An empty class means the whole school.
	lock: (event) => run(event, 'lock', (v) => lockTerm(getContext().db, event.locals.principal!, parse(lockInput, { ...v, classId: v.classId ?? null }))),
	unlock: (event) => run(event, 'unlock', (v) => unlockTerm(getContext().db, event.locals.principal!, idOr404(v.lockId ?? '')))
};
