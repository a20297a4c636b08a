import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { deleteOrgUnit, getOrgUnit, listOrgUnits, listSchools, updateOrgUnit } from '#lib/server/organisations/service';
import { orgUnitPatch } from '#lib/server/organisations/inputs';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const unit = await orErrorPage(() => getOrgUnit(db, p, id));
	const [units, schools] = await Promise.all([listOrgUnits(db, p), listSchools(db, p, { orgUnitId: unit.id })]);
	const parent = units.find((u) => u.id === unit.parentId);
	const children = units.filter((u) => u.parentId === unit.id);
	return {
		unit: { id: unit.id, name: unit.name, code: unit.code, kind: unit.kind, historicalDistrict: unit.historicalDistrict ?? '' },
		parent: parent ? { id: parent.id, name: parent.name } : null,
		children: children.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		schools: schools.map((s) => ({ id: s.id, name: s.name, level: s.level })),
		canEdit: can(p, 'update', 'org_unit', unit),
		canSeeSettings: can(p, 'read', 'settings', unit),
		// Only an empty unit can go; the service checks again.
		canDelete: can(p, 'delete', 'org_unit', unit) && !children.length && !schools.length
	};
};

export const actions: Actions = {
	update: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		const values = formObject(await event.request.formData());
		try {
			// An emptied "former district" field clears it.
			await updateOrgUnit(getContext().db, p, id, parse(orgUnitPatch, { ...values, historicalDistrict: values.historicalDistrict ?? null }));
		} catch (e) {
			return pageFailure(e, values, 'update');
		}
		return { saved: true as const };
	},
	delete: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		try {
			await deleteOrgUnit(getContext().db, p, id);
		} catch (e) {
			return pageFailure(e, {}, 'delete');
		}
		redirect(303, '/org');
	}
};
