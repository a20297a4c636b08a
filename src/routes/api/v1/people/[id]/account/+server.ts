import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { accountInput } from '#lib/server/people/inputs';
import { createAccount } from '#lib/server/people/service';

export const POST = endpoint({ body: accountInput, status: 201 }, ({ db, p, body, event }) => createAccount(db, p, parse(idParam, event.params).id, body));
