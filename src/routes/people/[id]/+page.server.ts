import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { can, mayGrant } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { adminResetPassword } from '#lib/server/auth/service';
import { createAccount, getPerson, getPersonDetail, grantRole, linkGuardian, personResource, revokeRole, updatePerson } from '#lib/server/people/service';
import { accountInput, grantInput, guardianInput, personPatch } from '#lib/server/people/inputs';
import { fullName } from '#lib/server/people/names';
import { getSchool } from '#lib/server/organisations/service';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { grantScopeOptions, linkableLearners, scopeLabels, splitScope } from '#lib/server/people/views';
import { ValidationError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const [d, record] = await orErrorPage(() => Promise.all([getPersonDetail(db, p, id), getPerson(db, p, id)]));
	const resource = await personResource(db, record);
	const canEdit = can(p, 'update', 'person', resource);
	const canManageAccount = can(p, 'update', 'account', resource) && d.person.id !== p.personId;
	const mayLink = canEdit && d.person.kind === 'guardian';
	const [labels, scopeOptions, learners, school] = await Promise.all([
		scopeLabels(db, d.grants),
		grantScopeOptions(db, p),
		mayLink ? linkableLearners(db, p, d.person.schoolId) : [],
		d.person.schoolId ? getSchool(db, p, d.person.schoolId).catch(() => null) : null
	]);
	const linked = new Set(d.children.map((c) => c.id));
	return {
		person: {
			id: d.person.id,
			name: fullName(d.person),
			kind: d.person.kind,
			familyName: d.person.familyName,
			middleName: d.person.middleName,
			givenName: d.person.givenName,
			dateOfBirth: d.person.dateOfBirth ?? '',
			gender: d.person.gender ?? '',
			email: d.person.email ?? '',
			phone: d.person.phone ?? '',
			learnerCode: d.person.learnerCode ?? '',
			staffCode: d.person.staffCode ?? ''
		},
		school: school ? { id: school.id, name: school.name } : null,
		grants: d.grants.map((g) => ({ id: g.id, role: g.role, scopeType: g.scopeType, scope: g.scopeId ? (labels.get(g.scopeId) ?? '') : '', mayRevoke: mayGrant(p, g.role, g.scopePath) })),
		children: d.children.map((c) => ({ id: c.id, name: fullName(c), relation: c.relation })),
		guardians: d.guardians.map((c) => ({ id: c.id, name: fullName(c), relation: c.relation, phone: c.phone ?? '' })),
		account: d.account ? { username: d.account.username, email: d.account.email ?? '', disabled: d.account.disabled } : null,
		scopeOptions: scopeOptions.map((o) => ({ value: o.value, label: o.label, scopeType: o.scopeType })),
		grantableRoles: [...new Set(scopeOptions.flatMap((o) => o.roles))],
		learners: learners.filter((l) => !linked.has(l.id)),
		can: { edit: canEdit, link: mayLink, account: canManageAccount, readAccount: can(p, 'read', 'account', resource) }
	};
};

async function run(event: RequestEvent, form: string, work: (values: Record<string, string | undefined>, personId: string) => Promise<unknown>) {
	requirePrincipal(event);
	const personId = idOr404(event.params.id);
	const values = formObject(await event.request.formData());
	try {
		await work(values, personId);
	} catch (e) {
		return pageFailure(e, Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k))), form);
	}
	return { done: form };
}

const principal = (event: RequestEvent) => event.locals.principal!;

/** Optional fields sent empty are cleared (null); fields the form did not show stay as they are. */
const clearedWhenEmpty = (v: Record<string, string | undefined>) =>
	Object.fromEntries(['dateOfBirth', 'gender', 'email', 'phone', 'learnerCode', 'staffCode'].filter((k) => k in v).map((k) => [k, v[k] ?? null]));

export const actions: Actions = {
	update: (event) =>
		run(event, 'update', (v, id) =>
			updatePerson(getContext().db, principal(event), id, parse(personPatch, { ...v, middleName: v.middleName ?? '', ...clearedWhenEmpty(v) }))
		),
	grant: (event) => run(event, 'grant', (v, id) => grantRole(getContext().db, principal(event), id, parse(grantInput, { role: v.role, ...splitScope(v.scope) }))),
	revoke: (event) => run(event, 'revoke', (v, id) => revokeRole(getContext().db, principal(event), id, idOr404(v.grantId ?? ''))),
	link: (event) => run(event, 'link', (v, id) => linkGuardian(getContext().db, principal(event), id, parse(guardianInput, v))),
	createAccount: (event) => run(event, 'createAccount', (v, id) => createAccount(getContext().db, principal(event), id, parse(accountInput, v))),
	resetPassword: (event) =>
		run(event, 'resetPassword', async (v, id) => {
			const { db } = getContext();
			const d = await getPersonDetail(db, principal(event), id);
			if (!d.account) throw new ValidationError(m.people_no_account(), []);
			if (!v.newPassword) throw new ValidationError(m.error_invalid_input(), [{ path: 'newPassword', message: m.org_required() }]);
			await adminResetPassword(db, principal(event), d.account.id, v.newPassword);
		})
};
