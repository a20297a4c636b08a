import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can, mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { createPerson, searchPeople } from '#lib/server/people/service';
import { peopleQuery, personInput } from '#lib/server/people/inputs';
import { fullName } from '#lib/server/people/names';
import { listSchools } from '#lib/server/organisations/service';
import { pageFailure } from '#lib/server/organisations/views';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const raw = Object.fromEntries([...event.url.searchParams].filter(([k, v]) => v !== '' && k !== 'pageSize'));
	const parsed = peopleQuery.safeParse({ ...raw, pageSize: PAGE_SIZE });
	const query = parsed.success ? parsed.data : peopleQuery.parse({ pageSize: PAGE_SIZE });
	const mayCreate = mayEver(p, 'create', 'person');
	const [result, schools] = await Promise.all([searchPeople(db, p, query), mayCreate ? listSchools(db, p) : []]);
	const schoolName = new Map(schools.map((s) => [s.id, s.name]));
	return {
		q: query.q ?? '',
		kind: query.kind ?? '',
		page: result.page,
		pageSize: result.pageSize,
		total: result.total,
		items: result.items.map((x) => ({
			id: x.id,
			name: fullName(x),
			kind: x.kind,
			code: x.learnerCode ?? x.staffCode ?? '',
			dateOfBirth: x.dateOfBirth,
			school: x.schoolId ? (schoolName.get(x.schoolId) ?? '') : ''
		})),
		// Where the caller may add a person: schools in scope, and no school at all for administrators.
		createSchools: schools.filter((s) => can(p, 'create', 'person', { path: s.path })).map((s) => ({ id: s.id, name: s.name })),
		mayCreateWithoutSchool: can(p, 'create', 'person', { path: '/' })
	};
};

export const actions: Actions = {
	create: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createPerson(getContext().db, p, parse(personInput, values))).id;
		} catch (e) {
			return pageFailure(e, values, 'create');
		}
		redirect(303, `/people/${id}`);
	}
};
