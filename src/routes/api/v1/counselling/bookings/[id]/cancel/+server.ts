import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { cancelBooking } from '#lib/server/counselling/service';

export const POST = endpoint({}, ({ db, p, event }) => cancelBooking(db, p, parse(idParam, event.params).id));
