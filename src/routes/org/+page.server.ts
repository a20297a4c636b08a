import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can, mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { createOrgUnit, createSchool, listOrgUnits, listSchools } from '#lib/server/organisations/service';
import { orgUnitInput, schoolInput } from '#lib/server/organisations/inputs';
import { pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const [units, schools] = await Promise.all([listOrgUnits(db, p), listSchools(db, p)]);
	return {
		units: units.map((u) => ({ id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, code: u.code, historicalDistrict: u.historicalDistrict })),
		schools: schools.map((s) => ({ id: s.id, orgUnitId: s.orgUnitId, name: s.name, code: s.code, level: s.level, ownership: s.ownership, setting: s.setting })),
		// The parents offered in each form: only where the caller may create.
		unitParents: mayEver(p, 'create', 'org_unit') ? units.filter((u) => can(p, 'create', 'org_unit', u)).map((u) => ({ id: u.id, name: u.name })) : [],
		schoolParents: mayEver(p, 'create', 'school') ? units.filter((u) => can(p, 'create', 'school', u)).map((u) => ({ id: u.id, name: u.name })) : []
	};
};

export const actions: Actions = {
	createUnit: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createOrgUnit(getContext().db, p, parse(orgUnitInput, values))).id;
		} catch (e) {
			return pageFailure(e, values, 'createUnit');
		}
		redirect(303, `/org/units/${id}`);
	},
	createSchool: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await createSchool(getContext().db, p, parse(schoolInput, values))).id;
		} catch (e) {
			return pageFailure(e, values, 'createSchool');
		}
		redirect(303, `/schools/${id}`);
	}
};
