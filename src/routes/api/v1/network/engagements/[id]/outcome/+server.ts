import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { engagementOutcome } from '#lib/server/network/inputs';
import { recordOutcome } from '#lib/server/network/service';

export const POST = endpoint({ body: engagementOutcome }, ({ db, p, event, body }) => recordOutcome(db, p, parse(idParam, event.params).id, body));
