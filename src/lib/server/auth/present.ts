import type { Principal } from './principal';

/** The `/me` shape: the person and every role with its scope. */
export function presentPrincipal(p: Principal) {
	return {
		person: { id: p.personId, name: p.displayName },
		account: { id: p.accountId, username: p.username },
		roles: p.grants.map((g) => ({ role: g.role, scope: { type: g.scopeType, id: g.scopeId, path: g.scopePath }, schoolId: g.schoolId })),
		children: p.childIds
	};
}
