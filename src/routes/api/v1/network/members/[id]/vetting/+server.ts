import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { vettingInput } from '#lib/server/network/inputs';
import { vet } from '#lib/server/network/service';

export const POST = endpoint({ body: vettingInput, status: 201 }, ({ db, p, event, body }) => vet(db, p, parse(idParam, event.params).id, body));
