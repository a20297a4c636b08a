import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { assignInput } from '#lib/server/counselling/inputs';
import { assignCounsellor } from '#lib/server/counselling/service';

export const POST = endpoint({ body: assignInput, status: 201 }, ({ db, p, event, body }) => assignCounsellor(db, p, parse(idParam, event.params).id, body.counsellorId));
