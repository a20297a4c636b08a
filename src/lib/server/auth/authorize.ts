import { can, mayEver, type Action, type Kind, type Resource } from './policy';
import type { Principal } from './principal';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { log } from '../log';
import { requestId } from '../http/request-context';
import { m } from '#lib/paraglide/messages.js';

/**
 * Throws unless the principal may act. Someone who may not even read the record gets 404, so
 * its existence does not leak; someone who may read it but not change it gets 403. Denials are logged.
 */
export function authorize(p: Principal | null, action: Action, kind: Kind, resource: Resource | undefined): asserts resource is Resource {
	if (!p) throw new UnauthenticatedError(m.error_unauthenticated());
	if (resource && can(p, action, kind, resource)) return;
	const visible = resource !== undefined && (action === 'read' ? false : can(p, 'read', kind, resource));
	log.warn({ reqId: requestId(), personId: p.personId, action, kind, path: resource?.path }, 'access denied');
	if (!visible) throw new NotFoundError(m.error_not_found());
	throw new ForbiddenError(m.error_forbidden());
}

/** For creating: the parent scope (e.g. the school a class goes into) must allow `create`. */
export function authorizeCreate(p: Principal | null, kind: Kind, resource: Resource): void {
	if (!p) throw new UnauthenticatedError(m.error_unauthenticated());
	if (can(p, 'create', kind, resource)) return;
	log.warn({ reqId: requestId(), personId: p.personId, action: 'create', kind, path: resource.path }, 'access denied');
	throw new ForbiddenError(m.error_forbidden());
}

/** For lists: the caller must hold some role that may ever read the kind (rows are then scoped). */
export function authorizeList(p: Principal | null, kind: Kind): void {
	if (!p) throw new UnauthenticatedError(m.error_unauthenticated());
	if (mayEver(p, 'read', kind)) return;
	log.warn({ reqId: requestId(), personId: p.personId, action: 'list', kind }, 'access denied');
	throw new ForbiddenError(m.error_forbidden());
}
