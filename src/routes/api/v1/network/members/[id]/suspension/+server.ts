import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { suspensionInput } from '#lib/server/network/inputs';
import { suspend } from '#lib/server/network/service';

export const POST = endpoint({ body: suspensionInput, status: 201 }, ({ db, p, event, body }) => suspend(db, p, parse(idParam, event.params).id, body));
