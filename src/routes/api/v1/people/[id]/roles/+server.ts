import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { grantInput } from '#lib/server/people/inputs';
import { grantRole } from '#lib/server/people/service';

export const POST = endpoint({ body: grantInput, status: 201 }, ({ db, p, body, event }) => grantRole(db, p, parse(idParam, event.params).id, body));
