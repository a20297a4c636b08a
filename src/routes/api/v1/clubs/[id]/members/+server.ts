import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { requestMembership } from '#lib/server/community/clubs';

export const POST = endpoint({ status: 201 }, ({ db, p, event }) => requestMembership(db, p, parse(idParam, event.params).id));
