import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { bookingInput } from '#lib/server/counselling/inputs';
import { bookSlot } from '#lib/server/counselling/service';

export const POST = endpoint({ body: bookingInput, status: 201 }, ({ db, p, event, body }) => bookSlot(db, p, parse(idParam, event.params).id, body));
